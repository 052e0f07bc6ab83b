import { describe, expect, it } from 'vitest';
import { DanganError } from '../../src/errors/dangan-error.js';
import {
  ARCHIVAL_DIGEST_ALGORITHMS,
  createHasher,
  DIGEST_ALGORITHMS,
  digestLength,
  isLegacyDigestAlgorithm,
  LEGACY_DIGEST_ALGORITHMS,
  parseDigestAlgorithm,
  safeParseDigestAlgorithm,
} from '../../src/hash/index.js';

describe('digest algorithm names', () => {
  it('lists archival algorithms apart from the verify-only legacy ones', () => {
    expect(ARCHIVAL_DIGEST_ALGORITHMS).toEqual(['sm3', 'sha256', 'sha512']);
    expect(LEGACY_DIGEST_ALGORITHMS).toEqual(['sha1', 'md5']);
    expect(DIGEST_ALGORITHMS).toEqual([...ARCHIVAL_DIGEST_ALGORITHMS, ...LEGACY_DIGEST_ALGORITHMS]);
    expect(LEGACY_DIGEST_ALGORITHMS.every(isLegacyDigestAlgorithm)).toBe(true);
    expect(ARCHIVAL_DIGEST_ALGORITHMS.some(isLegacyDigestAlgorithm)).toBe(false);
  });

  it.each([
    ['SM3', 'sm3'],
    ['sm3', 'sm3'],
    [' SHA-256 ', 'sha256'],
    ['sha_256', 'sha256'],
    ['SHA2-256', 'sha256'],
    ['SHA-512', 'sha512'],
    ['SHA1', 'sha1'],
    ['sha-1', 'sha1'],
    ['MD5', 'md5'],
    ['1.2.156.10197.1.401', 'sm3'],
    ['2.16.840.1.101.3.4.2.1', 'sha256'],
    ['http://www.w3.org/2001/04/xmlenc#sha256', 'sha256'],
    ['http://www.w3.org/2000/09/xmldsig#sha1', 'sha1'],
  ])('parses %j as %s', (name, expected) => {
    expect(parseDigestAlgorithm(name)).toBe(expected);
  });

  it.each(['sha384', 'sha3-256', 'crc32', '', 'constructor', '__proto__', 'toString'])(
    'rejects %j with DIGEST_UNSUPPORTED_ALGORITHM and a Chinese message',
    (name) => {
      let error: unknown;
      try {
        parseDigestAlgorithm(name);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DanganError);
      const e = error as DanganError;
      expect(e.code).toBe('DIGEST_UNSUPPORTED_ALGORITHM');
      expect(e.message).toContain('不支持的摘要算法');
      expect(e.messageEn).toContain('Unsupported digest algorithm');
    },
  );

  it('has a safe form returning findings', () => {
    expect(safeParseDigestAlgorithm('SM3')).toEqual({ ok: true, value: 'sm3' });
    const r = safeParseDigestAlgorithm('whirlpool');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings[0]?.code).toBe('DIGEST_UNSUPPORTED_ALGORITHM');
  });

  it('treats a non-string name as a programmer error', () => {
    expect(() => parseDigestAlgorithm(256 as unknown as string)).toThrow(TypeError);
  });

  it('knows each digest length, and it matches what is computed', () => {
    for (const alg of DIGEST_ALGORITHMS) {
      expect(createHasher(alg).digest().length, alg).toBe(digestLength(alg));
    }
  });
});
