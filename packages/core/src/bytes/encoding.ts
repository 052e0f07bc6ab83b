const HEX = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Lowercase hexadecimal of bytes.
 *
 * @example
 * toHex(new Uint8Array([0xab, 0x01])); // 'ab01'
 */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
}

/**
 * Bytes of a hexadecimal string (either case, even length).
 *
 * @example
 * fromHex('ab01'); // Uint8Array [0xab, 0x01]
 */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new TypeError('hex must be an even-length string of hexadecimal digits');
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/**
 * UTF-8 bytes of a string.
 *
 * @example
 * utf8('档案').length; // 6
 */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Base64 (standard alphabet, padded) of bytes. Works without Node's Buffer. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += A[n >> 18]! + A[(n >> 12) & 63]! + A[(n >> 6) & 63]! + A[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += `${A[n >> 18]!}${A[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${A[n >> 18]!}${A[(n >> 12) & 63]!}${A[(n >> 6) & 63]!}=`;
  }
  return out;
}

/**
 * Bytes of a Base64 string (standard alphabet; whitespace ignored; padding optional).
 * Throws `TypeError` on any other character.
 */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/[\s]+/g, '').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) throw new TypeError('invalid Base64 text');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    value = (value << 6) | B64_INDEX(clean.charCodeAt(i));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

function B64_INDEX(c: number): number {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  return c === 43 ? 62 : 63;
}
