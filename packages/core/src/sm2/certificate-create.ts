import {
  DerReader,
  decodeDer,
  derBitString,
  derElement,
  derExplicit,
  derInteger,
  derOctetString,
  derOid,
  derSequence,
  TAG,
} from '../asn1/index.js';
import { DanganError, type SafeResult, safely } from '../errors/index.js';
import { createHasher } from '../hash/hasher.js';
import { type CertificateInfo, publicKeyFromCertificate } from './certificate.js';
import { publicKeyToDer } from './key-der.js';
import { getPublicKey } from './key-pair.js';
import { OID } from './oids.js';
import { sign } from './sign.js';

/** Short names of the attribute types {@link createCertificate} writes, with their OIDs. */
const NAME_TYPES: Readonly<Record<string, string>> = {
  CN: '2.5.4.3',
  SN: '2.5.4.4',
  SERIALNUMBER: '2.5.4.5',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  STREET: '2.5.4.9',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  T: '2.5.4.12',
  GN: '2.5.4.42',
  organizationIdentifier: '2.5.4.97',
  UID: '0.9.2342.19200300.100.1.1',
  DC: '0.9.2342.19200300.100.1.25',
  emailAddress: '1.2.840.113549.1.9.1',
};

/** One attribute of a name to write: a short type (`CN`, `O`, `OU`, `C`, `ST`, `L`…) or a dotted OID. */
export interface NameAttributeInput {
  readonly type: string;
  readonly value: string;
}

/**
 * A distinguished name to write, most general first as OpenSSL prints it (`C`, then `O`, then `CN`): a list
 * of attributes, or a record in insertion order (`{ C: 'CN', O: '某档案馆', CN: '张三' }`). Each attribute is
 * its own RDN. Values are UTF8String, except `C`, `SERIALNUMBER` (PrintableString) and `emailAddress`,
 * `DC` (IA5String), as RFC 5280 requires.
 */
export type DistinguishedNameInput = readonly NameAttributeInput[] | Readonly<Record<string, string>>;

/** X.509 key usages (RFC 5280 §4.2.1.3), in bit order. */
export const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

/** One of {@link KEY_USAGES}. */
export type KeyUsage = (typeof KEY_USAGES)[number];

/** Options of {@link createCertificate}. */
export interface CreateCertificateOptions {
  /** The subject's SM2 public key (65 bytes `04‖x‖y`, or 33 compressed). */
  readonly publicKey: Uint8Array;
  /** The subject name. */
  readonly subject: DistinguishedNameInput;
  /** The key that signs: the issuer's private key, or the subject's own for a self-signed certificate. */
  readonly signingKey: Uint8Array;
  /**
   * The issuer's certificate (DER or PEM). Its subject becomes the issuer name and its key identifier the
   * authority key identifier; it must be a CA certificate whose key is `signingKey`'s. Absent: the
   * certificate is self-signed (issuer = subject), and `signingKey` must be the subject's own key.
   */
  readonly issuerCertificate?: Uint8Array | string;
  /** Serial number: a positive integer of at most 20 octets (RFC 5280 §4.1.2.2), unique per issuer. */
  readonly serialNumber: bigint;
  /** Start of validity (whole seconds; UTCTime through 2049, GeneralizedTime after, as RFC 5280 requires). */
  readonly notBefore: Date;
  /** End of validity, after `notBefore`. */
  readonly notAfter: Date;
  /** A CA certificate (basicConstraints cA = TRUE). Default `false`. */
  readonly ca?: boolean;
  /** A CA's pathLenConstraint. Only with `ca`. */
  readonly pathLength?: number;
  /**
   * Key usages (critical). Default: `keyCertSign` and `cRLSign` for a CA, `digitalSignature` and
   * `nonRepudiation` (signing archives) otherwise.
   */
  readonly keyUsage?: readonly KeyUsage[];
  /**
   * The signer's SM2 user id for the certificate signature. Default `1234567812345678` (GM/T 0009/0015).
   * Note: OpenSSL 3.0 verifies SM2 certificate signatures with an empty id unless given
   * `openssl verify -vfyopt distid:1234567812345678`.
   */
  readonly userId?: string;
  /** Random source for the signature nonce; for reproducible test certificates only (see `sign`). */
  readonly random?: (length: number) => Uint8Array;
}

function invalid(zh: string, en: string): DanganError {
  return new DanganError('CERTIFICATE_INVALID', `无法签发证书：${zh}`, {
    messageEn: `cannot issue the certificate: ${en}`,
  });
}

/** A string value in the ASN.1 type RFC 5280 wants for the attribute type. */
function nameValue(oid: string, value: string): Uint8Array {
  const bytes = new TextEncoder().encode(value);
  if (oid === NAME_TYPES.C || oid === NAME_TYPES.SERIALNUMBER) {
    if (!/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(value))
      throw new RangeError(
        `${oid === NAME_TYPES.C ? 'C' : 'SERIALNUMBER'} must be PrintableString text, got ${value}`,
      );
    if (oid === NAME_TYPES.C && value.length !== 2)
      throw new RangeError(`C must be a two-letter country code, got ${value}`);
    return derElement(TAG.PRINTABLE_STRING, bytes);
  }
  if (oid === NAME_TYPES.emailAddress || oid === NAME_TYPES.DC) {
    if (!/^[\x20-\x7e]*$/.test(value))
      throw new RangeError(`emailAddress and DC must be printable ASCII, got ${value}`);
    return derElement(TAG.IA5_STRING, bytes);
  }
  return derElement(TAG.UTF8_STRING, bytes);
}

/** DER Name (RDNSequence) of a name input, one attribute per RDN. */
function encodeName(name: DistinguishedNameInput, field: string): Uint8Array {
  if (name === null || typeof name !== 'object') throw new TypeError(`${field} must be a list or a record`);
  const list: readonly NameAttributeInput[] = Array.isArray(name)
    ? (name as readonly NameAttributeInput[])
    : Object.entries(name as Readonly<Record<string, string>>).map(([type, value]) => ({ type, value }));
  if (list.length === 0) throw new RangeError(`${field} must have at least one attribute`);
  const rdns = list.map(({ type, value }) => {
    if (typeof value !== 'string' || value.length === 0)
      throw new RangeError(`${field}.${type} must be a non-empty string`);
    const oid = NAME_TYPES[type] ?? (/^\d+(\.\d+)+$/.test(type) ? type : undefined);
    if (oid === undefined) throw new RangeError(`${field}: unknown attribute type ${type}; use a dotted OID`);
    return derElement(TAG.SET, derSequence(derOid(oid), nameValue(oid, value)));
  });
  return derSequence(...rdns);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5), whole seconds, `Z`. */
function encodeTime(date: Date, field: string): Uint8Array {
  if (!(date instanceof Date) || Number.isNaN(date.getTime()))
    throw new TypeError(`${field} must be a valid Date`);
  const y = date.getUTCFullYear();
  if (y < 1 || y > 9999) throw new RangeError(`${field} must be within years 1–9999`);
  const rest = `${pad2(date.getUTCMonth() + 1)}${pad2(date.getUTCDate())}${pad2(date.getUTCHours())}${pad2(date.getUTCMinutes())}${pad2(date.getUTCSeconds())}Z`;
  const utc = y >= 1950 && y < 2050;
  const text = utc ? `${pad2(y % 100)}${rest}` : `${String(y).padStart(4, '0')}${rest}`;
  return derElement(utc ? TAG.UTC_TIME : TAG.GENERALIZED_TIME, new TextEncoder().encode(text));
}

function extension(oid: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical
    ? derSequence(derOid(oid), derElement(TAG.BOOLEAN, Uint8Array.of(0xff)), derOctetString(value))
    : derSequence(derOid(oid), derOctetString(value));
}

/** DER of a named BIT STRING: trailing zero bits dropped (X.690 §11.2.2). */
function keyUsageBits(usages: readonly KeyUsage[]): Uint8Array {
  const bytes = [0, 0];
  let highest = -1;
  for (const usage of usages) {
    const bit = KEY_USAGES.indexOf(usage);
    if (bit < 0)
      throw new RangeError(`unknown key usage ${String(usage)}; expected one of ${KEY_USAGES.join(', ')}`);
    bytes[bit >> 3]! |= 0x80 >> (bit & 7);
    highest = Math.max(highest, bit);
  }
  if (highest < 0) throw new RangeError('keyUsage must name at least one usage');
  const length = (highest >> 3) + 1;
  const unused = 7 - (highest & 7);
  return derElement(TAG.BIT_STRING, Uint8Array.of(unused, ...bytes.slice(0, length)));
}

/**
 * A key identifier: the leftmost 160 bits of SM3 over the subjectPublicKey bits (RFC 5280 §4.2.1.2 method 1
 * with SM3 in place of SHA-1, as RFC 7093 does with SHA-2).
 */
function keyIdentifier(publicKey: Uint8Array): Uint8Array {
  return createHasher('sm3').update(publicKey).digest().subarray(0, 20);
}

function subjectKeyIdOf(info: CertificateInfo): Uint8Array | undefined {
  const ext = info.extensions.find((e) => e.oid === '2.5.29.14');
  if (ext === undefined || ext.value[0] !== TAG.OCTET_STRING || ext.value[1]! >= 0x80) return undefined;
  return ext.value.subarray(2, 2 + ext.value[1]!);
}

function isCa(info: CertificateInfo): boolean {
  const ext = info.extensions.find((e) => e.oid === '2.5.29.19');
  // BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, … }: 30 len 01 01 ff …
  return ext !== undefined && ext.value[2] === TAG.BOOLEAN && ext.value[4] !== 0;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Issues an X.509 v3 certificate (签发证书) signed with SM2/SM3 (`1.2.156.10197.1.501`): self-signed, or
 * by a CA's key and certificate. Writes the subject and issuer names as given (UTF8String text), the
 * serial, validity (UTCTime/GeneralizedTime by RFC 5280's rule), the subject's SM2 key, and the extensions
 * basicConstraints (critical), keyUsage (critical), subjectKeyIdentifier and authorityKeyIdentifier (taken
 * from the issuer certificate, so chains build in OpenSSL). The signature uses the SM2 user id
 * `1234567812345678` by default (GM/T 0009/0015); OpenSSL 3.0 checks it with
 * `openssl verify -vfyopt distid:1234567812345678 -CAfile ca.pem cert.pem` (without the option it assumes
 * an empty id; `-check_ss_sig` ignores the option for a root's self-signature, which
 * `openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678` checks instead). Returns DER.
 *
 * Bad arguments (a serial out of range, `notAfter` before `notBefore`, an unknown name type) throw
 * `TypeError`/`RangeError`; a key that is not SM2 throws `KEY_INVALID`; an issuer certificate that is not a CA
 * or does not belong to `signingKey` throws `CERTIFICATE_INVALID`.
 *
 * @example
 * const ca = sm2.generateKeyPair();
 * const caCert = sm2.createCertificate({
 *   publicKey: ca.publicKey, signingKey: ca.privateKey, subject: { C: 'CN', O: '某档案馆', CN: '测试 CA' },
 *   serialNumber: 1n, notBefore: new Date('2025-01-01'), notAfter: new Date('2035-01-01'), ca: true,
 * });
 * const me = sm2.generateKeyPair();
 * const leaf = sm2.createCertificate({
 *   publicKey: me.publicKey, signingKey: ca.privateKey, issuerCertificate: caCert,
 *   subject: { C: 'CN', O: '某档案馆', CN: '张三' }, serialNumber: 2n,
 *   notBefore: new Date('2025-01-01'), notAfter: new Date('2027-01-01'),
 * });
 */
export function createCertificate(options: CreateCertificateOptions): Uint8Array {
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const { serialNumber, notBefore, notAfter } = options;
  if (typeof serialNumber !== 'bigint' || serialNumber <= 0n || serialNumber >= 1n << 159n)
    throw new RangeError('serialNumber must be a positive bigint of at most 20 octets');
  const before = encodeTime(notBefore, 'notBefore');
  const after = encodeTime(notAfter, 'notAfter');
  if (Math.floor(notAfter.getTime() / 1000) <= Math.floor(notBefore.getTime() / 1000))
    throw new RangeError('notAfter must be later than notBefore');
  if (!(options.publicKey instanceof Uint8Array)) throw new TypeError('publicKey must be a Uint8Array');
  if (!(options.signingKey instanceof Uint8Array)) throw new TypeError('signingKey must be a Uint8Array');
  const ca = options.ca ?? false;
  if (
    options.pathLength !== undefined &&
    (!ca || !Number.isInteger(options.pathLength) || options.pathLength < 0)
  )
    throw new RangeError('pathLength must be a non-negative integer, and only for a CA');
  const spki = publicKeyToDer(options.publicKey);
  const subjectKey = spki.subarray(spki.length - 65);
  const signerPublic = getPublicKey(options.signingKey);
  const subject = encodeName(options.subject, 'subject');

  let issuer: Uint8Array;
  let authorityKeyId: Uint8Array;
  if (options.issuerCertificate === undefined) {
    if (!equalBytes(signerPublic, subjectKey)) {
      throw invalid(
        '自签名证书的签名私钥必须是主体自己的私钥（或请提供签发者证书）',
        'a self-signed certificate must be signed with the subject key (or give issuerCertificate)',
      );
    }
    issuer = subject;
    authorityKeyId = keyIdentifier(subjectKey);
  } else {
    const issuerInfo = publicKeyFromCertificate(options.issuerCertificate);
    if (!equalBytes(issuerInfo.publicKey, signerPublic)) {
      throw invalid('签名私钥与签发者证书的公钥不匹配', 'signingKey does not match the issuer certificate');
    }
    if (!isCa(issuerInfo))
      throw invalid('签发者证书不是 CA 证书', 'the issuer certificate is not a CA certificate');
    issuer = readSubjectName(issuerInfo);
    authorityKeyId = subjectKeyIdOf(issuerInfo) ?? keyIdentifier(issuerInfo.publicKey);
  }

  const usage =
    options.keyUsage ?? (ca ? ['keyCertSign', 'cRLSign'] : ['digitalSignature', 'nonRepudiation']);
  const basic = ca
    ? derSequence(
        derElement(TAG.BOOLEAN, Uint8Array.of(0xff)),
        ...(options.pathLength === undefined ? [] : [derInteger(BigInt(options.pathLength))]),
      )
    : derSequence();
  const extensions = derSequence(
    extension('2.5.29.19', true, basic),
    extension('2.5.29.15', true, keyUsageBits(usage)),
    extension('2.5.29.14', false, derOctetString(keyIdentifier(subjectKey))),
    extension('2.5.29.35', false, derSequence(derElement(0x80, authorityKeyId))),
  );
  const algorithm = derSequence(derOid(OID.SM2_WITH_SM3));
  const tbs = derSequence(
    derExplicit(0, derInteger(2n)),
    derInteger(serialNumber),
    algorithm,
    issuer,
    derSequence(before, after),
    subject,
    spki,
    derExplicit(3, extensions),
  );
  const signature = sign(tbs, options.signingKey, {
    ...(options.userId === undefined ? {} : { userId: options.userId }),
    ...(options.random === undefined ? {} : { random: options.random }),
  });
  return derSequence(tbs, algorithm, derBitString(signature));
}

/** The DER of a certificate's subject Name, as it stands in its TBSCertificate. */
function readSubjectName(info: CertificateInfo): Uint8Array {
  const tbs = DerReader.of(decodeDer(info.tbsCertificate, 'tbsCertificate'), 'tbsCertificate');
  tbs.optional(0xa0, 'tbsCertificate.version');
  tbs.expect(TAG.INTEGER, 'tbsCertificate.serialNumber');
  tbs.expect(TAG.SEQUENCE, 'tbsCertificate.signature');
  tbs.expect(TAG.SEQUENCE, 'tbsCertificate.issuer');
  tbs.expect(TAG.SEQUENCE, 'tbsCertificate.validity');
  return tbs.expect(TAG.SEQUENCE, 'tbsCertificate.subject').encoded;
}

/**
 * {@link createCertificate} returning a {@link SafeResult} (argument errors still throw).
 *
 * @example
 * const r = sm2.safeCreateCertificate(options); if (r.ok) save(r.value);
 */
export function safeCreateCertificate(options: CreateCertificateOptions): SafeResult<Uint8Array> {
  return safely(() => createCertificate(options));
}
