import { DanganError } from '../errors/dangan-error.js';
import { type SafeResult, safely } from '../errors/result.js';

/**
 * Digest algorithms for new archives (归档用摘要算法): SM3 first (the national standard named by DA/T 48 and
 * GB/T 38540), SHA-256 and SHA-512 where a receiving archive asks for them.
 */
export type ArchivalDigestAlgorithm = 'sm3' | 'sha256' | 'sha512';

/**
 * Digest algorithms kept only to verify manifests written by older systems (旧清单核验专用), which often
 * state MD5 or SHA-1 in their 数字摘要 sheet. Both are broken for collision resistance: never choose them
 * for a new package, registration form or audit chain — use {@link ArchivalDigestAlgorithm}.
 */
export type LegacyDigestAlgorithm = 'sha1' | 'md5';

/** Every digest algorithm dangan computes: the archival ones plus the verify-only legacy ones. */
export type DigestAlgorithm = ArchivalDigestAlgorithm | LegacyDigestAlgorithm;

/** The algorithms to offer when creating digests, in order of preference (SM3 first). */
export const ARCHIVAL_DIGEST_ALGORITHMS: readonly ArchivalDigestAlgorithm[] = ['sm3', 'sha256', 'sha512'];

/** The algorithms accepted only to verify existing manifests (see {@link LegacyDigestAlgorithm}). */
export const LEGACY_DIGEST_ALGORITHMS: readonly LegacyDigestAlgorithm[] = ['sha1', 'md5'];

/** Every supported algorithm: {@link ARCHIVAL_DIGEST_ALGORITHMS} then {@link LEGACY_DIGEST_ALGORITHMS}. */
export const DIGEST_ALGORITHMS: readonly DigestAlgorithm[] = ['sm3', 'sha256', 'sha512', 'sha1', 'md5'];

/**
 * Whether `algorithm` is one of the verify-only legacy algorithms (MD5, SHA-1).
 *
 * @example
 * isLegacyDigestAlgorithm('md5'); // true
 */
export function isLegacyDigestAlgorithm(algorithm: DigestAlgorithm): algorithm is LegacyDigestAlgorithm {
  return algorithm === 'sha1' || algorithm === 'md5';
}

/**
 * Length in bytes of a digest (SM3 and SHA-256: 32; SHA-512: 64; SHA-1: 20; MD5: 16), e.g. to check a
 * manifest's hex value before comparing it.
 *
 * @example
 * digestLength('sm3'); // 32
 */
export function digestLength(algorithm: DigestAlgorithm): number {
  switch (algorithm) {
    case 'sm3':
    case 'sha256':
      return 32;
    case 'sha512':
      return 64;
    case 'sha1':
      return 20;
    case 'md5':
      return 16;
    default:
      return digestLength(parseDigestAlgorithm(algorithm));
  }
}

// Names as manifests and signatures write them, after lowercasing and dropping '-', '_' and spaces:
// plain names, OIDs (GM/T 0006, NIST, RFC 3279/1321) and the XML Signature URIs (RFC 6931).
const ALIASES: Readonly<Record<string, DigestAlgorithm>> = {
  sm3: 'sm3',
  sha256: 'sha256',
  sha2256: 'sha256',
  sha512: 'sha512',
  sha2512: 'sha512',
  sha1: 'sha1',
  md5: 'md5',
  '1.2.156.10197.1.401': 'sm3',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
  '1.2.840.113549.2.5': 'md5',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmldsigmore#md5': 'md5',
};

/**
 * The algorithm a name denotes, in any case and in the usual spellings: `'SM3'`, `'SHA-256'`, `'sha_512'`,
 * `'SHA1'`, `'MD5'`, their OIDs and XML Signature URIs. Throws `DanganError('DIGEST_UNSUPPORTED_ALGORITHM')`
 * for anything else (a manifest naming an algorithm dangan cannot check is bad input, not a bug).
 *
 * @example
 * parseDigestAlgorithm('SHA-256'); // 'sha256'
 */
export function parseDigestAlgorithm(name: string): DigestAlgorithm {
  switch (name) {
    case 'sm3':
    case 'sha256':
    case 'sha512':
    case 'sha1':
    case 'md5':
      return name; // already canonical: the common case stays cheap for per-call use
  }
  if (typeof name !== 'string') throw new TypeError(`name must be a string, got ${typeof name}`);
  const found =
    alias(name) ??
    alias(
      name
        .trim()
        .toLowerCase()
        .replace(/[-_\s]/g, ''),
    );
  if (found !== undefined) return found;
  const shown = name.length > 64 ? `${name.slice(0, 64)}…` : name;
  throw new DanganError(
    'DIGEST_UNSUPPORTED_ALGORITHM',
    `不支持的摘要算法“${shown}”：可用 SM3、SHA-256、SHA-512；SHA-1、MD5 仅用于核验旧清单`,
    {
      messageEn: `Unsupported digest algorithm "${shown}": use SM3, SHA-256 or SHA-512 (SHA-1 and MD5 only to verify old manifests)`,
    },
  );
}

// Own keys only: a name such as 'constructor' must not reach Object.prototype.
function alias(key: string): DigestAlgorithm | undefined {
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
}

/**
 * {@link parseDigestAlgorithm} returning a {@link SafeResult} instead of throwing.
 *
 * @example
 * const r = safeParseDigestAlgorithm(manifest.algorithm); // r.ok ? r.value : r.findings
 */
export function safeParseDigestAlgorithm(name: string): SafeResult<DigestAlgorithm> {
  return safely(() => parseDigestAlgorithm(name));
}
