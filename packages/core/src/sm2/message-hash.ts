import { createHasher, type Hasher } from '../hash/hasher.js';
import type { MessageHasherOptions } from './options.js';
import { checkOptions } from './options.js';
import { publicKeyEntry } from './public-key-cache.js';
import { bytesToBigInt } from './scalar.js';
import { userIdBytes } from './user-id.js';
import { zValueOf } from './z-value.js';

/** e = SM3(Z ‖ M) as an integer. */
export function messageScalar(z: Uint8Array, message: Uint8Array): bigint {
  if (!(message instanceof Uint8Array)) throw new TypeError('message must be a Uint8Array');
  return bytesToBigInt(createHasher('sm3').update(z).update(message).digest());
}

/**
 * An SM3 hasher already fed with Z_A of `publicKey` (the signer's key), for messages too large to hold in
 * memory: feed the message with `update`, then pass `digest()` (e = SM3(Z_A ‖ M)) to {@link signDigest} or
 * {@link verifyDigest}. Native SM3 is used where the runtime has it.
 *
 * @example
 * const h = sm2.createMessageHasher(publicKey);
 * for await (const c of chunks(file)) h.update(c);
 * const signature = sm2.signDigest(h.digest(), privateKey);
 */
export function createMessageHasher(publicKey: Uint8Array, options?: MessageHasherOptions): Hasher {
  checkOptions(options);
  const entry = publicKeyEntry(publicKey);
  return createHasher('sm3').update(zValueOf(entry.publicKey, userIdBytes(options?.userId)));
}
