import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { hasNativeHash, nativeCrypto } from '../runtime/native-crypto.js';
import { type DigestAlgorithm, parseDigestAlgorithm } from './algorithms.js';
import { pureHash } from './pure.js';

/**
 * HMAC (RFC 2104 / GB/T 15852.2) of `message` under `key` with any {@link DigestAlgorithm}. Native
 * `node:crypto` HMAC when the runtime has the hash, else pure TypeScript; the results are identical.
 *
 * @example
 * toHex(hmac('sha256', key, utf8('message')));
 */
export function hmac(algorithm: DigestAlgorithm, key: Uint8Array, message: Uint8Array): Uint8Array {
  const name = parseDigestAlgorithm(algorithm);
  if (!(key instanceof Uint8Array)) throw new TypeError(`key must be a Uint8Array, got ${typeof key}`);
  if (!(message instanceof Uint8Array))
    throw new TypeError(`message must be a Uint8Array, got ${typeof message}`);
  const native = hasNativeHash(name) ? nativeCrypto() : undefined;
  if (native !== undefined) {
    try {
      // Node returns a Buffer; copy into a plain Uint8Array so both paths return the same type.
      return new Uint8Array(native.createHmac(name, key).update(message).digest());
    } catch {
      // Listed but refused (MD5 under an OpenSSL FIPS policy): the pure one gives the same result.
    }
  }
  return nobleHmac(pureHash(name), key, message);
}

/**
 * HMAC-SM3 (32 bytes), e.g. for keyed integrity codes over archive records.
 *
 * @example
 * toHex(hmacSm3(key, utf8('档案')));
 */
export function hmacSm3(key: Uint8Array, message: Uint8Array): Uint8Array {
  return hmac('sm3', key, message);
}
