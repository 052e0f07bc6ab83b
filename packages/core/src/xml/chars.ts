/**
 * Characters XML 1.0 forbids anywhere in a document (Char production, §2.2): C0 controls other than tab,
 * line feed and carriage return, lone surrogates, and U+FFFE/U+FFFF. With the `u` flag a well-formed
 * surrogate pair is one code point and does not match; a lone surrogate does.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids
const INVALID_XML_CHAR = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/u;

/**
 * Index of the first character of `text` that XML 1.0 forbids, or -1 when every character is allowed.
 *
 * @example
 * findInvalidXmlChar('档案\u0001'); // 2
 */
export function findInvalidXmlChar(text: string): number {
  return text.search(INVALID_XML_CHAR);
}

/**
 * The code point at `index` written as `U+XXXX` (a lone surrogate is shown as itself).
 *
 * @example
 * codePointLabel('a\u0001', 1); // 'U+0001'
 */
export function codePointLabel(text: string, index: number): string {
  const cp = text.codePointAt(index) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
