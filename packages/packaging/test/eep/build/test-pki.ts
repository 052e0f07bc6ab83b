import { sm2 } from '@dangan/core';
import type { EepSigner } from '../../../src/eep/sign/signer.js';

/** A test CA and signers with certificates it issued. */
export interface TestPki {
  readonly caCertificate: Uint8Array;
  readonly signer: (name: string, extra?: Partial<EepSigner>) => EepSigner & { publicKey: Uint8Array };
}

/**
 * A fresh test CA (`某区档案馆`, valid 2024–2034); `signer(name)` issues a fresh SM2 key and a certificate
 * for `CN=name` (valid 2024–2030, serial numbers from 100). Tests of trust use two of these.
 */
export function createTestPki(): TestPki {
  const ca = sm2.generateKeyPair();
  const caCertificate = sm2.createCertificate({
    publicKey: ca.publicKey,
    signingKey: ca.privateKey,
    subject: { C: 'CN', O: '某区档案馆', CN: 'dangan 测试 CA' },
    serialNumber: 1n,
    notBefore: new Date('2024-01-01T00:00:00Z'),
    notAfter: new Date('2034-01-01T00:00:00Z'),
    ca: true,
  });
  let serial = 100n;
  return {
    caCertificate,
    signer: (name, extra = {}) => {
      const key = sm2.generateKeyPair();
      const certificate = sm2.createCertificate({
        publicKey: key.publicKey,
        signingKey: ca.privateKey,
        issuerCertificate: caCertificate,
        subject: { C: 'CN', O: '某区政务服务中心', CN: name },
        serialNumber: serial++,
        notBefore: new Date('2024-01-01T00:00:00Z'),
        notAfter: new Date('2030-01-01T00:00:00Z'),
      });
      return { privateKey: key.privateKey, certificate, publicKey: key.publicKey, ...extra };
    },
  };
}

let pki: TestPki | undefined;

/** One CA per test run (see {@link createTestPki}). */
export function testPki(): TestPki {
  pki ??= createTestPki();
  return pki;
}
