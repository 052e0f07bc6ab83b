import { DanganError, sm2 } from '@dangan/core';
import { eepError } from '../build/errors.js';
import { eepDateTime } from '../build/time.js';

/**
 * Who signs an EEP (签名人) and with what: an SM2 private key and the X.509 certificate of its public key.
 * DA/T 48 puts the certificate in `证书块` so that a verifier needs nothing else.
 */
export interface EepSigner {
  /** The SM2 private key: 32 raw bytes, PKCS#8 or SEC 1 DER, or PEM text (what `openssl genpkey` writes). */
  readonly privateKey: Uint8Array | string;
  /** The signer's certificate, DER or PEM; its public key must be the private key's (see `sm2.createCertificate`). */
  readonly certificate: Uint8Array | string;
  /** Further certificates (the issuing CA chain), written after the signer's in the same `证书块`. */
  readonly chain?: readonly (Uint8Array | string)[];
  /** The SM2 user id (ID_A) hashed into Z_A; default `1234567812345678`. Recorded in `签名规则`. */
  readonly userId?: string;
  /** `签名人`; default the certificate subject's CN (left out when it has none). */
  readonly name?: string;
  /** `签名时间` (a `Date`, written in the build's UTC offset, or `xs:dateTime` text); see each function's default. */
  readonly signedAt?: Date | string;
  /** `证书引证`: a URI where the certificate can be fetched or checked (`xs:anyURI`). */
  readonly certificateReference?: string;
  /**
   * Random source for the SM2 nonce (see `sm2.signDigest`). **For reproducible tests only**: a fixed nonce
   * leaks the private key.
   */
  readonly random?: (length: number) => Uint8Array;
}

/** An {@link EepSigner} checked and decoded. */
export interface ResolvedSigner {
  readonly privateKey: Uint8Array;
  readonly publicKey: Uint8Array;
  /** DER certificates: the signer's first. */
  readonly certificates: readonly Uint8Array[];
  readonly userId: string;
  readonly name: string | undefined;
  readonly signedAt: string | undefined;
  readonly certificateReference: string | undefined;
  readonly random: ((length: number) => Uint8Array) | undefined;
  /** The certificate's subject (RFC 4514 text), for results. */
  readonly subject: string;
}

function privateKeyOf(key: Uint8Array | string): Uint8Array {
  if (typeof key === 'string') return sm2.privateKeyFromPem(key);
  if (!(key instanceof Uint8Array)) throw new TypeError('privateKey must be a Uint8Array or PEM text');
  if (key.length === 32) {
    sm2.getPublicKey(key); // validates the scalar (KEY_INVALID)
    return key;
  }
  if (key[0] === 0x30) return sm2.privateKeyFromDer(key);
  return sm2.privateKeyFromPem(new TextDecoder().decode(key));
}

/**
 * Checks and decodes a signer: the key is SM2, the certificate parses and carries that key's public key.
 * Problems throw `EEP_SIGNER_INVALID` naming the signer (`label`, e.g. `第 1 个签名人`) with the underlying
 * error as cause; a wrongly typed argument throws `TypeError`.
 *
 * @example
 * const s = resolveSigner({ privateKey, certificate }, '第 1 个签名人', undefined);
 */
export function resolveSigner(
  signer: EepSigner,
  label: string,
  defaultSignedAt: string | undefined,
  utcOffsetMinutes?: number,
): ResolvedSigner {
  if (signer === null || typeof signer !== 'object')
    throw new TypeError(`${label}: signer must be an object`);
  const { userId, name, certificateReference, random, chain } = signer;
  if (userId !== undefined && typeof userId !== 'string')
    throw new TypeError(`${label}: userId must be a string`);
  if (name !== undefined && typeof name !== 'string') throw new TypeError(`${label}: name must be a string`);
  if (certificateReference !== undefined && typeof certificateReference !== 'string')
    throw new TypeError(`${label}: certificateReference must be a string`);
  if (random !== undefined && typeof random !== 'function')
    throw new TypeError(`${label}: random must be a function`);
  if (chain !== undefined && !Array.isArray(chain)) throw new TypeError(`${label}: chain must be an array`);
  const signedAt =
    signer.signedAt === undefined
      ? defaultSignedAt
      : eepDateTime(signer.signedAt, 'signedAt', utcOffsetMinutes);
  try {
    const privateKey = privateKeyOf(signer.privateKey);
    const publicKey = sm2.getPublicKey(privateKey);
    const info = sm2.publicKeyFromCertificate(signer.certificate);
    if (!sameBytes(info.publicKey, publicKey)) {
      throw eepError(
        'EEP_SIGNER_INVALID',
        `${label}的证书不属于其私钥（证书主体 ${info.subject}）`,
        `${label}: the certificate (subject ${info.subject}) is not the private key's`,
      );
    }
    const certificates = [info.der, ...(chain ?? []).map((c) => sm2.parseCertificate(c).der)];
    const cn = info.subjectAttributes.find((a) => a.type === 'CN')?.value;
    return {
      privateKey,
      publicKey,
      certificates,
      userId: userId ?? sm2.DEFAULT_USER_ID,
      name: name ?? cn,
      signedAt,
      certificateReference,
      random,
      subject: info.subject,
    };
  } catch (e) {
    if (e instanceof DanganError && e.code === 'EEP_SIGNER_INVALID') throw e;
    if (e instanceof DanganError) {
      throw eepError(
        'EEP_SIGNER_INVALID',
        `${label}无效：${e.message}`,
        `${label} is invalid: ${e.messageEn ?? e.message}`,
        {
          cause: e,
        },
      );
    }
    throw e;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
