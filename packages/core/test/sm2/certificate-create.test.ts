import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePem } from '../../src/asn1/index.js';
import { toHex } from '../../src/bytes/index.js';
import { DanganError } from '../../src/errors/index.js';
import {
  type CreateCertificateOptions,
  createCertificate,
  safeCreateCertificate,
} from '../../src/sm2/certificate-create.js';
import * as sm2 from '../../src/sm2/index.js';
import { openssl, opensslMissing, opensslSucceeds, opensslVersion, tempDir } from './openssl.js';

const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';
const runs = opensslMissing === undefined || inCi;

const ca = sm2.generateKeyPair();
const leafKey = sm2.generateKeyPair();
const other = sm2.generateKeyPair();
const day = 86_400_000;

const caOptions: CreateCertificateOptions = {
  publicKey: ca.publicKey,
  signingKey: ca.privateKey,
  subject: { C: 'CN', ST: '上海', O: '某区档案馆', CN: 'dangan 测试 CA' },
  serialNumber: 1n,
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2035-01-01T00:00:00Z'),
  ca: true,
  pathLength: 0,
};
const caCert = createCertificate(caOptions);
const leafOptions: CreateCertificateOptions = {
  publicKey: leafKey.publicKey,
  signingKey: ca.privateKey,
  issuerCertificate: caCert,
  subject: [
    { type: 'C', value: 'CN' },
    { type: 'O', value: '某区政务服务中心' },
    { type: 'OU', value: '档案室' },
    { type: 'CN', value: '张三' },
    { type: 'emailAddress', value: 'zhang@example.cn' },
  ],
  serialNumber: 0x0123456789abcdef0123n,
  notBefore: new Date('2025-06-01T08:30:15.999Z'),
  notAfter: new Date('2055-06-01T00:00:00Z'), // after 2049: GeneralizedTime
};
const leafCert = createCertificate(leafOptions);

function errorOf(run: () => unknown): DanganError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DanganError);
    return e as DanganError;
  }
  throw new Error('expected an error');
}

describe('createCertificate', () => {
  it('issues a self-signed CA certificate that parseCertificate reads back', () => {
    const info = sm2.publicKeyFromCertificate(caCert);
    expect(info.version).toBe(3);
    expect(info.serialNumber).toBe('01');
    expect(info.signatureAlgorithm).toBe(sm2.OID.SM2_WITH_SM3);
    expect(info.subject).toBe('CN=dangan 测试 CA,O=某区档案馆,ST=上海,C=CN');
    expect(info.issuer).toBe(info.subject);
    expect(info.notBefore.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(info.notAfter.toISOString()).toBe('2035-01-01T00:00:00.000Z');
    expect(info.publicKey).toEqual(ca.publicKey);
    expect(info.publicKeyCurve).toBe(sm2.OID.SM2_CURVE);
    expect(info.extensions.map((e) => [e.oid, e.critical])).toEqual([
      ['2.5.29.19', true],
      ['2.5.29.15', true],
      ['2.5.29.14', false],
      ['2.5.29.35', false],
    ]);
    // basicConstraints { cA TRUE, pathLen 0 }; keyUsage keyCertSign + cRLSign (bits 5, 6: 03 02 01 06).
    expect(toHex(info.extensions[0]!.value)).toBe('30060101ff020100');
    expect(toHex(info.extensions[1]!.value)).toBe('03020106');
    expect(sm2.verify(info.signatureValue, info.tbsCertificate, ca.publicKey)).toBe(true);
  });

  it('issues a leaf signed by the CA: issuer name, key identifiers, times, serial', () => {
    const info = sm2.publicKeyFromCertificate(leafCert);
    const caInfo = sm2.publicKeyFromCertificate(caCert);
    expect(info.issuer).toBe(caInfo.subject);
    expect(info.subject).toBe('emailAddress=zhang@example.cn,CN=张三,OU=档案室,O=某区政务服务中心,C=CN');
    expect(info.serialNumber).toBe('0123456789abcdef0123');
    expect(info.notBefore.toISOString()).toBe('2025-06-01T08:30:15.000Z'); // whole seconds
    expect(info.notAfter.toISOString()).toBe('2055-06-01T00:00:00.000Z');
    expect(info.publicKey).toEqual(leafKey.publicKey);
    expect(sm2.verify(info.signatureValue, info.tbsCertificate, ca.publicKey)).toBe(true);
    expect(sm2.verify(info.signatureValue, info.tbsCertificate, leafKey.publicKey)).toBe(false);
    // authorityKeyIdentifier [0] = the CA's subjectKeyIdentifier.
    const ski = caInfo.extensions.find((e) => e.oid === '2.5.29.14')!.value.subarray(2);
    const aki = info.extensions.find((e) => e.oid === '2.5.29.35')!.value;
    expect(toHex(aki)).toBe(`3016 8014${toHex(ski)}`.replace(' ', ''));
    // Not a CA; keyUsage digitalSignature + nonRepudiation (03 02 06 c0).
    expect(toHex(info.extensions[0]!.value)).toBe('3000');
    expect(toHex(info.extensions[1]!.value)).toBe('030206c0');
    // UTCTime before 2050, GeneralizedTime from 2050 on.
    expect(toHex(info.tbsCertificate)).toContain(toHex(new TextEncoder().encode('250601083015Z')));
    expect(toHex(info.tbsCertificate)).toContain(toHex(new TextEncoder().encode('20550601000000Z')));
  });

  it('encodes any serial, validity and key usage set so that it reads back', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: (1n << 159n) - 1n }),
        fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: 1, max: 40_000 }),
        fc.subarray(['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'decipherOnly'] as const, {
          minLength: 1,
        }),
        (serial, start, days, usage) => {
          const der = createCertificate({
            ...leafOptions,
            serialNumber: serial,
            notBefore: new Date(start),
            notAfter: new Date(start + days * day),
            keyUsage: usage,
          });
          const info = sm2.parseCertificate(der);
          expect(BigInt(`0x${info.serialNumber}`)).toBe(serial);
          expect(info.notBefore.getTime()).toBe(Math.floor(start / 1000) * 1000);
          expect(info.notAfter.getTime()).toBe(Math.floor((start + days * day) / 1000) * 1000);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a wrong signing key, a non-CA issuer and bad arguments', () => {
    expect(errorOf(() => createCertificate({ ...leafOptions, signingKey: other.privateKey })).code).toBe(
      'CERTIFICATE_INVALID',
    );
    expect(
      errorOf(() =>
        createCertificate({ ...leafOptions, signingKey: leafKey.privateKey, issuerCertificate: leafCert }),
      ).message,
    ).toContain('不是 CA 证书');
    expect(
      errorOf(() => createCertificate({ ...caOptions, signingKey: other.privateKey })).message,
    ).toContain('自签名');
    expect(errorOf(() => createCertificate({ ...caOptions, signingKey: new Uint8Array(32) })).code).toBe(
      'KEY_INVALID',
    );
    expect(safeCreateCertificate({ ...leafOptions, signingKey: other.privateKey }).ok).toBe(false);
    expect(safeCreateCertificate(leafOptions).ok).toBe(true);
    const bad: Partial<CreateCertificateOptions>[] = [
      { serialNumber: 0n },
      { serialNumber: 1n << 160n },
      { notAfter: leafOptions.notBefore },
      { notBefore: new Date(Number.NaN) },
      { subject: {} },
      { subject: { XX: 'y' } },
      { subject: { C: 'CHN' } },
      { subject: { C: '中国' } },
      { keyUsage: [] },
      { keyUsage: ['sign' as 'digitalSignature'] },
      { pathLength: 1 },
    ];
    for (const b of bad) expect(() => createCertificate({ ...leafOptions, ...b })).toThrow(/must|unknown/);
  });
});

describe.skipIf(!runs)(`createCertificate with ${opensslVersion ?? 'openssl'}`, () => {
  let dir = '';
  let remove = () => {};
  const path = (name: string) => join(dir, name);
  beforeAll(() => {
    ({ dir, remove } = tempDir());
    writeFileSync(path('ca.pem'), encodePem('CERTIFICATE', caCert));
    writeFileSync(path('leaf.pem'), encodePem('CERTIFICATE', leafCert));
  });
  afterAll(() => remove());

  it('openssl x509 parses both certificates', () => {
    const text = openssl([
      'x509',
      '-noout',
      '-text',
      '-nameopt',
      'utf8,sep_comma_plus',
      '-in',
      path('leaf.pem'),
    ]);
    expect(text).toContain('Version: 3 (0x2)');
    expect(text).toContain('Signature Algorithm: SM2-with-SM3');
    expect(text).toContain(
      'Subject: C=CN,O=某区政务服务中心,OU=档案室,CN=张三,emailAddress=zhang@example.cn',
    );
    expect(text).toContain('Issuer: C=CN,ST=上海,O=某区档案馆,CN=dangan 测试 CA');
    expect(text).toContain('Not After : Jun  1 00:00:00 2055 GMT');
    expect(text).toContain('Digital Signature, Non Repudiation');
    expect(text).toContain('ASN1 OID: SM2');
    const caText = openssl(['x509', '-noout', '-text', '-in', path('ca.pem')]);
    expect(caText).toContain('CA:TRUE, pathlen:0');
    expect(caText).toContain('Certificate Sign, CRL Sign');
  });

  // OpenSSL 3.0 verifies an SM2 certificate signature with an EMPTY user id unless told otherwise; GM/T 0015
  // certificates (and ours, by default) are signed with 1234567812345678, so verify needs `-vfyopt distid:…`.
  const DISTID = ['-vfyopt', `distid:${sm2.DEFAULT_USER_ID}`];

  it('openssl verify accepts the chain with -vfyopt distid:1234567812345678', () => {
    expect(openssl(['verify', ...DISTID, '-CAfile', path('ca.pem'), path('leaf.pem')])).toContain('OK');
    // Without the option OpenSSL 3.0 uses an empty id: our default-id leaf fails, a leaf signed with '' passes.
    expect(opensslSucceeds(['verify', '-CAfile', path('ca.pem'), path('leaf.pem')], dir)).toBe(false);
    writeFileSync(
      path('empty-id.pem'),
      encodePem('CERTIFICATE', createCertificate({ ...leafOptions, userId: '' })),
    );
    expect(opensslSucceeds(['verify', '-CAfile', path('ca.pem'), path('empty-id.pem')], dir)).toBe(true);
  });

  it('openssl pkeyutl verifies both signatures over the TBSCertificate bytes with the CA key', () => {
    // `openssl verify -check_ss_sig` (3.0.19) ignores -vfyopt for the root's self-signature and assumes an
    // empty id, so the self-signature is checked directly.
    writeFileSync(path('ca-pub.pem'), sm2.publicKeyToPem(ca.publicKey));
    for (const [name, der] of [
      ['ca', caCert],
      ['leaf', leafCert],
    ] as const) {
      const info = sm2.parseCertificate(der);
      writeFileSync(path(`${name}.tbs`), info.tbsCertificate);
      writeFileSync(path(`${name}.sig`), info.signatureValue);
      const args = (file: string) => [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        path('ca-pub.pem'),
        '-rawin',
        '-digest',
        'sm3',
        '-pkeyopt',
        `distid:${sm2.DEFAULT_USER_ID}`,
        '-in',
        path(file),
        '-sigfile',
        path(`${name}.sig`),
      ];
      expect(opensslSucceeds(args(`${name}.tbs`), dir)).toBe(true);
      writeFileSync(
        path('tampered.tbs'),
        Uint8Array.from(info.tbsCertificate, (b, i) => (i === 20 ? b ^ 1 : b)),
      );
      expect(opensslSucceeds(args('tampered.tbs'), dir)).toBe(false);
    }
  });

  it('openssl verify refuses a leaf from another CA and one signed with another SM2 user id', () => {
    const otherCa = createCertificate({
      ...caOptions,
      publicKey: other.publicKey,
      signingKey: other.privateKey,
    });
    const stranger = createCertificate({
      ...leafOptions,
      signingKey: other.privateKey,
      issuerCertificate: otherCa,
    });
    writeFileSync(path('stranger.pem'), encodePem('CERTIFICATE', stranger));
    expect(opensslSucceeds(['verify', ...DISTID, '-CAfile', path('ca.pem'), path('stranger.pem')], dir)).toBe(
      false,
    );
    const otherId = createCertificate({ ...leafOptions, userId: 'ALICE123@YAHOO.COM' });
    writeFileSync(path('other-id.pem'), encodePem('CERTIFICATE', otherId));
    expect(opensslSucceeds(['verify', ...DISTID, '-CAfile', path('ca.pem'), path('other-id.pem')], dir)).toBe(
      false,
    );
  });
});
