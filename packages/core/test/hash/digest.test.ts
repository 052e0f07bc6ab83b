import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ByteSource } from '../../src/bytes/byte-source.js';
import { utf8 } from '../../src/bytes/encoding.js';
import { DanganError } from '../../src/errors/dangan-error.js';
import {
  createHasher,
  createPureHasher,
  DIGEST_ALGORITHMS,
  type DigestAlgorithm,
  digest,
  digestBytes,
  digests,
  safeDigest,
  safeDigests,
} from '../../src/hash/index.js';
import { hasNativeHash, useNativeCrypto } from '../../src/runtime/native-crypto.js';

const node = (alg: string, data: Uint8Array) => createHash(alg).update(data).digest('hex');

async function withPureCrypto<T>(fn: () => T | Promise<T>): Promise<T> {
  useNativeCrypto(false);
  try {
    return await fn();
  } finally {
    useNativeCrypto(true);
  }
}

function pattern(length: number, seed = 7): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('createHasher', () => {
  it('runs natively in this Node, so the runtime tests below exercise node:crypto', () => {
    for (const alg of DIGEST_ALGORITHMS) expect(hasNativeHash(alg), alg).toBe(true);
  });

  it.each(DIGEST_ALGORITHMS)(
    '%s: pure, native and runtime-chosen paths all equal node:crypto',
    async (alg) => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (data) => {
          const expected = node(alg, data);
          expect(createPureHasher(alg).update(data).digestHex()).toBe(expected);
          expect(createHasher(alg).update(data).digestHex()).toBe(expected);
          expect(digestBytes(data, alg)).toBe(expected);
          await withPureCrypto(() => {
            expect(createHasher(alg).update(data).digestHex()).toBe(expected);
            expect(digestBytes(data, alg)).toBe(expected);
          });
        }),
        { numRuns: 60 },
      );
    },
  );

  it.each(DIGEST_ALGORITHMS)('%s: splitting the input at random points changes nothing', async (alg) => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 1200 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (data, cuts, pure) => {
          const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
          const h = pure ? createPureHasher(alg) : createHasher(alg);
          let from = 0;
          for (const p of [...points, data.length]) {
            h.update(data.subarray(from, p));
            from = p;
          }
          expect(h.digestHex()).toBe(node(alg, data));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('returns plain Uint8Array digests on both paths, and names the canonical algorithm', async () => {
    const native = createHasher('SHA-256' as DigestAlgorithm);
    expect(native.algorithm).toBe('sha256');
    expect(native.update(utf8('abc')).digest().constructor).toBe(Uint8Array);
    expect(createPureHasher('sha256').update(utf8('abc')).digest().constructor).toBe(Uint8Array);
  });

  it('clones a running state on both paths', async () => {
    for (const make of [createHasher, createPureHasher]) {
      const h = make('sm3').update(utf8('ab'));
      const copy = h.clone();
      expect(h.update(utf8('c')).digestHex()).toBe(node('sm3', utf8('abc')));
      expect(copy.update(utf8('z')).digestHex()).toBe(node('sm3', utf8('abz')));
    }
  });

  it('refuses use after digest and non-byte chunks', () => {
    for (const make of [createHasher, createPureHasher]) {
      const h = make('sm3');
      expect(() => h.update('text' as unknown as Uint8Array)).toThrow(TypeError);
      h.digest();
      expect(() => h.update(new Uint8Array(1))).toThrow(TypeError);
      expect(() => h.digestHex()).toThrow(TypeError);
    }
  });

  it('rejects an unknown algorithm with DIGEST_UNSUPPORTED_ALGORITHM', () => {
    expect(() => createHasher('sha3-256' as DigestAlgorithm)).toThrow(
      expect.objectContaining({ code: 'DIGEST_UNSUPPORTED_ALGORITHM' }),
    );
  });
});

describe('digest', () => {
  const data = pattern(300_000);
  const expected = node('sm3', data);

  const kinds: [string, () => ByteSource][] = [
    ['Uint8Array', () => data],
    ['ArrayBuffer', () => data.slice().buffer],
    ['Blob', () => new Blob([data])],
    [
      'ReadableStream',
      () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < data.length; i += 7001) controller.enqueue(data.slice(i, i + 7001));
            controller.close();
          },
        }),
    ],
    [
      'async iterable',
      () =>
        (async function* () {
          for (let i = 0; i < data.length; i += 65_536) yield data.subarray(i, i + 65_536);
        })(),
    ],
    ['function', () => () => Promise.resolve(new Blob([data]))],
  ];

  it.each(kinds)(
    'gives the same digest for a %s source, natively and in pure TypeScript',
    async (_, make) => {
      expect(await digest(make(), 'sm3')).toBe(expected);
      expect(await digest(make(), 'sm3', { chunkSize: 10_000 })).toBe(expected);
      expect(await withPureCrypto(() => digest(make(), 'sm3'))).toBe(expected);
    },
  );

  it('digests every algorithm of a stream like node:crypto', async () => {
    for (const alg of DIGEST_ALGORITHMS) {
      expect(await digest(new Blob([data]), alg, { chunkSize: 4096 })).toBe(node(alg, data));
    }
  });

  it('digests() reads once and equals separate digest() calls', async () => {
    let reads = 0;
    const oneShot = (async function* () {
      reads++;
      for (let i = 0; i < data.length; i += 50_000) yield data.slice(i, i + 50_000);
    })();
    const all = await digests(oneShot, DIGEST_ALGORITHMS);
    expect(reads).toBe(1);
    for (const alg of DIGEST_ALGORITHMS) expect(all[alg], alg).toBe(await digest(data, alg));
    expect(Object.keys(all).sort()).toEqual([...DIGEST_ALGORITHMS].sort());
  });

  it('digests() merges duplicate and aliased names into canonical keys', async () => {
    const r = await digests(utf8('abc'), ['sm3', 'SM3' as DigestAlgorithm, 'sha256']);
    expect(r).toEqual({ sm3: node('sm3', utf8('abc')), sha256: node('sha256', utf8('abc')) });
    await expect(digests(utf8('abc'), [])).rejects.toBeInstanceOf(RangeError);
  });

  it('stops with ABORTED when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    for (const source of [data, new Blob([data])]) {
      await expect(digest(source, 'sm3', { signal: controller.signal })).rejects.toMatchObject({
        code: 'ABORTED',
      });
    }
    await expect(digests(data, ['sm3'], { signal: controller.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });

  it('stops with ABORTED when aborted in the middle of a stream, and cancels the stream', async () => {
    const controller = new AbortController();
    let cancelled = false;
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        if (pulled === 3) controller.abort();
        c.enqueue(new Uint8Array(1000));
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(digest(stream, 'sm3', { signal: controller.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
    expect(cancelled).toBe(true);
  });

  it('rejects an unknown algorithm before reading anything', async () => {
    let read = false;
    const source = () => {
      read = true;
      return data;
    };
    await expect(digest(source, 'whirlpool' as DigestAlgorithm)).rejects.toMatchObject({
      code: 'DIGEST_UNSUPPORTED_ALGORITHM',
    });
    expect(read).toBe(false);
  });

  it('has safe forms turning bad input into findings', async () => {
    const ok = await safeDigest(utf8('abc'), 'sm3');
    expect(ok).toEqual({ ok: true, value: node('sm3', utf8('abc')) });
    const bad = await safeDigest('not bytes' as unknown as ByteSource, 'sm3');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error).toBeInstanceOf(DanganError);
      expect(bad.findings[0]?.code).toBe('BYTES_UNSUPPORTED_SOURCE');
    }
    const many = await safeDigests(utf8('abc'), ['md5' as DigestAlgorithm, 'crc' as DigestAlgorithm]);
    expect(many.ok).toBe(false);
  });

  it('rejects a bad chunkSize as a programmer error even for small in-memory input', async () => {
    await expect(digest(new Uint8Array(0), 'sm3', { chunkSize: 0 })).rejects.toBeInstanceOf(RangeError);
    await expect(digest(utf8('abc'), 'sm3', { chunkSize: -1 })).rejects.toBeInstanceOf(RangeError);
  });

  it('digestBytes validates its input', () => {
    expect(() => digestBytes('abc' as unknown as Uint8Array, 'sm3')).toThrow(TypeError);
    expect(digestBytes(new Uint8Array(0), 'md5')).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });
});
