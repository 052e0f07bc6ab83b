import { encodeOid } from './oid.js';
import { TAG } from './tags.js';

/**
 * One DER element: identifier octet `tag`, minimal definite length, `content`.
 *
 * @example
 * derElement(0x04, new Uint8Array([1, 2])); // 04 02 01 02
 */
export function derElement(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  const lengthBytes: number[] = [];
  if (n < 0x80) lengthBytes.push(n);
  else {
    for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) lengthBytes.unshift(rest % 256);
    lengthBytes.unshift(0x80 | lengthBytes.length);
  }
  const out = new Uint8Array(1 + lengthBytes.length + n);
  out[0] = tag;
  out.set(lengthBytes, 1);
  out.set(content, 1 + lengthBytes.length);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A SEQUENCE of already-encoded elements.
 *
 * @example
 * derSequence(derInteger(1n), derNull());
 */
export function derSequence(...elements: readonly Uint8Array[]): Uint8Array {
  return derElement(TAG.SEQUENCE, concat(elements));
}

/**
 * An INTEGER in minimal two's complement.
 *
 * @example
 * derInteger(128n); // 02 02 00 80
 */
export function derInteger(value: bigint): Uint8Array {
  if (value >= 0n) {
    // Hex is the fast path for the common non-negative case (signature scalars, versions, serials).
    let hex = value.toString(16);
    if (hex.length % 2 === 1) hex = `0${hex}`;
    if (Number.parseInt(hex[0]!, 16) >= 8) hex = `00${hex}`;
    const out = new Uint8Array(hex.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    return derElement(TAG.INTEGER, out);
  }
  const bytes: number[] = [];
  let rest = value;
  // Emit bytes until the remaining value is the sign extension of the last byte.
  do {
    bytes.unshift(Number(rest & 0xffn));
    rest >>= 8n;
  } while (!((rest === 0n && bytes[0]! < 0x80) || (rest === -1n && bytes[0]! >= 0x80)));
  return derElement(TAG.INTEGER, Uint8Array.from(bytes));
}

/**
 * An OBJECT IDENTIFIER from dotted text.
 *
 * @example
 * derOid('1.2.156.10197.1.301');
 */
export function derOid(oid: string): Uint8Array {
  return derElement(TAG.OID, encodeOid(oid));
}

/**
 * An OCTET STRING.
 *
 * @example
 * derOctetString(new Uint8Array(32));
 */
export function derOctetString(content: Uint8Array): Uint8Array {
  return derElement(TAG.OCTET_STRING, content);
}

/**
 * A BIT STRING of whole bytes (no unused bits).
 *
 * @example
 * derBitString(publicKey);
 */
export function derBitString(content: Uint8Array): Uint8Array {
  const body = new Uint8Array(content.length + 1);
  body.set(content, 1);
  return derElement(TAG.BIT_STRING, body);
}

/**
 * A NULL.
 *
 * @example
 * derNull(); // 05 00
 */
export function derNull(): Uint8Array {
  return derElement(TAG.NULL, new Uint8Array(0));
}

/**
 * An EXPLICIT context-specific element `[number]` wrapping encoded elements.
 *
 * @example
 * derExplicit(1, derBitString(publicKey)); // ECPrivateKey's publicKey [1]
 */
export function derExplicit(number: number, ...elements: readonly Uint8Array[]): Uint8Array {
  if (!Number.isInteger(number) || number < 0 || number > 30) throw new RangeError('number must be 0–30');
  return derElement(0xa0 | number, concat(elements));
}
