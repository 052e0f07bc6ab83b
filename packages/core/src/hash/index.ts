/**
 * Digests (数字摘要): SM3, SHA-256/512 for archives, SHA-1/MD5 only to verify old manifests; streaming,
 * several algorithms in one pass, HMAC. Native `node:crypto` is used when present, with identical output.
 *
 * @module
 */
export {
  ARCHIVAL_DIGEST_ALGORITHMS,
  type ArchivalDigestAlgorithm,
  DIGEST_ALGORITHMS,
  type DigestAlgorithm,
  digestLength,
  isLegacyDigestAlgorithm,
  LEGACY_DIGEST_ALGORITHMS,
  type LegacyDigestAlgorithm,
  parseDigestAlgorithm,
  safeParseDigestAlgorithm,
} from './algorithms.js';
export { type Crc32, type Crc32Options, crc32, createCrc32 } from './crc32.js';
export {
  type DigestOptions,
  digest,
  digestBytes,
  digests,
  safeDigest,
  safeDigests,
} from './digest.js';
export { createHasher, createPureHasher, type Hasher } from './hasher.js';
export { hmac, hmacSm3 } from './hmac.js';
export { SM3, sm3 } from './sm3.js';
