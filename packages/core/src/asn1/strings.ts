import { asn1Error } from './asn1-error.js';
import type { DerElement } from './der-reader.js';
import { TAG } from './tags.js';

/**
 * Text of an ASN.1 character string element (UTF8String, PrintableString, IA5String, BMPString, …), as found
 * in X.509 names. UTF-8 must be well formed; T61String is read as Latin-1, the way most tools read it.
 *
 * @example
 * decodeString(element); // '国家税务总局'
 */
export function decodeString(element: DerElement, field = 'string'): string {
  const v = element.value;
  switch (element.tag) {
    case TAG.UTF8_STRING:
      try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(v);
      } catch {
        throw asn1Error(
          field,
          'UTF8String 不是有效的 UTF-8',
          'UTF8String is not valid UTF-8',
          element.offset,
        );
      }
    case TAG.PRINTABLE_STRING:
    case TAG.IA5_STRING:
    case TAG.NUMERIC_STRING:
    case TAG.VISIBLE_STRING:
      for (const b of v) {
        if (b > 0x7f)
          throw asn1Error(field, '字符串含非 ASCII 字节', 'string has non-ASCII bytes', element.offset);
      }
      return latin1(v);
    case TAG.T61_STRING:
      return latin1(v);
    case TAG.BMP_STRING:
      return wide(v, 2, element, field);
    case TAG.UNIVERSAL_STRING:
      return wide(v, 4, element, field);
    default:
      throw asn1Error(field, '不是字符串类型', 'not a character string type', element.offset);
  }
}

function latin1(v: Uint8Array): string {
  let out = '';
  for (const b of v) out += String.fromCharCode(b);
  return out;
}

function wide(v: Uint8Array, width: 2 | 4, element: DerElement, field: string): string {
  if (v.length % width !== 0) {
    throw asn1Error(
      field,
      '宽字符串长度无效',
      'wide string length is not a multiple of its width',
      element.offset,
    );
  }
  let out = '';
  for (let i = 0; i < v.length; i += width) {
    const code =
      width === 2
        ? (v[i]! << 8) | v[i + 1]!
        : ((v[i]! << 24) | (v[i + 1]! << 16) | (v[i + 2]! << 8) | v[i + 3]!) >>> 0;
    if (code > 0x10ffff)
      throw asn1Error(field, '码位超出 Unicode 范围', 'code point beyond Unicode', element.offset);
    out += width === 2 ? String.fromCharCode(code) : String.fromCodePoint(code);
  }
  return out;
}
