/**
 * ASCII views of byte windows for token searches in binary formats (PDF keywords, trailers). Bytes map
 * one-to-one to UTF-16 code units (ISO-8859-1), so string offsets equal byte offsets.
 */

/**
 * The bytes as a Latin-1 string (offsets unchanged).
 *
 * @example
 * latin1(new Uint8Array([0x25, 0x50])); // '%P'
 */
export function latin1(bytes: Uint8Array): string {
  let out = '';
  const STEP = 8192;
  for (let i = 0; i < bytes.length; i += STEP) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + STEP) as unknown as number[]);
  }
  return out;
}

/**
 * Whether `bytes` start with the ASCII text `prefix`.
 *
 * @example
 * startsWithAscii(bytes, 'PK\x03\x04');
 */
export function startsWithAscii(bytes: Uint8Array, prefix: string): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}
