import { toHex } from '../bytes/index.js';
import { createHasher } from '../hash/hasher.js';
import { SM2_A, SM2_B, SM2_GX, SM2_GY } from './curve.js';
import { publicKeyPoint } from './public-key.js';
import { bigIntTo32Bytes } from './scalar.js';
import { userIdBytes } from './user-id.js';

const CACHE_LIMIT = 256;
// Z depends only on (public key, user ID): one SM3 of ~210 bytes saved per signature and verification.
const cache = /* @__PURE__ */ new Map<string, Uint8Array>();
let curveBytes: Uint8Array | undefined;

/**
 * Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A) for an already validated 65-byte `04‖x‖y` key.
 * The result is shared from a cache: callers must not modify it.
 */
export function zValueOf(publicKey: Uint8Array, id: Uint8Array): Uint8Array {
  const key = `${toHex(publicKey)}:${toHex(id)}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  curveBytes ??= Uint8Array.from([
    ...bigIntTo32Bytes(SM2_A),
    ...bigIntTo32Bytes(SM2_B),
    ...bigIntTo32Bytes(SM2_GX),
    ...bigIntTo32Bytes(SM2_GY),
  ]);
  const bits = id.length * 8;
  const z = createHasher('sm3')
    .update(Uint8Array.of(bits >>> 8, bits & 0xff))
    .update(id)
    .update(curveBytes)
    .update(publicKey.subarray(1))
    .digest();
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, z);
  return z;
}

/**
 * Z_A, the SM3 digest of the signer's identity and key that SM2 prefixes to every message
 * (GB/T 32918.2 §5.5): SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A). `userId` defaults to
 * {@link DEFAULT_USER_ID}; text is UTF-8 encoded.
 *
 * @example
 * toHex(sm2.computeZ(publicKey)); // 'b2e14c5c…' for the GM/T 0003.5 example key
 */
export function computeZ(publicKey: Uint8Array, userId?: string | Uint8Array): Uint8Array {
  const point = publicKeyPoint(publicKey);
  return zValueOf(point.toBytes(false), userIdBytes(userId)).slice();
}

/** Drops every cached Z value. */
export function clearZCache(): void {
  cache.clear();
}
