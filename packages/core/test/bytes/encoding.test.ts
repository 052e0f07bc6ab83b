import { fromBase64, fromHex, toBase64, toHex, utf8 } from '@dangan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('byte encodings', () => {
  it('Base64 matches Node Buffer both ways for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        expect(toBase64(bytes)).toBe(text);
        expect(fromBase64(text)).toEqual(bytes);
        expect(fromBase64(text.replace(/=+$/, ''))).toEqual(bytes);
      }),
    );
  });
  it('refuses text that is not Base64', () => {
    expect(() => fromBase64('ab$c')).toThrow(TypeError);
    expect(() => fromBase64('a')).toThrow(TypeError);
  });
  it('hex round-trips and is lowercase', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
        expect(fromHex(toHex(b))).toEqual(b);
      }),
    );
    expect(toHex(new Uint8Array([0xab, 0x01]))).toBe('ab01');
    expect(() => fromHex('abc')).toThrow(TypeError);
    expect(utf8('档案')).toEqual(new Uint8Array([0xe6, 0xa1, 0xa3, 0xe6, 0xa1, 0x88]));
  });
});
