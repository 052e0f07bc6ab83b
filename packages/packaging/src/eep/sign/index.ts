/**
 * Signing DA/T 48 EEPs (封装包签名): the signer type shared with `buildEep`, and `signEep`, which adds a
 * signature and a new 锁定签名 to an existing EEP as a stream.
 *
 * @module
 */
export { type SignEepOptions, type SignEepResult, signEep } from './sign-eep.js';
export type { EepSigner } from './signer.js';
