import { describe, expect, it } from 'vitest';
import { fromHex } from '../../src/bytes/index.js';
import * as sm2 from '../../src/sm2/index.js';
import { expected, fixtureBytes, fixtureText } from './fixtures.js';

describe('committed openssl fixtures (no openssl needed)', () => {
  const message = fixtureBytes('message.txt');
  const signature = fixtureBytes('message.sig');
  const publicKey = sm2.publicKeyFromPem(fixtureText('openssl-pub.pem'));

  it('verifies the signature openssl made over message.txt with the default user ID', () => {
    expect(sm2.verify(signature, message, publicKey)).toBe(true);
    expect(sm2.verify(signature, message, fromHex(expected.publicKeyHex), { userId: expected.userId })).toBe(
      true,
    );
    expect(sm2.verify(sm2.signatureToRaw(signature), message, publicKey, { format: 'raw' })).toBe(true);
  });

  it('rejects it for a changed message, user ID or key', () => {
    const changed = message.slice();
    changed[0]! ^= 1;
    expect(sm2.verify(signature, changed, publicKey)).toBe(false);
    expect(sm2.verify(signature, message, publicKey, { userId: '' })).toBe(false);
    expect(sm2.verify(signature, message, sm2.generateKeyPair().publicKey)).toBe(false);
  });

  it('the certificate carries the same key as the key files', () => {
    const info = sm2.publicKeyFromCertificate(fixtureText('openssl-cert.pem'));
    expect(info.publicKey).toEqual(publicKey);
    expect(sm2.verify(signature, message, info.publicKey)).toBe(true);
    const privateKey = sm2.privateKeyFromPem(fixtureText('openssl-key.pem'));
    expect(sm2.verify(sm2.sign(message, privateKey), message, info.publicKey)).toBe(true);
  });
});
