// XML 1.0 (fifth edition) §2.3 NameStartChar and NameChar; saxes checks the same production, so what
// the writer accepts the reader reads back.
const START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const REST = `${START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;

let nameRe: RegExp | undefined;
let ncNameRe: RegExp | undefined;

/**
 * Whether `name` matches the XML 1.0 `Name` production (element and attribute names; CJK is allowed,
 * colons too).
 *
 * @example
 * isXmlName('电子文件封装包'); // true
 * isXmlName('1abc');           // false
 */
export function isXmlName(name: string): boolean {
  nameRe ??= new RegExp(`^[${START}][${REST}]*$`, 'u');
  return typeof name === 'string' && nameRe.test(name);
}

/**
 * Whether `name` is an XML `NCName`: a {@link isXmlName | Name} without colons, as a namespace prefix, a
 * local name or an `xs:ID` value must be.
 *
 * @example
 * isXmlNcName('D1');   // true
 * isXmlNcName('a:b');  // false
 */
export function isXmlNcName(name: string): boolean {
  ncNameRe ??= new RegExp(`^[${START.slice(1)}][${REST.slice(1)}]*$`, 'u');
  return typeof name === 'string' && ncNameRe.test(name);
}
