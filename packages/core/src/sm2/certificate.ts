import { DerReader, decodeDer, decodePem, TAG } from '../asn1/index.js';
import { toHex } from '../bytes/index.js';
import { DanganError, type SafeResult, safely } from '../errors/index.js';
import { readSubjectPublicKeyInfo } from './key-der.js';
import { type NameAttribute, readName } from './x509-name.js';

/** One X.509 v3 extension, undecoded. */
export interface CertificateExtension {
  readonly oid: string;
  readonly critical: boolean;
  /** The contents of extnValue (the extension's own DER). */
  readonly value: Uint8Array;
}

/**
 * What {@link parseCertificate} reads from an X.509 certificate (RFC 5280), whatever its key algorithm.
 * The issuer's signature is **not** verified here; `tbsCertificate`, `signatureAlgorithm` and
 * `signatureValue` are exposed so that it can be.
 */
export interface CertificateInfo {
  /** 1, 2 or 3. */
  readonly version: number;
  /** Serial number as lowercase hex of its DER contents (leading sign byte `00` removed). */
  readonly serialNumber: string;
  /** OID of the issuer's signature algorithm (`1.2.156.10197.1.501` for SM2 with SM3). */
  readonly signatureAlgorithm: string;
  /** Issuer name, RFC 4514 text (`CN=…,O=…,C=CN`). */
  readonly issuer: string;
  readonly issuerAttributes: readonly NameAttribute[];
  /** Subject name, RFC 4514 text. */
  readonly subject: string;
  readonly subjectAttributes: readonly NameAttribute[];
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** OID of the subject key's algorithm (`1.2.840.10045.2.1` for EC keys, SM2 included). */
  readonly publicKeyAlgorithm: string;
  /** The curve OID of an EC key's named-curve parameters (`1.2.156.10197.1.301` for SM2). */
  readonly publicKeyCurve: string | undefined;
  /** The DER SubjectPublicKeyInfo. */
  readonly subjectPublicKeyInfo: Uint8Array;
  readonly extensions: readonly CertificateExtension[];
  /** The DER TBSCertificate: the bytes the issuer signed. */
  readonly tbsCertificate: Uint8Array;
  /** The signature bytes (for SM2, a DER `SEQUENCE { r, s }`). */
  readonly signatureValue: Uint8Array;
  /** The whole certificate, DER. */
  readonly der: Uint8Array;
}

/** {@link CertificateInfo} of a certificate with an SM2 subject key. */
export interface Sm2CertificateInfo extends CertificateInfo {
  /** The subject's SM2 public key, 65 bytes `04‖x‖y`. */
  readonly publicKey: Uint8Array;
}

function certificateError(zh: string, en: string, cause?: unknown): DanganError {
  return new DanganError('CERTIFICATE_INVALID', `证书无效：${zh}`, {
    messageEn: `invalid certificate: ${en}`,
    ...(cause === undefined ? {} : { cause }),
  });
}

function certificateDer(cert: Uint8Array | string): Uint8Array {
  if (typeof cert === 'string') return decodePem(cert, ['CERTIFICATE', 'X509 CERTIFICATE']).der;
  if (!(cert instanceof Uint8Array))
    throw new TypeError('cert must be a Uint8Array (DER or PEM) or a PEM string');
  // A DER certificate starts with a SEQUENCE; anything else is taken as PEM text (a BOM or blank lines first).
  if (cert[0] !== 0x30) return certificateDer(new TextDecoder('utf-8').decode(cert));
  return cert;
}

function readAlgorithm(reader: DerReader, field: string): { oid: string; encoded: Uint8Array } {
  const element = reader.expect(TAG.SEQUENCE, field);
  const seq = DerReader.of(element, field);
  const oid = seq.oid(`${field}.algorithm`);
  if (!seq.done) seq.next(`${field}.parameters`);
  seq.end(field);
  return { oid, encoded: element.encoded };
}

function readSpkiHeader(element: Uint8Array): { algorithm: string; curve: string | undefined } {
  const seq = DerReader.of(decodeDer(element, 'subjectPublicKeyInfo'), 'subjectPublicKeyInfo');
  const alg = DerReader.of(seq.expect(TAG.SEQUENCE, 'subjectPublicKeyInfo.algorithm'), 'algorithm');
  const algorithm = alg.oid('subjectPublicKeyInfo.algorithm.algorithm');
  const curve = alg.peek() === TAG.OID ? alg.oid('subjectPublicKeyInfo.algorithm.parameters') : undefined;
  seq.bitString('subjectPublicKeyInfo.subjectPublicKey');
  return { algorithm, curve };
}

function serialHex(content: Uint8Array): string {
  const bytes = content.length > 1 && content[0] === 0 ? content.subarray(1) : content;
  return toHex(bytes);
}

function parse(der: Uint8Array): CertificateInfo {
  const cert = DerReader.of(decodeDer(der, 'Certificate'), 'Certificate');
  const tbsElement = cert.expect(TAG.SEQUENCE, 'tbsCertificate');
  const outerAlgorithm = readAlgorithm(cert, 'signatureAlgorithm');
  const signatureValue = cert.bitString('signatureValue');
  cert.end('Certificate');

  const tbs = DerReader.of(tbsElement, 'tbsCertificate');
  let version = 1;
  const versionElement = tbs.optional(0xa0, 'tbsCertificate.version');
  if (versionElement !== undefined) {
    const inner = DerReader.of(versionElement, 'tbsCertificate.version');
    version = inner.smallInteger('tbsCertificate.version') + 1;
    inner.end('tbsCertificate.version');
    if (version > 3) throw certificateError(`不支持的版本 v${version}`, `unsupported version v${version}`);
  }
  const serialElement = tbs.expect(TAG.INTEGER, 'tbsCertificate.serialNumber');
  if (serialElement.value.length === 0) throw certificateError('序列号为空', 'empty serial number');
  const innerAlgorithm = readAlgorithm(tbs, 'tbsCertificate.signature');
  const issuer = readName(tbs.expect(TAG.SEQUENCE, 'tbsCertificate.issuer'), 'tbsCertificate.issuer');
  const validity = tbs.sequence('tbsCertificate.validity');
  const notBefore = validity.time('tbsCertificate.validity.notBefore');
  const notAfter = validity.time('tbsCertificate.validity.notAfter');
  validity.end('tbsCertificate.validity');
  const subject = readName(tbs.expect(TAG.SEQUENCE, 'tbsCertificate.subject'), 'tbsCertificate.subject');
  const spki = tbs.expect(TAG.SEQUENCE, 'tbsCertificate.subjectPublicKeyInfo').encoded;
  const { algorithm, curve } = readSpkiHeader(spki);
  tbs.optional(0x81, 'tbsCertificate.issuerUniqueID');
  tbs.optional(0x82, 'tbsCertificate.subjectUniqueID');
  const extensions: CertificateExtension[] = [];
  const extensionsElement = tbs.optional(0xa3, 'tbsCertificate.extensions');
  tbs.end('tbsCertificate');
  if (extensionsElement !== undefined) {
    const list = DerReader.of(extensionsElement, 'extensions').sequence('extensions');
    while (!list.done) {
      const ext = list.sequence('extensions.extension');
      const oid = ext.oid('extension.extnID');
      const critical = ext.peek() === TAG.BOOLEAN ? ext.boolean('extension.critical') : false;
      const value = ext.octetString('extension.extnValue');
      ext.end('extension');
      extensions.push({ oid, critical, value });
    }
  }
  if (toHex(innerAlgorithm.encoded) !== toHex(outerAlgorithm.encoded)) {
    throw certificateError(
      'tbsCertificate 中的签名算法与外层 signatureAlgorithm 不一致',
      'tbsCertificate.signature differs from signatureAlgorithm',
    );
  }
  return {
    version,
    serialNumber: serialHex(serialElement.value),
    signatureAlgorithm: outerAlgorithm.oid,
    issuer: issuer.text,
    issuerAttributes: issuer.attributes,
    subject: subject.text,
    subjectAttributes: subject.attributes,
    notBefore,
    notAfter,
    publicKeyAlgorithm: algorithm,
    publicKeyCurve: curve,
    subjectPublicKeyInfo: spki,
    extensions,
    tbsCertificate: tbsElement.encoded,
    signatureValue,
    der,
  };
}

function asCertificateError(e: unknown): never {
  if (e instanceof DanganError && e.code !== 'CERTIFICATE_INVALID' && e.code !== 'KEY_NOT_SM2') {
    throw certificateError(e.message, e.messageEn ?? e.message, e);
  }
  throw e;
}

/**
 * Reads an X.509 certificate, DER bytes or PEM (text or bytes): version, serial, names, validity, key
 * algorithm, extensions, and the signed bytes. Throws `CERTIFICATE_INVALID` (with the DER problem as cause)
 * on malformed input. Does **not** verify the issuer's signature.
 *
 * @example
 * sm2.parseCertificate(pem).notAfter; // Date
 */
export function parseCertificate(cert: Uint8Array | string): CertificateInfo {
  try {
    return parse(certificateDer(cert));
  } catch (e) {
    return asCertificateError(e);
  }
}

/**
 * The SM2 public key and the main fields of an X.509 certificate (DER or PEM). Throws `KEY_NOT_SM2` when the
 * subject key is not SM2 and `CERTIFICATE_INVALID` on malformed input. The issuer's signature is **not**
 * verified.
 *
 * @example
 * const { publicKey, notAfter, subject } = sm2.publicKeyFromCertificate(pem);
 */
export function publicKeyFromCertificate(cert: Uint8Array | string): Sm2CertificateInfo {
  const info = parseCertificate(cert);
  try {
    const spki = DerReader.of(
      decodeDer(info.subjectPublicKeyInfo, 'subjectPublicKeyInfo'),
      'subjectPublicKeyInfo',
    );
    return { ...info, publicKey: readSubjectPublicKeyInfo(spki, 'subjectPublicKeyInfo') };
  } catch (e) {
    return asCertificateError(e);
  }
}

/**
 * {@link parseCertificate} returning a {@link SafeResult}.
 *
 * @example
 * const r = sm2.safeParseCertificate(bytes); if (!r.ok) console.log(r.findings);
 */
export function safeParseCertificate(cert: Uint8Array | string): SafeResult<CertificateInfo> {
  return safely(() => parseCertificate(cert));
}

/**
 * {@link publicKeyFromCertificate} returning a {@link SafeResult}.
 *
 * @example
 * const r = sm2.safePublicKeyFromCertificate(pem);
 */
export function safePublicKeyFromCertificate(cert: Uint8Array | string): SafeResult<Sm2CertificateInfo> {
  return safely(() => publicKeyFromCertificate(cert));
}
