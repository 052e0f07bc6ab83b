import { DanganError } from '../errors/index.js';
import { type Sm2Point, sm2Curve } from './curve.js';

function keyInvalid(zh: string, en: string, cause?: unknown): DanganError {
  return new DanganError('KEY_INVALID', `SM2 公钥无效：${zh}`, {
    messageEn: `invalid SM2 public key: ${en}`,
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * The curve point of an SM2 public key: 65 bytes `04‖x‖y` (the form dangan writes), 64 bytes `x‖y` (as
 * several Chinese SDKs store it) or 33 bytes compressed `02|03‖x`. Throws `TypeError` for a non-`Uint8Array`
 * and `DanganError` `KEY_INVALID` for bytes that are no point of sm2p256v1 (or the point at infinity).
 */
export function publicKeyPoint(publicKey: Uint8Array, argument = 'publicKey'): Sm2Point {
  if (!(publicKey instanceof Uint8Array)) throw new TypeError(`${argument} must be a Uint8Array`);
  let bytes = publicKey;
  if (bytes.length === 64) {
    bytes = new Uint8Array(65);
    bytes[0] = 0x04;
    bytes.set(publicKey, 1);
  } else if (
    bytes.length === 65 ? bytes[0] !== 0x04 : bytes.length !== 33 || (bytes[0] !== 2 && bytes[0] !== 3)
  ) {
    throw keyInvalid(
      `应为 65 字节（04‖x‖y）、64 字节（x‖y）或 33 字节（压缩），实际为 ${publicKey.length} 字节、首字节 0x${(publicKey[0] ?? 0).toString(16).padStart(2, '0')}`,
      `expected 65 bytes (04‖x‖y), 64 bytes (x‖y) or 33 bytes (compressed); got ${publicKey.length} bytes starting 0x${(publicKey[0] ?? 0).toString(16).padStart(2, '0')}`,
    );
  }
  try {
    return sm2Curve().fromBytes(bytes);
  } catch (e) {
    throw keyInvalid('不是 sm2p256v1 曲线上的有效点', 'not a valid point of sm2p256v1', e);
  }
}

/** 65-byte uncompressed encoding `04‖x‖y` of a point. */
export function encodePublicKey(point: Sm2Point): Uint8Array {
  return point.toBytes(false);
}
