import { describe, expect, it } from 'vitest';
import {
  ARCHIVING_STAMP_LAYOUT,
  archivingStampFields,
  archivingStampGrid,
  safeArchivingStampFields,
} from '../../../src/filing/catalogue/index.js';
import { sampleRecord } from '../../validate/sample-record.js';

describe('归档章', () => {
  it('fills the fields from the facts (DA/T 22-2015 example)', () => {
    const fields = archivingStampFields({
      全宗号: 'Z109',
      年度: 2011,
      保管期限: 'Y',
      件号: 1,
      页数: 10,
      机构或问题: '办公室',
    });
    expect(fields).toEqual({
      全宗号: 'Z109',
      年度: '2011',
      保管期限: '永久',
      件号: '0001',
      页数: 10,
      机构或问题: '办公室',
    });
    expect(archivingStampGrid(fields)).toEqual([
      [
        { label: '全宗号', value: 'Z109' },
        { label: '年度', value: '2011' },
        { label: '件号', value: '0001' },
      ],
      [
        { label: '机构(问题)', value: '办公室' },
        { label: '保管期限', value: '永久' },
        { label: '页数', value: '10' },
      ],
    ]);
    expect(ARCHIVING_STAMP_LAYOUT.flat()).toHaveLength(6);
  });

  it('reads a record, with options for the code form and 件号 width', () => {
    expect(archivingStampFields(sampleRecord())).toEqual({
      全宗号: 'Z109',
      年度: '2025',
      保管期限: '定期30年',
      件号: '0123',
      页数: 3,
      机构或问题: 'XK',
    });
    expect(archivingStampFields(sampleRecord(), { retention: 'code', itemWidth: 0 })).toMatchObject({
      保管期限: 'D30',
      件号: '123',
    });
    const noOrg = archivingStampFields({
      全宗号: 'Z109',
      年度: '2011',
      保管期限: '定期10年',
      件号: '0007',
      页数: 2,
    });
    expect(noOrg).not.toHaveProperty('机构或问题');
    expect(archivingStampGrid(noOrg)[1]?.[0]).toEqual({ label: '机构(问题)', value: '' });
  });

  it('names each missing or invalid required field', () => {
    const r = safeArchivingStampFields({ 全宗号: 'Z109', 年度: '11', 保管期限: '长期', 件号: 0 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('FILING_STAMP_FIELD_MISSING');
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([
      ['FILING_STAMP_FIELD_INVALID', '/年度'],
      ['FILING_STAMP_FIELD_INVALID', '/保管期限'],
      ['FILING_STAMP_FIELD_INVALID', '/件号'],
      ['FILING_STAMP_FIELD_MISSING', '/页数'],
    ]);
    expect(() =>
      archivingStampFields({ 全宗号: 'Z109', 年度: '2011', 保管期限: 'Y', 件号: 1, 页数: 1.5 }),
    ).toThrow(expect.objectContaining({ code: 'FILING_STAMP_FIELD_INVALID' }));
    expect(() => archivingStampFields(null as never)).toThrow(TypeError);
  });
});
