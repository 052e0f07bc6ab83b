import { invert } from '@noble/curves/abstract/modular.js';
import { SM2_N } from './curve.js';

/** `a mod n`, non-negative. */
export function modN(a: bigint): bigint {
  const r = a % SM2_N;
  return r < 0n ? r + SM2_N : r;
}

/** `a⁻¹ mod n` (a ≠ 0 mod n). */
export function invertN(a: bigint): bigint {
  return invert(a, SM2_N);
}

/** Big-endian unsigned integer of bytes. */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  let hex = '';
  for (const b of bytes) hex += b < 16 ? `0${b.toString(16)}` : b.toString(16);
  return hex === '' ? 0n : BigInt(`0x${hex}`);
}

/** 32 big-endian bytes of a value below 2²⁵⁶. */
export function bigIntTo32Bytes(value: bigint): Uint8Array {
  const hex = value.toString(16).padStart(64, '0');
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** A source of random bytes: `(length) => bytes`. The default is WebCrypto's `getRandomValues`. */
export type RandomBytes = (length: number) => Uint8Array;

/** Random bytes from the platform CSPRNG (WebCrypto, present in browsers, Node ≥ 19, Deno and Bun). */
export function secureRandomBytes(length: number): Uint8Array {
  const webCrypto = (globalThis as { crypto?: { getRandomValues?: <T extends Uint8Array>(a: T) => T } })
    .crypto;
  if (typeof webCrypto?.getRandomValues !== 'function') {
    throw new Error('no secure random source: globalThis.crypto.getRandomValues is missing');
  }
  return webCrypto.getRandomValues(new Uint8Array(length));
}

/**
 * A uniformly random integer in [1, max] by rejection sampling 32-byte draws (a draw is rejected with
 * probability ≈ 2⁻³²). A generator that keeps returning out-of-range bytes is broken: give up loudly.
 */
export function randomScalar(max: bigint, random: RandomBytes = secureRandomBytes): bigint {
  for (let attempt = 0; attempt < 64; attempt++) {
    const bytes = random(32);
    if (!(bytes instanceof Uint8Array) || bytes.length !== 32) {
      throw new TypeError('random must return a Uint8Array of the requested length (32)');
    }
    const value = bytesToBigInt(bytes);
    if (value >= 1n && value <= max) return value;
  }
  throw new Error('random produced no usable scalar in 64 draws; the random source is broken');
}
