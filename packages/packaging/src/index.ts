/**
 * @dangan/packaging — DA/T 48 EEP, 归档信息包 and 移交信息包, manifests, registration forms, the streaming
 * ZIP64 engine, and package sinks and sources.
 *
 * So far: the package kinds as data, the streaming ZIP64 engine (writer and safe reader), and package sinks and
 * sources (memory here; folder in `@dangan/packaging/node`). The EEP, the ZIP sink and the packages arrive with the
 * rest of their issue.
 *
 * @module
 */

export * from './archival/index.js';
export * from './eep/build/index.js';
export * from './eep/extract/index.js';
export * from './eep/read/index.js';
export * from './eep/sign/index.js';
export {
  EEP_SIGNING_RULE_PREFIX,
  EEP_SIGNING_RULE_TEMPLATE,
  EEP_SM2_SM3_OID,
  eepSignatureId,
  eepSigningRule,
  userIdFromSigningRule,
} from './eep/signing-rule.js';
export * from './eep/validate/index.js';
export * from './eep/verify/index.js';
export * from './inventory/index.js';
export * from './manifest/index.js';
export { PACKAGE_KINDS, type PackageKind } from './package-kinds.js';
export * from './sinks/index.js';
export * from './transfer/index.js';
export * from './zip/index.js';
