import { SM2_N } from './curve.js';
import type { KeyPairOptions } from './options.js';
import { checkOptions } from './options.js';
import { privateKeyState, publicKeyOf } from './private-key.js';
import { clearPublicKeyCache } from './public-key-cache.js';
import { bigIntTo32Bytes, randomScalar } from './scalar.js';
import { clearZCache } from './z-value.js';

/** An SM2 key pair: 32-byte private key d and 65-byte public key `04‖x‖y`. */
export interface Sm2KeyPair {
  readonly privateKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

/**
 * A new SM2 key pair, d drawn uniformly from [1, n−2] with the platform CSPRNG (WebCrypto).
 *
 * @example
 * const { privateKey, publicKey } = sm2.generateKeyPair();
 */
export function generateKeyPair(options?: KeyPairOptions): Sm2KeyPair {
  checkOptions(options);
  const d = randomScalar(SM2_N - 2n, options?.random);
  return { privateKey: bigIntTo32Bytes(d), publicKey: publicKeyOf(d) };
}

/**
 * The 65-byte public key `04‖x‖y` of a 32-byte private key. Throws `KEY_INVALID` for a key outside [1, n−2].
 *
 * @example
 * sm2.getPublicKey(privateKey).length; // 65
 */
export function getPublicKey(privateKey: Uint8Array): Uint8Array {
  return privateKeyState(privateKey).publicKey.slice();
}

/**
 * Empties the caches of public-key tables and Z values (a host may call it to release their memory, at most
 * ~16 MiB). Private-key data is cached only as long as the caller holds the key array.
 *
 * @example
 * sm2.clearCaches();
 */
export function clearCaches(): void {
  clearPublicKeyCache();
  clearZCache();
}
