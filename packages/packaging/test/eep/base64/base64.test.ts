import { DanganError } from '@dangan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BASE64_ERROR_CODES,
  Base64Decoder,
  Base64Encoder,
  base64EncodedLength,
} from '../../../src/eep/base64/index.js';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const ascii = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const concat = (parts: readonly Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** Cuts `data` at the given (sorted, deduplicated) points, keeping empty pieces. */
function cut(data: Uint8Array, points: readonly number[]): Uint8Array[] {
  const sorted = [...points].map((p) => p % (data.length + 1)).sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let at = 0;
  for (const p of sorted) {
    out.push(data.subarray(at, p));
    at = p;
  }
  out.push(data.subarray(at));
  return out;
}

/** Sizes around Base64 group boundaries and around the native threshold. */
const sizes = fc.oneof(
  fc.integer({ min: 0, max: 12 }),
  fc.integer({ min: 760, max: 780 }),
  fc.integer({ min: 1020, max: 1030 }),
  fc.integer({ min: 0, max: 5000 }),
);
const bytesOf = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });

function errorOf(run: () => unknown): DanganError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DanganError);
    return e as DanganError;
  }
  throw new Error('expected an error');
}

function decodeAll(pieces: readonly (Uint8Array | string)[], options = {}): Uint8Array {
  const dec = new Base64Decoder(options);
  const out = pieces.map((p) => dec.push(p));
  out.push(dec.end());
  return concat(out);
}

describe('Base64Encoder', () => {
  it('matches Node for any split of any input, pure and native', () => {
    fc.assert(
      fc.property(
        sizes.chain((n) => bytesOf(n)),
        fc.array(fc.nat(6000), { maxLength: 6 }),
        fc.boolean(),
        (data, points, native) => {
          const enc = new Base64Encoder({ native });
          const pieces = cut(data, points).map((p) => enc.push(p));
          expect(enc.inputLength).toBe(data.length);
          pieces.push(enc.end());
          expect(ascii(concat(pieces))).toBe(b64(data));
          expect(enc.inputLength).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('carries one and two bytes across one-byte chunks and big ones', () => {
    const data = new Uint8Array(70_001).map((_, i) => (i * 131 + 7) & 255);
    for (const native of [true, false]) {
      const enc = new Base64Encoder({ native });
      const parts = [
        enc.push(data.subarray(0, 1)),
        enc.push(data.subarray(1, 2)),
        enc.push(data.subarray(2, 3)),
        enc.push(data.subarray(3, 4)),
        enc.push(data.subarray(4, 40_000)),
        enc.push(data.subarray(40_000)),
      ];
      expect(parts.slice(0, 2).every((p) => p.length === 0)).toBe(true);
      expect(ascii(parts[2]!)).toBe(b64(data.subarray(0, 3)));
      parts.push(enc.end());
      expect(ascii(concat(parts))).toBe(b64(data));
    }
  });

  it('returns fresh arrays, reusable after end, and rejects non-bytes', () => {
    const enc = new Base64Encoder();
    const a = enc.push(new Uint8Array(3000).fill(1));
    const b = enc.push(new Uint8Array(3000).fill(2));
    expect(a.buffer).not.toBe(b.buffer);
    expect(ascii(enc.end())).toBe('');
    expect(ascii(enc.push(new TextEncoder().encode('ab')))).toBe('');
    expect(ascii(enc.end())).toBe('YWI=');
    expect(() => enc.push('x' as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('knows the encoded length', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(base64EncodedLength)).toEqual([0, 4, 4, 4, 8, 8, 8]);
    expect(() => base64EncodedLength(-1)).toThrow(RangeError);
  });
});

/** Base64 text with optional line wrapping (LF or CRLF) at a width, like RFC 2045 writers. */
function wrap(text: string, width: number, newline: string): string {
  if (width === 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i += width) out += text.slice(i, i + width) + newline;
  return out;
}

describe('Base64Decoder', () => {
  it('decodes any split of any (wrapped) Base64, as bytes or strings, pure and native', () => {
    fc.assert(
      fc.property(
        sizes.chain((n) => bytesOf(n)),
        fc.constantFrom(0, 64, 76),
        fc.constantFrom('\n', '\r\n', ' '),
        fc.array(fc.nat(8000), { maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        (data, width, newline, points, native, asString) => {
          const text = new TextEncoder().encode(wrap(b64(data), width, newline));
          const pieces = cut(text, points).map((p) => (asString ? ascii(p) : p));
          expect(decodeAll(pieces, { native })).toEqual(data);
          expect(decodeAll(pieces, { native, strict: true })).toEqual(data);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts what it read and wrote, and resets on end', () => {
    const dec = new Base64Decoder();
    dec.push('AQID');
    dec.push('BA');
    expect([dec.inputLength, dec.outputLength]).toEqual([6, 3]);
    expect(Array.from(dec.end())).toEqual([4]);
    expect([dec.inputLength, dec.outputLength]).toEqual([0, 0]);
  });

  it('accepts a missing final padding and stray unused bits unless strict', () => {
    expect(Array.from(decodeAll(['YWI']))).toEqual([0x61, 0x62]);
    expect(Array.from(decodeAll(['YQ']))).toEqual([0x61]);
    expect(Array.from(decodeAll(['YR==']))).toEqual([0x61]);
    expect(errorOf(() => decodeAll(['YWI'], { strict: true })).message).toContain('缺少填充符');
    expect(errorOf(() => decodeAll(['YR=='], { strict: true })).message).toContain('未用位');
  });

  const bad: [string, string, number][] = [
    ['AQ!D', '“!”', 3],
    ['AQID\u0000', '0x00', 5],
    ['A===', '组的开头', 2],
    ['=AAA', '组的开头', 1],
    ['YQ==YQ==', '之后还有数据', 5],
    ['YQ= =', '', -1],
    ['YQ=A', '之后还有数据', 4],
    ['AQIDB', '只有一个字符', 5],
    ['YQ=', '填充不完整', 3],
    ['AQ-D', '“-”', 3],
    ['AQ_D', '“_”', 3],
    ['AQ档D', '“档”', 3],
  ];
  it.each(bad)('rejects %j with EEP_BASE64_INVALID at the character', (text, what, position) => {
    if (position < 0) {
      expect(Array.from(decodeAll([text]))).toEqual([0x61]); // whitespace inside padding is fine
      return;
    }
    for (const native of [true, false]) {
      const e = errorOf(() => decodeAll([text], { native }));
      expect(e.code).toBe('EEP_BASE64_INVALID');
      expect(BASE64_ERROR_CODES).toContain(e.code);
      expect(e.message).toContain(what);
      expect(e.message).toContain(`第 ${position} 个字符`);
      expect(e.messageEn).toContain(`character ${position}`);
    }
  });

  it('reports the exact position of a bad character deep in a large chunk, native or not', () => {
    const text = b64(new Uint8Array(30_000).fill(7));
    for (const bad of ['-', '_', '!', '=']) {
      for (const at of [0, 5, 4097, 39_999]) {
        if (bad === '=' && at % 4 >= 2) continue; // '=' there is valid padding
        const broken = `${text.slice(0, at)}${bad}${text.slice(at + 1)}`;
        for (const native of [true, false]) {
          const dec = new Base64Decoder({ native });
          dec.push('AAAA');
          const e = errorOf(() => dec.push(new TextEncoder().encode(broken)));
          expect(e.message).toContain(`第 ${4 + at + 1} 个字符`);
        }
      }
    }
  });

  it('carries partial groups across single-character pushes', () => {
    const data = new Uint8Array(100).map((_, i) => i * 3);
    const dec = new Base64Decoder();
    const out = [...b64(data)].map((c) => dec.push(c));
    out.push(dec.end());
    expect(concat(out)).toEqual(data);
    expect(() => dec.push(1 as unknown as string)).toThrow(TypeError);
  });
});

describe('large chunks (native slices)', () => {
  it('encodes and decodes chunks far larger than one native slice, plain and wrapped', () => {
    const data = new Uint8Array(1_000_003).map((_, i) => (i * 7919 + (i >> 8)) & 255);
    for (const native of [true, false]) {
      const enc = new Base64Encoder({ native });
      const text = ascii(concat([enc.push(data.subarray(0, 1)), enc.push(data.subarray(1)), enc.end()]));
      expect(text).toBe(b64(data));
      const bytes = new TextEncoder().encode(text);
      expect(decodeAll([bytes.subarray(0, 5), bytes.subarray(5)], { native })).toEqual(data);
      expect(decodeAll([new TextEncoder().encode(wrap(text, 76, '\r\n'))], { native })).toEqual(data);
      const broken = bytes.slice();
      broken[700_001] = 0x2d; // '-': Node would take it as URL-safe Base64
      expect(errorOf(() => decodeAll([broken], { native })).message).toContain('第 700002 个字符');
    }
  });
});
