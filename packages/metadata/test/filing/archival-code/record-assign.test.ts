import { describe, expect, it } from 'vitest';
import {
  archivalCodePartsToRecord,
  archivalCodeTemplates,
  assignArchivalCode,
  parseArchivalCode,
  recordArchivalCodeParts,
  safeAssignArchivalCode,
} from '../../../src/filing/archival-code/index.js';
import {
  classificationSchemes,
  defineClassificationScheme,
} from '../../../src/filing/classification/index.js';
import {
  createMemorySequence,
  findSequenceGaps,
  type SequenceProvider,
} from '../../../src/filing/sequence/index.js';

const { dat22, dat13Item, dat13Volume, ywtbProposal } = archivalCodeTemplates;

function record(档号: object, extra: Record<string, unknown> = {}) {
  return { 文件实体: { 档号, 内容描述: { 题名: '关于某事项的批复', 日期: '2026-03-18' } }, ...extra };
}

describe('recordArchivalCodeParts / archivalCodePartsToRecord', () => {
  it('reads the 档号 container, 保管期限 words → code, 室编/馆编件号 → 件号, 类别号 → 门类代码 and sub-classes', () => {
    expect(
      recordArchivalCodeParts(
        record({ 全宗号: 'Z109', 年度: '2026', 保管期限: '定期30年', 机构或问题: 'DJK', 室编件号: 123 }),
      ),
    ).toEqual({
      全宗号: 'Z109',
      年度: '2026',
      保管期限: 'D30',
      机构或问题: 'DJK',
      件号: 123,
    });
    const both = record({
      全宗号: 'J019',
      类别号: 'ZY·JC·CC',
      室编件号: 5,
      馆编件号: 9,
      室编案卷号: '001',
      保管期限: '长期',
      目录号: '',
    });
    expect(recordArchivalCodeParts(both)).toEqual({
      全宗号: 'J019',
      类别号: 'ZY·JC·CC',
      门类代码: 'ZY',
      二级类别号: 'JC',
      三级类别号: 'CC',
      保管期限: '长期',
      案卷号: '001',
      件号: 9,
    });
    expect(recordArchivalCodeParts(both, { numbering: '室编' }).件号).toBe(5);
    for (const nothing of [
      null,
      42,
      'x',
      {},
      { 文件实体: [] },
      { 文件实体: { 档号: 'Z109-WS·2011-Y-0001' } },
    ])
      expect(recordArchivalCodeParts(nothing)).toEqual({});
  });

  it('writes the container back in DA/T 46 words, and reading it again gives the same parts', () => {
    const parsed = parseArchivalCode('Z109-WS·2011-Y-BGS-0001', dat22).parts;
    const container = archivalCodePartsToRecord(parsed);
    expect(container).toEqual({
      全宗号: 'Z109',
      年度: '2011',
      保管期限: '永久',
      机构或问题: 'BGS',
      类别号: 'WS',
      室编件号: 1,
    });
    expect(recordArchivalCodeParts(record(container))).toEqual({ ...parsed, 类别号: 'WS' });
    const volume = archivalCodePartsToRecord(
      parseArchivalCode('J019-ZY·JC·CC·2019·D30-001-002', dat13Volume).parts,
      {
        numbering: '馆编',
      },
    );
    expect(volume).toMatchObject({ 类别号: 'ZY·JC·CC', 保管期限: '定期30年', 馆编案卷号: '1', 馆编件号: 2 });
  });
});

describe('assignArchivalCode', () => {
  it('numbers each leaf class from 1 and fills the record container', async () => {
    const sequence = createMemorySequence();
    const codes: string[] = [];
    for (const [org, retention] of [
      ['BGS', '永久'],
      ['BGS', '永久'],
      ['CWC', '永久'],
      ['BGS', '定期30年'],
      ['BGS', '永久'],
    ] as const) {
      const a = await assignArchivalCode(
        record({ 全宗号: 'Z109', 年度: '2026', 保管期限: retention, 机构或问题: org }),
        dat22,
        sequence,
      );
      expect(a.drawn).toBe(true);
      expect(parseArchivalCode(a.code, dat22).parts).toEqual(a.parts);
      codes.push(a.code);
    }
    expect(codes).toEqual([
      'Z109-WS·2026-Y-BGS-0001',
      'Z109-WS·2026-Y-BGS-0002',
      'Z109-WS·2026-Y-CWC-0001',
      'Z109-WS·2026-D30-BGS-0001',
      'Z109-WS·2026-Y-BGS-0003',
    ]);
    expect(findSequenceGaps(codes, { template: dat22 }).ok).toBe(true);
    const last = await assignArchivalCode(
      record({ 全宗号: 'Z109', 年度: '2026', 保管期限: 'Y' }),
      dat22,
      sequence,
    );
    expect(last).toMatchObject({
      code: 'Z109-WS·2026-Y-0001',
      key: 'Z109-WS·2026-Y',
      number: 1,
      档号: { 全宗号: 'Z109', 年度: '2026', 保管期限: '永久', 类别号: 'WS', 室编件号: 1 },
      findings: [],
    });
  });

  it('keeps an existing 件号 (稳定性) unless told to replace it', async () => {
    const sequence = createMemorySequence();
    const numbered = record({ 全宗号: 'Z109', 年度: '2026', 保管期限: 'Y', 室编件号: 26 });
    const kept = await assignArchivalCode(numbered, dat22, sequence);
    expect(kept).toMatchObject({ code: 'Z109-WS·2026-Y-0026', drawn: false, number: 26 });
    expect(sequence.snapshot().size).toBe(0);
    const replaced = await assignArchivalCode(numbered, dat22, sequence, { existing: 'replace' });
    expect(replaced).toMatchObject({ code: 'Z109-WS·2026-Y-0001', drawn: true });
  });

  it('classifies with a scheme (一网通办: 办结 year) and adds host parts', async () => {
    const sequence = createMemorySequence();
    const scheme = defineClassificationScheme({
      ...classificationSchemes.yearRetention,
      id: 'a001-zy',
      fonds: 'A001',
    });
    const ywtb = {
      文件实体: { 档号: { 保管期限: '定期30年' }, 内容描述: { 日期: '2024-12-30' } },
      办件: { 事项编码: 'X', 办结时间: '2025-01-03T10:00:00+08:00' },
    };
    const a = await assignArchivalCode(ywtb, ywtbProposal, sequence, { scheme, parts: { 事项大类: 'XK' } });
    expect(a.code).toBe('A001-ZY·XK·2025·D30-00001');
    expect(a.classification?.path).toEqual([
      { level: '年度', value: '2025', source: 'ywtb-completion' },
      { level: '保管期限', value: 'D30', source: 'recorded' },
    ]);
    const again = await assignArchivalCode(ywtb, ywtbProposal, sequence, {
      scheme,
      parts: { 事项大类: 'XK' },
      facts: { 保管期限: '永久' },
    });
    expect(again.code).toBe('A001-ZY·XK·2025·Y-00001');
  });

  it('draws no number when a part is missing or the record cannot be classified', async () => {
    const calls: string[] = [];
    const sequence: SequenceProvider = {
      next: async (key) => {
        calls.push(key);
        return 1;
      },
      peek: async () => 1,
    };
    const missing = await safeAssignArchivalCode(record({ 全宗号: 'Z109', 保管期限: 'Y' }), dat22, sequence);
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.findings).toMatchObject([
        { code: 'FILING_ARCHIVAL_CODE_PART_MISSING', segment: { part: '年度' } },
      ]);
    const unclassified = await safeAssignArchivalCode({ 文件实体: {} }, dat22, sequence, {
      scheme: classificationSchemes.yearRetention,
    });
    expect(unclassified.ok).toBe(false);
    if (!unclassified.ok) {
      expect(unclassified.error.code).toBe('FILING_CLASSIFICATION_INCOMPLETE');
      expect(unclassified.findings.map((f) => f.code)).toEqual([
        'FILING_CLASSIFICATION_VALUE_MISSING',
        'FILING_CLASSIFICATION_VALUE_MISSING',
      ]);
    }
    expect(calls).toEqual([]);
    await expect(assignArchivalCode({}, dat22, {} as never)).rejects.toThrow(TypeError);
  });

  it('fails after drawing only when the number outgrows a fixed width', async () => {
    const sequence = createMemorySequence(1, { last: { 'Z109-WS·2026-Y': 9999 } });
    const r = await safeAssignArchivalCode(
      record({ 全宗号: 'Z109', 年度: '2026', 保管期限: 'Y' }),
      dat22,
      sequence,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings).toMatchObject([{ code: 'FILING_ARCHIVAL_CODE_NUMBER_TOO_WIDE' }]);
    const grown = await assignArchivalCode(
      record({ 全宗号: 'Z109', 年度: '2026', 保管期限: 'Y', 机构或问题: '办公室' }),
      dat13Item,
      sequence,
      {
        parts: { 门类代码: 'WS' },
      },
    );
    expect(grown.code).toBe('Z109-WS·2026·Y·办公室-0001');
  });
});
