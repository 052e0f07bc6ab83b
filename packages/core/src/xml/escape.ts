import { findInvalidXmlChar } from './chars.js';
import { invalidCharacterError } from './xml-error.js';

const TEXT_SPECIAL = /[&<>\r]/;
const TEXT_SPECIAL_ALL = /[&<>\r]/g;
const ATTR_SPECIAL = /[&<>"\t\n\r]/;
const ATTR_SPECIAL_ALL = /[&<>"\t\n\r]/g;

// `>` is always escaped so `]]>` can never appear; `\r` (and in attributes `\t` `\n`) become character
// references because a parser would otherwise normalise them (line-end and attribute-value normalisation).
const REPLACEMENT: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function replace(c: string): string {
  return REPLACEMENT[c]!;
}

// One scan for the common case: no forbidden character and nothing to escape. Without the `u` flag a
// surrogate pair matches too; such text just takes the precise path.
// biome-ignore lint/suspicious/noControlCharactersInRegex: forbidden characters are what this scan looks for
const TEXT_WORK = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF&<>\r]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: forbidden characters are what this scan looks for
const ATTR_WORK = /[\0-\x1F\uD800-\uDFFF\uFFFE\uFFFF&<>"]/;

// Forbidden characters without the `u` flag: matches surrogate pairs too, so a hit is only a hint.
// biome-ignore lint/suspicious/noControlCharactersInRegex: forbidden characters are what this scan looks for
const MAYBE_INVALID = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escaped character data, or the index of the first character XML 1.0 forbids. */
export function escapeTextOrInvalid(text: string): string | number {
  if (!TEXT_WORK.test(text)) return text;
  if (MAYBE_INVALID.test(text)) {
    const bad = findInvalidXmlChar(text);
    if (bad >= 0) return bad;
  }
  return text.replace(TEXT_SPECIAL_ALL, replace);
}

/** Escaped attribute value, or the index of the first character XML 1.0 forbids. */
export function escapeAttributeOrInvalid(value: string): string | number {
  if (!ATTR_WORK.test(value)) return value;
  if (MAYBE_INVALID.test(value)) {
    const bad = findInvalidXmlChar(value);
    if (bad >= 0) return bad;
  }
  return value.replace(ATTR_SPECIAL_ALL, replace);
}

/** Escapes text already known to hold only legal characters. */
export function escapeTextUnchecked(text: string): string {
  return TEXT_SPECIAL.test(text) ? text.replace(TEXT_SPECIAL_ALL, replace) : text;
}

/** Escapes an attribute value already known to hold only legal characters. */
export function escapeAttributeUnchecked(value: string): string {
  return ATTR_SPECIAL.test(value) ? value.replace(ATTR_SPECIAL_ALL, replace) : value;
}

/**
 * Escapes character data for use between tags: `&`, `<`, `>` and carriage return become references, so
 * the text reads back unchanged. Throws `DanganError('XML_INVALID_CHARACTER')` on a character XML 1.0
 * forbids (control characters, lone surrogates, U+FFFE/U+FFFF): those cannot be written at all.
 *
 * @example
 * escapeXmlText('a < b & c'); // 'a &lt; b &amp; c'
 */
export function escapeXmlText(text: string): string {
  if (typeof text !== 'string') throw new TypeError('text must be a string');
  const out = escapeTextOrInvalid(text);
  if (typeof out === 'number') throw invalidCharacterError({ zh: '文本', en: 'Text' }, text, out);
  return out;
}

/**
 * Escapes an attribute value for use inside double quotes: `&`, `<`, `>`, `"` and tab, line feed and
 * carriage return become references, so the value reads back unchanged. Throws
 * `DanganError('XML_INVALID_CHARACTER')` on a character XML 1.0 forbids.
 *
 * @example
 * escapeXmlAttribute('a "b"\n'); // 'a &quot;b&quot;&#10;'
 */
export function escapeXmlAttribute(value: string): string {
  if (typeof value !== 'string') throw new TypeError('value must be a string');
  const out = escapeAttributeOrInvalid(value);
  if (typeof out === 'number')
    throw invalidCharacterError({ zh: '属性值', en: 'Attribute value' }, value, out);
  return out;
}
