import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  componentFileName,
  componentFileNames,
  isPortableFileName,
  isWindowsReservedName,
  safeComponentFileName,
  sanitizeFileNamePart,
  truncateUtf8,
  utf8Length,
} from '../../../src/filing/naming/index.js';

const CODE = 'Z109-WS·2011-Y-BGS-0001';

describe('componentFileName: golden names', () => {
  it('derives the name from 档号, order and role', () => {
    expect(componentFileName({ archivalCode: CODE, order: 1, role: '正文', extension: 'pdf' })).toBe(
      'Z109-WS·2011-Y-BGS-0001-001-正文.pdf',
    );
    expect(componentFileName({ archivalCode: CODE, order: 12, role: '附件', extension: '.OFD' })).toBe(
      'Z109-WS·2011-Y-BGS-0001-012-附件.OFD',
    );
    expect(componentFileName({ archivalCode: CODE, order: 1234, extension: 'xml' })).toBe(
      'Z109-WS·2011-Y-BGS-0001-1234.xml',
    );
    expect(componentFileName({ archivalCode: CODE, order: 2, extension: '' })).toBe(
      'Z109-WS·2011-Y-BGS-0001-002',
    );
  });

  it('follows a configured pattern', () => {
    const input = {
      archivalCode: CODE,
      order: 3,
      role: '附件',
      title: '关于印发《办法》的通知',
      extension: 'pdf',
    };
    expect(
      componentFileName(input, {
        pattern: ['archivalCode', 'order', 'title'],
        separator: '_',
        orderWidth: 2,
      }),
    ).toBe('Z109-WS·2011-Y-BGS-0001_03_关于印发《办法》的通知.pdf');
    expect(() => componentFileName(input, { pattern: ['order', 'role'] })).toThrow(RangeError);
    expect(() => componentFileName(input, { separator: '/' })).toThrow(RangeError);
    expect(() => componentFileName(input, { replacement: '.' })).toThrow(RangeError);
    expect(() => componentFileName(input, { orderWidth: 0 })).toThrow(RangeError);
  });

  it('replaces characters Windows, Linux or ZIP refuse, and trims dots and spaces', () => {
    expect(
      componentFileName({
        archivalCode: CODE,
        order: 1,
        role: ' 附件:<1>/2\\3|"?*\u0000\u202e. ',
        extension: 'p?df.',
      }),
    ).toBe('Z109-WS·2011-Y-BGS-0001-001-附件__1__2_3______.p_df');
    expect(sanitizeFileNamePart('e\u0301')).toBe('é');
    expect(sanitizeFileNamePart('a\ud800b')).toBe('a_b');
    expect(sanitizeFileNamePart('😀')).toBe('😀');
  });

  it('never makes a Windows device name', () => {
    expect(componentFileName({ archivalCode: 'CON', order: 1, extension: 'pdf' })).toBe('CON-001.pdf');
    expect(
      componentFileName(
        { archivalCode: 'aux', order: 1, extension: 'txt' },
        { pattern: ['archivalCode', 'order'], separator: '.' },
      ),
    ).toBe('_aux.001.txt');
    expect(isWindowsReservedName('com¹.txt')).toBe(true);
    expect(isWindowsReservedName('NUL .txt')).toBe(true);
    expect(isWindowsReservedName('CONSOLE.txt')).toBe(false);
    expect(isPortableFileName('LPT9')).toBe(false);
  });

  it('keeps within the byte and path budgets: the title is cut first, then the role', () => {
    const title = '关于'.repeat(200);
    const name = componentFileName(
      { archivalCode: CODE, order: 1, role: '正文', title, extension: 'pdf' },
      { pattern: ['archivalCode', 'order', 'role', 'title'] },
    );
    expect(utf8Length(name)).toBeLessThanOrEqual(255);
    expect(utf8Length(name)).toBeGreaterThan(250);
    expect(name.startsWith(`${CODE}-001-正文-关于`)).toBe(true);
    expect(name.endsWith('.pdf')).toBe(true);

    const directory = `电子档案/2011/${'深'.repeat(150)}`;
    const inDir = componentFileName(
      { archivalCode: CODE, order: 1, role: '正文'.repeat(20), extension: 'pdf' },
      { directory, maxPathLength: 200 },
    );
    expect(directory.length + 1 + inDir.length).toBeLessThanOrEqual(200);
    expect(inDir.startsWith(`${CODE}-001-正文`)).toBe(true);
    expect(() => componentFileName({ archivalCode: 'Z'.repeat(300), order: 1, extension: 'pdf' })).toThrow(
      expect.objectContaining({ code: 'FILING_FILE_NAME_TOO_LONG' }),
    );
    expect(safeComponentFileName({ archivalCode: ' .. ', order: 1, extension: 'pdf' })).toMatchObject({
      ok: false,
      findings: [{ code: 'FILING_FILE_NAME_INVALID' }],
    });
    expect(() => componentFileName({ archivalCode: CODE, order: 0, extension: 'pdf' })).toThrow(RangeError);
  });

  it('truncates UTF-8 between code points', () => {
    expect(truncateUtf8('档案管理', 7)).toBe('档案');
    expect(truncateUtf8('a😀b', 4)).toBe('a');
    expect(truncateUtf8('a😀b', 5)).toBe('a😀');
  });

  it('resolves collisions within one 件 deterministically, ignoring case', () => {
    const inputs = [
      { archivalCode: CODE, order: 1, role: '附件', extension: 'pdf' },
      { archivalCode: CODE, order: 1, role: '附件', extension: 'PDF' },
      { archivalCode: CODE, order: 1, role: '附件', extension: 'pdf' },
      { archivalCode: CODE, order: 2, role: '附件', extension: 'pdf' },
    ];
    const names = componentFileNames(inputs);
    expect(names).toEqual([
      `${CODE}-001-附件.pdf`,
      `${CODE}-001-附件~2.PDF`,
      `${CODE}-001-附件~3.pdf`,
      `${CODE}-002-附件.pdf`,
    ]);
    expect(componentFileNames(inputs)).toEqual(names);
  });
});

// Hostile text: any UTF-16 code units (lone surrogates included), reserved names, dots, separators, bidi.
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((a) => String.fromCharCode(...a)),
  fc.constantFrom(
    'CON',
    'aux',
    'nul.txt',
    'COM1',
    'lpt¹',
    '..',
    '.',
    ' ',
    '. .',
    '<>:"/\\|?*',
    '\u202e',
    'e\u0301',
    '档案'.repeat(100),
  ),
  fc
    .array(
      fc.constantFrom('a', '.', ' ', '/', '\\', ':', 'CON', '档', '\u0000', '\ud800', '😀', 'é', 'e\u0301'),
      { maxLength: 30 },
    )
    .map((a) => a.join('')),
);

describe('componentFileName: properties', () => {
  it('property: every name it returns is portable, within budget, deterministic; otherwise it throws DanganError', () => {
    fc.assert(
      fc.property(
        hostile,
        fc.integer({ min: 1, max: 100_000 }),
        fc.option(hostile, { nil: undefined }),
        fc.option(hostile, { nil: undefined }),
        fc.oneof(fc.constantFrom('pdf', '.ofd', 'PDF', '', 'tar.gz'), hostile),
        fc.integer({ min: 40, max: 255 }),
        (archivalCode, order, role, title, extension, maxNameBytes) => {
          const input = { archivalCode, order, role, title, extension };
          const options = { pattern: ['archivalCode', 'order', 'role', 'title'] as const, maxNameBytes };
          const r = safeComponentFileName(input, options);
          if (!r.ok) {
            expect(['FILING_FILE_NAME_INVALID', 'FILING_FILE_NAME_TOO_LONG']).toContain(r.error.code);
            return;
          }
          const name = r.value;
          expect(isPortableFileName(name, { maxNameBytes })).toBe(true);
          expect(name.length).toBeLessThanOrEqual(240);
          expect(componentFileName(input, options)).toBe(name);
          // The order number is always there, and a usable extension is kept.
          expect(name).toContain(String(order).padStart(3, '0'));
          const ext = sanitizeFileNamePart(extension.replace(/^\.+/u, '')).replace(/^[. ]+|[. ]+$/gu, '');
          if (ext !== '') expect(name.endsWith(`.${ext}`)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: names of one 件 are unique ignoring case, and portable', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            order: fc.integer({ min: 1, max: 3 }),
            role: fc.option(fc.constantFrom('附件', '附件 ', 'Ａ', 'a', 'A', '正文'), { nil: undefined }),
            extension: fc.constantFrom('pdf', 'PDF', 'Pdf', 'ofd'),
          }),
          { maxLength: 20 },
        ),
        (parts) => {
          const names = componentFileNames(parts.map((p) => ({ archivalCode: CODE, ...p })));
          expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
          for (const n of names) expect(isPortableFileName(n)).toBe(true);
        },
      ),
    );
  });
});
