import type { TextEncodingName } from './format-info.js';

/** What {@link sniffTextEncoding} found: the encoding, whether a BOM named it, and whether all bytes were ASCII. */
export interface TextSniff {
  readonly encoding: TextEncodingName;
  readonly bom: boolean;
  readonly ascii: boolean;
}

/** The length of a byte-order mark at the start of `bytes` and the encoding it names, if any. */
export function byteOrderMark(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * Whether `bytes` decode without error in `encoding`. `cut` says the bytes are a prefix of a longer
 * input: a multibyte sequence cut at the end is then not an error (streaming decode leaves it pending).
 * `undefined` when the runtime has no decoder for the encoding (GB 18030 needs full ICU in Node).
 */
export function decodesCleanly(bytes: Uint8Array, encoding: string, cut: boolean): boolean | undefined {
  const decoder = cachedDecoder(encoding, true);
  if (decoder === undefined) return undefined;
  try {
    decoder.decode(bytes, { stream: cut });
    return true;
  } catch {
    return false;
  } finally {
    reset(decoder);
  }
}

/**
 * Decodes bytes for reading (not for validating): replacement characters where bytes are bad, a
 * sequence cut at the end dropped. `undefined` when the runtime has no decoder for `encoding`.
 */
export function decodeLoosely(bytes: Uint8Array, encoding: string): string | undefined {
  const decoder = cachedDecoder(encoding, false);
  if (decoder === undefined) return undefined;
  try {
    return decoder.decode(bytes, { stream: true });
  } finally {
    reset(decoder);
  }
}

// Creating a decoder costs far more than decoding a few kilobytes (ICU set-up), so decoders are kept.
const decoders = new Map<string, TextDecoder | undefined>();

function cachedDecoder(encoding: string, fatal: boolean): TextDecoder | undefined {
  const key = `${encoding}|${fatal}`;
  if (!decoders.has(key)) {
    let decoder: TextDecoder | undefined;
    try {
      decoder = new TextDecoder(encoding, { fatal, ignoreBOM: true });
    } catch {
      decoder = undefined;
    }
    // Labels come from files; keep the map from growing without bound.
    if (decoders.size < 64) decoders.set(key, decoder);
    return decoder;
  }
  return decoders.get(key);
}

/** Drops a pending partial sequence so the next use starts clean (a fatal decoder throws for it). */
function reset(decoder: TextDecoder): void {
  try {
    decoder.decode();
  } catch {
    // the pending bytes were an incomplete sequence: now discarded
  }
}

/**
 * How text-like a decoded or ASCII-compatible byte run is: `false` when it holds NUL, or more than 1 %
 * C0 control characters other than tab, line breaks, form feed, escape and the DOS end-of-file mark.
 */
export function looksLikeText(units: ArrayLike<number>): boolean {
  let controls = 0;
  for (let i = 0; i < units.length; i++) {
    const c = units[i]!;
    if (
      c >= 0x20 ||
      c === 0x09 ||
      c === 0x0a ||
      c === 0x0d ||
      c === 0x0c ||
      c === 0x0b ||
      c === 0x1b ||
      c === 0x1a
    ) {
      continue;
    }
    if (c === 0) return false;
    controls++;
  }
  return controls * 100 <= units.length;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

function utf16Units(text: string): number[] {
  const out = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/**
 * The encoding of plain text from its first bytes: a BOM decides; otherwise strict UTF-8 (ASCII counts
 * as UTF-8), else GB 18030; `undefined` for binary data or bytes valid in neither.
 *
 * @param bytes the inspected prefix
 * @param cut whether the input goes on past `bytes` (a multibyte sequence may be cut at the end)
 */
export function sniffTextEncoding(bytes: Uint8Array, cut: boolean): TextSniff | undefined {
  const bom = byteOrderMark(bytes);
  if (bom !== undefined) {
    const rest = bytes.subarray(bom.length);
    if (decodesCleanly(rest, bom.encoding, cut) !== true) return undefined;
    const text = bom.encoding === 'utf-8' ? rest : utf16Units(decodeLoosely(rest, bom.encoding) ?? '');
    if (!looksLikeText(text)) return undefined;
    return { encoding: bom.encoding, bom: true, ascii: bom.encoding === 'utf-8' && isAscii(rest) };
  }
  if (!looksLikeText(bytes)) return undefined;
  if (decodesCleanly(bytes, 'utf-8', cut) === true)
    return { encoding: 'utf-8', bom: false, ascii: isAscii(bytes) };
  if (decodesCleanly(bytes, 'gb18030', cut) === true)
    return { encoding: 'gb18030', bom: false, ascii: false };
  return undefined;
}
