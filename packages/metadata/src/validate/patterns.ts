/**
 * The regular expressions behind the simple data types (数据类型), written once and shared by the validator,
 * the JSON Schema export and the zod schemas, so that all three accept exactly the same text.
 *
 * They use only the portable subset of ECMA-262 (no look-around, no `\d`, no Unicode property escapes) so
 * that JSON Schema engines in other languages read them the same way.
 */

// 0001–9999 (year 0000 does not exist in ISO 8601 basic use).
const YEAR = '(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})';
// Proleptic Gregorian leap years: divisible by 4 and not by 100, or by 400.
const LEAP_YEAR = '(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)';
const MONTH_DAY =
  '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))';
const DATE_BODY = `(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)`;
const TIME = '(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,9})?';
const ZONE = '(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))';

// C0 controls except TAB, LF, CR; DEL; C1 controls; the BMP noncharacters.
const ILLEGAL_BMP = '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]';

/** Sources of the type patterns (anchored, for `new RegExp(source, 'u')` and JSON Schema `pattern`). */
export interface TypePatterns {
  /** `date`: `YYYY-MM-DD`, a real calendar day (leap years included), year 0001–9999. */
  readonly date: string;
  /** `dateTime`: `YYYY-MM-DDThh:mm:ss`, optional `.f` (1–9 digits), optional `Z` or `±hh:mm` (to ±14:00). */
  readonly dateTime: string;
  /** `gYear`: four digits, 0001–9999. */
  readonly gYear: string;
  /** `base64`: RFC 4648 §4 alphabet with `=` padding, no line breaks (emptiness is checked separately). */
  readonly base64: string;
  /** `uri`: an absolute URI (`scheme:` then no whitespace, controls or `<>"{}|\^` and backquote). */
  readonly uri: string;
  /** Unanchored: a character that is not white space (a value that matches is not blank). */
  readonly nonBlank: string;
  /**
   * Unanchored: a character GD-1-6 forbids, except lone surrogates (which UTF-8 JSON cannot carry):
   * C0 controls other than TAB/LF/CR, DEL, C1 controls, U+FDD0–U+FDEF and U+nFFFE/U+nFFFF in every plane
   * (astral ones as surrogate pairs, so engines without a Unicode mode read them too).
   */
  readonly illegalCharacter: string;
}

let patterns: TypePatterns | undefined;

/**
 * The shared type patterns (built on first use).
 *
 * @example
 * new RegExp(typePatterns().date, 'u').test('2024-02-29'); // true
 * new RegExp(typePatterns().date, 'u').test('2023-02-29'); // false
 */
export function typePatterns(): TypePatterns {
  if (patterns === undefined) {
    const astral: string[] = [];
    for (let plane = 1; plane <= 16; plane++) {
      const high = (0xd800 + ((plane * 0x10000 - 0x10000) >> 10) + 0x3f).toString(16).toUpperCase();
      astral.push(`\\u${high}\\uDFFE`, `\\u${high}\\uDFFF`);
    }
    patterns = Object.freeze({
      date: `^${DATE_BODY}$`,
      dateTime: `^${DATE_BODY}T${TIME}${ZONE}?$`,
      gYear: `^${YEAR}$`,
      base64: '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$',
      uri: '^[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>"{}|\\\\^`\\x00-\\x1F\\x7F-\\x9F]+$',
      nonBlank: '\\S',
      illegalCharacter: [ILLEGAL_BMP, ...astral].join('|'),
    });
  }
  return patterns;
}

/** Compiled forms of {@link typePatterns}. */
export interface TypeRegExps {
  readonly date: RegExp;
  readonly dateTime: RegExp;
  readonly gYear: RegExp;
  readonly base64: RegExp;
  readonly uri: RegExp;
}

let regExps: TypeRegExps | undefined;

/**
 * The compiled type patterns (built on first use, then shared).
 *
 * @example
 * typeRegExps().gYear.test('2024'); // true
 */
export function typeRegExps(): TypeRegExps {
  if (regExps === undefined) {
    const p = typePatterns();
    regExps = Object.freeze({
      date: new RegExp(p.date, 'u'),
      dateTime: new RegExp(p.dateTime, 'u'),
      gYear: new RegExp(p.gYear, 'u'),
      base64: new RegExp(p.base64, 'u'),
      uri: new RegExp(p.uri, 'u'),
    });
  }
  return regExps;
}
