/** The standard Base64 alphabet (RFC 4648 §4, as RFC 2045 uses it). */
export const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decode-table marks for bytes that are not Base64 digits. */
export const INVALID = -1;
/** XML whitespace (space, tab, CR, LF): skipped. */
export const WHITESPACE = -2;
/** `=`. */
export const PAD = -3;

let pairs: Uint16Array | undefined;
let decode: Int8Array | undefined;
let littleEndian: boolean | undefined;

/** Whether the platform stores multi-byte integers little-endian. */
export function isLittleEndian(): boolean {
  littleEndian ??= new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  return littleEndian;
}

/**
 * For each 12-bit value, its two Base64 characters as one 16-bit word laid out in memory order, so a
 * `Uint16Array`/`Uint32Array` view writes them in one store. Built on first use.
 */
export function pairTable(): Uint16Array {
  if (pairs === undefined) {
    const le = isLittleEndian();
    pairs = new Uint16Array(4096);
    for (let i = 0; i < 4096; i++) {
      const a = BASE64_ALPHABET.charCodeAt(i >> 6);
      const b = BASE64_ALPHABET.charCodeAt(i & 63);
      pairs[i] = le ? a | (b << 8) : (a << 8) | b;
    }
  }
  return pairs;
}

/** Byte → sextet value (0–63), or {@link INVALID}, {@link WHITESPACE} or {@link PAD}. Built on first use. */
export function decodeTable(): Int8Array {
  if (decode === undefined) {
    decode = new Int8Array(256).fill(INVALID);
    for (let i = 0; i < 64; i++) decode[BASE64_ALPHABET.charCodeAt(i)] = i;
    for (const c of [0x20, 0x09, 0x0a, 0x0d]) decode[c] = WHITESPACE;
    decode[0x3d] = PAD;
  }
  return decode;
}
