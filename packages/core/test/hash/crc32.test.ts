import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, createCrc32, utf8 } from '../../src/index.js';

describe('crc32', () => {
  it('gives the check value 0xcbf43926 on both paths', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
    expect(crc32(utf8('123456789'), { native: false })).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('matches node:zlib crc32 for random chunked input, native and pure', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 6 }), (parts) => {
        const whole = Buffer.concat(parts);
        const expected = zlibCrc32(whole) >>> 0;
        for (const native of [true, false]) {
          const c = createCrc32({ native });
          for (const p of parts) c.update(p);
          expect(c.digest()).toBe(expected);
        }
      }),
    );
  });

  it('handles unaligned views into a larger buffer', () => {
    const big = new Uint8Array(1000).map((_, i) => (i * 31) & 0xff);
    const view = big.subarray(3, 997);
    expect(crc32(view, { native: false })).toBe(zlibCrc32(view) >>> 0);
  });
});
