import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodePem,
  derBitString,
  derExplicit,
  derInteger,
  derNull,
  derOctetString,
  derOid,
  derSequence,
  encodePem,
} from '../../src/asn1/index.js';
import { fromHex, toHex } from '../../src/bytes/index.js';
import { sm2Curve } from '../../src/sm2/curve.js';
import * as sm2 from '../../src/sm2/index.js';
import { bigIntTo32Bytes } from '../../src/sm2/scalar.js';
import { errorCode, expected, fixtureBytes, fixtureText } from './fixtures.js';

const privateKey = fromHex(expected.privateKeyHex);
const publicKey = fromHex(expected.publicKeyHex);

describe('keys made by openssl', () => {
  it('reads the PKCS#8 private key and derives the public key openssl printed', () => {
    expect(toHex(sm2.privateKeyFromPem(fixtureText('openssl-key.pem')))).toBe(expected.privateKeyHex);
    expect(toHex(sm2.getPublicKey(privateKey))).toBe(expected.publicKeyHex);
  });

  it('reads the SEC 1 "SM2 PRIVATE KEY" that openssl ec writes', () => {
    const text = fixtureText('openssl-key-sec1.pem');
    expect(text).toContain('BEGIN SM2 PRIVATE KEY');
    expect(toHex(sm2.privateKeyFromPem(text))).toBe(expected.privateKeyHex);
    expect(toHex(sm2.privateKeyFromPem(text.replace(/SM2 PRIVATE KEY/g, 'EC PRIVATE KEY')))).toBe(
      expected.privateKeyHex,
    );
  });

  it('reads the SubjectPublicKeyInfo', () => {
    expect(toHex(sm2.publicKeyFromPem(fixtureText('openssl-pub.pem')))).toBe(expected.publicKeyHex);
  });

  it('writes byte-identical PEM to openssl for the same keys', () => {
    expect(sm2.privateKeyToPem(privateKey)).toBe(fixtureText('openssl-key.pem'));
    expect(sm2.publicKeyToPem(publicKey)).toBe(fixtureText('openssl-pub.pem'));
    const der = decodePem(fixtureText('openssl-key.pem'), ['PRIVATE KEY']).der;
    expect(toHex(sm2.privateKeyToDer(privateKey))).toBe(toHex(der));
  });

  it('refuses the encrypted PKCS#8 key with KEY_INVALID', () => {
    expect(errorCode(() => sm2.privateKeyFromPem(fixtureText('openssl-key-encrypted.pem')))).toBe(
      'KEY_INVALID',
    );
  });

  it('refuses a P-256 key with KEY_NOT_SM2, naming the curve', () => {
    const text = fixtureText('p256-key.pem');
    expect(errorCode(() => sm2.privateKeyFromPem(text))).toBe('KEY_NOT_SM2');
    expect(() => sm2.privateKeyFromPem(text)).toThrow(/P-256/);
  });
});

describe('round trips', () => {
  it('PEM and DER of generated keys', () => {
    for (let i = 0; i < 20; i++) {
      const pair = sm2.generateKeyPair();
      expect(sm2.privateKeyFromPem(sm2.privateKeyToPem(pair.privateKey))).toEqual(pair.privateKey);
      expect(sm2.publicKeyFromPem(sm2.publicKeyToPem(pair.publicKey))).toEqual(pair.publicKey);
      expect(sm2.privateKeyFromDer(sm2.privateKeyToDer(pair.privateKey))).toEqual(pair.privateKey);
      expect(sm2.publicKeyFromDer(sm2.publicKeyToDer(pair.publicKey))).toEqual(pair.publicKey);
    }
    // A key with leading zero bytes keeps its full 32-byte form.
    const small = bigIntTo32Bytes(5n);
    expect(sm2.privateKeyFromPem(sm2.privateKeyToPem(small))).toEqual(small);
  });

  it('the safe variants report findings instead of throwing', () => {
    const good = sm2.safePublicKeyFromPem(fixtureText('openssl-pub.pem'));
    expect(good.ok && toHex(good.value)).toBe(expected.publicKeyHex);
    const bad = sm2.safePrivateKeyFromPem('not a key');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.findings[0]?.code).toBe('PEM_INVALID');
      expect(bad.findings[0]?.message).toMatch(/PEM/);
    }
    expect(sm2.safePrivateKeyFromDer(new Uint8Array([0x30, 0x00])).ok).toBe(false);
    expect(sm2.safePublicKeyFromDer(sm2.publicKeyToDer(publicKey)).ok).toBe(true);
  });
});

describe('other encodings accepted on read', () => {
  const point = sm2Curve().fromBytes(publicKey);

  it('algorithm OID 1.2.156.10197.1.301 used directly, with absent, NULL or curve parameters', () => {
    for (const params of [[], [derNull()], [derOid('1.2.156.10197.1.301')]]) {
      const spki = derSequence(
        derSequence(derOid('1.2.156.10197.1.301'), ...params),
        derBitString(publicKey),
      );
      expect(sm2.publicKeyFromDer(spki)).toEqual(publicKey);
      const ec = derSequence(derInteger(1n), derOctetString(privateKey));
      const pkcs8 = derSequence(
        derInteger(0n),
        derSequence(derOid('1.2.156.10197.1.301'), ...params),
        derOctetString(ec),
      );
      expect(sm2.privateKeyFromDer(pkcs8)).toEqual(privateKey);
    }
  });

  it('a compressed point in SubjectPublicKeyInfo', () => {
    const spki = derSequence(
      derSequence(derOid('1.2.840.10045.2.1'), derOid('1.2.156.10197.1.301')),
      derBitString(point.toBytes(true)),
    );
    expect(sm2.publicKeyFromDer(spki)).toEqual(publicKey);
  });

  it('a private key with its leading zero bytes dropped, and PKCS#8 v2 with a public key', () => {
    const d = bigIntTo32Bytes(0x1234n);
    const ec = derSequence(derInteger(1n), derOctetString(fromHex('1234')));
    const pkcs8 = derSequence(
      derInteger(1n),
      derSequence(derOid('1.2.840.10045.2.1'), derOid('1.2.156.10197.1.301')),
      derOctetString(ec),
      Uint8Array.of(0x81, 0x02, 0x00, 0x04),
    );
    expect(sm2.privateKeyFromDer(pkcs8)).toEqual(d);
  });
});

describe('refused on read', () => {
  const algorithm = (curve: string) => derSequence(derOid('1.2.840.10045.2.1'), derOid(curve));

  it('other algorithms and curves: KEY_NOT_SM2', () => {
    const rsa = derSequence(
      derSequence(derOid('1.2.840.113549.1.1.1'), derNull()),
      derBitString(new Uint8Array(10)),
    );
    expect(errorCode(() => sm2.publicKeyFromDer(rsa))).toBe('KEY_NOT_SM2');
    expect(() => sm2.publicKeyFromDer(rsa)).toThrow(/RSA/);
    const p256 = derSequence(algorithm('1.2.840.10045.3.1.7'), derBitString(publicKey));
    expect(errorCode(() => sm2.publicKeyFromDer(p256))).toBe('KEY_NOT_SM2');
    const sec1 = derSequence(
      derInteger(1n),
      derOctetString(privateKey),
      derExplicit(0, derOid('1.3.132.0.10')),
    );
    expect(errorCode(() => sm2.privateKeyFromDer(sec1))).toBe('KEY_NOT_SM2');
  });

  it('semantic problems: KEY_INVALID', () => {
    const pkcs8 = (ec: Uint8Array, version = 0n) =>
      derSequence(derInteger(version), algorithm('1.2.156.10197.1.301'), derOctetString(ec));
    const cases: Array<[string, Uint8Array]> = [
      ['d = 0', pkcs8(derSequence(derInteger(1n), derOctetString(new Uint8Array(32))))],
      [
        'd = n',
        pkcs8(
          derSequence(
            derInteger(1n),
            derOctetString(fromHex('fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123')),
          ),
        ),
      ],
      ['33-byte d', pkcs8(derSequence(derInteger(1n), derOctetString(new Uint8Array(33).fill(1))))],
      ['ECPrivateKey version 2', pkcs8(derSequence(derInteger(2n), derOctetString(privateKey)))],
      ['PKCS#8 version 2', pkcs8(derSequence(derInteger(1n), derOctetString(privateKey)), 2n)],
      [
        'a public key that is not d·G',
        pkcs8(
          derSequence(
            derInteger(1n),
            derOctetString(privateKey),
            derExplicit(1, derBitString(sm2.generateKeyPair().publicKey)),
          ),
        ),
      ],
      ['SEC 1 without curve', derSequence(derInteger(1n), derOctetString(privateKey))],
      [
        'explicit curve parameters',
        derSequence(
          derInteger(0n),
          derSequence(derOid('1.2.840.10045.2.1'), derSequence(derInteger(1n))),
          derOctetString(new Uint8Array(2)),
        ),
      ],
    ];
    for (const [name, der] of cases)
      expect(
        errorCode(() => sm2.privateKeyFromDer(der)),
        name,
      ).toBe('KEY_INVALID');
    const offCurve = publicKey.slice();
    offCurve[10]! ^= 1;
    const spki = derSequence(algorithm('1.2.156.10197.1.301'), derBitString(offCurve));
    expect(errorCode(() => sm2.publicKeyFromDer(spki))).toBe('KEY_INVALID');
    expect(errorCode(() => sm2.privateKeyToPem(new Uint8Array(32)))).toBe('KEY_INVALID');
    expect(errorCode(() => sm2.publicKeyToDer(new Uint8Array(65)))).toBe('KEY_INVALID');
  });

  it('broken DER and PEM: ASN1_INVALID / PEM_INVALID', () => {
    const der = sm2.publicKeyToDer(publicKey);
    expect(errorCode(() => sm2.publicKeyFromDer(der.subarray(0, der.length - 1)))).toBe('ASN1_INVALID');
    expect(errorCode(() => sm2.publicKeyFromDer(Uint8Array.of(...der, 0)))).toBe('ASN1_INVALID');
    expect(
      errorCode(() => sm2.publicKeyFromPem('-----BEGIN PUBLIC KEY-----\n@@@@\n-----END PUBLIC KEY-----')),
    ).toBe('PEM_INVALID');
    expect(errorCode(() => sm2.publicKeyFromPem(fixtureText('openssl-key.pem')))).toBe('PEM_INVALID');
    expect(errorCode(() => sm2.privateKeyFromPem(encodePem('PRIVATE KEY', Uint8Array.of(0x30, 0x80))))).toBe(
      'ASN1_INVALID',
    );
    expect(() => sm2.privateKeyFromPem(fixtureBytes('openssl-key.pem') as unknown as string)).toThrow(
      TypeError,
    );
  });

  it('any mutation of a key only ever gives a key or a DanganError', () => {
    const codes = new Set(['ASN1_INVALID', 'KEY_INVALID', 'KEY_NOT_SM2']);
    const pkcs8 = sm2.privateKeyToDer(privateKey);
    const spki = sm2.publicKeyToDer(publicKey);
    fc.assert(
      fc.property(fc.boolean(), fc.nat(), fc.integer({ min: 0, max: 255 }), (isPrivate, at, value) => {
        const bytes = (isPrivate ? pkcs8 : spki).slice();
        bytes[at % bytes.length] = value;
        const code = errorCode(() =>
          isPrivate ? sm2.privateKeyFromDer(bytes) : sm2.publicKeyFromDer(bytes),
        );
        return code === undefined || codes.has(code);
      }),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const a = errorCode(() => sm2.privateKeyFromDer(bytes));
        const b = errorCode(() => sm2.publicKeyFromDer(bytes));
        return (a === undefined || codes.has(a)) && (b === undefined || codes.has(b));
      }),
      { numRuns: 1500 },
    );
  });
});
