import { schemes } from '@dangan/metadata';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCatalogue,
  CATALOGUE_CLASSIFICATIONS,
  type CatalogueEntry,
  catalogueDate,
  compareArchivalCodes,
  dat22ArchivalCode,
  safeBuildCatalogue,
} from '../../../src/filing/catalogue/index.js';
import { sampleRecord } from '../../validate/sample-record.js';

describe('compareArchivalCodes', () => {
  it('orders numbers by value and the rest by code point', () => {
    const codes = [
      'Z109-WS·2011-Y-BGS-10000',
      'Z109-WS·2011-Y-BGS-0010',
      'Z109-WS·2011-D30-BGS-0001',
      'Z109-WS·2011-Y-BGS-0002',
      'Z109-WS·2010-Y-BGS-0003',
      'Z109-WS·2011-Y-BGS-9999',
    ];
    expect(codes.slice().sort(compareArchivalCodes)).toEqual([
      'Z109-WS·2010-Y-BGS-0003',
      'Z109-WS·2011-D30-BGS-0001',
      'Z109-WS·2011-Y-BGS-0002',
      'Z109-WS·2011-Y-BGS-0010',
      'Z109-WS·2011-Y-BGS-9999',
      'Z109-WS·2011-Y-BGS-10000',
    ]);
    expect(compareArchivalCodes('A-1', 'A-01')).toBeLessThan(0);
    expect(compareArchivalCodes('A-01', 'A-01')).toBe(0);
  });

  it('property: a total order (antisymmetric, 0 only for equal strings, transitive)', () => {
    const code = fc
      .array(fc.constantFrom('0', '1', '2', '9', '00', '10', '-', '·', 'A', 'Z', '档', '😀'), {
        maxLength: 8,
      })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(code, code, code, (a, b, c) => {
        const ab = Math.sign(compareArchivalCodes(a, b));
        expect(Math.sign(compareArchivalCodes(b, a)) + ab).toBe(0);
        expect(ab === 0).toBe(a === b);
        if (ab <= 0 && compareArchivalCodes(b, c) <= 0)
          expect(compareArchivalCodes(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('catalogueDate', () => {
  it('prints 8 digits, a researched date in brackets', () => {
    expect(catalogueDate('2024-03-15')).toBe('20240315');
    expect(catalogueDate('19450815', true)).toBe('[19450815]');
    expect(catalogueDate('2024-02-30')).toBeUndefined();
  });
});

const entries: CatalogueEntry[] = [
  {
    档号: 'Z109-WS·2011-Y-BGS-0002',
    责任者: '办公室',
    拟写题名: '会议签到表',
    日期: '2011-05-04',
    密级: '公开',
    页数: 1,
  },
  {
    档号: 'Z109-WS·2011-Y-BGS-0001',
    文号: '沪府办〔2011〕1号',
    责任者: '上海市人民政府办公厅',
    题名: '关于开展档案工作检查的通知',
    日期: '2011-01-05',
    密级: '公开',
    页数: 3,
    备注: '附件缺失',
  },
  {
    档号: 'Z109-WS·2011-Y-BGS-0010',
    责任者: '办公室',
    题名: '抗战胜利纪念文稿',
    日期: '19450815',
    日期经考证: true,
    密级: '限制',
  },
];

describe('buildCatalogue', () => {
  it('makes one row per 件 in 档号 order, numbered, with printed dates and supplied titles', () => {
    const { rows, findings } = buildCatalogue(entries);
    expect(rows).toEqual([
      {
        序号: 1,
        档号: 'Z109-WS·2011-Y-BGS-0001',
        文号: '沪府办〔2011〕1号',
        责任者: '上海市人民政府办公厅',
        题名: '关于开展档案工作检查的通知',
        日期: '20110105',
        密级: '公开',
        页数: 3,
        备注: '附件缺失',
        电子档案名称: 'Z109-WS·2011-Y-BGS-0001',
      },
      {
        序号: 2,
        档号: 'Z109-WS·2011-Y-BGS-0002',
        文号: '',
        责任者: '办公室',
        题名: '[会议签到表]',
        日期: '20110504',
        密级: '公开',
        页数: 1,
        备注: '',
        电子档案名称: 'Z109-WS·2011-Y-BGS-0002',
      },
      {
        序号: 3,
        档号: 'Z109-WS·2011-Y-BGS-0010',
        文号: '',
        责任者: '办公室',
        题名: '抗战胜利纪念文稿',
        日期: '[19450815]',
        密级: '限制',
        页数: undefined,
        备注: '',
        电子档案名称: 'Z109-WS·2011-Y-BGS-0010',
      },
    ]);
    expect(findings.map((f) => [f.code, f.path])).toEqual([['FILING_CATALOGUE_TITLE_SUPPLIED', '/0/题名']]);
    expect(
      buildCatalogue(entries, { sort: false, firstNumber: 11 }).rows.map((r) => [r.序号, r.档号.slice(-4)]),
    ).toEqual([
      [11, '0002'],
      [12, '0001'],
      [13, '0010'],
    ]);
  });

  it('reads DA/T 46 / 一网通办 records', () => {
    const record = sampleRecord();
    expect(dat22ArchivalCode(record)).toBe('Z109-WS·2025-D30-XK-0123');
    const { rows, findings } = buildCatalogue([record]);
    expect(findings).toEqual([]);
    expect(rows[0]).toEqual({
      序号: 1,
      档号: 'Z109-WS·2025-D30-XK-0123',
      文号: '沪某食药监许〔2025〕123号',
      责任者: '上海市某区市场监督管理局',
      题名: '关于准予张三食品经营许可的决定',
      日期: '20250318',
      密级: '公开',
      页数: 3,
      备注: '由一网通办系统自动归档',
      电子档案名称: 'Z109-WS·2025-D30-XK-0123',
    });
    const noTitle = sampleRecord() as unknown as {
      文件实体: { 内容描述: Record<string, unknown> };
      办件?: unknown;
    };
    delete noTitle.文件实体.内容描述.题名;
    noTitle.办件 = { 办件名称: '张三食品经营许可' };
    const custom = buildCatalogue([noTitle], {
      archivalCode: () => 'A001-ZY·XK·2025·D30-00001',
      researchedDate: () => true,
      electronicName: (row) => `${row.档号}.zip`,
      remarks: () => undefined,
    });
    expect(custom.rows[0]).toMatchObject({
      档号: 'A001-ZY·XK·2025·D30-00001',
      题名: '[张三食品经营许可]',
      日期: '[20250318]',
      备注: '',
      电子档案名称: 'A001-ZY·XK·2025·D30-00001.zip',
    });
    expect(custom.findings.map((f) => f.code)).toEqual(['FILING_CATALOGUE_TITLE_SUPPLIED']);
  });

  it('accepts by default the DA/T 46 M38 密级 values', () => {
    expect(CATALOGUE_CLASSIFICATIONS).toEqual(
      schemes.dat46.elements.find((e) => e.id === 'M38')?.domain?.enum,
    );
  });

  it('warns about missing 责任者/密级 and unknown 密级', () => {
    const { findings } = buildCatalogue([
      { 档号: 'A-1', 题名: 't', 日期: '2024-01-01', 密级: '内部' },
      { 档号: 'A-2', 题名: 't', 日期: '2024-01-01', 责任者: 'x' },
    ]);
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['FILING_CATALOGUE_FIELD_MISSING', '/0/责任者'],
      ['FILING_CATALOGUE_CLASSIFICATION_UNKNOWN', '/0/密级'],
      ['FILING_CATALOGUE_FIELD_MISSING', '/1/密级'],
    ]);
    expect(
      buildCatalogue([{ 档号: 'A-1', 题名: 't', 日期: '2024-01-01', 密级: '内部', 责任者: 'x' }], {
        classifications: false,
      }).findings,
    ).toEqual([]);
  });

  it('refuses what cannot be catalogued, listing every problem', () => {
    const r = safeBuildCatalogue([
      { 档号: 'A-1', 题名: 't', 日期: '2024-02-30' },
      { 档号: '', 题名: 't', 日期: '2024-01-01' },
      { 档号: 'A-2', 日期: '2024-01-01' },
      { 档号: 'A-1', 题名: 't', 日期: '2024-01-01', 页数: -1 },
      { 档号: 'A-3', 题名: 't', 日期: '2024-01-01' },
      { 档号: 'A-03', 题名: 't', 日期: '2024-01-01' },
      { 档号: 'A-3', 题名: 't', 日期: '2024-01-01' },
      42 as unknown as CatalogueEntry,
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('FILING_CATALOGUE_INVALID');
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.path])).toEqual([
      ['FILING_CATALOGUE_DATE_INVALID', '/0/日期'],
      ['FILING_CATALOGUE_ARCHIVAL_CODE_MISSING', '/1/档号'],
      ['FILING_CATALOGUE_TITLE_MISSING', '/2/题名'],
      ['FILING_CATALOGUE_PAGES_INVALID', '/3/页数'],
      ['FILING_CATALOGUE_ENTRY_INVALID', '/7'],
      ['FILING_CATALOGUE_ARCHIVAL_CODE_DUPLICATE', '/6'],
    ]);
    const rec = sampleRecord() as unknown as { 文件实体: { 档号: Record<string, unknown> } };
    delete rec.文件实体.档号.室编件号;
    expect(() => buildCatalogue([rec])).toThrow(
      expect.objectContaining({ code: 'FILING_CATALOGUE_INVALID' }),
    );
  });
});
