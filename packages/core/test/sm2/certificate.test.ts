import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodePem,
  derBitString,
  derElement,
  derInteger,
  derOid,
  derSequence,
  encodePem,
  TAG,
} from '../../src/asn1/index.js';
import { fromHex, toHex } from '../../src/bytes/index.js';
import type { DanganError } from '../../src/errors/index.js';
import * as sm2 from '../../src/sm2/index.js';
import { errorCode, expected, fixtureBytes, fixtureText } from './fixtures.js';

const pem = fixtureText('openssl-cert.pem');
const der = decodePem(pem, ['CERTIFICATE']).der;

describe('publicKeyFromCertificate on a self-signed SM2 certificate made by openssl', () => {
  it('returns the key, validity, serial and names openssl printed', () => {
    const info = sm2.publicKeyFromCertificate(pem);
    expect(toHex(info.publicKey)).toBe(expected.publicKeyHex);
    expect(info.notBefore.toISOString()).toBe(expected.cert.notBefore);
    expect(info.notAfter.toISOString()).toBe(expected.cert.notAfter);
    expect(info.serialNumber).toBe(expected.cert.serialNumber);
    expect(info.subject).toBe(expected.cert.subject);
    expect(info.issuer).toBe(expected.cert.subject);
    expect(info.version).toBe(3);
    expect(info.signatureAlgorithm).toBe(sm2.OID.SM2_WITH_SM3);
    expect(info.publicKeyAlgorithm).toBe(sm2.OID.EC_PUBLIC_KEY);
    expect(info.publicKeyCurve).toBe(sm2.OID.SM2_CURVE);
    expect(info.subjectAttributes.map((a) => `${a.type}=${a.value}`)).toEqual([
      'C=CN',
      'ST=上海',
      'O=档案馆测试, Inc.',
      'OU=Archives+IT',
      'CN=dangan 测试证书',
    ]);
    // openssl req -x509 adds subjectKeyIdentifier, authorityKeyIdentifier and basicConstraints (critical).
    expect(info.extensions.map((e) => e.oid).sort()).toEqual(['2.5.29.14', '2.5.29.19', '2.5.29.35']);
    expect(info.extensions.find((e) => e.oid === '2.5.29.19')?.critical).toBe(true);
  });

  it('accepts DER bytes, PEM bytes and PEM text alike', () => {
    const fromDer = sm2.publicKeyFromCertificate(der);
    const fromPemBytes = sm2.publicKeyFromCertificate(fixtureBytes('openssl-cert.pem'));
    expect(fromDer.publicKey).toEqual(fromPemBytes.publicKey);
    expect(fromDer.tbsCertificate).toEqual(fromPemBytes.tbsCertificate);
    expect(fromDer.der).toEqual(der);
    const withBom = Uint8Array.of(0xef, 0xbb, 0xbf, 0x0d, 0x0a, ...fixtureBytes('openssl-cert.pem'));
    expect(sm2.publicKeyFromCertificate(withBom).publicKey).toEqual(fromDer.publicKey);
    expect(encodePem('CERTIFICATE', der)).toBe(pem); // our PEM writer matches openssl's layout
  });

  it('exposes the signed bytes: the self-signature verifies with the default user ID', () => {
    const info = sm2.publicKeyFromCertificate(pem);
    expect(
      sm2.verify(info.signatureValue, info.tbsCertificate, info.publicKey, { userId: expected.userId }),
    ).toBe(true);
    const tampered = info.tbsCertificate.slice();
    tampered[tampered.length - 1]! ^= 1;
    expect(sm2.verify(info.signatureValue, tampered, info.publicKey)).toBe(false);
  });

  it('reads GeneralizedTime validity (years from 2050) and a short serial', () => {
    const info = sm2.publicKeyFromCertificate(fixtureText('openssl-cert-generalized.pem'));
    expect(info.notBefore.toISOString()).toBe(expected.certGeneralized.notBefore);
    expect(info.notAfter.toISOString()).toBe(expected.certGeneralized.notAfter);
    expect(info.serialNumber).toBe(expected.certGeneralized.serialNumber);
    expect(info.subject).toBe(expected.certGeneralized.subject);
  });
});

describe('other certificates', () => {
  it('parses a P-256 certificate but refuses its key with KEY_NOT_SM2', () => {
    const text = fixtureText('p256-cert.pem');
    const info = sm2.parseCertificate(text);
    expect(info.publicKeyCurve).toBe('1.2.840.10045.3.1.7');
    expect(info.signatureAlgorithm).toBe('1.2.840.10045.4.3.2');
    expect(info.subject).toBe('CN=p256');
    expect(errorCode(() => sm2.publicKeyFromCertificate(text))).toBe('KEY_NOT_SM2');
    const safe = sm2.safePublicKeyFromCertificate(text);
    expect(safe.ok).toBe(false);
  });

  it('reads a version 1 certificate with a name attribute of unknown type and a non-string value', () => {
    const algorithm = derSequence(derOid(sm2.OID.SM2_WITH_SM3));
    const name = derSequence(derElement(TAG.SET, derSequence(derOid('1.2.3.4'), derInteger(5n))));
    const time = (text: string) => Uint8Array.of(0x17, text.length, ...new TextEncoder().encode(text));
    const tbs = derSequence(
      derInteger(1n),
      algorithm,
      name,
      derSequence(time('250101000000Z'), time('350101000000Z')),
      name,
      sm2.publicKeyToDer(sm2.generateKeyPair().publicKey),
    );
    const cert = derSequence(tbs, algorithm, derBitString(Uint8Array.of(1, 2)));
    const info = sm2.publicKeyFromCertificate(cert);
    expect(info.version).toBe(1);
    expect(info.subject).toBe('1.2.3.4=#020105');
    expect(info.subjectAttributes[0]).toEqual({ type: '1.2.3.4', oid: '1.2.3.4', value: '#020105' });
    expect(info.extensions).toEqual([]);
  });

  it('writes names as RFC 4514 text: reversed RDNs, multi-valued RDNs with +, escaped specials', () => {
    const atv = (oid: string, tag: number, text: string) =>
      derSequence(derOid(oid), derElement(tag, new TextEncoder().encode(text)));
    const name = derSequence(
      derElement(TAG.SET, atv('2.5.4.6', TAG.PRINTABLE_STRING, 'CN')),
      derElement(
        TAG.SET,
        Uint8Array.of(...atv('2.5.4.10', TAG.UTF8_STRING, '甲'), ...atv('2.5.4.11', TAG.UTF8_STRING, 'b')),
      ),
      derElement(TAG.SET, atv('2.5.4.3', TAG.UTF8_STRING, ' #x, y+z "q"; <a>\\ ')),
      derElement(
        TAG.SET,
        derSequence(derOid('2.5.4.7'), derElement(TAG.BMP_STRING, Uint8Array.of(0x4e, 0x0a, 0x6d, 0x77))),
      ),
    );
    const algorithm = derSequence(derOid(sm2.OID.SM2_WITH_SM3));
    const time = (text: string) => derElement(TAG.UTC_TIME, new TextEncoder().encode(text));
    const tbs = derSequence(
      derElement(0xa0, derInteger(2n)),
      derInteger(0x80n),
      algorithm,
      name,
      derSequence(time('250101000000Z'), time('350101000000Z')),
      name,
      sm2.publicKeyToDer(sm2.generateKeyPair().publicKey),
    );
    const info = sm2.publicKeyFromCertificate(derSequence(tbs, algorithm, derBitString(Uint8Array.of(1))));
    expect(info.subject).toBe('L=上海,CN=\\ #x\\, y\\+z \\"q\\"\\; \\<a\\>\\\\\\ ,O=甲+OU=b,C=CN');
    expect(info.subjectAttributes.map((a) => a.type)).toEqual(['C', 'O', 'OU', 'CN', 'L']);
    expect(info.serialNumber).toBe('80');
    expect(info.version).toBe(3);
  });
});

describe('CERTIFICATE_INVALID on bad input', () => {
  it.each([
    ['garbage bytes', Uint8Array.of(1, 2, 3)],
    ['empty bytes', new Uint8Array(0)],
    ['truncated DER', der.subarray(0, der.length - 10)],
    ['DER with trailing bytes', Uint8Array.of(...der, 0)],
    ['a PEM key instead of a certificate', fixtureText('openssl-pub.pem')],
    ['text without PEM', 'MIIB'],
    ['a SEQUENCE that is no certificate', derSequence(derInteger(1n))],
  ])('%s', (_name, input) => {
    expect(errorCode(() => sm2.publicKeyFromCertificate(input))).toBe('CERTIFICATE_INVALID');
    expect(errorCode(() => sm2.parseCertificate(input))).toBe('CERTIFICATE_INVALID');
  });

  it('keeps the DER problem as the cause, in Chinese and English', () => {
    try {
      sm2.parseCertificate(der.subarray(0, 100));
      expect.unreachable();
    } catch (e) {
      const error = e as DanganError;
      expect(error.code).toBe('CERTIFICATE_INVALID');
      expect(error.message).toMatch(/^证书无效/);
      expect(error.messageEn).toMatch(/^invalid certificate/);
      expect((error.cause as DanganError).code).toBe('ASN1_INVALID');
    }
  });

  it('a signature algorithm inside tbsCertificate that differs from the outer one', () => {
    const info = sm2.parseCertificate(der);
    const outer = derSequence(derOid('1.2.840.10045.4.3.2'));
    const forged = derSequence(info.tbsCertificate, outer, derBitString(info.signatureValue));
    expect(errorCode(() => sm2.parseCertificate(forged))).toBe('CERTIFICATE_INVALID');
    expect(errorCode(() => sm2.parseCertificate(derSequence(info.tbsCertificate, outer)))).toBe(
      'CERTIFICATE_INVALID',
    );
  });

  it('a version beyond v3 and an impossible date', () => {
    const text = toHex(der);
    expect(text).toContain('a003020102');
    expect(errorCode(() => sm2.parseCertificate(fromHex(text.replace('a003020102', 'a003020103'))))).toBe(
      'CERTIFICATE_INVALID',
    );
    // notBefore as DER UTCTime text (YYMMDDHHMMSSZ), then the same with month 13.
    const iso = expected.cert.notBefore;
    const utc = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
    const hexOf = (t: string) => toHex(new TextEncoder().encode(t));
    expect(text).toContain(hexOf(utc));
    const month13 = `${utc.slice(0, 2)}13${utc.slice(4)}`;
    expect(errorCode(() => sm2.parseCertificate(fromHex(text.replace(hexOf(utc), hexOf(month13)))))).toBe(
      'CERTIFICATE_INVALID',
    );
  });

  it('every single-byte mutation gives a result or CERTIFICATE_INVALID / KEY_NOT_SM2, never another error', () => {
    fc.assert(
      fc.property(fc.nat(der.length - 1), fc.integer({ min: 0, max: 255 }), (at, value) => {
        const bytes = der.slice();
        bytes[at] = value;
        const code = errorCode(() => sm2.publicKeyFromCertificate(bytes));
        return code === undefined || code === 'CERTIFICATE_INVALID' || code === 'KEY_NOT_SM2';
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const code = errorCode(() => sm2.parseCertificate(bytes));
        return code === undefined || code === 'CERTIFICATE_INVALID';
      }),
      { numRuns: 1000 },
    );
  });
});
