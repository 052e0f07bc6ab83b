// Little readers over byte arrays for the capture parsers. A read past the end yields 0, never throws:
// hostile input can give a wrong number at worst, and every parser checks lengths before it trusts one.

/** Unsigned 16-bit big-endian integer at `at`. */
export function u16be(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}

/** Unsigned 16-bit little-endian integer at `at`. */
export function u16le(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

/** Unsigned 24-bit big-endian integer at `at`. */
export function u24be(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 16) | ((b[at + 1] ?? 0) << 8) | (b[at + 2] ?? 0);
}

/** Unsigned 32-bit big-endian integer at `at`. */
export function u32be(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) * 0x1000000 + (((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0));
}

/** Unsigned 32-bit little-endian integer at `at`. */
export function u32le(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)) + (b[at + 3] ?? 0) * 0x1000000;
}

/** Unsigned 64-bit big-endian integer as a number (exact up to 2^53; larger values lose precision). */
export function u64be(b: Uint8Array, at: number): number {
  return u32be(b, at) * 0x100000000 + u32be(b, at + 4);
}

/** Unsigned 64-bit little-endian integer as a number (exact up to 2^53). */
export function u64le(b: Uint8Array, at: number): number {
  return u32le(b, at) + u32le(b, at + 4) * 0x100000000;
}

/** One character per byte (Latin-1). */
export function latin1(b: Uint8Array, at = 0, length = b.length - at): string {
  const end = Math.min(b.length, at + length);
  let out = '';
  for (let i = Math.max(0, at); i < end; i++) out += String.fromCharCode(b[i]!);
  return out;
}

/** Whether `b` holds the ASCII text `text` at `at`. */
export function hasAscii(b: Uint8Array, text: string, at = 0): boolean {
  if (at < 0 || at + text.length > b.length) return false;
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** First index of the ASCII `needle` in `hay` at or after `from`, or -1. */
export function indexOfAscii(hay: Uint8Array, needle: string, from = 0): number {
  const first = needle.charCodeAt(0);
  for (let i = Math.max(0, from); i + needle.length <= hay.length; i++) {
    i = hay.indexOf(first, i);
    if (i < 0 || i + needle.length > hay.length) return -1;
    if (hasAscii(hay, needle, i)) return i;
  }
  return -1;
}

/** Last index of the ASCII `needle` in `hay`, or -1. */
export function lastIndexOfAscii(hay: Uint8Array, needle: string): number {
  const first = needle.charCodeAt(0);
  for (let i = hay.length - needle.length; i >= 0; i--) {
    i = hay.lastIndexOf(first, i);
    if (i < 0) return -1;
    if (hasAscii(hay, needle, i)) return i;
  }
  return -1;
}

/**
 * Text as cameras and encoders write it: UTF-8 when it decodes cleanly, else GB 18030 (Chinese devices),
 * else Latin-1. Trailing NULs and white space are dropped; `undefined` when nothing is left.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0 || bytes[end - 1] === 0x20)) end--;
  const nul = bytes.subarray(0, end).indexOf(0);
  const body = bytes.subarray(0, nul >= 0 ? nul : end);
  if (body.length === 0) return undefined;
  const text = decodeStrict(body, 'utf-8') ?? decodeStrict(body, 'gb18030') ?? latin1(body);
  const trimmed = text.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

function decodeStrict(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-8 decoding that never throws (bad sequences become U+FFFD). */
export function utf8Loose(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** `x` rounded to `digits` decimals, without float noise such as 0.30000000000000004. */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Greatest common divisor of two non-negative integers. */
export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y > 0) [x, y] = [y, x % y];
  return x;
}

/** A copy of `value` without the keys whose value is `undefined` (for exact optional properties). */
export function compact<T extends object>(value: { [K in keyof T]?: T[K] | undefined }): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as T;
}

/** `compact(value)`, or `undefined` when no key is left. */
export function compactOrUndefined<T extends object>(
  value: { [K in keyof T]?: T[K] | undefined },
): T | undefined {
  const out = compact<T>(value);
  return Object.keys(out).length > 0 ? out : undefined;
}
