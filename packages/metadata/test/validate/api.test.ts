import { DanganError, isDanganError, type SafeResult } from '@dangan/core';
import { extendScheme, type MetadataRecord, type MetadataScheme, schemes } from '@dangan/metadata';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  checkRecord,
  type MetadataFinding,
  type RecordValidation,
  safeValidateRecord,
  validateRecord,
} from '../../src/validate/index.js';
import { type Loose, sampleRecord } from './sample-record.js';

const now = new Date('2026-01-01T00:00:00Z');
const record = (): Loose => sampleRecord() as Loose;

describe('validateRecord / safeValidateRecord', () => {
  it('returns the same record, typed, when there is no error', () => {
    const input: unknown = sampleRecord();
    const value = validateRecord(input, schemes.dat46, { now });
    expect(value).toBe(input);
    expectTypeOf(value).toEqualTypeOf<MetadataRecord<typeof schemes.dat46>>();
    expectTypeOf(value.文件实体.内容描述.题名).toEqualTypeOf<string>();
  });

  it('passes with warnings, which safeValidateRecord returns', () => {
    const r = record();
    r.文件实体.档号.保管期限 = '短期';
    expect(validateRecord(r, schemes.dat46, { now })).toBe(r);
    const result = safeValidateRecord(r, schemes.dat46, { now });
    expect(result.ok).toBe(true);
    expect(result.findings.map((f) => f.code)).toEqual(['METADATA_LEGACY_VALUE']);
  });

  it('throws METADATA_INVALID with every finding, naming the first errors', () => {
    const r = record();
    delete r.文件实体.内容描述.题名;
    r.文件实体.档号.保管期限 = '长期';
    r.文件实体.内容描述.责任者 = '';
    let error: unknown;
    try {
      validateRecord(r, schemes.dat46, { now });
    } catch (e) {
      error = e;
    }
    expect(isDanganError(error, 'METADATA_INVALID')).toBe(true);
    const e = error as DanganError;
    expect(e.message).toBe(
      '元数据记录不符合 DA/T 46-2009（dat46）：2 项错误。M32 责任者：值为空（空白文本）；不著录时请省略该元素；M22 题名：必选元素缺失',
    );
    expect(e.messageEn).toContain('2 error(s)');
    expect(e.findings.map((f) => f.code)).toEqual([
      'METADATA_LEGACY_VALUE',
      'METADATA_EMPTY_VALUE',
      'METADATA_REQUIRED_MISSING',
    ]);
  });

  it('safeValidateRecord returns the error instead of throwing, and is a SafeResult', () => {
    const result = safeValidateRecord('not a record', schemes.dat46);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBeInstanceOf(DanganError);
      expect(result.error.code).toBe('METADATA_INVALID');
      expect(result.findings).toBe(result.error.findings);
    }
    expectTypeOf<RecordValidation<number>>().toMatchTypeOf<SafeResult<number>>();
  });

  it('gives English messages with lang: en', () => {
    const r = record();
    delete r.文件实体.内容描述.题名;
    const [f] = checkRecord(r, schemes.dat46, { now, lang: 'en' });
    expect(f?.message).toBe('M22 title: mandatory element is missing');
    expect(() => validateRecord(r, schemes.dat46, { now, lang: 'en' })).toThrow(
      /^The metadata record does not conform to DA\/T 46-2009 \(dat46\): 1 error\(s\)\. M22 title/,
    );
  });

  it('changes or drops severities per code', () => {
    const r = record();
    r.业务实体[0].行为时间 = '2030-01-01T00:00:00';
    expect(safeValidateRecord(r, schemes.dat46, { now }).ok).toBe(false);
    const lenient = safeValidateRecord(r, schemes.dat46, {
      now,
      severity: { METADATA_FUTURE_DATE: 'warning' },
    });
    expect(lenient.ok).toBe(true);
    expect(lenient.findings[0]?.severity).toBe('warning');
    expect(checkRecord(r, schemes.dat46, { now, severity: { METADATA_FUTURE_DATE: 'ignore' } })).toEqual([]);
  });

  it('defaults now to the time of the call', () => {
    const r = record();
    r.业务实体[0].行为时间 = new Date(Date.now() + 3_600_000).toISOString();
    expect(checkRecord(r, schemes.dat46).map((f) => f.code)).toContain('METADATA_FUTURE_DATE');
    r.业务实体[0].行为时间 = new Date(Date.now() - 3_600_000).toISOString();
    expect(checkRecord(r, schemes.dat46)).toEqual([]);
  });

  it('rejects bad options and schemes as programmer errors', () => {
    const r = sampleRecord();
    expect(() => checkRecord(r, schemes.dat46, { now: new Date('x') })).toThrow(RangeError);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    expect(() => checkRecord(r, schemes.dat46, { unknownElements: 'loud' as any })).toThrow(TypeError);
    expect(() => checkRecord(r, schemes.dat46, { maxLength: -1 })).toThrow(RangeError);
    expect(() => checkRecord(r, schemes.dat46, { utcOffsetMinutes: 5000 })).toThrow(RangeError);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    expect(() => checkRecord(r, null as any)).toThrow(TypeError);
    const broken = {
      ...schemes.dat46,
      id: 'broken',
      elements: [...schemes.dat46.elements, schemes.dat46.elements[5]],
    };
    expect(() => checkRecord(r, broken as MetadataScheme)).toThrow(/METADATA_SCHEME_INVALID|元素编号重复/);
  });

  it('works on extended schemes: narrowed obligations and added elements', () => {
    const mine = extendScheme(schemes.dat46, {
      id: 'acme',
      modify: { M43: { obligation: { kind: '必选' } }, M29: { domain: { maxLength: 10 } } },
    });
    const r = record();
    delete r.文件实体.形式特征.页数;
    expect(checkRecord(r, mine, { now }).map((f) => [f.code, f.element])).toEqual([
      ['METADATA_TOO_LONG', 'M29'],
      ['METADATA_REQUIRED_MISSING', 'M43'],
    ]);
  });
});

describe('DA/T 46 conditions (§1e)', () => {
  const codes = (r: unknown): [string, string][] =>
    checkRecord(r, schemes.dat46, { now }).map((f: MetadataFinding) => [f.code, f.element ?? '']);

  it('文件组合类型 (M41) is required when 聚合层次 is 文件, not when 案卷', () => {
    const r = record();
    delete r.文件实体.形式特征.文件组合类型;
    expect(codes(r)).toEqual([['METADATA_CONDITION_UNMET', 'M41']]);
    r.文件实体.聚合层次 = '案卷';
    r.文件实体.形式特征.件数 = 12;
    r.文件实体.档号.室编案卷号 = '0005';
    expect(codes(r)).toEqual([]);
  });

  it('件数 (M42) is required when 聚合层次 is 案卷', () => {
    const r = record();
    r.文件实体.聚合层次 = '案卷';
    r.文件实体.档号.室编案卷号 = '0005';
    expect(codes(r)).toEqual([['METADATA_CONDITION_UNMET', 'M42']]);
    const [f] = checkRecord(r, schemes.dat46, { now });
    expect(f?.path).toBe('/文件实体/形式特征/件数');
  });

  it('保密期限 (M39) is required for 秘密, 机密 and 绝密 only', () => {
    for (const level of ['秘密', '机密', '绝密']) {
      const r = record();
      r.文件实体.内容描述.密级 = level;
      expect(codes(r)).toEqual([['METADATA_CONDITION_UNMET', 'M39']]);
      r.文件实体.内容描述.保密期限 = '10年';
      expect(codes(r)).toEqual([]);
    }
    for (const level of ['公开', '限制']) {
      const r = record();
      r.文件实体.内容描述.密级 = level;
      expect(codes(r)).toEqual([]);
    }
  });

  it('室编件号 (M17) is required for 文件 without 馆编件号', () => {
    const r = record();
    delete r.文件实体.档号.室编件号;
    expect(codes(r)).toEqual([['METADATA_CONDITION_UNMET', 'M17']]);
    r.文件实体.档号.馆编件号 = 8;
    expect(codes(r)).toEqual([]);
  });

  it('a 条件选 element without a machine-readable condition is optional', () => {
    const r = record();
    delete r.文件实体.来源.档案馆名称; // M3: 移交进馆后必选
    expect(codes(r)).toEqual([]);
  });

  it('checks the children of an optional container only when it is present', () => {
    const r = record();
    r.文件实体.数字化属性 = { 扫描分辨率: '300dpi' };
    expect(codes(r)).toEqual([['METADATA_REQUIRED_MISSING', 'M55']]);
  });
});
