const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Resolves the five predefined XML entities and character references; others are left as written. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]{1,6}|#\d{1,7}|[a-z]{2,4});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/**
 * The text of the first element named `localName` (any prefix) in an XML fragment, or of an attribute of
 * that name (`xmp:CreatorTool="…"`), trimmed and unescaped. A lookup in a small, known document (OOXML
 * `app.xml`, OFD `OFD.xml`, an XMP packet), not a parser: nested markup inside the element is not read.
 */
export function xmlElementText(text: string, localName: string): string | undefined {
  const element = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${localName}(?:\\s[^>]*)?>([^<]*)</`, 'u').exec(text);
  const attribute = new RegExp(`[\\s:]${localName}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'u').exec(text);
  const raw = element?.[1] ?? attribute?.[1] ?? attribute?.[2];
  const value = raw === undefined ? undefined : decodeXmlEntities(raw).trim();
  return value ? value : undefined;
}
