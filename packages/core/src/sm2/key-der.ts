import {
  DerReader,
  decodeDer,
  derBitString,
  derExplicit,
  derInteger,
  derOctetString,
  derOid,
  derSequence,
  TAG,
} from '../asn1/index.js';
import { DanganError } from '../errors/index.js';
import { OID, OTHER_KEY_NAMES } from './oids.js';
import { privateKeyScalar, publicKeyOf } from './private-key.js';
import { encodePublicKey, publicKeyPoint } from './public-key.js';
import { bigIntTo32Bytes } from './scalar.js';

function notSm2(what: string): DanganError {
  const name = OTHER_KEY_NAMES[what];
  const label = name === undefined ? what : `${what}（${name}）`;
  return new DanganError('KEY_NOT_SM2', `密钥不是 SM2 密钥：算法或曲线为 ${label}`, {
    messageEn: `not an SM2 key: algorithm or curve is ${name === undefined ? what : `${what} (${name})`}`,
  });
}

function keyInvalid(zh: string, en: string): DanganError {
  return new DanganError('KEY_INVALID', `SM2 密钥无效：${zh}`, { messageEn: `invalid SM2 key: ${en}` });
}

/**
 * Reads an AlgorithmIdentifier and checks it names SM2: `{ id-ecPublicKey, namedCurve sm2p256v1 }` (what
 * OpenSSL 3 writes) or `{ sm2p256v1 [, NULL | sm2p256v1] }` (what some Chinese tools write). Other curves and
 * algorithms throw `KEY_NOT_SM2`.
 */
export function readSm2Algorithm(reader: DerReader, field: string): void {
  const seq = reader.sequence(field);
  const algorithm = seq.oid(`${field}.algorithm`);
  if (algorithm === OID.EC_PUBLIC_KEY) {
    const tag = seq.peek();
    if (tag === TAG.OID) {
      const curve = seq.oid(`${field}.parameters`);
      if (curve !== OID.SM2_CURVE) throw notSm2(curve);
    } else if (tag === TAG.SEQUENCE) {
      throw keyInvalid(
        '不支持显式曲线参数，请使用命名曲线 sm2p256v1',
        'explicit curve parameters are not supported',
      );
    } else {
      throw keyInvalid('EC 密钥缺少曲线参数', 'EC key has no curve parameters');
    }
  } else if (algorithm === OID.SM2_CURVE) {
    if (seq.peek() === TAG.NULL) seq.null(`${field}.parameters`);
    else if (seq.peek() === TAG.OID && seq.oid(`${field}.parameters`) !== OID.SM2_CURVE) {
      throw keyInvalid('算法参数与 SM2 不符', 'algorithm parameters do not match SM2');
    }
  } else {
    throw notSm2(algorithm);
  }
  seq.end(field);
}

function algorithmIdentifier(): Uint8Array {
  return derSequence(derOid(OID.EC_PUBLIC_KEY), derOid(OID.SM2_CURVE));
}

/** Reads the fields of a SubjectPublicKeyInfo after its SEQUENCE header; returns the 65-byte key. */
export function readSubjectPublicKeyInfo(seq: DerReader, field: string): Uint8Array {
  readSm2Algorithm(seq, `${field}.algorithm`);
  const key = seq.bitString(`${field}.subjectPublicKey`);
  seq.end(field);
  return encodePublicKey(publicKeyPoint(key));
}

/**
 * The 65-byte public key `04‖x‖y` in a DER SubjectPublicKeyInfo (RFC 5280/5480). Compressed points are
 * accepted. Throws `ASN1_INVALID` for bad DER, `KEY_NOT_SM2` for another algorithm or curve, and
 * `KEY_INVALID` for a point not on the curve.
 *
 * @example
 * sm2.publicKeyFromDer(spki).length; // 65
 */
export function publicKeyFromDer(der: Uint8Array): Uint8Array {
  if (!(der instanceof Uint8Array)) throw new TypeError('der must be a Uint8Array');
  return readSubjectPublicKeyInfo(
    DerReader.of(decodeDer(der, 'SubjectPublicKeyInfo'), 'SubjectPublicKeyInfo'),
    'SubjectPublicKeyInfo',
  );
}

/**
 * DER SubjectPublicKeyInfo of an SM2 public key: `{ id-ecPublicKey, sm2p256v1 }` and the uncompressed
 * point, as OpenSSL 3 writes it.
 *
 * @example
 * sm2.publicKeyToDer(publicKey); // 91 bytes, 30 59 30 13 06 07 2a 86 48 ce 3d 02 01 …
 */
export function publicKeyToDer(publicKey: Uint8Array): Uint8Array {
  const key = encodePublicKey(publicKeyPoint(publicKey));
  return derSequence(algorithmIdentifier(), derBitString(key));
}

/**
 * Reads an ECPrivateKey (RFC 5915 / SEC 1) and returns d. `curveKnown` tells whether an outer structure
 * already named the curve; if not, the `[0]` parameters must be present and name sm2p256v1. A `[1]`
 * public key, when present, must be the one of d.
 */
function readEcPrivateKey(der: Uint8Array, curveKnown: boolean): Uint8Array {
  const seq = DerReader.of(decodeDer(der, 'ECPrivateKey'), 'ECPrivateKey');
  if (seq.smallInteger('ECPrivateKey.version') !== 1) {
    throw keyInvalid('ECPrivateKey 版本应为 1', 'ECPrivateKey version must be 1');
  }
  const secret = seq.octetString('ECPrivateKey.privateKey');
  const params = seq.optional(0xa0, 'ECPrivateKey.parameters');
  const publicKey = seq.optional(0xa1, 'ECPrivateKey.publicKey');
  seq.end('ECPrivateKey');
  if (params !== undefined) {
    const inner = DerReader.of(params, 'ECPrivateKey.parameters');
    if (inner.peek() !== TAG.OID) {
      throw keyInvalid('仅支持命名曲线参数', 'only named-curve parameters are supported');
    }
    const curve = inner.oid('ECPrivateKey.parameters');
    inner.end('ECPrivateKey.parameters');
    if (curve !== OID.SM2_CURVE) throw notSm2(curve);
  } else if (!curveKnown) {
    throw keyInvalid('ECPrivateKey 未标明曲线', 'ECPrivateKey does not name its curve');
  }
  // RFC 5915 fixes the length at 32 bytes; a few tools drop leading zero bytes, which is still unambiguous.
  if (secret.length === 0 || secret.length > 32) {
    throw keyInvalid(
      `私钥长度应为 32 字节，实际为 ${secret.length}`,
      `private key must be 32 bytes, got ${secret.length}`,
    );
  }
  const privateKey = new Uint8Array(32);
  privateKey.set(secret, 32 - secret.length);
  const d = privateKeyScalar(privateKey);
  if (publicKey !== undefined) {
    const inner = DerReader.of(publicKey, 'ECPrivateKey.publicKey');
    const stated = encodePublicKey(publicKeyPoint(inner.bitString('ECPrivateKey.publicKey')));
    inner.end('ECPrivateKey.publicKey');
    const actual = publicKeyOf(d);
    if (stated.some((b, i) => b !== actual[i])) {
      throw keyInvalid('内含的公钥与私钥不匹配', 'the embedded public key does not match the private key');
    }
  }
  return privateKey;
}

/**
 * The 32-byte private key in DER: PKCS#8 PrivateKeyInfo (RFC 5208/5958, what `openssl genpkey` writes) or a
 * bare SEC 1 ECPrivateKey naming sm2p256v1 (what `openssl ec` writes). Throws `ASN1_INVALID`, `KEY_NOT_SM2`
 * or `KEY_INVALID`.
 *
 * @example
 * const privateKey = sm2.privateKeyFromDer(pkcs8);
 */
export function privateKeyFromDer(der: Uint8Array): Uint8Array {
  if (!(der instanceof Uint8Array)) throw new TypeError('der must be a Uint8Array');
  const outer = DerReader.of(decodeDer(der, 'PrivateKeyInfo'), 'PrivateKeyInfo');
  const version = outer.smallInteger('PrivateKeyInfo.version');
  if (outer.peek() === TAG.OCTET_STRING) return readEcPrivateKey(der, false);
  if (version !== 0 && version !== 1) {
    throw keyInvalid(
      `PKCS#8 版本应为 0 或 1，实际为 ${version}`,
      `PKCS#8 version must be 0 or 1, got ${version}`,
    );
  }
  readSm2Algorithm(outer, 'PrivateKeyInfo.privateKeyAlgorithm');
  const inner = outer.octetString('PrivateKeyInfo.privateKey');
  outer.optional(0xa0, 'PrivateKeyInfo.attributes');
  if (version === 1) outer.optional(0x81, 'PrivateKeyInfo.publicKey');
  outer.end('PrivateKeyInfo');
  return readEcPrivateKey(inner, true);
}

/**
 * DER PKCS#8 PrivateKeyInfo of an SM2 private key, with the public key inside the ECPrivateKey — byte for
 * byte what OpenSSL 3 writes.
 *
 * @example
 * sm2.privateKeyToDer(privateKey); // 138 bytes, 30 81 87 02 01 00 …
 */
export function privateKeyToDer(privateKey: Uint8Array): Uint8Array {
  const d = privateKeyScalar(privateKey);
  const ecPrivateKey = derSequence(
    derInteger(1n),
    derOctetString(bigIntTo32Bytes(d)),
    derExplicit(1, derBitString(publicKeyOf(d))),
  );
  return derSequence(derInteger(0n), algorithmIdentifier(), derOctetString(ecPrivateKey));
}
