import { decodePem, encodePem } from '../asn1/index.js';
import { DanganError, type SafeResult, safely } from '../errors/index.js';
import { privateKeyFromDer, privateKeyToDer, publicKeyFromDer, publicKeyToDer } from './key-der.js';

const PRIVATE_LABELS = ['PRIVATE KEY', 'EC PRIVATE KEY', 'SM2 PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'];

/**
 * The 32-byte private key in PEM text: `PRIVATE KEY` (PKCS#8), or `EC PRIVATE KEY` / `SM2 PRIVATE KEY`
 * (SEC 1, as `openssl ec` writes). Other blocks in the text (`EC PARAMETERS`) are skipped. Encrypted keys are
 * refused with `KEY_INVALID`; decrypt them first (`openssl pkey -in enc.pem -out plain.pem`).
 *
 * @example
 * const privateKey = sm2.privateKeyFromPem(readFileSync('sm2.key', 'utf8'));
 */
export function privateKeyFromPem(pem: string): Uint8Array {
  if (typeof pem !== 'string') throw new TypeError('pem must be a string');
  const block = decodePem(pem, PRIVATE_LABELS);
  if (block.label === 'ENCRYPTED PRIVATE KEY') {
    throw new DanganError('KEY_INVALID', 'SM2 私钥已加密，不受支持：请先解密为 PKCS#8 明文', {
      messageEn: 'the SM2 private key is encrypted; decrypt it to plain PKCS#8 first',
    });
  }
  return privateKeyFromDer(block.der);
}

/**
 * PEM `PRIVATE KEY` (PKCS#8) text of an SM2 private key, as OpenSSL 3 writes it.
 *
 * @example
 * sm2.privateKeyToPem(privateKey).startsWith('-----BEGIN PRIVATE KEY-----'); // true
 */
export function privateKeyToPem(privateKey: Uint8Array): string {
  return encodePem('PRIVATE KEY', privateKeyToDer(privateKey));
}

/**
 * The 65-byte public key `04‖x‖y` in PEM `PUBLIC KEY` (SubjectPublicKeyInfo) text.
 *
 * @example
 * const publicKey = sm2.publicKeyFromPem(pemText);
 */
export function publicKeyFromPem(pem: string): Uint8Array {
  if (typeof pem !== 'string') throw new TypeError('pem must be a string');
  return publicKeyFromDer(decodePem(pem, ['PUBLIC KEY']).der);
}

/**
 * PEM `PUBLIC KEY` (SubjectPublicKeyInfo) text of an SM2 public key.
 *
 * @example
 * sm2.publicKeyToPem(publicKey).startsWith('-----BEGIN PUBLIC KEY-----'); // true
 */
export function publicKeyToPem(publicKey: Uint8Array): string {
  return encodePem('PUBLIC KEY', publicKeyToDer(publicKey));
}

/**
 * {@link privateKeyFromPem} returning a {@link SafeResult} instead of throwing on bad input.
 *
 * @example
 * const r = sm2.safePrivateKeyFromPem(text); if (!r.ok) console.log(r.findings);
 */
export function safePrivateKeyFromPem(pem: string): SafeResult<Uint8Array> {
  return safely(() => privateKeyFromPem(pem));
}

/**
 * {@link publicKeyFromPem} returning a {@link SafeResult}.
 *
 * @example
 * const r = sm2.safePublicKeyFromPem(text);
 */
export function safePublicKeyFromPem(pem: string): SafeResult<Uint8Array> {
  return safely(() => publicKeyFromPem(pem));
}

/**
 * {@link privateKeyFromDer} returning a {@link SafeResult}.
 *
 * @example
 * const r = sm2.safePrivateKeyFromDer(der);
 */
export function safePrivateKeyFromDer(der: Uint8Array): SafeResult<Uint8Array> {
  return safely(() => privateKeyFromDer(der));
}

/**
 * {@link publicKeyFromDer} returning a {@link SafeResult}.
 *
 * @example
 * const r = sm2.safePublicKeyFromDer(der);
 */
export function safePublicKeyFromDer(der: Uint8Array): SafeResult<Uint8Array> {
  return safely(() => publicKeyFromDer(der));
}
