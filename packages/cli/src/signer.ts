import { DanganError, sm2 } from '@dangan/core';
import type { EepSigner } from '@dangan/packaging';
import { type CliIo, type GlobalOptions, t } from './io.js';

/** What `--key` / `--cert` gave: the signer, and whether its certificate was made up on the spot. */
export interface LoadedSigner {
  readonly signer: EepSigner;
  /** The certificate is self-signed, made by the CLI because no `--cert` was given. */
  readonly selfSigned: boolean;
  /** The certificate's subject. */
  readonly subject: string;
}

/**
 * Reads the SM2 private key (PEM, as `dangan keygen` or OpenSSL write it) and the signer's certificate (PEM
 * or DER). Without a certificate, a **self-signed** one is made for the key (subject `CN=<commonName>`,
 * valid from `validFrom` — the earliest time it will sign at — for ten years): enough to verify the signature's integrity, but it proves no identity —
 * production signing uses a certificate issued by a CA the archive trusts (`--cert`).
 *
 * @example
 * const { signer, selfSigned } = await loadSigner('key.pem', undefined, '某某局', new Date(), global, io);
 */
export async function loadSigner(
  keyPath: string,
  certPath: string | undefined,
  commonName: string,
  validFrom: Date,
  global: GlobalOptions,
  io: CliIo,
): Promise<LoadedSigner> {
  const keyText = new TextDecoder().decode(await io.readFile(keyPath));
  let privateKey: Uint8Array;
  try {
    privateKey = sm2.privateKeyFromPem(keyText);
  } catch (cause) {
    const reason = cause instanceof DanganError ? cause.localized(global.lang) : String(cause);
    throw new DanganError(
      'CLI_INPUT_INVALID',
      t(global, `${keyPath} 不是 SM2 私钥：${reason}`, `${keyPath} is not an SM2 private key: ${reason}`),
      { messageEn: `${keyPath} is not an SM2 private key: ${reason}`, cause, path: keyPath },
    );
  }
  if (certPath !== undefined) {
    const bytes = await io.readFile(certPath);
    const certificate = bytes[0] === 0x30 ? bytes : new TextDecoder().decode(bytes);
    let subject: string;
    try {
      subject = sm2.publicKeyFromCertificate(certificate).subject;
    } catch (cause) {
      const reason = cause instanceof DanganError ? cause.localized(global.lang) : String(cause);
      throw new DanganError(
        'CLI_INPUT_INVALID',
        t(
          global,
          `${certPath} 不是有效的证书：${reason}`,
          `${certPath} is not a valid certificate: ${reason}`,
        ),
        { messageEn: `${certPath} is not a valid certificate: ${reason}`, cause, path: certPath },
      );
    }
    return { signer: { privateKey, certificate }, selfSigned: false, subject };
  }
  const publicKey = sm2.getPublicKey(privateKey);
  const notBefore = new Date(validFrom.getTime() - 60_000);
  const notAfter = new Date(notBefore.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 10);
  const certificate = sm2.createCertificate({
    publicKey,
    signingKey: privateKey,
    subject: { CN: commonName },
    serialNumber: serialOf(publicKey),
    notBefore,
    notAfter,
  });
  return {
    signer: { privateKey, certificate },
    selfSigned: true,
    subject: sm2.publicKeyFromCertificate(certificate).subject,
  };
}

/** A positive serial number from the public key's bytes (stable per key, at most 16 octets). */
function serialOf(publicKey: Uint8Array): bigint {
  let n = 0n;
  for (const b of publicKey.subarray(1, 16)) n = (n << 8n) | BigInt(b);
  return n === 0n ? 1n : n;
}
