/**
 * SM2 digital signatures (GB/T 32918.2-2016, GM/T 0003/0009) on the sm2p256v1 curve: keys, sign, verify,
 * Z_A with the signer's user ID, PKCS#8 / SubjectPublicKeyInfo keys in PEM and DER, and reading X.509
 * certificates. Meant to be exported as a namespace: `export * as sm2 from './sm2/index.js'`.
 *
 * @module
 */
export {
  type CertificateExtension,
  type CertificateInfo,
  parseCertificate,
  publicKeyFromCertificate,
  type Sm2CertificateInfo,
  safeParseCertificate,
  safePublicKeyFromCertificate,
} from './certificate.js';
export {
  type CreateCertificateOptions,
  createCertificate,
  type DistinguishedNameInput,
  KEY_USAGES,
  type KeyUsage,
  type NameAttributeInput,
  safeCreateCertificate,
} from './certificate-create.js';
export {
  type CertificateInput,
  type CertificateProblem,
  type CertificateVerification,
  safeVerifyCertificate,
  type VerifyCertificateOptions,
  verifyCertificate,
} from './certificate-verify.js';
export { privateKeyFromDer, privateKeyToDer, publicKeyFromDer, publicKeyToDer } from './key-der.js';
export { clearCaches, generateKeyPair, getPublicKey, type Sm2KeyPair } from './key-pair.js';
export {
  privateKeyFromPem,
  privateKeyToPem,
  publicKeyFromPem,
  publicKeyToPem,
  safePrivateKeyFromDer,
  safePrivateKeyFromPem,
  safePublicKeyFromDer,
  safePublicKeyFromPem,
} from './key-pem.js';
export { createMessageHasher } from './message-hash.js';
export { OID } from './oids.js';
export type {
  KeyPairOptions,
  MessageHasherOptions,
  SignDigestOptions,
  SignOptions,
  VerifyDigestOptions,
  VerifyOptions,
} from './options.js';
export { sign, signDigest } from './sign.js';
export { type SignatureFormat, signatureToDer, signatureToRaw } from './signature-encoding.js';
export { DEFAULT_USER_ID } from './user-id.js';
export { verify, verifyDigest } from './verify.js';
export type { DistinguishedName, NameAttribute } from './x509-name.js';
export { computeZ } from './z-value.js';
