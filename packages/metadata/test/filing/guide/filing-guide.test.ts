// The examples of docs/filing.md, run as a test so the guide cannot drift from the code.
import { readFileSync } from 'node:fs';
import {
  archivalCodeTemplates,
  assignArchivalCode,
  buildCatalogue,
  catalogueToXml,
  classificationSchemes,
  componentFileName,
  createMemorySequence,
  defineClassificationScheme,
  EXAMPLE_YWTB_RETENTION_SCHEDULE,
  evaluateRetention,
  filingDueDate,
  findSequenceGaps,
  formatArchivalCode,
  type MetadataRecord,
  orderComponents,
  parseArchivalCode,
  retentionExpiry,
  type schemes,
  transferDueDate,
} from '@dangan/metadata';
import { describe, expect, it } from 'vitest';

const record = JSON.parse(
  readFileSync(new URL('../../fixtures/ywtb-record.json', import.meta.url), 'utf8'),
) as MetadataRecord<typeof schemes.ywtb>;

describe('docs/filing.md examples', () => {
  it('档号: format, parse (look-alike separators warn), gaps', () => {
    const code = formatArchivalCode(
      { 全宗号: 'Z109', 年度: 2011, 保管期限: '永久', 机构或问题: 'BGS', 件号: 1 },
      archivalCodeTemplates.dat22,
    );
    expect(code).toBe('Z109-WS·2011-Y-BGS-0001');
    const parsed = parseArchivalCode('Z109-WS・2011-Y-BGS-0001', archivalCodeTemplates.dat22);
    expect(parsed.parts.件号).toBe(1);
    expect(parsed.findings.map((f) => f.code)).toContain('FILING_ARCHIVAL_CODE_LOOKALIKE_SEPARATOR');
    const gaps = findSequenceGaps(
      ['Z109-WS·2011-Y-BGS-0001', 'Z109-WS·2011-Y-BGS-0003', 'Z109-WS·2011-Y-BGS-0003'],
      { template: archivalCodeTemplates.dat22 },
    );
    expect(gaps.ok).toBe(false);
    expect(gaps.findings.map((f) => f.item)).toContain('GD-2-6');
  });

  it('assigns a 档号 from a classification scheme and a sequence', async () => {
    const scheme = defineClassificationScheme({
      ...classificationSchemes.yearRetentionOrg,
      id: 'z109-ws',
      fonds: 'Z109',
      category: 'WS',
    });
    const sequence = createMemorySequence();
    const assigned = await assignArchivalCode(record, archivalCodeTemplates.dat22Local, sequence, {
      scheme,
      existing: 'replace',
    });
    expect(assigned.code).toBe('Z109-WS·2026-D30-DJK-0001');
  });

  it('retention, deadlines, ordering, naming, catalogue', () => {
    const evaluation = evaluateRetention(record, EXAMPLE_YWTB_RETENTION_SCHEDULE);
    expect(evaluation.retention?.code).toBeDefined();
    expect(filingDueDate('2026-03-18T16:30:00+08:00')).toBe('2027-06-30');
    expect(transferDueDate('2026-03-18', 'D30')).toBe('2027-12-31');
    expect(retentionExpiry('2026', 'D30')).toBe('2056-12-31');
    expect(
      orderComponents([
        { name: '附件', roles: ['附件'] },
        { name: '正文', roles: ['正文'] },
      ]).map((c) => c.name),
    ).toEqual(['正文', '附件']);
    expect(
      componentFileName({
        archivalCode: 'Z109-WS·2011-Y-BGS-0001',
        order: 1,
        role: '正文',
        extension: 'pdf',
      }),
    ).toBe('Z109-WS·2011-Y-BGS-0001-001-正文.pdf');
    const { rows } = buildCatalogue([record]);
    expect(rows[0]).toMatchObject({
      序号: 1,
      题名: '上海某某科技有限公司设立登记准予登记通知书',
      日期: '20260318',
    });
    const xml = new TextDecoder('gb18030').decode(catalogueToXml(rows, { encoding: 'gb18030' }));
    expect(xml).toContain('encoding="GB18030"');
    expect(xml).toContain('<文件目录>');
  });
});
