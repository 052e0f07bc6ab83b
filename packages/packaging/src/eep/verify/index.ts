/**
 * Verifying DA/T 48 EEPs (封装包验证): structure, every 电子签名 against the exact bytes of its layer's
 * 被签名对象, the 锁定签名, certificate validity and chains to trust anchors, and each embedded file's size
 * and digests — streaming, with bounded memory.
 *
 * @module
 */
export type {
  EepCertificateSummary,
  EepCheck,
  EepCheckStatus,
  EepFileCheck,
  EepSignatureCheck,
  EepSignatureProblem,
  EepVerification,
} from './types.js';
export { safeVerifyEep, type VerifyEepOptions, verifyEep } from './verify-eep.js';
