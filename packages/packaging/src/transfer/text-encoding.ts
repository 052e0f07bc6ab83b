import { DanganError, encodeGb18030, utf8 } from '@dangan/core';
import { transferError } from './codes.js';

/**
 * A text encoding of the carrier's text and XML files. The transfer rules allow GB18030, GB2312 or UTF-8 for
 * 文件目录.XML (packages-and-formats §3). `gb2312` writes GB18030 bytes restricted to the GB 2312 repertoire
 * (what a strict GB 2312 / EUC-CN reader accepts); outside it, XML gets a character reference and plain text
 * is refused.
 */
export type TransferTextEncoding = 'utf-8' | 'gb18030' | 'gb2312';

/**
 * The label an XML declaration uses for an encoding.
 *
 * @example
 * encodingLabel('gb2312'); // 'GB2312'
 */
export function encodingLabel(encoding: TransferTextEncoding): 'UTF-8' | 'GB18030' | 'GB2312' {
  return encoding === 'gb18030' ? 'GB18030' : encoding === 'gb2312' ? 'GB2312' : 'UTF-8';
}

/**
 * Checks an encoding option (`RangeError` naming the option and value otherwise).
 *
 * @example
 * checkTextEncoding('gb2312', 'catalogueEncoding'); // 'gb2312'
 */
export function checkTextEncoding(encoding: unknown, name: string): TransferTextEncoding {
  if (encoding !== 'utf-8' && encoding !== 'gb18030' && encoding !== 'gb2312') {
    throw new RangeError(`${name} must be 'utf-8', 'gb18030' or 'gb2312', got ${String(encoding)}`);
  }
  return encoding;
}

/**
 * The cells of GB 2312-80 in EUC-CN form (lead byte → ranges of trail bytes; medium confidence, from the
 * published code chart): rows 1–9 symbols, rows 16–55 level-1 hanzi (row 55 ends at 0xF9), rows 56–87 level-2
 * hanzi. GBK and GB18030 fill further cells in rows 2, 6 and 8 (small Roman numerals, vertical forms …); those
 * are not GB 2312.
 */
const GB2312_ROWS: Readonly<Record<number, readonly (readonly [number, number])[]>> = {
  161: [[0xa1, 0xfe]],
  162: [
    [0xb1, 0xe2],
    [0xe5, 0xee],
    [0xf1, 0xfc],
  ],
  163: [[0xa1, 0xfe]],
  164: [[0xa1, 0xf3]],
  165: [[0xa1, 0xf6]],
  166: [
    [0xa1, 0xb8],
    [0xc1, 0xd8],
  ],
  167: [
    [0xa1, 0xc1],
    [0xd1, 0xf1],
  ],
  168: [
    [0xa1, 0xba],
    [0xc5, 0xe9],
  ],
  169: [[0xa4, 0xef]],
};

/**
 * Whether a two-byte GB18030 code (lead, trail) is a GB 2312-80 character.
 *
 * @example
 * isGb2312Code(0xd6, 0xd0); // true (中)
 * isGb2312Code(0xa2, 0xa1); // false (ⅰ, a GBK addition)
 */
export function isGb2312Code(lead: number, trail: number): boolean {
  if (lead >= 0xb0 && lead <= 0xf7) {
    if (trail < 0xa1 || trail > 0xfe) return false;
    return lead !== 0xd7 || trail <= 0xf9;
  }
  const ranges = GB2312_ROWS[lead];
  return ranges?.some(([lo, hi]) => trail >= lo && trail <= hi) ?? false;
}

/**
 * Text as bytes in `encoding`. For GB18030 and GB 2312, a character the encoding cannot represent is replaced by
 * `fallback(codePoint)` (which must itself be representable: an XML character reference is) or, without one,
 * refused with `DanganError('TRANSFER_TEXT_UNENCODABLE')` naming `what`. UTF-8 with `bom` starts with EF BB BF.
 *
 * @example
 * encodeTransferText('目录', 'gb2312', { what: '文件目录.XML' }); // Uint8Array [0xc4, 0xbf, 0xc2, 0xbc]
 */
export function encodeTransferText(
  text: string,
  encoding: TransferTextEncoding,
  options: { readonly what: string; readonly bom?: boolean; readonly fallback?: (cp: number) => string },
): Uint8Array {
  if (encoding === 'utf-8') {
    const body = utf8(text);
    if (options.bom !== true) return body;
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const refuse = (cp: number, index: number): never => {
    const hex = cp.toString(16).toUpperCase().padStart(4, '0');
    throw transferError(
      'TRANSFER_TEXT_UNENCODABLE',
      `${options.what} 的第 ${index + 1} 个字符 U+${hex} 无法用 ${encodingLabel(encoding)} 表示`,
      `Character ${index + 1} (U+${hex}) of ${options.what} cannot be written in ${encodingLabel(encoding)}`,
      { path: options.what },
    );
  };
  if (encoding === 'gb18030') {
    try {
      return encodeGb18030(
        text,
        options.fallback === undefined ? {} : { fallback: (cp) => options.fallback!(cp) },
      );
    } catch (e) {
      if (e instanceof DanganError && e.code === 'ENCODING_UNMAPPABLE') {
        const cp = firstUnmappable(text);
        return refuse(cp.codePoint, cp.index);
      }
      throw e;
    }
  }
  // GB 2312: encode character by character through GB18030 and keep only GB 2312 cells.
  const parts: Uint8Array[] = [];
  let total = 0;
  let run = '';
  const flush = () => {
    if (run === '') return;
    const bytes = encodeGb18030(run);
    parts.push(bytes);
    total += bytes.length;
    run = '';
  };
  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) run += ch;
    else {
      let bytes: Uint8Array | undefined;
      try {
        bytes = encodeGb18030(ch);
      } catch {
        bytes = undefined;
      }
      if (bytes !== undefined && bytes.length === 2 && isGb2312Code(bytes[0]!, bytes[1]!)) run += ch;
      else if (options.fallback !== undefined) run += options.fallback(cp);
      else refuse(cp, index);
    }
    index += ch.length;
    if (run.length > 4096) flush();
  }
  flush();
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function firstUnmappable(text: string): { codePoint: number; index: number } {
  let index = 0;
  for (const ch of text) {
    try {
      encodeGb18030(ch);
    } catch {
      return { codePoint: ch.codePointAt(0)!, index };
    }
    index += ch.length;
  }
  return { codePoint: 0xfffd, index: 0 };
}

/**
 * Decodes a carrier text file that may be UTF-8 (with or without BOM) or GB18030 (GBK, GB2312): a UTF-8 BOM or
 * valid UTF-8 is read as UTF-8, otherwise strict GB18030; `undefined` when neither decodes cleanly (or the
 * runtime has no GB18030 decoder).
 *
 * @example
 * decodeTransferText(new Uint8Array([0xd6, 0xd0])); // { text: '中', encoding: 'gb18030' }
 */
export function decodeTransferText(
  bytes: Uint8Array,
): { readonly text: string; readonly encoding: 'utf-8' | 'gb18030' } | undefined {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // ignoreBOM: false strips a leading BOM.
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes),
      encoding: 'utf-8',
    };
  } catch {
    if (bom) return undefined;
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    return undefined;
  }
}
