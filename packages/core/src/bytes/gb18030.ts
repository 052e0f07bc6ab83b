import { DanganError } from '../errors/dangan-error.js';

/**
 * The GB18030 encoder's table: for each BMP code point from U+0080, its bytes packed into one number (2-byte
 * codes as `0xLLTT`, 4-byte codes as `0xB1B2B3B4`), 0 when unmapped. Built on first use from the runtime's own
 * GB18030 *decoder* (WHATWG `TextDecoder('gb18030')`, in every browser and in Node with full ICU), so no
 * mapping table ships in the bundle and what is written reads back with the same decoder.
 */
let TABLE: Uint32Array | undefined;

const TWO_BYTE = 126 * 190; // leads 0x81–0xFE × trails 0x40–0x7E, 0x80–0xFE
const FOUR_BYTE_BMP = 39420; // 4-byte pointers that map into the BMP
const REPLACEMENT_CHARACTER = 0x8431a437; // U+FFFD: a real GB18030 code, but decoders also emit U+FFFD for errors

function fourByte(pointer: number): number {
  return (
    (((0x81 + Math.floor(pointer / 12600)) << 24) |
      ((0x30 + (Math.floor(pointer / 1260) % 10)) << 16) |
      ((0x81 + (Math.floor(pointer / 10) % 126)) << 8) |
      (0x30 + (pointer % 10))) >>>
    0
  );
}

function twoByte(pointer: number): number {
  const lead = 0x81 + Math.floor(pointer / 190);
  const t = pointer % 190;
  return (lead << 8) | (t + (t < 0x3f ? 0x40 : 0x41));
}

function decoder(): TextDecoder {
  try {
    return new TextDecoder('gb18030');
  } catch (cause) {
    throw new DanganError(
      'ENCODING_UNSUPPORTED',
      '当前 JavaScript 运行环境没有 GB18030 解码器（如未带完整 ICU 的 Node），无法输出 GB18030；请改用 UTF-8',
      { messageEn: 'This runtime has no GB18030 TextDecoder (e.g. Node without full ICU); use UTF-8', cause },
    );
  }
}

function bytesOf(code: number): number[] {
  return code > 0xffff
    ? [code >>> 24, (code >>> 16) & 0xff, (code >>> 8) & 0xff, code & 0xff]
    : [code >>> 8, code & 0xff];
}

function buildTable(): Uint32Array {
  const table = new Uint32Array(0x10000);
  // Every 4-byte BMP code, then every 2-byte code, each followed by a line feed (never part of a multi-byte code),
  // decoded in one call and split again. 4-byte codes come first: where a code point decodes from both (the 18
  // characters GB18030-2022 moved out of the private use area, e.g. U+9FB4 ← FE59 and 82359037), the 4-byte form
  // is the one GB18030-2005 and GB18030-2022 decoders both read as that character.
  const codes: number[] = [];
  for (let p = 0; p < FOUR_BYTE_BMP; p++) codes.push(fourByte(p));
  for (let p = 0; p < TWO_BYTE; p++) codes.push(twoByte(p));
  const buffer = new Uint8Array(FOUR_BYTE_BMP * 5 + TWO_BYTE * 3);
  let o = 0;
  for (const code of codes) {
    for (const b of bytesOf(code)) buffer[o++] = b;
    buffer[o++] = 0x0a;
  }
  const dec = decoder();
  let parts = dec.decode(buffer).split('\n');
  if (parts.length !== codes.length + 1) {
    // A decoder that resynchronised differently: decode the codes one by one (slower, same result).
    parts = codes.map((code) => dec.decode(Uint8Array.from(bytesOf(code))));
  }
  for (let i = 0; i < codes.length; i++) {
    const s = parts[i]!;
    if (s.length !== 1) continue;
    const c = s.charCodeAt(0);
    if (c < 0x80 || c === 0xfffd || (c >= 0xd800 && c <= 0xdfff)) continue;
    if (table[c] === 0) table[c] = codes[i]!;
  }
  table[0xfffd] = REPLACEMENT_CHARACTER;
  return table;
}

/** Options of {@link encodeGb18030}. */
export interface Gb18030EncodeOptions {
  /**
   * Text to write instead of a character GB18030 cannot represent here (a lone surrogate; a private-use code
   * point the runtime's decoder does not map, e.g. U+E5E5). It is encoded in turn and must be representable
   * (ASCII is). Without it such a character throws `DanganError('ENCODING_UNMAPPABLE')`.
   */
  readonly fallback?: (codePoint: number, index: number) => string;
}

/**
 * Text as GB18030 bytes (GB 18030-2005/2022: ASCII in 1 byte, GBK in 2, everything else in 4). The table is
 * derived once from the runtime's GB18030 decoder (about 40 ms, 256 KiB), so nothing but this code is bundled.
 * Throws `DanganError('ENCODING_UNSUPPORTED')` where the runtime has no GB18030 decoder.
 *
 * @example
 * encodeGb18030('中文 €'); // Uint8Array [0xd6, 0xd0, 0xce, 0xc4, 0x20, 0xa2, 0xe3]
 */
export function encodeGb18030(text: string, options: Gb18030EncodeOptions = {}): Uint8Array {
  if (typeof text !== 'string') throw new TypeError(`text must be a string, got ${typeof text}`);
  TABLE ??= buildTable();
  const table = TABLE;
  let out = new Uint8Array(text.length * 2 + 16);
  let o = 0;
  const ensure = (n: number) => {
    if (o + n <= out.length) return;
    const bigger = new Uint8Array(Math.max(out.length * 2, o + n));
    bigger.set(out.subarray(0, o));
    out = bigger;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      ensure(1);
      out[o++] = c;
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
    }
    let code = 0;
    if (cp > 0xffff) {
      // Supplementary planes are algorithmic: pointer 189000 + offset, leads 0x90–0xE3.
      code = fourByte(cp - 0x10000 + 189000);
    } else if (cp < 0xd800 || cp > 0xdfff) {
      code = table[cp]!;
    }
    if (code === 0) {
      if (options.fallback === undefined) throw unmappable(cp, i);
      const replacement = encodeGb18030(options.fallback(cp, i));
      ensure(replacement.length);
      out.set(replacement, o);
      o += replacement.length;
    } else if (code > 0xffff) {
      ensure(4);
      out[o++] = code >>> 24;
      out[o++] = (code >>> 16) & 0xff;
      out[o++] = (code >>> 8) & 0xff;
      out[o++] = code & 0xff;
    } else {
      ensure(2);
      out[o++] = code >>> 8;
      out[o++] = code & 0xff;
    }
    if (cp > 0xffff) i++;
  }
  return out.slice(0, o);
}

function unmappable(cp: number, index: number): DanganError {
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  return new DanganError(
    'ENCODING_UNMAPPABLE',
    `第 ${index + 1} 个字符 U+${hex} 无法用 GB18030 表示（孤立代理项或运行环境未映射的私用区字符）`,
    { messageEn: `Character ${index + 1} (U+${hex}) cannot be encoded in GB18030` },
  );
}
