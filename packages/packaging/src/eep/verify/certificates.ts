import { sm2 } from '@dangan/core';
import type { EepCertificateSummary, EepCheck } from './types.js';

type CertificateInfo = sm2.CertificateInfo;

/** What core's `sm2.verifyCertificate` returns. */
export type IssuedCheck = sm2.CertificateVerification;

/** Whether `issuer` issued `cert` (SM2/SM3 signature over the TBSCertificate, names matching): core's rule. */
export function verifyIssued(cert: Uint8Array, issuer: Uint8Array): IssuedCheck {
  return sm2.verifyCertificate(cert, issuer);
}

/** A certificate read from a 证书 or given as a trust anchor. */
export interface ReadCertificate {
  readonly info: CertificateInfo;
  /** The SM2 public key, when the subject key is SM2. */
  readonly publicKey: Uint8Array | undefined;
}

/** Reads a certificate (DER or PEM); `undefined` when it does not parse. */
export function readCertificate(cert: Uint8Array | string): ReadCertificate | undefined {
  const parsed = sm2.safeParseCertificate(cert);
  if (!parsed.ok) return undefined;
  const key = sm2.safePublicKeyFromCertificate(parsed.value.der);
  return { info: parsed.value, publicKey: key.ok ? key.value.publicKey : undefined };
}

/** The summary a signature check reports. */
export function summary(info: CertificateInfo): EepCertificateSummary {
  return {
    subject: info.subject,
    issuer: info.issuer,
    serialNumber: info.serialNumber,
    notBefore: info.notBefore,
    notAfter: info.notAfter,
    der: info.der,
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether a certificate says it is a CA (basicConstraints cA = TRUE). */
function isCa(info: CertificateInfo): boolean {
  const ext = info.extensions.find((e) => e.oid === '2.5.29.19');
  // BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }
  return (
    ext !== undefined &&
    ext.value.length >= 5 &&
    ext.value[2] === 0x01 &&
    ext.value[3] === 0x01 &&
    ext.value[4] !== 0
  );
}

function within(info: CertificateInfo, at: Date | undefined): boolean {
  return at === undefined || (info.notBefore <= at && at <= info.notAfter);
}

const MAX_CHAIN = 8;

/**
 * Builds and checks the chain from `leaf` to one of `anchors` (信任链验证), using `pool` (the other
 * certificates the signature carries) for intermediates. Each link must verify (core's
 * `sm2.verifyCertificate`); intermediates must be CAs valid at `at`. Anchors are trusted as given.
 * Without anchors the chain is `cannot-verify`, never `valid`.
 */
export function checkChain(
  leaf: ReadCertificate,
  pool: readonly ReadCertificate[],
  anchors: readonly ReadCertificate[] | undefined,
  at: Date | undefined,
): EepCheck {
  if (anchors === undefined || anchors.length === 0) {
    return {
      status: 'cannot-verify',
      problem: 'no-trust-anchors',
      message: '未提供信任锚（trustAnchors），无法判断签名证书是否可信',
      messageEn: 'no trust anchors were given, so the signing certificate cannot be trusted or distrusted',
    };
  }
  let current = leaf;
  const used = new Set<ReadCertificate>([leaf]);
  let failed: string | undefined;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    if (anchors.some((a) => sameBytes(a.info.der, current.info.der))) return { status: 'valid' };
    const candidates = [...anchors, ...pool.filter((c) => !used.has(c))];
    let next: ReadCertificate | undefined;
    for (const candidate of candidates) {
      const link = verifyIssued(current.info.der, candidate.info.der);
      if (link.problem === 'name-mismatch') continue;
      if (!link.valid) {
        failed = `${current.info.subject} ← ${candidate.info.subject}：${link.message ?? ''}`;
        continue;
      }
      if (anchors.includes(candidate)) return { status: 'valid' };
      if (!isCa(candidate.info) || !within(candidate.info, at)) {
        failed = `中间证书 ${candidate.info.subject} 不是有效期内的 CA 证书`;
        continue;
      }
      next = candidate;
      break;
    }
    if (next === undefined) break;
    used.add(next);
    current = next;
  }
  if (failed !== undefined) {
    return {
      status: 'invalid',
      problem: 'chain-invalid',
      message: `证书链验证不通过：${failed}`,
      messageEn: `the certificate chain does not verify: ${failed}`,
    };
  }
  return {
    status: 'invalid',
    problem: 'untrusted',
    message: `签名证书（签发者 ${current.info.issuer}）不能链接到任何信任锚`,
    messageEn: `the signing certificate (issuer ${current.info.issuer}) chains to no trust anchor`,
  };
}
