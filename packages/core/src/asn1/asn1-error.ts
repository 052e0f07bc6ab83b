import { DanganError } from '../errors/index.js';

/**
 * The error every DER/ASN.1 reader throws: code `ASN1_INVALID`, a Chinese message naming the field and the
 * byte offset, and the English rendering.
 */
export function asn1Error(field: string, zh: string, en: string, offset: number): DanganError {
  return new DanganError('ASN1_INVALID', `DER 编码无效（${field}，偏移 ${offset}）：${zh}`, {
    messageEn: `invalid DER (${field}, offset ${offset}): ${en}`,
  });
}
