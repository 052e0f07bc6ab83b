import { spawnSync } from 'node:child_process';
import { encodeGb18030 } from '@dangan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const decode = (b: Uint8Array) => new TextDecoder('gb18030', { fatal: true }).decode(b);
const python = spawnSync('python3', ['-c', 'print(1)']).status === 0;

describe('encodeGb18030', () => {
  it('encodes known vectors: ASCII, GBK 2-byte, 4-byte BMP and supplementary planes', () => {
    expect(hex(encodeGb18030('A中文'))).toBe('41d6d0cec4');
    expect(hex(encodeGb18030('€'))).toBe('a2e3');
    expect(hex(encodeGb18030('\u0080'))).toBe('81308130');
    expect(hex(encodeGb18030('·'))).toBe('a1a4'); // U+00B7, the 档号 separator
    expect(hex(encodeGb18030('〔〕'))).toBe('a1b2a1b3');
    expect(hex(encodeGb18030('\ufffd'))).toBe('8431a437');
    expect(hex(encodeGb18030('\u{10000}'))).toBe('90308130');
    expect(hex(encodeGb18030('\u{10ffff}'))).toBe('e3329a35');
    expect(hex(encodeGb18030('𠀀'))).toBe('95328236'); // U+20000, CJK Extension B
    // GB18030-2022 moved 18 characters out of the private use area; the 4-byte form reads the same under 2005 and 2022.
    expect(hex(encodeGb18030('\u9fb4'))).toBe('82359037');
    expect(hex(encodeGb18030('\ufe10'))).toBe('84318236');
    expect(hex(encodeGb18030('\u3000'))).toBe('a1a1');
    expect(hex(encodeGb18030('目录'))).toBe('c4bfc2bc');
  });

  it('round-trips every BMP character the runtime decoder maps, and any supplementary character', () => {
    let all = '';
    let count = 0;
    for (let c = 0x80; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      try {
        encodeGb18030(ch);
      } catch {
        continue;
      }
      all += ch;
      count++;
    }
    // Only a handful of private-use code points (U+E5E5, U+E78D… under GB18030-2022 decoders) are unmappable.
    expect(count).toBeGreaterThan(65536 - 2048 - 128 - 40);
    expect(decode(encodeGb18030(all))).toBe(all);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (s) => {
        const text = s.replace(/[\ud800-\udfff\ue000-\uf8ff]/gu, 'x');
        expect(decode(encodeGb18030(text))).toBe(text);
      }),
    );
  });

  it('refuses unmappable characters unless a fallback is given', () => {
    expect(() => encodeGb18030('a\ud800b')).toThrow(expect.objectContaining({ code: 'ENCODING_UNMAPPABLE' }));
    expect(decode(encodeGb18030('a\ud800b', { fallback: (cp) => `&#x${cp.toString(16)};` }))).toBe(
      'a&#xd800;b',
    );
    expect(() => encodeGb18030(1 as unknown as string)).toThrow(TypeError);
  });

  it.skipIf(!python)(
    'agrees with Python’s gb18030 codec outside the characters GB18030-2005 and 2022 map differently',
    () => {
      // Python's codec follows GB18030-2000/2005; the runtime decoder may follow 2022. Compare a broad sample.
      const sample: string[] = [];
      for (let c = 0x80; c < 0x10000; c += 7) {
        if ((c >= 0xd800 && c <= 0xf8ff) || c === 0x1e3f) continue;
        sample.push(String.fromCharCode(c));
      }
      for (const c of [0x1f600, 0x20000, 0x2a6d6, 0x10ffff]) sample.push(String.fromCodePoint(c));
      const text = sample.join('');
      const r = spawnSync(
        'python3',
        [
          '-c',
          'import sys; sys.stdout.write(sys.stdin.buffer.read().decode("utf-8").encode("gb18030").hex())',
        ],
        {
          input: text,
          encoding: 'utf8',
        },
      );
      expect(r.status).toBe(0);
      expect(hex(encodeGb18030(text))).toBe(r.stdout);
    },
  );
});
