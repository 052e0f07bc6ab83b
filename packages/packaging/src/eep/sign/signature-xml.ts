import { toBase64, type XmlWriter } from '@dangan/core';
import { EEP_SM2_SM3_OID, eepSigningRule } from '../signing-rule.js';
import type { ResolvedSigner } from './signer.js';

/**
 * Writes one DA/T 48 `<电子签名>` (with `签名标识符` = `id`) or `<锁定签名>` (with `被锁定签名标识符` = `id`) in
 * schema order: 签名规则 (dangan's rule with the signer's user id), 签名时间, 签名人, 签名结果 (the DER SM2
 * signature, Base64), 证书块 (the signer's certificate and chain, Base64 DER; 证书引证), 签名算法标识
 * (`1.2.156.10197.1.501`). `prefix` is the namespace prefix of the enclosing EEP ('' for the default
 * namespace, else `eep:`).
 *
 * @example
 * writeSignatureElement(w, '电子签名', '修改0-签名1', signer, signatureDer);
 */
export function writeSignatureElement(
  w: XmlWriter,
  kind: '电子签名' | '锁定签名',
  id: string,
  signer: ResolvedSigner,
  signature: Uint8Array,
  prefix = '',
): void {
  const el = (name: string, text: string) => w.element(`${prefix}${name}`, text);
  w.startElement(`${prefix}${kind}`);
  el(kind === '电子签名' ? '签名标识符' : '被锁定签名标识符', id);
  el('签名规则', eepSigningRule(signer.userId));
  if (signer.signedAt !== undefined) el('签名时间', signer.signedAt);
  if (signer.name !== undefined) el('签名人', signer.name);
  el('签名结果', toBase64(signature));
  w.startElement(`${prefix}证书块`);
  for (const certificate of signer.certificates) el('证书', toBase64(certificate));
  if (signer.certificateReference !== undefined) el('证书引证', signer.certificateReference);
  w.endElement();
  el('签名算法标识', EEP_SM2_SM3_OID);
  w.endElement();
}
