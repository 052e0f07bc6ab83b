import { SM2_GX, SM2_GY } from './curve.js';
import { messageScalar } from './message-hash.js';
import { checkOptions, type VerifyDigestOptions, type VerifyOptions } from './options.js';
import { multiplicand, type PublicKeyEntry, publicKeyEntry } from './public-key-cache.js';
import { linearCombinationX, type WindowTable, windowTable } from './public-multiply.js';
import { bytesToBigInt, modN } from './scalar.js';
import { decodeSignature, type SignatureScalars } from './signature-encoding.js';
import { userIdBytes } from './user-id.js';
import { zValueOf } from './z-value.js';

// G's window-8 table (4,224 affine points, built on the first verification): 33 additions for s·G.
let baseTable: WindowTable | undefined;

/** GB/T 32918.2 §7.1 steps B5–B7. */
function verifyScalars(e: bigint, { r, s }: SignatureScalars, entry: PublicKeyEntry): boolean {
  const t = modN(r + s);
  if (t === 0n) return false;
  baseTable ??= windowTable(SM2_GX, SM2_GY, 8);
  const x = linearCombinationX(baseTable, s, multiplicand(entry), t);
  return x !== undefined && modN(e + x) === r;
}

function checkSignature(signature: Uint8Array): void {
  if (!(signature instanceof Uint8Array)) throw new TypeError('signature must be a Uint8Array');
}

/**
 * Verifies an SM2 signature (GB/T 32918.2) of `message` under `publicKey` (65 bytes `04‖x‖y`; 64-byte `x‖y`
 * and 33-byte compressed keys are accepted too). Returns `false` for a wrong, tampered or malformed
 * signature; throws `KEY_INVALID` only when the public key itself is unusable. The user ID must be the
 * signer's (default `'1234567812345678'`). Keys used repeatedly get a cached precomputed table.
 *
 * @example
 * sm2.verify(signature, utf8('档案'), publicKey); // true
 */
export function verify(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
  options?: VerifyOptions,
): boolean {
  checkOptions(options);
  checkSignature(signature);
  if (!(message instanceof Uint8Array)) throw new TypeError('message must be a Uint8Array');
  const entry = publicKeyEntry(publicKey);
  const scalars = decodeSignature(signature, options?.format);
  if (scalars === undefined) return false;
  const e = messageScalar(zValueOf(entry.publicKey, userIdBytes(options?.userId)), message);
  return verifyScalars(e, scalars, entry);
}

/**
 * Verifies an SM2 signature over a precomputed e = SM3(Z_A ‖ M) (32 bytes, e.g. from
 * {@link createMessageHasher}).
 *
 * @example
 * sm2.verifyDigest(signature, hasher.digest(), publicKey); // true
 */
export function verifyDigest(
  signature: Uint8Array,
  digest: Uint8Array,
  publicKey: Uint8Array,
  options?: VerifyDigestOptions,
): boolean {
  checkOptions(options);
  checkSignature(signature);
  if (!(digest instanceof Uint8Array) || digest.length !== 32) {
    throw new TypeError('digest must be a 32-byte Uint8Array (SM3 of Z_A ‖ M)');
  }
  const entry = publicKeyEntry(publicKey);
  const scalars = decodeSignature(signature, options?.format);
  if (scalars === undefined) return false;
  return verifyScalars(bytesToBigInt(digest), scalars, entry);
}
