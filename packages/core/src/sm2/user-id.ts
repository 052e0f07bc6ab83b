import { toHex, utf8 } from '../bytes/index.js';

/**
 * The default SM2 distinguishing identifier (用户身份标识 ID_A) of GM/T 0009-2012 §10 and GB/T 35276-2017,
 * used by OpenSSL (`distid:1234567812345678`), most Chinese CAs and SDKs. Node's built-in SM2 uses an empty
 * ID instead, so its signatures do not verify under this default.
 */
export const DEFAULT_USER_ID = '1234567812345678';

/** A user ID as given (text is UTF-8 encoded), checked to fit ENTL's 16 bits of bit length. */
export function userIdBytes(userId: string | Uint8Array | undefined): Uint8Array {
  const id = userId === undefined ? DEFAULT_USER_ID : userId;
  let bytes: Uint8Array;
  if (typeof id === 'string') bytes = utf8(id);
  else if (id instanceof Uint8Array) bytes = id;
  else throw new TypeError('userId must be a string or a Uint8Array');
  if (bytes.length >= 8192) throw new RangeError('userId must be shorter than 8192 bytes (ENTL is 16 bits)');
  return bytes;
}

/** A cache key for a user ID. */
export function userIdKey(id: Uint8Array): string {
  return toHex(id);
}
