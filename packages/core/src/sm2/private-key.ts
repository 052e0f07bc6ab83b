import { DanganError } from '../errors/index.js';
import { SM2_N, sm2Curve } from './curve.js';
import { nativeBaseMultiply } from './native-base-multiply.js';
import { bigIntTo32Bytes, bytesToBigInt, invertN } from './scalar.js';

/** What signing needs from a private key, derived once per key object. */
export interface PrivateKeyState {
  /** A copy of the key bytes, to notice a caller reusing the same array for another key. */
  readonly bytes: Uint8Array;
  readonly d: bigint;
  /** (1 + d)⁻¹ mod n, the constant factor of s. */
  readonly inverse: bigint;
  /** 65-byte `04‖x‖y`. */
  readonly publicKey: Uint8Array;
}

// Keyed by the caller's array: no secret is kept longer than the caller keeps its own key.
const states = /* @__PURE__ */ new WeakMap<Uint8Array, PrivateKeyState>();

/**
 * The scalar d of a 32-byte SM2 private key, which must lie in [1, n − 2] (GB/T 32918.1 §6.1: 1 + d must be
 * invertible). Throws `TypeError` for a non-`Uint8Array` and `KEY_INVALID` for anything else out of shape.
 */
export function privateKeyScalar(privateKey: Uint8Array, argument = 'privateKey'): bigint {
  if (!(privateKey instanceof Uint8Array)) throw new TypeError(`${argument} must be a Uint8Array`);
  if (privateKey.length !== 32) {
    throw new DanganError('KEY_INVALID', `SM2 私钥无效：应为 32 字节，实际为 ${privateKey.length} 字节`, {
      messageEn: `invalid SM2 private key: expected 32 bytes, got ${privateKey.length}`,
    });
  }
  const d = bytesToBigInt(privateKey);
  if (d < 1n || d > SM2_N - 2n) {
    throw new DanganError('KEY_INVALID', 'SM2 私钥无效：取值应在 [1, n−2] 范围内', {
      messageEn: 'invalid SM2 private key: value must be in [1, n−2]',
    });
  }
  return d;
}

/**
 * d·G as 65 bytes `04‖x‖y`: native in Node (OpenSSL), noble's constant-time ladder elsewhere. Both give
 * the same bytes.
 */
export function publicKeyOf(d: bigint): Uint8Array {
  return nativeBaseMultiply(bigIntTo32Bytes(d)) ?? sm2Curve().BASE.multiply(d).toBytes(false);
}

/** The cached {@link PrivateKeyState} of a key array (recomputed if the array's contents changed). */
export function privateKeyState(privateKey: Uint8Array): PrivateKeyState {
  const cached = states.get(privateKey);
  if (cached !== undefined && sameBytes(cached.bytes, privateKey)) return cached;
  const d = privateKeyScalar(privateKey);
  const state: PrivateKeyState = {
    bytes: privateKey.slice(),
    d,
    inverse: invertN(1n + d),
    publicKey: publicKeyOf(d),
  };
  states.set(privateKey, state);
  return state;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
