import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  archivalCodeSequenceKey,
  archivalCodeTemplates,
  defineArchivalCodeTemplate,
  formatArchivalCode,
  normalizeArchivalCode,
  parseArchivalCode,
  safeFormatArchivalCode,
  safeParseArchivalCode,
  validateArchivalCode,
} from '../../../src/filing/archival-code/index.js';
import { validParts } from './arbitraries.js';

const GENERIC = /^(?<fonds>[A-Z0-9]{4})(?<rest>(?:-[A-Z0-9\p{Script=Han}]+(?:·[A-Z0-9\p{Script=Han}]+)*)+)$/u;
const DOTS = ['•', '‧', '⋅', '・', '･', '∙', '\u0387'];
const DASHES = ['‐', '‑', '‒', '–', '—', '―', '−', '﹣', '－'];
const { dat22, dat13Item, dat13Volume } = archivalCodeTemplates;

describe('formatArchivalCode ∘ parseArchivalCode', () => {
  for (const [id, template] of Object.entries(archivalCodeTemplates)) {
    it(`is the identity on random valid parts of ${id}`, () => {
      fc.assert(
        fc.property(validParts(template), (parts) => {
          const code = formatArchivalCode(parts, template);
          expect(code).toMatch(GENERIC);
          const parsed = parseArchivalCode(code, template);
          expect(parsed.parts).toEqual(parts);
          expect(parsed.findings).toEqual([]);
          expect(parsed.code).toBe(code);
          expect(parsed.key).toBe(archivalCodeSequenceKey(parts, template));
          expect(code.startsWith(parsed.key)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it(`reads ${id} codes written with look-alike separators: same parts, plus warnings`, () => {
      fc.assert(
        fc.property(
          validParts(template),
          fc.infiniteStream(fc.tuple(fc.boolean(), fc.constantFrom(...DOTS), fc.constantFrom(...DASHES))),
          (parts, choices) => {
            const code = formatArchivalCode(parts, template);
            let replaced = 0;
            const mangled = [...code]
              .map((char) => {
                const [swap, dot, dash] = choices.next().value as [boolean, string, string];
                if (!swap || (char !== '·' && char !== '-')) return char;
                replaced++;
                return char === '·' ? dot : dash;
              })
              .join('');
            const parsed = parseArchivalCode(mangled, template);
            expect(parsed.parts).toEqual(parts);
            expect(parsed.code).toBe(code);
            const warnings = parsed.findings.filter(
              (f) => f.code === 'FILING_ARCHIVAL_CODE_LOOKALIKE_SEPARATOR',
            );
            expect(warnings.length > 0).toBe(replaced > 0);
            expect(parsed.findings.every((f) => f.severity !== 'error')).toBe(true);
          },
        ),
        { numRuns: 200 },
      );
    });
  }
});

describe('formatArchivalCode', () => {
  it('writes the DA/T 22-2015 example, with and without 机构', () => {
    expect(
      formatArchivalCode({ 全宗号: 'Z109', 年度: 2011, 保管期限: '永久', 机构或问题: 'BGS', 件号: 1 }, dat22),
    ).toBe('Z109-WS·2011-Y-BGS-0001');
    expect(
      formatArchivalCode({ 全宗号: 'Z109', 年度: '2011', 保管期限: 'Y', 机构或问题: '', 件号: '1' }, dat22),
    ).toBe('Z109-WS·2011-Y-0001');
    expect(
      formatArchivalCode({ 全宗号: 'Z109', 年度: 2011, 保管期限: '定期30年', 件号: '0026' }, dat22),
    ).toBe('Z109-WS·2011-D30-0026');
  });

  it('writes the DA/T 13-2022 form, leaving out an absent 机构 with its ·', () => {
    expect(
      formatArchivalCode(
        { 全宗号: 'Z109', 门类代码: 'WS', 年度: 2011, 保管期限: 'Y', 机构或问题: '办公室', 件号: 1 },
        dat13Item,
      ),
    ).toBe('Z109-WS·2011·Y·办公室-0001');
    expect(
      formatArchivalCode({ 全宗号: 'Z008', 门类代码: 'WS', 年度: 2019, 保管期限: 'Y', 件号: 37 }, dat13Item),
    ).toBe('Z008-WS·2019·Y-0037');
    expect(
      formatArchivalCode(
        {
          全宗号: 'J019',
          门类代码: 'ZY',
          二级类别号: 'JC',
          三级类别号: 'CC',
          年度: 2019,
          保管期限: 'D30',
          案卷号: 1,
          件号: 1,
        },
        dat13Volume,
      ),
    ).toBe('J019-ZY·JC·CC·2019·D30-001-001');
  });

  it('normalises full-width values (NFKC)', () => {
    expect(
      formatArchivalCode({ 全宗号: 'Ｚ１０９', 年度: '２０１１', 保管期限: ' Ｙ ', 件号: '１' }, dat22),
    ).toBe('Z109-WS·2011-Y-0001');
  });

  it('refuses a 5-digit 件号 in a 4-digit template unless growth is allowed', () => {
    const parts = { 全宗号: 'Z109', 年度: 2011, 保管期限: 'Y', 件号: 10000 };
    expect(formatArchivalCode({ ...parts, 件号: 9999 }, dat22)).toBe('Z109-WS·2011-Y-9999');
    const r = safeFormatArchivalCode(parts, dat22);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('FILING_ARCHIVAL_CODE_INVALID');
      expect(r.findings).toMatchObject([
        {
          code: 'FILING_ARCHIVAL_CODE_NUMBER_TOO_WIDE',
          element: 'M17',
          actual: '10000',
          segment: { part: '件号', group: 5 },
        },
      ]);
    }
    expect(formatArchivalCode(parts, dat22, { grow: true })).toBe('Z109-WS·2011-Y-10000');
    // DA/T 13-2022 style templates allow growth themselves; the option can also forbid it
    expect(formatArchivalCode({ ...parts, 门类代码: 'WS' }, dat13Item)).toBe('Z109-WS·2011·Y-10000');
    expect(safeFormatArchivalCode({ ...parts, 门类代码: 'WS' }, dat13Item, { grow: false }).ok).toBe(false);
  });

  it('reports every missing or invalid part at once', () => {
    const r = safeFormatArchivalCode(
      { 全宗号: 'Z10', 年度: '11', 保管期限: '长期', 门类代码: 'DA', 件号: 0 },
      dat22,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.findings.map((f) => [f.code, (f as { segment?: { part: string } }).segment?.part])).toEqual([
      ['FILING_ARCHIVAL_CODE_PART_INVALID', '全宗号'],
      ['FILING_ARCHIVAL_CODE_PART_INVALID', '门类代码'],
      ['FILING_ARCHIVAL_CODE_PART_INVALID', '年度'],
      ['FILING_ARCHIVAL_CODE_PART_INVALID', '保管期限'],
      ['FILING_ARCHIVAL_CODE_PART_INVALID', '件号'],
    ]);
    const missing = safeFormatArchivalCode({}, dat22);
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.findings.map((f) => f.code)).toEqual([
        'FILING_ARCHIVAL_CODE_PART_MISSING',
        'FILING_ARCHIVAL_CODE_PART_MISSING',
        'FILING_ARCHIVAL_CODE_PART_MISSING',
        'FILING_ARCHIVAL_CODE_PART_MISSING',
      ]);
    for (const bad of [1.5, -1, Number.NaN, '12a', 2 ** 60])
      expect(safeFormatArchivalCode({ 全宗号: 'Z109', 年度: 2011, 保管期限: 'Y', 件号: bad }, dat22).ok).toBe(
        false,
      );
  });

  it('throws TypeError for parts that are not an object', () => {
    expect(() => formatArchivalCode(null as never, dat22)).toThrow(TypeError);
  });
});

describe('parseArchivalCode / validateArchivalCode', () => {
  it('reports the segment, what was expected and what was found', () => {
    expect(validateArchivalCode('Z109-WS·2011-D5-0001', dat22)).toMatchObject([
      {
        code: 'FILING_ARCHIVAL_CODE_PART_INVALID',
        severity: 'error',
        item: 'GD-1-7',
        element: 'M12',
        segment: { part: '保管期限', kind: 'retention', group: 3, position: 1 },
        expected: 'Y、D30 或 D10',
        actual: 'D5',
      },
    ]);
    const [structure] = validateArchivalCode('Z109-WS-2011-Y-0001', dat22);
    expect(structure).toMatchObject({ code: 'FILING_ARCHIVAL_CODE_STRUCTURE', severity: 'error' });
    expect(structure?.message).toContain('全宗号-WS·年度-保管期限-件号');
    expect(validateArchivalCode('', dat22)).toMatchObject([{ code: 'FILING_ARCHIVAL_CODE_STRUCTURE' }]);
    expect(validateArchivalCode('Z109-WS·2011-Y-BGS-0001', dat22)).toEqual([]);
  });

  it('rejects a 5-digit 件号 in a 4-digit template unless growth is allowed', () => {
    expect(validateArchivalCode('Z109-WS·2011-Y-10000', dat22)).toMatchObject([
      { code: 'FILING_ARCHIVAL_CODE_NUMBER_TOO_WIDE', actual: '10000' },
    ]);
    expect(parseArchivalCode('Z109-WS·2011-Y-10000', dat22, { grow: true }).number).toBe(10000);
    expect(validateArchivalCode('Z109-WS·2011-Y-001', dat22)).toMatchObject([
      { code: 'FILING_ARCHIVAL_CODE_PART_INVALID' },
    ]);
    expect(validateArchivalCode('Z109-WS·2011-Y-0000', dat22)).toMatchObject([
      { code: 'FILING_ARCHIVAL_CODE_PART_INVALID' },
    ]);
    expect(parseArchivalCode('Z109-WS·2011·Y-12345', dat13Item).number).toBe(12345);
    expect(validateArchivalCode('Z109-WS·2011·Y-12', dat13Item)).toMatchObject([
      { code: 'FILING_ARCHIVAL_CODE_PART_INVALID' },
    ]);
  });

  it('accepts ASCII . as · only in lenient mode, with a warning', () => {
    const r = validateArchivalCode('Z109-WS.2011-Y-0001', dat22);
    expect(r.some((f) => f.severity === 'error')).toBe(true);
    expect(r.map((f) => f.message).join()).toContain('lenient');
    const lenient = parseArchivalCode('Z109-WS.2011-Y-0001', dat22, { lenient: true });
    expect(lenient.code).toBe('Z109-WS·2011-Y-0001');
    expect(lenient.findings).toMatchObject([
      { code: 'FILING_ARCHIVAL_CODE_LOOKALIKE_SEPARATOR', severity: 'warning', actual: '.' },
    ]);
  });

  it('normalises full-width text and white space with an info note', () => {
    const parsed = parseArchivalCode(' Ｚ１０９－ＷＳ·２０１１－Ｙ－０００１ ', dat22);
    expect(parsed.code).toBe('Z109-WS·2011-Y-0001');
    expect(parsed.findings.map((f) => [f.code, f.severity])).toEqual([
      ['FILING_ARCHIVAL_CODE_LOOKALIKE_SEPARATOR', 'warning'],
      ['FILING_ARCHIVAL_CODE_NORMALIZED', 'info'],
    ]);
    expect(normalizeArchivalCode('Z109-WS·2011-Y-0001')).toEqual({
      code: 'Z109-WS·2011-Y-0001',
      findings: [],
    });
    // U+0387 is canonically equal to ·, yet still reported
    expect(normalizeArchivalCode('Z109-WS\u03872011-Y-0001').findings).toMatchObject([
      { actual: '\u0387', expected: '·' },
    ]);
    // "/" is never a separator
    expect(safeParseArchivalCode('Z109-WS/2011-Y-0001', dat22).ok).toBe(false);
  });

  it('throws FILING_ARCHIVAL_CODE_INVALID with findings; the safe form returns them', () => {
    expect(() => parseArchivalCode('nonsense', dat22)).toThrow(
      expect.objectContaining({
        code: 'FILING_ARCHIVAL_CODE_INVALID',
        findings: [expect.objectContaining({ code: 'FILING_ARCHIVAL_CODE_STRUCTURE' })],
      }),
    );
    expect(() => parseArchivalCode(42 as never, dat22)).toThrow(TypeError);
  });

  it('warns when optional segments make a code ambiguous, and keeps the earlier segment', () => {
    const loose = defineArchivalCodeTemplate({
      id: 'loose',
      name: '两个可选子类',
      format: '{全宗号}-WS·{二级类别号?}·{三级类别号?}·{年度}-{件号:4}',
    });
    const parsed = parseArchivalCode('Z109-WS·AB·2011-0001', loose);
    expect(parsed.parts).toEqual({ 全宗号: 'Z109', 门类代码: 'WS', 二级类别号: 'AB', 年度: '2011', 件号: 1 });
    expect(parsed.findings).toMatchObject([{ code: 'FILING_ARCHIVAL_CODE_AMBIGUOUS', severity: 'warning' }]);
  });

  it('keys a volume template’s 件号 by volume', () => {
    const parsed = parseArchivalCode('J019-ZY·JC·CC·2019·D30-007-012', dat13Volume);
    expect(parsed.key).toBe('J019-ZY·JC·CC·2019·D30-007');
    expect(parsed.number).toBe(12);
  });
});
