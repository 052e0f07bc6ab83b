/**
 * Step 4a — 签名人 (the signer): who fixes the package with an SM2 electronic signature (DA/T 48 电子签名).
 *
 * A real archive signs with a key and certificate issued by its CA (or a 电子认证服务机构); the demo makes a
 * small CA of its own with `sm2.createCertificate` (GM/T 0015 style X.509 certificates signed with
 * SM2-with-SM3) and issues the archive's signing certificate from it. Keys are generated **fresh on every run**
 * (so signatures and the package digest differ between runs; every other byte of the output is the same).
 * The checks trust the CA certificate (`trustAnchors`), as a receiving archive would.
 */
import { sm2 } from '@dangan/core';
import type { EepSigner } from '@dangan/packaging';

/** The demo's signing identity. */
export interface DemoSigner {
  /** What `buildEep` signs with: the private key and the certificate (+ its CA, written into 证书块). */
  readonly signer: EepSigner;
  /** The CA certificate (DER): the trust anchor for checking. */
  readonly caCertificate: Uint8Array;
  /** The signing certificate (DER). */
  readonly certificate: Uint8Array;
  /** Subject of the signing certificate, for printing. */
  readonly subject: string;
}

/** Creates a demo CA and an archive signing certificate valid around `now`. */
export function createDemoSigner(now: Date): DemoSigner {
  const year = now.getUTCFullYear();
  const ca = sm2.generateKeyPair();
  const caCertificate = sm2.createCertificate({
    publicKey: ca.publicKey,
    signingKey: ca.privateKey,
    subject: { C: 'CN', O: 'dangan 演示', CN: 'dangan 演示 CA（仅供演示）' },
    serialNumber: 1n,
    notBefore: new Date(Date.UTC(year - 1, 0, 1)),
    notAfter: new Date(Date.UTC(year + 10, 0, 1)),
    ca: true,
  });
  const me = sm2.generateKeyPair();
  const subject = { C: 'CN', O: '上海市浦东新区市场监督管理局', CN: '浦东新区市场监管局电子档案签名' };
  const certificate = sm2.createCertificate({
    publicKey: me.publicKey,
    signingKey: ca.privateKey,
    issuerCertificate: caCertificate,
    subject,
    serialNumber: 2n,
    notBefore: new Date(Date.UTC(year, 0, 1)),
    notAfter: new Date(Date.UTC(year + 2, 0, 1)),
  });
  return {
    signer: { privateKey: me.privateKey, certificate, chain: [caCertificate], signedAt: now },
    caCertificate,
    certificate,
    subject: subject.CN,
  };
}
