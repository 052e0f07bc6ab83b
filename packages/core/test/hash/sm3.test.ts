import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../../src/bytes/encoding.js';
import { createPureHasher, hmac, hmacSm3, SM3, sm3 } from '../../src/hash/index.js';
import { useNativeCrypto } from '../../src/runtime/native-crypto.js';

const nodeSm3 = (data: Uint8Array) => createHash('sm3').update(data).digest('hex');

describe('sm3 (pure TypeScript)', () => {
  it('matches the GB/T 32905-2016 appendix A examples', () => {
    expect(toHex(sm3(utf8('abc')))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(toHex(sm3(utf8('abcd'.repeat(16))))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('hashes the empty message and every padding boundary like node:crypto', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4096]) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(toHex(sm3(data)), `length ${length}`).toBe(nodeSm3(data));
    }
  });

  it('equals node:crypto on random messages', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => {
        expect(toHex(sm3(data))).toBe(nodeSm3(data));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same digest however the input is split across update() calls', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1500 }), fc.array(fc.nat(), { maxLength: 8 }), (data, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
        const h = sm3.create();
        let from = 0;
        for (const p of [...points, data.length]) {
          h.update(data.subarray(from, p));
          from = p;
        }
        expect(toHex(h.digest())).toBe(toHex(sm3(data)));
      }),
      { numRuns: 200 },
    );
  });

  it('clones mid-stream into an independent state', () => {
    const h = new SM3().update(utf8('ab'));
    const copy = h.clone();
    h.update(utf8('c'));
    copy.update(utf8('x'));
    expect(toHex(h.digest())).toBe(toHex(sm3(utf8('abc'))));
    expect(toHex(copy.digest())).toBe(toHex(sm3(utf8('abx'))));
  });

  it('hashes a view into a larger buffer at an unaligned offset', () => {
    const backing = Uint8Array.from({ length: 300 }, (_, i) => i & 0xff);
    const view = backing.subarray(3, 259);
    expect(toHex(sm3(view))).toBe(nodeSm3(view));
  });

  it('describes itself for noble consumers (sizes, OID of SM3)', () => {
    expect(sm3.outputLen).toBe(32);
    expect(sm3.blockLen).toBe(64);
    expect(toHex(sm3.oid!)).toBe('06082a811ccf55018311');
  });
});

describe('hmacSm3 and hmac', () => {
  const nodeHmac = (alg: string, key: Uint8Array, msg: Uint8Array) =>
    createHmac(alg, key).update(msg).digest('hex');

  it('equals node:crypto HMAC-SM3 on random keys and messages, natively and in pure TypeScript', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 600 }), (key, message) => {
        const expected = nodeHmac('sm3', key, message);
        expect(toHex(hmacSm3(key, message))).toBe(expected);
        useNativeCrypto(false);
        try {
          expect(toHex(hmacSm3(key, message))).toBe(expected);
        } finally {
          useNativeCrypto(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('supports every digest algorithm, with identical pure and native results', () => {
    const key = utf8('key longer than one block? '.repeat(6));
    const message = utf8('档案 message');
    for (const alg of ['sm3', 'sha256', 'sha512', 'sha1', 'md5'] as const) {
      const expected = nodeHmac(alg, key, message);
      const native = hmac(alg, key, message);
      expect(native.constructor).toBe(Uint8Array);
      expect(toHex(native)).toBe(expected);
      useNativeCrypto(false);
      try {
        expect(toHex(hmac(alg, key, message))).toBe(expected);
      } finally {
        useNativeCrypto(true);
      }
    }
  });

  it('rejects non-byte keys and messages as programmer errors', () => {
    expect(() => hmacSm3('key' as unknown as Uint8Array, utf8('m'))).toThrow(TypeError);
    expect(() => hmacSm3(utf8('k'), 'm' as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('is what the pure hasher builds on: createPureHasher(sm3) equals sm3()', () => {
    expect(createPureHasher('sm3').update(utf8('abc')).digestHex()).toBe(toHex(sm3(utf8('abc'))));
  });
});
