import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../src/bytes/index.js';
import { readXml } from '../../src/xml/index.js';
import { cutAt, enc } from './helpers.js';

const MiB = 1024 * 1024;
/** The reader hands saxes 64 Ki characters at a time and drains its text after each: no piece is larger. */
const MAX_PIECE = 128 * 1024;

/** Deterministic Base64 blocks of 1 MiB (as text) built from a simple generator. */
function base64Blocks(kinds: number): string[] {
  return Array.from({ length: kinds }, (_, k) => {
    const bytes = new Uint8Array((MiB / 4) * 3);
    let x = 0x9e3779b9 ^ k;
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes[i] = x & 0xff;
    }
    return toBase64(bytes);
  });
}

/** FNV-1a over UTF-16 code units: a cheap fingerprint of the text stream, whatever its split. */
function fnv(hash: number, s: string): number {
  let h = hash;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

describe('large text nodes', () => {
  it('FINDING: raw saxes 6 accumulates a whole text node and emits it as one string', () => {
    const parser = new SaxesParser();
    const sizes: number[] = [];
    parser.on('text', (t) => void sizes.push(t.length));
    parser.write('<a>');
    const piece = 'QUJD'.repeat(16 * 1024); // 64 Ki characters
    for (let i = 0; i < 64; i++) parser.write(piece); // 4 Mi characters in 64 writes
    parser.write('</a>');
    parser.close();
    expect(sizes).toEqual([4 * MiB]);
  });

  it('streams a 64 MiB Base64 text node in bounded pieces, intact', async () => {
    const blocks = base64Blocks(3);
    const count = 64;
    const blockBytes = blocks.map(enc);
    let expected = 0x811c9dc5;
    for (let i = 0; i < count; i++) expected = fnv(expected, blocks[i % blocks.length]!);
    async function* document(): AsyncGenerator<Uint8Array> {
      yield enc('<?xml version="1.0" encoding="UTF-8"?><编码 编码ID="E1"><编码数据 编码数据ID="D1">');
      for (let i = 0; i < count; i++) yield blockBytes[i % blocks.length]!;
      yield enc('</编码数据></编码>');
    }
    let largest = 0;
    let pieces = 0;
    let total = 0;
    let hash = 0x811c9dc5;
    const owners = new Set<string>();
    await readXml(document(), {
      text(chunk, element) {
        owners.add(element.path);
        largest = Math.max(largest, chunk.length);
        pieces++;
        total += chunk.length;
        hash = fnv(hash, chunk);
      },
    });
    expect(total).toBe(count * MiB);
    expect(hash).toBe(expected);
    expect([...owners]).toEqual(['/编码/编码数据']);
    expect(largest).toBeLessThanOrEqual(MAX_PIECE);
    expect(pieces).toBeGreaterThanOrEqual((count * MiB) / MAX_PIECE);
  });

  it('streams a large CDATA section in bounded pieces', async () => {
    const body = 'x]y]]z'.repeat(1024 * 1024);
    const bytes = enc(`<a><![CDATA[${body}]]></a>`);
    let largest = 0;
    let text = '';
    await readXml(bytes, {
      text(chunk) {
        largest = Math.max(largest, chunk.length);
        text += chunk;
      },
    });
    expect(text === body).toBe(true);
    expect(largest).toBeLessThanOrEqual(MAX_PIECE);
  });

  it('keeps references, CRLF and astral characters intact across piece and chunk boundaries', async () => {
    const unit = 'a&amp;b\r\n&#x1F600;😀档&lt;';
    const decoded = 'a&b\n😀😀档<';
    const n = 40_000;
    const bytes = enc(`<a>${unit.repeat(n)}</a>`);
    let text = '';
    let largest = 0;
    await readXml(cutAt(bytes, [100_001, 262_143, 262_145, 700_003]), {
      text(chunk) {
        largest = Math.max(largest, chunk.length);
        text += chunk;
      },
    });
    expect(text === decoded.repeat(n)).toBe(true);
    expect(largest).toBeLessThanOrEqual(MAX_PIECE);
  });
});
