import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtmlAttribute, escapeHtmlCode, escapeHtmlText } from '../../src/report/html/escape-html.js';
import { anyText } from './support/arbitrary-report.js';

const XML_FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: what must never reach the document
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MARKED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters shown as marks
  /[\0-\x08\x0B-\x1F\x7F-\x9F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Reads escaped text back: references resolved, marks kept as they are shown. */
function readBack(html: string): string {
  return html
    .replace(/<span class="ctl" title="U\+[0-9A-F]{4}">([^<]*)<\/span>/g, '$1')
    .replace(
      /&(amp|lt|gt|quot|#39);/g,
      (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
    );
}

describe('escapeHtmlText / escapeHtmlCode / escapeHtmlAttribute', () => {
  it('turns markup characters into references', () => {
    expect(escapeHtmlText(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    expect(escapeHtmlAttribute('"><script>')).toBe('&quot;&gt;&lt;script&gt;');
  });

  it('leaves ordinary text, Chinese and astral characters alone', () => {
    for (const s of ['电子文件/2024/题名.pdf', '𠀀𠀁 emoji 😀', 'a-b_c.d']) {
      expect(escapeHtmlText(s)).toBe(s);
      expect(escapeHtmlCode(s)).toBe(s);
      expect(escapeHtmlAttribute(s)).toBe(s);
    }
  });

  it('shows controls, bidi overrides, zero-width characters and lone surrogates as visible marks', () => {
    expect(escapeHtmlText('a\u0000b')).toBe('a<span class="ctl" title="U+0000">␀</span>b');
    expect(escapeHtmlText('x\u202Ey')).toBe('x<span class="ctl" title="U+202E">〈U+202E〉</span>y');
    expect(escapeHtmlText('\uD800')).toBe('<span class="ctl" title="U+D800">〈U+D800〉</span>');
    expect(escapeHtmlText('\uDC00\uD800')).toBe(
      '<span class="ctl" title="U+DC00">〈U+DC00〉</span><span class="ctl" title="U+D800">〈U+D800〉</span>',
    );
    expect(escapeHtmlAttribute('x\u202Ey\u0007')).toBe('x〈U+202E〉y␇');
  });

  it('keeps line feeds and tabs in text but marks them in paths and codes', () => {
    expect(escapeHtmlText('a\n\tb\r')).toBe('a\n\tb<span class="ctl" title="U+000D">␍</span>');
    expect(escapeHtmlCode('a\nb')).toBe('a<span class="ctl" title="U+000A">␊</span>b');
  });

  it('never lets `<`, `&` or an XML-forbidden character of the input through, and loses no visible character', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        for (const escapeFn of [escapeHtmlText, escapeHtmlCode, escapeHtmlAttribute]) {
          const out = escapeFn(s);
          const outside = out
            .replace(/<span class="ctl" title="U\+[0-9A-F]{4}">/g, '')
            .replace(/<\/span>/g, '');
          expect(outside).not.toMatch(/</);
          expect(outside).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
          expect(out).not.toMatch(XML_FORBIDDEN);
        }
        const plain = s.replace(MARKED, '');
        const back = readBack(escapeHtmlText(s)).replace(/〈U\+[0-9A-F]{4}〉|[\u2400-\u2421]/g, '');
        expect(back).toBe(plain.replace(/[\u2400-\u2421]|〈U\+[0-9A-F]{4}〉/g, ''));
      }),
      { numRuns: 500 },
    );
  });
});
