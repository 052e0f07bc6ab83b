import { XmlError } from '@dangan/core';

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(?:(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_][\w.-]*)(;?))?/g;

let decoder: TextDecoder | undefined;

/**
 * Text of UTF-8 bytes; malformed UTF-8 throws `XML_INVALID_ENCODING`.
 *
 * @example
 * utf8Text(new Uint8Array([0xe6, 0xa1, 0xa3])); // '档'
 */
export function utf8Text(bytes: Uint8Array, byteOffset?: number): string {
  decoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    throw new XmlError(
      'XML_INVALID_ENCODING',
      '不是有效的 UTF-8 字节序列',
      'Not a valid UTF-8 byte sequence',
      byteOffset === undefined ? {} : { byteOffset },
      cause,
    );
  }
}

/**
 * Replaces the references in XML character data: the five predefined entities and character references.
 * Any other entity is refused (`XML_ENTITY_FORBIDDEN`: no DTD, nothing to expand), as is a reference to a
 * character XML 1.0 does not allow, or an `&` that starts no reference (`XML_MALFORMED`).
 *
 * @example
 * decodeXmlReferences('A &amp; B &#x6863;'); // 'A & B 档'
 */
export function decodeXmlReferences(text: string, byteOffset?: number): string {
  if (!text.includes('&')) return text;
  const where = byteOffset === undefined ? {} : { byteOffset };
  return text.replace(REFERENCE, (match, ref: string | undefined, semicolon: string | undefined) => {
    if (ref === undefined || semicolon !== ';') {
      throw new XmlError(
        'XML_MALFORMED',
        `“${match}”不是完整的引用（“&”须写作 &amp;）`,
        `“${match}” is not a complete reference (write '&' as &amp;)`,
        where,
      );
    }
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (!isXmlChar(code)) {
        throw new XmlError(
          'XML_MALFORMED',
          `字符引用 ${match} 不是 XML 允许的字符`,
          `Character reference ${match} is not an allowed XML character`,
          where,
        );
      }
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[ref];
    if (value === undefined) {
      throw new XmlError(
        'XML_ENTITY_FORBIDDEN',
        `不允许实体引用 &${ref};（只接受 XML 预定义实体）`,
        `Entity reference &${ref}; is not allowed (only the predefined XML entities)`,
        where,
      );
    }
    return value;
  });
}

function isXmlChar(c: number): boolean {
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

/**
 * The value of character data as an XML parser reports it: UTF-8 decoded, line ends normalised to `\n`
 * (XML 1.0 §2.11), references replaced. For small texts (an element's value), not for Base64 payloads.
 *
 * @example
 * decodeXmlText(utf8('原始型')); // '原始型'
 */
export function decodeXmlText(bytes: Uint8Array, byteOffset?: number): string {
  return decodeXmlReferences(utf8Text(bytes, byteOffset).replace(/\r\n?/g, '\n'), byteOffset);
}

/**
 * An attribute value as an XML parser reports it (XML 1.0 §3.3.3 for CDATA attributes): line ends and
 * literal whitespace become spaces, then references are replaced.
 *
 * @example
 * decodeXmlAttributeValue('a&#10;b\tc'); // 'a\nb c'
 */
export function decodeXmlAttributeValue(raw: string, byteOffset?: number): string {
  if (raw.includes('<')) {
    throw new XmlError(
      'XML_MALFORMED',
      '属性值中不能有“<”',
      "An attribute value cannot contain '<'",
      byteOffset === undefined ? {} : { byteOffset },
    );
  }
  return decodeXmlReferences(raw.replace(/\r\n?|[\n\t]/g, ' '), byteOffset);
}
