import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePem } from '../../src/asn1/index.js';
import { createCertificate } from '../../src/sm2/certificate-create.js';
import {
  type CertificateVerification,
  safeVerifyCertificate,
  verifyCertificate,
} from '../../src/sm2/certificate-verify.js';
import * as sm2 from '../../src/sm2/index.js';
import { errorCode, expected, fixtureBytes, fixtureText } from './fixtures.js';
import { openssl, opensslMissing, opensslVersion, tempDir } from './openssl.js';

const selfSigned = fixtureText('openssl-cert.pem');
const selfSignedDer = decodePem(selfSigned, ['CERTIFICATE']).der;

/** The certificate with one byte of its TBSCertificate changed (still well-formed DER). */
function tamperedTbs(der: Uint8Array): Uint8Array {
  const info = sm2.parseCertificate(der);
  const out = der.slice();
  // The last byte of the TBSCertificate lies inside its extensions' contents: flipping it keeps the DER valid.
  const at = der.indexOf(info.tbsCertificate[0]!) + info.tbsCertificate.length - 1;
  out[at]! ^= 0x01;
  return out;
}

describe('verifyCertificate on fixed certificates', () => {
  it('a self-signed SM2 certificate made by openssl is its own issuer', () => {
    expect(verifyCertificate(selfSigned, selfSigned)).toEqual({ valid: true });
    expect(verifyCertificate(selfSignedDer, sm2.parseCertificate(selfSigned))).toEqual({ valid: true });
    expect(
      verifyCertificate(fixtureBytes('openssl-cert.pem'), selfSignedDer, { userId: expected.userId }),
    ).toEqual({
      valid: true,
    });
  });

  it('a changed TBSCertificate or another user id fails with signature-invalid', () => {
    const bad = tamperedTbs(selfSignedDer);
    expect(sm2.parseCertificate(bad).subject).toBe(sm2.parseCertificate(selfSignedDer).subject);
    const r = verifyCertificate(bad, selfSignedDer);
    expect(r.valid).toBe(false);
    expect(r.problem).toBe('signature-invalid');
    expect(r.message).toMatch(/签名验证不通过/);
    expect(r.messageEn).toMatch(/does not verify/);
    expect(verifyCertificate(selfSigned, selfSigned, { userId: 'ALICE123' }).problem).toBe(
      'signature-invalid',
    );
  });

  it('a P-256 certificate is not SM2-signed: algorithm-unsupported', () => {
    const p256 = fixtureText('p256-cert.pem');
    expect(verifyCertificate(p256, p256)).toMatchObject({ valid: false, problem: 'algorithm-unsupported' });
  });

  it('names that differ: name-mismatch, before any signature work', () => {
    const p256 = fixtureText('p256-cert.pem');
    const r = verifyCertificate(selfSigned, p256);
    expect(r).toMatchObject({ valid: false, problem: 'name-mismatch' });
    expect(r.message).toContain('CN=p256');
  });

  it('malformed input throws CERTIFICATE_INVALID; safeVerifyCertificate reports it', () => {
    const junk = Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01);
    expect(errorCode(() => verifyCertificate(junk, selfSigned))).toBe('CERTIFICATE_INVALID');
    const safe = safeVerifyCertificate(selfSigned, junk);
    expect(safe.ok).toBe(false);
    if (!safe.ok) expect(safe.error.code).toBe('CERTIFICATE_INVALID');
    const good = safeVerifyCertificate(selfSigned, selfSigned);
    expect(good.ok && good.value.valid).toBe(true);
  });

  it('wrong argument types are TypeErrors', () => {
    expect(() => verifyCertificate(42 as unknown as string, selfSigned)).toThrow(TypeError);
    expect(() => verifyCertificate(selfSigned, selfSigned, null as unknown as object)).toThrow(TypeError);
  });
});

describe('verifyCertificate on certificates made by createCertificate', () => {
  const validity = { notBefore: new Date('2024-01-01Z'), notAfter: new Date('2034-01-01Z') };
  const ca = sm2.generateKeyPair();
  const caCert = createCertificate({
    publicKey: ca.publicKey,
    signingKey: ca.privateKey,
    subject: { C: 'CN', O: '某档案馆', CN: '测试 CA' },
    serialNumber: 1n,
    ca: true,
    ...validity,
  });
  const me = sm2.generateKeyPair();
  const leaf = createCertificate({
    publicKey: me.publicKey,
    signingKey: ca.privateKey,
    issuerCertificate: caCert,
    subject: { C: 'CN', O: '某档案馆', CN: '张三' },
    serialNumber: 2n,
    ...validity,
  });

  it('a leaf verifies under its CA; the CA under itself; not the other way round', () => {
    expect(verifyCertificate(leaf, caCert)).toEqual({ valid: true });
    expect(verifyCertificate(caCert, caCert)).toEqual({ valid: true });
    expect(verifyCertificate(caCert, leaf).problem).toBe('name-mismatch');
  });

  it('the issuer’s user id is part of the signature', () => {
    const other = createCertificate({
      publicKey: me.publicKey,
      signingKey: ca.privateKey,
      issuerCertificate: caCert,
      subject: { C: 'CN', CN: '李四' },
      serialNumber: 3n,
      userId: 'ISSUER-ID',
      ...validity,
    });
    expect(verifyCertificate(other, caCert).problem).toBe('signature-invalid');
    expect(verifyCertificate(other, caCert, { userId: 'ISSUER-ID' })).toEqual({ valid: true });
  });

  it('names compare attribute by attribute, ignoring case and extra spaces', () => {
    const spaced = createCertificate({
      publicKey: ca.publicKey,
      signingKey: ca.privateKey,
      subject: { C: 'CN', O: ' 某档案馆 ', CN: '测试  ca' },
      serialNumber: 4n,
      ca: true,
      ...validity,
    });
    expect(verifyCertificate(leaf, spaced)).toEqual({ valid: true });
  });
});

const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';
const runs = opensslMissing === undefined || inCi;

describe.runIf(runs)(
  `verifyCertificate on a chain openssl issues (${opensslVersion ?? opensslMissing})`,
  () => {
    let dir = '';
    let remove = () => {};
    const DISTID = `distid:${sm2.DEFAULT_USER_ID}`;
    const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
    const run = (args: string[]) => openssl(args, { cwd: dir });
    const key = (name: string, curve = 'SM2') =>
      run(['genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${curve}`, '-out', name]);
    const selfSign = (keyFile: string, subject: string, out: string, sm = true) =>
      run([
        'req',
        '-x509',
        '-new',
        '-key',
        keyFile,
        ...(sm ? ['-sm3', '-sigopt', DISTID] : ['-sha256']),
        '-subj',
        subject,
        '-utf8',
        '-days',
        '30',
        '-out',
        out,
      ]);
    const CA_SUBJECT = '/C=CN/O=档案测试/CN=测试根CA';

    beforeAll(() => {
      ({ dir, remove } = tempDir());
      key('ca.key');
      key('leaf.key');
      key('other.key');
      key('p256.key', 'prime256v1');
      selfSign('ca.key', CA_SUBJECT, 'ca.pem');
      // Same name as the CA, another key: a name match whose signature cannot verify.
      selfSign('other.key', CA_SUBJECT, 'impostor.pem');
      selfSign('other.key', '/C=CN/O=别的机构/CN=另一个CA', 'other.pem');
      selfSign('p256.key', CA_SUBJECT, 'p256.pem', false);
      run([
        'req',
        '-new',
        '-key',
        'leaf.key',
        '-sm3',
        '-sigopt',
        DISTID,
        '-subj',
        '/C=CN/O=档案测试/CN=签名人',
        '-utf8',
        '-out',
        'leaf.csr',
      ]);
      run([
        'x509',
        '-req',
        '-in',
        'leaf.csr',
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-days',
        '30',
        '-sm3',
        '-sigopt',
        DISTID,
        '-vfyopt',
        DISTID,
        '-out',
        'leaf.pem',
      ]);
    });
    afterAll(() => remove());

    it('the leaf verifies under its CA, and the CA under itself', () => {
      expect(verifyCertificate(read('leaf.pem'), read('ca.pem'))).toEqual({ valid: true });
      expect(verifyCertificate(read('ca.pem'), read('ca.pem'))).toEqual({ valid: true });
    });

    it('the leaf is not self-signed and not issued by another CA', () => {
      expect(verifyCertificate(read('leaf.pem'), read('leaf.pem')).problem).toBe('name-mismatch');
      expect(verifyCertificate(read('leaf.pem'), read('other.pem')).problem).toBe('name-mismatch');
    });

    it('a CA with the same name but another key: signature-invalid', () => {
      const r: CertificateVerification = verifyCertificate(read('leaf.pem'), read('impostor.pem'));
      expect(r).toMatchObject({ valid: false, problem: 'signature-invalid' });
    });

    it('an issuer whose key is P-256: issuer-key-not-sm2', () => {
      expect(verifyCertificate(read('leaf.pem'), read('p256.pem'))).toMatchObject({
        valid: false,
        problem: 'issuer-key-not-sm2',
      });
    });

    it('a tampered leaf fails under the right CA', () => {
      const der = decodePem(new TextDecoder().decode(read('leaf.pem')), ['CERTIFICATE']).der;
      expect(verifyCertificate(tamperedTbs(der), read('ca.pem')).problem).toBe('signature-invalid');
    });
  },
);
