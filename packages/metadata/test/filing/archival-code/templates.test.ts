import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ArchivalCodeTemplate,
  type ArchivalCodeTemplateId,
  archivalCodeTemplates,
  archivalCodeTemplateToString,
  defineArchivalCodeTemplate,
  parseArchivalCode,
  parseArchivalCodeTemplateSyntax,
  safeParseArchivalCode,
} from '../../../src/filing/archival-code/index.js';

/** The regexes of filing-rules §2.1 and §2.2, verbatim. */
const STRICT_DAT22 =
  /^(?<fonds>[A-Z0-9]{4})-(?<category>WS)·(?<year>\d{4})-(?<retention>Y|D30|D10)(?:-(?<org>[A-Z0-9]{3}))?-(?<item>\d{4})$/u;
const LENIENT_DAT22 =
  /^(?<fonds>[A-Z0-9]{4})-(?<category>[A-Z]{2}(?:·[A-Z0-9]+)*)·(?<year>\d{4})-(?<retention>Y|D\d{1,3})(?:-(?<org>[A-Z0-9\p{Script=Han}]+))?-(?<item>\d{3,})$/u;
const GENERIC = /^(?<fonds>[A-Z0-9]{4})(?<rest>(?:-[A-Z0-9\p{Script=Han}]+(?:·[A-Z0-9\p{Script=Han}]+)*)+)$/u;

/** Every example string of filing-rules §2.1–§2.3 and §8, the template that reads it, and what it reads. */
const EXAMPLES: readonly [string, ArchivalCodeTemplateId, Record<string, string | number>][] = [
  [
    'Z109-WS·2011-Y-BGS-0001',
    'dat22',
    { 全宗号: 'Z109', 门类代码: 'WS', 年度: '2011', 保管期限: 'Y', 机构或问题: 'BGS', 件号: 1 },
  ],
  [
    '0194-WS·2016-D30-BGS-0001',
    'dat22',
    { 全宗号: '0194', 门类代码: 'WS', 年度: '2016', 保管期限: 'D30', 机构或问题: 'BGS', 件号: 1 },
  ],
  ['Z109-WS·2011-Y-0001', 'dat22', { 全宗号: 'Z109', 门类代码: 'WS', 年度: '2011', 保管期限: 'Y', 件号: 1 }],
  [
    'A182-WS·2022-Y-XZ-0001',
    'dat22Local',
    { 全宗号: 'A182', 门类代码: 'WS', 年度: '2022', 保管期限: 'Y', 机构或问题: 'XZ', 件号: 1 },
  ],
  [
    'A182-SW·JB·2022-Y-0001',
    'dat22Local',
    { 全宗号: 'A182', 门类代码: 'SW', 二级类别号: 'JB', 年度: '2022', 保管期限: 'Y', 件号: 1 },
  ],
  [
    'A182-ZP·2022-Y-0001',
    'dat22Local',
    { 全宗号: 'A182', 门类代码: 'ZP', 年度: '2022', 保管期限: 'Y', 件号: 1 },
  ],
  [
    'A439-WS·2015·D30·003-005',
    'dat13Item',
    { 全宗号: 'A439', 门类代码: 'WS', 年度: '2015', 保管期限: 'D30', 机构或问题: '003', 件号: 5 },
  ],
  [
    'Z109-WS·2011·Y·办公室-0001',
    'dat13Item',
    { 全宗号: 'Z109', 门类代码: 'WS', 年度: '2011', 保管期限: 'Y', 机构或问题: '办公室', 件号: 1 },
  ],
  [
    'Z008-WS·2019·Y-037',
    'dat13Item',
    { 全宗号: 'Z008', 门类代码: 'WS', 年度: '2019', 保管期限: 'Y', 件号: 37 },
  ],
  [
    'J019-LY·2019·Y-001',
    'dat13AudioVideo',
    { 全宗号: 'J019', 门类代码: 'LY', 年度: '2019', 保管期限: 'Y', 件号: 1 },
  ],
  [
    'C015-WY·TZGG·2019·D10-00001',
    'dat13Item',
    { 全宗号: 'C015', 门类代码: 'WY', 二级类别号: 'TZGG', 年度: '2019', 保管期限: 'D10', 件号: 1 },
  ],
  [
    'B168-SW·2015·Y-001',
    'dat13Item',
    { 全宗号: 'B168', 门类代码: 'SW', 年度: '2015', 保管期限: 'Y', 件号: 1 },
  ],
  [
    'K021-ZP·2019·D30-025-005',
    'dat13Photo',
    { 全宗号: 'K021', 门类代码: 'ZP', 年度: '2019', 保管期限: 'D30', 组号: 25, 件号: 5 },
  ],
  [
    'J019-ZY·JC·CC·2019·D30-001-001',
    'dat13Volume',
    {
      全宗号: 'J019',
      门类代码: 'ZY',
      二级类别号: 'JC',
      三级类别号: 'CC',
      年度: '2019',
      保管期限: 'D30',
      案卷号: 1,
      件号: 1,
    },
  ],
  [
    'J019-KU·01·2017-001-001',
    'dat13Accounting',
    { 全宗号: 'J019', 门类代码: 'KU', 二级类别号: '01', 年度: '2017', 案卷号: 1, 件号: 1 },
  ],
  ['A002-RS-001-002', 'dat13Personnel', { 全宗号: 'A002', 门类代码: 'RS', 案卷号: 1, 件号: 2 }],
  [
    'X032-KJ·KY·01-003',
    'dat13ScienceItem',
    { 全宗号: 'X032', 门类代码: 'KJ', 二级类别号: 'KY', 项目号: '01', 件号: 3 },
  ],
  [
    'X032-KJ·JJ·02-005-054',
    'dat13ScienceVolume',
    { 全宗号: 'X032', 门类代码: 'KJ', 二级类别号: 'JJ', 项目号: '02', 案卷号: 5, 页号: 54 },
  ],
  ['C038-001-002-003', 'dat13Legacy', { 全宗号: 'C038', 目录号: '001', 案卷号: 2, 件号: 3 }],
  [
    'A001-ZY·XK·2024·D30-00001',
    'ywtbProposal',
    { 全宗号: 'A001', 门类代码: 'ZY', 事项大类: 'XK', 年度: '2024', 保管期限: 'D30', 件号: 1 },
  ],
];

describe('shipped 档号 templates', () => {
  it('are valid templates whose examples all parse', () => {
    for (const template of Object.values(archivalCodeTemplates)) {
      expect(defineArchivalCodeTemplate(template)).toEqual(template);
      expect(template.examples.length).toBeGreaterThan(0);
      for (const example of template.examples)
        expect(safeParseArchivalCode(example, template).ok, example).toBe(true);
    }
  });

  it.each(EXAMPLES)('reads the standards’ example %s with %s', (code, id, parts) => {
    const parsed = parseArchivalCode(code, archivalCodeTemplates[id]);
    expect(parsed.parts).toEqual(parts);
    expect(parsed.findings).toEqual([]);
    expect(parsed.code).toBe(code);
    expect(code).toMatch(GENERIC);
  });

  it('agrees with the §2.1 regexes on their own examples', () => {
    for (const code of ['Z109-WS·2011-Y-BGS-0001', '0194-WS·2016-D30-BGS-0001', 'Z109-WS·2011-Y-0001']) {
      expect(code).toMatch(STRICT_DAT22);
      expect(code).toMatch(LENIENT_DAT22);
    }
    expect('A182-WS·2022-Y-XZ-0001').not.toMatch(STRICT_DAT22);
    expect('A182-WS·2022-Y-XZ-0001').toMatch(LENIENT_DAT22);
    expect(safeParseArchivalCode('A182-WS·2022-Y-XZ-0001', archivalCodeTemplates.dat22).ok).toBe(false);
  });

  it('dat22 accepts exactly what the strict §2.1 regex accepts (except 件号 0000)', () => {
    const near = fc
      .tuple(
        fc.constantFrom('Z109', '0194', 'z109', 'Z10', 'Z1099', 'Z1-9'),
        fc.constantFrom('-WS·', '-WS-', '-DA·', '·WS·', '-WS.'),
        fc.constantFrom('2011', '201', '20111', 'Y'),
        fc.constantFrom('-Y', '-D30', '-D10', '-D5', '-D300', '-', '-YY'),
        fc.constantFrom('', '-BGS', '-XZ', '-B1S', '-BGSX', '-bgs', '-办公室'),
        fc.constantFrom('-0001', '-0000', '-9999', '-001', '-10000', '-00a1', ''),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(near, (code) => {
        const expected = STRICT_DAT22.test(code) && !code.endsWith('-0000');
        expect(safeParseArchivalCode(code, archivalCodeTemplates.dat22).ok).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('print in the short string form and read back to the same segments', () => {
    for (const template of Object.values(archivalCodeTemplates)) {
      const text = archivalCodeTemplateToString(template);
      const strip = (groups: ArchivalCodeTemplate['groups']) =>
        groups.map((g) =>
          g.map((s) => {
            const {
              label: _l,
              pattern: _p,
              minWidth: _m,
              ...rest
            } = s as typeof s & { label?: string; pattern?: string; minWidth?: number };
            return rest;
          }),
        );
      expect(strip(parseArchivalCodeTemplateSyntax(text)), text).toEqual(strip(template.groups));
    }
    expect(archivalCodeTemplateToString(archivalCodeTemplates.dat22)).toBe(
      '{全宗号}-WS·{年度}-{保管期限}-{机构或问题?}-{件号:4}',
    );
  });
});
