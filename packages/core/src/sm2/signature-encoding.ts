import { DerReader, decodeDer, derInteger, derSequence } from '../asn1/index.js';
import { DanganError } from '../errors/index.js';
import { SM2_N } from './curve.js';
import { bigIntTo32Bytes, bytesToBigInt } from './scalar.js';

/** How a signature is encoded: `der` is `SEQUENCE { r INTEGER, s INTEGER }` (GM/T 0009), `raw` is 64 bytes `r‖s`. */
export type SignatureFormat = 'der' | 'raw';

/** The two integers of an SM2 signature. */
export interface SignatureScalars {
  readonly r: bigint;
  readonly s: bigint;
}

function inRange(v: bigint): boolean {
  return v >= 1n && v < SM2_N;
}

function fromDer(signature: Uint8Array): SignatureScalars | undefined {
  try {
    const seq = DerReader.of(decodeDer(signature, 'SM2Signature'), 'SM2Signature');
    const r = seq.integer('SM2Signature.r');
    const s = seq.integer('SM2Signature.s');
    seq.end('SM2Signature');
    return inRange(r) && inRange(s) ? { r, s } : undefined;
  } catch (e) {
    if (e instanceof DanganError) return undefined;
    throw e;
  }
}

function fromRaw(signature: Uint8Array): SignatureScalars | undefined {
  if (signature.length !== 64) return undefined;
  const r = bytesToBigInt(signature.subarray(0, 32));
  const s = bytesToBigInt(signature.subarray(32));
  return inRange(r) && inRange(s) ? { r, s } : undefined;
}

/**
 * r and s of a signature, or `undefined` when the bytes are no well-formed SM2 signature (r, s in [1, n−1]).
 * Without `format`, strict DER is tried first and 64 bytes that are not DER are read as `r‖s`.
 */
export function decodeSignature(
  signature: Uint8Array,
  format?: SignatureFormat,
): SignatureScalars | undefined {
  if (format === 'raw') return fromRaw(signature);
  if (format === 'der') return fromDer(signature);
  return (signature[0] === 0x30 ? fromDer(signature) : undefined) ?? fromRaw(signature);
}

/** The bytes of a signature in `format`. */
export function encodeSignature(r: bigint, s: bigint, format: SignatureFormat): Uint8Array {
  if (format === 'der') return derSequence(derInteger(r), derInteger(s));
  const out = new Uint8Array(64);
  out.set(bigIntTo32Bytes(r), 0);
  out.set(bigIntTo32Bytes(s), 32);
  return out;
}

function encodingError(zh: string, en: string): DanganError {
  return new DanganError('SIGNATURE_INVALID_ENCODING', `SM2 签名编码无效：${zh}`, {
    messageEn: `invalid SM2 signature encoding: ${en}`,
  });
}

/**
 * The 64-byte `r‖s` form of a DER signature. Throws `SIGNATURE_INVALID_ENCODING` for bytes that are not a
 * strict DER `SEQUENCE { r, s }` with r, s in [1, n−1].
 *
 * @example
 * sm2.signatureToRaw(sm2.sign(message, privateKey)).length; // 64
 */
export function signatureToRaw(der: Uint8Array): Uint8Array {
  if (!(der instanceof Uint8Array)) throw new TypeError('der must be a Uint8Array');
  const scalars = fromDer(der);
  if (scalars === undefined) {
    throw encodingError('不是严格 DER 编码的 SEQUENCE { r, s }', 'not a strict DER SEQUENCE { r, s }');
  }
  return encodeSignature(scalars.r, scalars.s, 'raw');
}

/**
 * The DER form of a 64-byte `r‖s` signature. Throws `SIGNATURE_INVALID_ENCODING` unless it is 64 bytes with
 * r, s in [1, n−1].
 *
 * @example
 * sm2.signatureToDer(rawSignature)[0]; // 0x30
 */
export function signatureToDer(raw: Uint8Array): Uint8Array {
  if (!(raw instanceof Uint8Array)) throw new TypeError('raw must be a Uint8Array');
  const scalars = fromRaw(raw);
  if (scalars === undefined) {
    throw encodingError(
      '应为 64 字节 r‖s，且 r、s 在 [1, n−1] 内',
      'expected 64 bytes r‖s with r, s in [1, n−1]',
    );
  }
  return encodeSignature(scalars.r, scalars.s, 'der');
}
