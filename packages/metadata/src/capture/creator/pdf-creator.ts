import { indexOfAscii, utf8Loose } from '../binary.js';
import type { ByteRegions } from '../regions.js';
import { xmlElementText } from './xml-text.js';

const MAX_STRING = 4096;
// PDFDocEncoding differs from Latin-1 at 0x18–0x1F and 0x80–0xA0 (ISO 32000-1 Annex D.2).
const PDF_DOC: Readonly<Record<number, number>> = {
  24: 0x02d8,
  25: 0x02c7,
  26: 0x02c6,
  27: 0x02d9,
  28: 0x02dd,
  29: 0x02db,
  30: 0x02da,
  31: 0x02dc,
  128: 0x2022,
  129: 0x2020,
  130: 0x2021,
  131: 0x2026,
  132: 0x2014,
  133: 0x2013,
  134: 0x0192,
  135: 0x2044,
  136: 0x2039,
  137: 0x203a,
  138: 0x2212,
  139: 0x2030,
  140: 0x201e,
  141: 0x201c,
  142: 0x201d,
  143: 0x2018,
  144: 0x2019,
  145: 0x201a,
  146: 0x2122,
  147: 0xfb01,
  148: 0xfb02,
  149: 0x0141,
  150: 0x0152,
  151: 0x0160,
  152: 0x0178,
  153: 0x017d,
  154: 0x0131,
  155: 0x0142,
  156: 0x0153,
  157: 0x0161,
  158: 0x017e,
  160: 0x20ac,
};

/**
 * 文档创建程序 of a PDF: the document information dictionary's `/Creator` (the last one in the kept bytes,
 * which is the newest after incremental updates), else XMP `xmp:CreatorTool`, else `/Producer`, else XMP
 * `pdf:Producer`. Info strings of encrypted files are encrypted and skipped. Dictionaries inside
 * compressed object streams are not reached (the XMP packet usually is: PDF/A requires it uncompressed).
 */
export function pdfCreator(regions: ByteRegions, encrypted: boolean): string | undefined {
  const suffix = regions.suffix;
  const parts = regions.complete || suffix === undefined ? [regions.prefix] : [regions.prefix, suffix];
  const info = (key: string) => (encrypted ? undefined : lastInfoString(parts, key));
  return (
    info('/Creator') ?? xmpValue(parts, 'CreatorTool') ?? info('/Producer') ?? xmpValue(parts, 'Producer')
  );
}

function lastInfoString(parts: readonly Uint8Array[], key: string): string | undefined {
  for (let p = parts.length - 1; p >= 0; p--) {
    const bytes = parts[p]!;
    let found: string | undefined;
    for (let at = indexOfAscii(bytes, key); at >= 0; at = indexOfAscii(bytes, key, at + key.length)) {
      let i = at + key.length;
      while (i < bytes.length && isWhite(bytes[i]!)) i++;
      const value =
        bytes[i] === 0x28
          ? literal(bytes, i)
          : bytes[i] === 0x3c && bytes[i + 1] !== 0x3c
            ? hex(bytes, i)
            : undefined;
      if (value !== undefined) found = decodePdfString(value) ?? found;
    }
    if (found !== undefined) return found;
  }
  return undefined;
}

function isWhite(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}

/** The bytes of a literal string `( … )` starting at `at`, escapes resolved; `undefined` if unterminated. */
function literal(b: Uint8Array, at: number): Uint8Array | undefined {
  const out: number[] = [];
  let depth = 0;
  for (let i = at + 1; i < b.length && out.length < MAX_STRING; i++) {
    const c = b[i]!;
    if (c === 0x5c) {
      const n = b[++i];
      if (n === undefined) return undefined;
      const simple: Readonly<Record<number, number>> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 };
      if (simple[n] !== undefined) out.push(simple[n]);
      else if (n >= 0x30 && n <= 0x37) {
        let v = n - 0x30;
        for (let k = 0; k < 2 && b[i + 1]! >= 0x30 && b[i + 1]! <= 0x37; k++) v = v * 8 + (b[++i]! - 0x30);
        out.push(v & 0xff);
      } else if (n === 0x0d) {
        if (b[i + 1] === 0x0a) i++;
      } else if (n !== 0x0a) out.push(n);
      continue;
    }
    if (c === 0x28) depth++;
    if (c === 0x29) {
      if (depth === 0) return Uint8Array.from(out);
      depth--;
    }
    out.push(c);
  }
  return undefined;
}

/** The bytes of a hex string `< … >` starting at `at`. */
function hex(b: Uint8Array, at: number): Uint8Array | undefined {
  let digits = '';
  for (let i = at + 1; i < b.length && digits.length < MAX_STRING * 2; i++) {
    const c = String.fromCharCode(b[i]!);
    if (c === '>') {
      if (digits.length % 2 === 1) digits += '0';
      const out = new Uint8Array(digits.length / 2);
      for (let k = 0; k < out.length; k++) out[k] = Number.parseInt(digits.slice(k * 2, k * 2 + 2), 16);
      return out;
    }
    if (/[0-9A-Fa-f]/.test(c)) digits += c;
    else if (!isWhite(b[i]!)) return undefined;
  }
  return undefined;
}

/** A PDF text string: UTF-16BE with BOM, UTF-8 with BOM (PDF 2.0), else PDFDocEncoding (or plain UTF-8). */
export function decodePdfString(bytes: Uint8Array): string | undefined {
  let text: string;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    // By hand: TextDecoder's 'utf-16be' needs full ICU, which not every runtime has.
    text = '';
    for (let i = 2; i + 1 < bytes.length; i += 2)
      text += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = utf8Loose(bytes.subarray(3));
  } else {
    let strictUtf8: string | undefined;
    if (bytes.some((c) => c >= 0x80)) {
      try {
        strictUtf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        strictUtf8 = undefined;
      }
    }
    text = strictUtf8 ?? String.fromCharCode(...Array.from(bytes, (c) => PDF_DOC[c] ?? c));
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = text.replace(/[\u0000-\u001f]+/g, ' ').trim();
  return clean.length > 0 ? clean : undefined;
}

function xmpValue(parts: readonly Uint8Array[], name: 'CreatorTool' | 'Producer'): string | undefined {
  for (let p = parts.length - 1; p >= 0; p--) {
    const bytes = parts[p]!;
    const at = indexOfAscii(bytes, `:${name}`);
    if (at < 0) continue;
    const text = utf8Loose(bytes.subarray(Math.max(0, at - 64), at + MAX_STRING));
    const value = xmlElementText(text, name);
    if (value !== undefined) return value;
  }
  return undefined;
}
