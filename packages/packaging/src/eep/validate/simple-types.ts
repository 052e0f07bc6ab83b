/**
 * Lexical checks of the XML Schema simple types DA/T 48 uses (gYear, dateTime, positiveInteger, ID/IDREF,
 * anyURI), matching what libxml2 (`xmllint --schema`, the oracle of eep-dat48.md §2) accepts, its quirks
 * included and noted:
 *
 * - whitespace: ID, IDREF, positiveInteger and anyURI are collapsed (leading and trailing XML whitespace
 *   ignored); in element content libxml2 does **not** collapse gYear and dateTime, except that a dateTime
 *   with a time zone may be followed by whitespace. Attribute values are collapsed before checking;
 * - positiveInteger: at most 24 significant digits (libxml2 keeps decimals in 24 digits);
 * - gYear/dateTime: any number of year digits (no leading zero beyond four), year 0000 refused, a leading
 *   `-` allowed, day checked against the month (leap years by the Gregorian rule on the signed year),
 *   `24:00:00` allowed, time zone `Z` or `±hh:mm` up to 14:00.
 */
import { isDat48NcName } from './xml-names.js';

/** Where a value comes from: element content or an (already normalised) attribute value. */
export type ValueContext = 'element' | 'attribute';

const XML_SPACE = /[\t\n\r ]+/g;

/** XML Schema `collapse`: runs of whitespace become one space, leading and trailing spaces go. */
export function collapseWhitespace(value: string): string {
  return value.replace(XML_SPACE, ' ').trim();
}

/** Whether `value` holds only XML whitespace (space, tab, CR, LF). */
export function isXmlWhitespace(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

const YEAR = '(-?)([0-9]{4,})';
const ZONE = '(Z|[+-][0-9]{2}:[0-9]{2})?';
let gYearRe: RegExp | undefined;
let dateTimeRe: RegExp | undefined;

function yearOk(digits: string): number | undefined {
  if (digits.length > 4 && digits.startsWith('0')) return undefined;
  const year = Number(digits);
  return year === 0 ? undefined : year;
}

function zoneOk(zone: string | undefined): boolean {
  if (zone === undefined || zone === 'Z') return true;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  return minutes < 60 && hours * 60 + minutes <= 14 * 60;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `value` is an `xs:gYear` (`2009`, `-0044`, `2024+08:00`).
 *
 * @example
 * isGYear('2024'); // true
 * isGYear('24');   // false
 */
export function isGYear(value: string, context: ValueContext = 'element'): boolean {
  gYearRe ??= new RegExp(`^${YEAR}${ZONE}$`);
  const m = gYearRe.exec(context === 'attribute' ? collapseWhitespace(value) : value);
  return m !== null && yearOk(m[2]!) !== undefined && zoneOk(m[3]);
}

/**
 * Whether `value` is an `xs:dateTime` (`2024-06-01T10:00:00+08:00`), as libxml2 reads it.
 *
 * @example
 * isDateTime('2024-02-29T10:00:00Z'); // true
 * isDateTime('2023-02-29T10:00:00');  // false
 */
export function isDateTime(value: string, context: ValueContext = 'element'): boolean {
  dateTimeRe ??= new RegExp(
    `^${YEAR}-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]+))?${ZONE}([\\t\\n\\r ]*)$`,
  );
  const m = dateTimeRe.exec(context === 'attribute' ? collapseWhitespace(value) : value);
  if (m === null) return false;
  // libxml2 skips whitespace only after a time zone.
  if (m[10]!.length > 0 && m[9] === undefined) return false;
  const digits = yearOk(m[2]!);
  if (digits === undefined || !zoneOk(m[9])) return false;
  const year = m[1] === '-' ? -digits : digits;
  const month = Number(m[3]);
  const day = Number(m[4]);
  if (month < 1 || month > 12 || day < 1) return false;
  const days = month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
  if (day > days) return false;
  const hour = Number(m[5]);
  const minute = Number(m[6]);
  const second = Number(m[7]);
  const fraction = m[8] === undefined ? 0 : Number(`0.${m[8]}`);
  if (hour === 24) return minute === 0 && second === 0 && fraction === 0;
  return hour < 24 && minute < 60 && second < 60;
}

const POSITIVE_INTEGER = /^\+?([0-9]+)$/;

/**
 * Whether `value` is an `xs:positiveInteger` (whitespace collapsed; at most 24 significant digits, libxml2's
 * limit).
 *
 * @example
 * isPositiveInteger(' 12 '); // true
 * isPositiveInteger('0');    // false
 */
export function isPositiveInteger(value: string): boolean {
  const m = POSITIVE_INTEGER.exec(collapseWhitespace(value));
  if (m === null) return false;
  const significant = m[1]!.replace(/^0+/, '');
  return significant.length > 0 && significant.length <= 24;
}

/**
 * The value of an `xs:ID`/`xs:IDREF` (whitespace collapsed), or `undefined` when it is not an NCName.
 *
 * @example
 * idValue(' D1 '); // 'D1'
 * idValue('1D');   // undefined
 */
export function idValue(value: string): string | undefined {
  const id = collapseWhitespace(value);
  return isDat48NcName(id) ? id : undefined;
}

// RFC 3986 URI-reference, as libxml2's xmlParseURI reads one after replacing characters it escapes itself
// (controls, non-ASCII, space and `<>"{}|\^` backquote and apostrophe) with `_`.
const UNRESERVED = "A-Za-z0-9\\-._~!$&'()*+,;=";
const PCT = '%[0-9A-Fa-f]{2}';
const PCHAR = `(?:[${UNRESERVED}:@]|${PCT})`;
const SEGMENT = `${PCHAR}*`;
const SEGMENT_NZ = `${PCHAR}+`;
const SEGMENT_NZ_NC = `(?:[${UNRESERVED}@]|${PCT})+`;
const IPV4 = '(?:[0-9]{1,3}\\.){3}[0-9]{1,3}';
const IP_LITERAL = `\\[(?:[0-9A-Fa-f:.]+|v[0-9A-Fa-f]+\\.[${UNRESERVED}:]+)\\]`;
const REG_NAME = `(?:[${UNRESERVED}]|${PCT})*`;
const AUTHORITY = `(?:(?:[${UNRESERVED}:]|${PCT})*@)?(?:${IP_LITERAL}|${IPV4}|${REG_NAME})(?::[0-9]*)?`;
const PATH_ABEMPTY = `(?:/${SEGMENT})*`;
const PATH_ABSOLUTE = `/(?:${SEGMENT_NZ}(?:/${SEGMENT})*)?`;
const QUERY = `(?:[${UNRESERVED}:@/?]|${PCT})*`;
let uriRe: RegExp | undefined;

/**
 * Whether `value` is an `xs:anyURI` as libxml2 checks it: an RFC 3986 URI reference once the characters
 * it would escape itself are set aside.
 *
 * @example
 * isAnyUri('http://例子.中国/证书?a=1'); // true
 * isAnyUri('%%%');                     // false
 */
export function isAnyUri(value: string): boolean {
  if (uriRe === undefined) {
    const hier = `(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${SEGMENT_NZ}(?:/${SEGMENT})*)?`;
    const relative = `(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${SEGMENT_NZ_NC}(?:/${SEGMENT})*)?`;
    const tail = `(?:\\?${QUERY})?(?:#${QUERY})?`;
    uriRe = new RegExp(`^(?:[A-Za-z][A-Za-z0-9+.-]*:${hier}${tail}|${relative}${tail})$`);
  }
  const text = collapseWhitespace(value);
  if (text.length === 0) return true;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: libxml2 replaces control characters too.
  return uriRe.test(text.replace(/[\u0000-\u001f\u007f-\uffff <>"{}|\\^`']/g, '_'));
}
