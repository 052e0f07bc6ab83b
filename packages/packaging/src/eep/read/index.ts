/**
 * Reading DA/T 48 EEPs (封装包读取): `readEep` streams a package once and returns its layers, documents,
 * encodings (never their data), signatures, the 锁定签名, the metadata record and the structure findings.
 *
 * @module
 */
export { EEP_ERROR_CODES, type EepErrorCode } from './errors.js';
export type { EepReadOptions } from './pass.js';
export { type ReadEepOptions, readEep, safeReadEep } from './read-eep.js';
export type {
  EepCertificateBlock,
  EepDocumentDataInfo,
  EepDocumentInfo,
  EepEncodingInfo,
  EepInfo,
  EepLayerInfo,
  EepLockSignatureInfo,
  EepSignatureFields,
  EepSignatureInfo,
} from './types.js';
