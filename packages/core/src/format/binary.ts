// Little readers over byte arrays. Callers check lengths first; a read past the end yields 0 bytes
// rather than throwing, so hostile input can at worst give a wrong number, never an exception.

/** Unsigned 16-bit little-endian integer at `offset`. */
export function u16le(b: Uint8Array, offset: number): number {
  return (b[offset] ?? 0) | ((b[offset + 1] ?? 0) << 8);
}

/** Unsigned 16-bit big-endian integer at `offset`. */
export function u16be(b: Uint8Array, offset: number): number {
  return ((b[offset] ?? 0) << 8) | (b[offset + 1] ?? 0);
}

/** Unsigned 32-bit little-endian integer at `offset`. */
export function u32le(b: Uint8Array, offset: number): number {
  return (
    ((b[offset] ?? 0) | ((b[offset + 1] ?? 0) << 8) | ((b[offset + 2] ?? 0) << 16)) +
    (b[offset + 3] ?? 0) * 0x1000000
  );
}

/** Unsigned 32-bit big-endian integer at `offset`. */
export function u32be(b: Uint8Array, offset: number): number {
  return (
    (b[offset] ?? 0) * 0x1000000 +
    (((b[offset + 1] ?? 0) << 16) | ((b[offset + 2] ?? 0) << 8) | (b[offset + 3] ?? 0))
  );
}

/** Signed 32-bit little-endian integer at `offset`. */
export function i32le(b: Uint8Array, offset: number): number {
  return (
    (b[offset] ?? 0) |
    ((b[offset + 1] ?? 0) << 8) |
    ((b[offset + 2] ?? 0) << 16) |
    ((b[offset + 3] ?? 0) << 24)
  );
}

/** Unsigned 64-bit little-endian integer as a number; may exceed `Number.MAX_SAFE_INTEGER` (check it). */
export function u64le(b: Uint8Array, offset: number): number {
  return u32le(b, offset) + u32le(b, offset + 4) * 0x100000000;
}

/** Unsigned 64-bit big-endian integer as a number; may exceed `Number.MAX_SAFE_INTEGER` (check it). */
export function u64be(b: Uint8Array, offset: number): number {
  return u32be(b, offset) * 0x100000000 + u32be(b, offset + 4);
}

/** Characters of `length` bytes at `offset`, one per byte (Latin-1). */
export function latin1(b: Uint8Array, offset = 0, length = b.length - offset): string {
  const end = Math.min(b.length, offset + length);
  let out = '';
  for (let i = Math.max(0, offset); i < end; i++) out += String.fromCharCode(b[i]!);
  return out;
}

/** Whether `b` holds the bytes of `signature` (numbers, or an ASCII string) at `offset`. */
export function hasBytes(b: Uint8Array, signature: readonly number[] | string, offset = 0): boolean {
  const n = signature.length;
  if (offset < 0 || offset + n > b.length) return false;
  for (let i = 0; i < n; i++) {
    const want = typeof signature === 'string' ? signature.charCodeAt(i) : signature[i];
    if (b[offset + i] !== want) return false;
  }
  return true;
}

/** First index of `needle` in `hay` at or after `from`, or -1. */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const n = needle.length;
  if (n === 0) return from <= hay.length ? from : -1;
  const first = needle[0]!;
  for (let i = Math.max(0, from); i + n <= hay.length; i++) {
    i = hay.indexOf(first, i);
    if (i < 0 || i + n > hay.length) return -1;
    let j = 1;
    while (j < n && hay[i + j] === needle[j]) j++;
    if (j === n) return i;
  }
  return -1;
}

/** Bytes of an ASCII string (for signatures). */
export function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}
