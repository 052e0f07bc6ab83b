import { DanganError, type SafeResult, safely } from '../errors/index.js';
import { type CertificateInfo, parseCertificate, publicKeyFromCertificate } from './certificate.js';
import { OID } from './oids.js';
import { verify } from './verify.js';
import type { NameAttribute } from './x509-name.js';

/** Why {@link verifyCertificate} found a certificate not issued by the given issuer (证书验证问题). */
export type CertificateProblem =
  /** The certificate's issuer name is not the issuer certificate's subject name. */
  | 'name-mismatch'
  /** The certificate is signed with an algorithm other than SM2 with SM3 (`1.2.156.10197.1.501`). */
  | 'algorithm-unsupported'
  /** The issuer certificate's key is not an SM2 key. */
  | 'issuer-key-not-sm2'
  /** The issuer's SM2 signature over the TBSCertificate does not verify. */
  | 'signature-invalid';

/** What {@link verifyCertificate} found (证书签发验证结果). */
export interface CertificateVerification {
  /** `true` when the issuer's name matches and its SM2 signature over the TBSCertificate verifies. */
  readonly valid: boolean;
  /** Why not, when `valid` is `false`. */
  readonly problem?: CertificateProblem;
  /** Chinese explanation when `valid` is `false`. */
  readonly message?: string;
  /** English explanation when `valid` is `false`. */
  readonly messageEn?: string;
}

/** Options of {@link verifyCertificate}. */
export interface VerifyCertificateOptions {
  /**
   * The issuer's SM2 user id (ID_A) the certificate signature was made with. Default `1234567812345678`
   * (GM/T 0015 certificates and OpenSSL use it).
   */
  readonly userId?: string | Uint8Array;
}

/** A certificate as DER bytes, PEM (text or bytes), or already parsed. */
export type CertificateInput = Uint8Array | string | CertificateInfo;

function isParsed(cert: CertificateInput): cert is CertificateInfo {
  return (
    typeof cert === 'object' &&
    !(cert instanceof Uint8Array) &&
    cert !== null &&
    (cert as Partial<CertificateInfo>).tbsCertificate instanceof Uint8Array &&
    (cert as Partial<CertificateInfo>).der instanceof Uint8Array
  );
}

function parsed(cert: CertificateInput, name: string): CertificateInfo {
  if (isParsed(cert)) return cert;
  if (!(cert instanceof Uint8Array) && typeof cert !== 'string') {
    throw new TypeError(`${name} must be a Uint8Array (DER or PEM), a PEM string or a parsed certificate`);
  }
  return parseCertificate(cert);
}

/**
 * RFC 4518-lite comparison of one attribute value: leading/trailing spaces dropped, inner runs of spaces
 * collapsed, case folded (RFC 5280 §7.1 compares names this way, approximately).
 */
function normaliseValue(value: string): string {
  return value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Whether two distinguished names are the same (RFC 5280 §7.1, attribute by attribute, in order). */
export function sameName(a: readonly NameAttribute[], b: readonly NameAttribute[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.oid !== y.oid || normaliseValue(x.value) !== normaliseValue(y.value)) return false;
  }
  return true;
}

function problem(problem: CertificateProblem, message: string, messageEn: string): CertificateVerification {
  return { valid: false, problem, message, messageEn };
}

/**
 * Verifies that `cert` was issued by `issuerCert` (证书签发验证): the certificate's issuer name equals the
 * issuer's subject name (attribute by attribute, spaces and case normalised as RFC 5280 §7.1 compares them),
 * it is signed with SM2 with SM3 (`1.2.156.10197.1.501`), and the issuer's SM2 public key verifies that
 * signature over the DER TBSCertificate (user id `1234567812345678` unless given). A self-signed certificate is
 * its own issuer.
 *
 * Validity periods, key usage, basic constraints and revocation are the caller's (they depend on when and for
 * what the certificate is used). Throws `CERTIFICATE_INVALID` for a malformed certificate; a certificate that is
 * well formed but not issued by `issuerCert` gives `{ valid: false, problem, message }`.
 *
 * @example
 * const r = sm2.verifyCertificate(leafPem, caPem);
 * if (!r.valid) console.log(r.problem, r.message);
 */
export function verifyCertificate(
  cert: CertificateInput,
  issuerCert: CertificateInput,
  options: VerifyCertificateOptions = {},
): CertificateVerification {
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const subject = parsed(cert, 'cert');
  const issuer = parsed(issuerCert, 'issuerCert');
  if (!sameName(subject.issuerAttributes, issuer.subjectAttributes)) {
    return problem(
      'name-mismatch',
      `证书的签发者“${subject.issuer}”不是所给签发证书的主体“${issuer.subject}”`,
      `the certificate's issuer "${subject.issuer}" is not the issuer certificate's subject "${issuer.subject}"`,
    );
  }
  if (subject.signatureAlgorithm !== OID.SM2_WITH_SM3) {
    return problem(
      'algorithm-unsupported',
      `证书的签名算法 ${subject.signatureAlgorithm} 不是 SM2/SM3（${OID.SM2_WITH_SM3}），无法验证`,
      `the certificate is signed with ${subject.signatureAlgorithm}, not SM2 with SM3 (${OID.SM2_WITH_SM3})`,
    );
  }
  let publicKey: Uint8Array;
  try {
    publicKey = publicKeyFromCertificate(issuer.der).publicKey;
  } catch (e) {
    if (e instanceof DanganError && e.code === 'KEY_NOT_SM2') {
      return problem(
        'issuer-key-not-sm2',
        '签发证书的公钥不是 SM2 公钥',
        "the issuer certificate's key is not an SM2 key",
      );
    }
    throw e;
  }
  const ok = verify(subject.signatureValue, subject.tbsCertificate, publicKey, {
    ...(options.userId === undefined ? {} : { userId: options.userId }),
  });
  if (!ok) {
    return problem(
      'signature-invalid',
      '签发者对证书（TBSCertificate）的 SM2 签名验证不通过',
      "the issuer's SM2 signature over the TBSCertificate does not verify",
    );
  }
  return { valid: true };
}

/**
 * {@link verifyCertificate} returning a {@link SafeResult} (a malformed certificate gives `ok: false`).
 *
 * @example
 * const r = sm2.safeVerifyCertificate(leafDer, caDer);
 * if (r.ok && r.value.valid) trust(leafDer);
 */
export function safeVerifyCertificate(
  cert: CertificateInput,
  issuerCert: CertificateInput,
  options: VerifyCertificateOptions = {},
): SafeResult<CertificateVerification> {
  return safely(() => verifyCertificate(cert, issuerCert, options));
}
