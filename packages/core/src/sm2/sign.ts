import { SM2_N, sm2Curve } from './curve.js';
import { messageScalar } from './message-hash.js';
import { nativeBaseMultiply } from './native-base-multiply.js';
import { checkOptions, type SignDigestOptions, type SignOptions } from './options.js';
import { type PrivateKeyState, privateKeyState } from './private-key.js';
import { bigIntTo32Bytes, bytesToBigInt, modN, type RandomBytes, randomScalar } from './scalar.js';
import { encodeSignature } from './signature-encoding.js';
import { userIdBytes } from './user-id.js';
import { zValueOf } from './z-value.js';

/** x coordinate of k·G: OpenSSL's multiplication in Node, noble's blinded constant-time ladder elsewhere. */
function baseX(k: bigint): bigint {
  const native = nativeBaseMultiply(bigIntTo32Bytes(k));
  if (native !== undefined) return bytesToBigInt(native.subarray(1, 33));
  return sm2Curve().BASE.multiply(k).toAffine().x;
}

/** GB/T 32918.2 §6.1 steps A3–A6 for e. */
function signScalar(e: bigint, key: PrivateKeyState, random: RandomBytes | undefined): [bigint, bigint] {
  for (let attempt = 0; attempt < 64; attempt++) {
    const k = randomScalar(SM2_N - 1n, random);
    const r = modN(e + baseX(k));
    if (r === 0n || r + k === SM2_N) continue;
    const s = modN(key.inverse * (k - r * key.d));
    if (s === 0n) continue;
    return [r, s];
  }
  throw new Error('random produced no usable nonce in 64 draws; the random source is broken');
}

/**
 * Signs `message` with SM2 (GB/T 32918.2): e = SM3(Z_A ‖ M) with the signer's user ID, a fresh random k, and
 * (r, s) encoded as DER (default) or 64 raw bytes. Throws `KEY_INVALID` for a private key that is not
 * 32 bytes in [1, n−2]. In Node, k·G runs in OpenSSL; the result is identical to the pure path.
 *
 * @example
 * const signature = sm2.sign(utf8('档案'), privateKey); // DER, user ID '1234567812345678'
 */
export function sign(message: Uint8Array, privateKey: Uint8Array, options?: SignOptions): Uint8Array {
  checkOptions(options);
  const key = privateKeyState(privateKey);
  const e = messageScalar(zValueOf(key.publicKey, userIdBytes(options?.userId)), message);
  const [r, s] = signScalar(e, key, options?.random);
  return encodeSignature(r, s, options?.format ?? 'der');
}

/**
 * Signs a precomputed e = SM3(Z_A ‖ M) (32 bytes, e.g. from {@link createMessageHasher}) with SM2.
 *
 * @example
 * const signature = sm2.signDigest(hasher.digest(), privateKey);
 */
export function signDigest(
  digest: Uint8Array,
  privateKey: Uint8Array,
  options?: SignDigestOptions,
): Uint8Array {
  checkOptions(options);
  if (!(digest instanceof Uint8Array) || digest.length !== 32) {
    throw new TypeError('digest must be a 32-byte Uint8Array (SM3 of Z_A ‖ M)');
  }
  const key = privateKeyState(privateKey);
  const [r, s] = signScalar(bytesToBigInt(digest), key, options?.random);
  return encodeSignature(r, s, options?.format ?? 'der');
}
