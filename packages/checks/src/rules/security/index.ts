/**
 * Security and usability-of-package rules (安全性、信息包可用性): virus scan, extra files on the carrier, no
 * encryption, no non-public compression.
 *
 * @module
 */
export { compressionFindings, methodLabel, noNonPublicCompressionRule } from './compression.js';
export { dedupe, encryptionFindings, noEncryptionRule } from './encryption.js';
export { extraFilesRule, isHiddenOrSystemFile } from './extra-files.js';
export { virusScanRule } from './virus.js';
