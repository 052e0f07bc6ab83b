import { asn1Error } from './asn1-error.js';
import { TAG } from './tags.js';

// DER (X.690 §11.7–11.8, RFC 5280 §4.1.2.5): seconds present, `Z` for UTC, no trailing zeros in a fraction.
const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d*[1-9]))?Z$/;

/**
 * The instant of UTCTime (`tag` 0x17) or GeneralizedTime (0x18) contents in their DER forms. UTCTime years
 * 50–99 are 1950–1999 and 00–49 are 2000–2049 (RFC 5280).
 *
 * @example
 * decodeTime(0x17, new TextEncoder().encode('250101000000Z')); // 2025-01-01T00:00:00.000Z
 */
export function decodeTime(tag: number, content: Uint8Array, field = 'Time', offset = 0): Date {
  let text = '';
  for (const b of content) {
    if (b > 0x7e) throw asn1Error(field, '时间含非 ASCII 字符', 'time has non-ASCII characters', offset);
    text += String.fromCharCode(b);
  }
  if (tag !== TAG.UTC_TIME && tag !== TAG.GENERALIZED_TIME) {
    throw asn1Error(field, '不是时间类型', 'not a time type', offset);
  }
  const match = (tag === TAG.UTC_TIME ? UTC_TIME : GENERALIZED_TIME).exec(text);
  if (match === null) {
    throw asn1Error(field, `时间格式无效：${text}`, `invalid time format: ${text}`, offset);
  }
  const n = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const year = tag === TAG.UTC_TIME ? (n[0] >= 50 ? 1900 : 2000) + n[0] : n[0];
  const [, month, day, hour, minute, second] = n;
  const millis = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  // Date.UTC rolls 31 February into March; a round trip of the fields catches every out-of-range part.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hour ||
    date.getUTCMinutes() !== minute ||
    date.getUTCSeconds() !== second
  ) {
    throw asn1Error(field, `时间值超出范围：${text}`, `time value out of range: ${text}`, offset);
  }
  return date;
}
