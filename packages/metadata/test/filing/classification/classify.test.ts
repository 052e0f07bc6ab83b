import { describe, expect, it } from 'vitest';
import {
  type ClassificationScheme,
  classificationSchemes,
  classify,
  defaultYearRules,
  defineClassificationScheme,
  safeDefineClassificationScheme,
} from '../../../src/filing/classification/index.js';

function record(档号: Record<string, unknown>, 日期 = '2024-05-06', extra: Record<string, unknown> = {}) {
  return { 文件实体: { 档号, 内容描述: { 日期 } }, ...extra };
}

const z109 = defineClassificationScheme({
  ...classificationSchemes.yearOrgRetention,
  id: 'z109-ws',
  fonds: 'Z109',
  category: 'WS',
  orgCodes: { 办公室: 'BGS', 财务处: 'CWC' },
});

describe('classify', () => {
  it('returns the class path in scheme order, a key and 档号 parts', () => {
    const c = classify(
      record({ 全宗号: 'Z109', 年度: '2024', 保管期限: '定期30年', 机构或问题: '办公室' }),
      z109,
    );
    expect(c.path).toEqual([
      { level: '年度', value: '2024', source: 'recorded' },
      { level: '机构', value: 'BGS', source: 'recorded' },
      { level: '保管期限', value: 'D30', source: 'recorded' },
    ]);
    expect(c).toMatchObject({
      complete: true,
      key: 'Z109/WS/2024/BGS/D30',
      parts: { 全宗号: 'Z109', 门类代码: 'WS', 年度: '2024', 保管期限: 'D30', 机构或问题: 'BGS' },
      findings: [],
    });
    const other = classify(record({ 年度: '2024', 保管期限: 'Y', 机构或问题: 'CWC' }), {
      ...classificationSchemes.yearRetentionOrg,
      orgCodes: z109.orgCodes!,
    });
    expect(other.path.map((p) => p.level)).toEqual(['年度', '保管期限', '机构']);
    expect(other.key).toBe('2024/Y/CWC');
    expect(classify(record({ 年度: '2024', 保管期限: 'Y' }), classificationSchemes.yearRetention).key).toBe(
      '2024/Y',
    );
  });

  it('takes 年度 by the year rules: fact, recorded, 签发日期, 办结 year, formation date', () => {
    const s = classificationSchemes.yearRetention;
    const base = { 保管期限: 'Y' };
    const year = (r: unknown, facts = {}) => classify(r, s, { facts }).path[0];
    expect(year(record(base, '2023-12-30'))).toEqual({
      level: '年度',
      value: '2023',
      source: 'formation-date',
    });
    expect(year(record(base, '2023-12-30'), { 签发日期: '2024-01-05' })).toMatchObject({
      value: '2024',
      source: 'signing-date',
    });
    expect(year(record(base, '2023-12-30'), { 结束日期: '20240105' })).toMatchObject({
      value: '2024',
      source: 'closing-date',
    });
    const ywtb = record(base, '2024-12-30', { 办件: { 办结时间: '2025-01-02T09:00:00+08:00' } });
    expect(year(ywtb)).toMatchObject({ value: '2025', source: 'ywtb-completion' });
    expect(year(record({ ...base, 年度: '2022' }, '2023-12-30'))).toMatchObject({
      value: '2022',
      source: 'recorded',
    });
    expect(year(record({ ...base, 年度: '2022' }), { 年度: 2021 })).toMatchObject({
      value: '2021',
      source: 'fact-year',
    });
    // the rules are data: a host drops the 一网通办 proposal
    const plain = {
      ...s,
      id: 'plain',
      yearRules: defaultYearRules.filter((r) => r.id !== 'ywtb-completion'),
    };
    expect(classify(ywtb, plain).path[0]).toMatchObject({ value: '2024', source: 'formation-date' });
  });

  it('reports each missing or unreadable value and gives no key', () => {
    const c = classify({ 文件实体: { 档号: { 保管期限: '长期' } } }, z109);
    expect(c.complete).toBe(false);
    expect(c.key).toBeUndefined();
    expect(c.findings.map((f) => [f.code, f.element])).toEqual([
      ['FILING_CLASSIFICATION_VALUE_MISSING', 'M11'],
      ['FILING_CLASSIFICATION_VALUE_MISSING', 'M13'],
      ['FILING_CLASSIFICATION_VALUE_INVALID', 'M12'],
    ]);
    expect(
      classify(record({ 保管期限: 'Y' }, '05/06/2024'), classificationSchemes.yearRetention).findings,
    ).toMatchObject([{ code: 'FILING_CLASSIFICATION_VALUE_INVALID', path: '/文件实体/内容描述/日期' }]);
    for (const nothing of [null, 'x', 42, []]) expect(classify(nothing, z109).complete).toBe(false);
  });

  it('checks the 全宗 (one scheme per 全宗) and warns about 机构 outside the code table', () => {
    const c = classify(record({ 全宗号: 'A001', 年度: '2024', 保管期限: 'Y', 机构或问题: '后勤处' }), z109);
    expect(c.complete).toBe(false);
    expect(c.findings.map((f) => [f.code, f.severity])).toEqual([
      ['FILING_CLASSIFICATION_FONDS_MISMATCH', 'error'],
      ['FILING_CLASSIFICATION_CODE_UNMAPPED', 'warning'],
    ]);
    const coded = classify(record({ 全宗号: 'Z109', 年度: '2024', 保管期限: 'Y', 机构或问题: 'CWC' }), z109);
    expect(coded).toMatchObject({ complete: true, findings: [] });
    const unmapped = classify(
      record({ 全宗号: 'Z109', 年度: '2024', 保管期限: 'Y', 机构或问题: '后勤处' }),
      z109,
    );
    expect(unmapped).toMatchObject({ complete: true, key: 'Z109/WS/2024/后勤处/Y' });
  });

  it('lets a host take 机构 from the 办件 accepting department', () => {
    const scheme = defineClassificationScheme({
      ...classificationSchemes.yearRetentionOrg,
      id: 'dept',
      orgSources: [{ id: 'ywtb-department', name: '受理部门', from: { record: ['办件', '受理部门'] } }],
      orgCodes: { 登记注册科: 'DJK' },
    });
    const c = classify(
      record({ 年度: '2026', 保管期限: 'D30' }, '2026-03-18', { 办件: { 受理部门: '登记注册科' } }),
      scheme,
    );
    expect(c.path[2]).toEqual({ level: '机构', value: 'DJK', source: 'ywtb-department' });
  });
});

describe('defineClassificationScheme', () => {
  it('accepts the shipped schemes', () => {
    for (const scheme of Object.values(classificationSchemes))
      expect(defineClassificationScheme(scheme)).toBe(scheme);
  });

  it('refuses 机构 with 问题, unknown or repeated levels, and malformed sources', () => {
    const bad = (s: Partial<ClassificationScheme>) => {
      const r = safeDefineClassificationScheme({
        id: 'x',
        name: 'x',
        levels: ['年度'],
        ...s,
      } as ClassificationScheme);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('FILING_CLASSIFICATION_SCHEME_INVALID');
      return r.ok ? '' : r.error.message;
    };
    expect(bad({ levels: ['年度', '机构', '问题'] })).toContain('只能选其一');
    expect(bad({ levels: ['年度', '年度'] })).toContain('重复');
    expect(bad({ levels: ['年度', '月份' as never] })).toContain('未知的级别');
    expect(bad({ levels: [] })).toContain('非空数组');
    expect(bad({ id: '' })).toContain('缺少 id');
    expect(bad({ yearRules: [{ id: 'x', name: 'x', from: { record: [] } }] })).toContain('yearRules[0]');
    expect(bad({ orgCodes: { 办公室: '' } })).toContain('办公室');
    expect(bad({ fonds: '' })).toContain('fonds');
    expect(() => classify({}, { id: 'x', name: 'x', levels: ['机构', '问题'] })).toThrow(
      expect.objectContaining({ code: 'FILING_CLASSIFICATION_SCHEME_INVALID' }),
    );
    expect(() => defineClassificationScheme(null as never)).toThrow(TypeError);
  });
});
