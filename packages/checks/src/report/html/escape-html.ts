/**
 * Escaping of untrusted text (file names from hostile packages, messages, reasons) for the HTML report.
 * The output is well-formed XML as well as HTML: markup characters become references, and characters
 * that XML forbids or that hide or reorder text on the page (C0/C1 controls, bidirectional overrides,
 * zero-width characters, lone surrogates, U+FFFE/U+FFFF) are shown as visible marks instead, so a
 * printed report shows exactly what the package holds and cannot be spoofed by U+202E (right-to-left override) tricks.
 */

const SPECIAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
  /[&<>"'\0-\x1F\x7F-\x9F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFFE\uFFFF\uD800-\uDFFF]/;
const SPECIAL_ALL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
  /[&<>"'\0-\x1F\x7F-\x9F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;

const ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Name of an invisible character as printed: a control picture for C0 and DEL, else `U+XXXX`. */
function markName(code: number): string {
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function replacer(markup: boolean, keepLayout: boolean): (c: string) => string {
  return (c) => {
    const entity = ENTITY[c];
    if (entity !== undefined) return entity;
    if (c.length === 2) return c; // a well-formed surrogate pair
    if (keepLayout && (c === '\n' || c === '\t')) return c;
    const code = c.charCodeAt(0);
    const name = markName(code);
    const text = code < 0x20 || code === 0x7f ? name : `〈${name}〉`;
    return markup
      ? `<span class="ctl" title="U+${code.toString(16).toUpperCase().padStart(4, '0')}">${text}</span>`
      : text;
  };
}

const TEXT = /* @__PURE__ */ replacer(true, true);
const CODE = /* @__PURE__ */ replacer(true, false);
const ATTRIBUTE = /* @__PURE__ */ replacer(false, false);

/**
 * Escapes untrusted text for element content. Line feeds and tabs are kept (messages may have lines);
 * other controls and invisible formatting characters become marked, visible spans.
 *
 * @example
 * escapeHtmlText('<script>'); // '&lt;script&gt;'
 */
export function escapeHtmlText(text: string): string {
  const s = String(text);
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, TEXT) : s;
}

/**
 * Escapes an untrusted path, code or identifier for element content: like {@link escapeHtmlText}, but line
 * feeds and tabs are marked too (a file name has no layout).
 *
 * @example
 * escapeHtmlCode('a\nb'); // 'a<span class="ctl" title="U+000A">␊</span>b'
 */
export function escapeHtmlCode(text: string): string {
  const s = String(text);
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, CODE) : s;
}

/**
 * Escapes untrusted text for a double-quoted attribute value: markup characters become references and
 * invisible characters plain visible marks (no markup inside attributes).
 *
 * @example
 * escapeHtmlAttribute('a "b"'); // 'a &quot;b&quot;'
 */
export function escapeHtmlAttribute(text: string): string {
  const s = String(text);
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, ATTRIBUTE) : s;
}
