import { readFileSync } from 'node:fs';
import { isDanganError } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import {
  caseComponents,
  caseFromYwtbRecord,
  materialClassFindings,
  parseMaterialClass,
  readFilingCase,
  safeCaseFromYwtbRecord,
} from '../../../src/filing/case/index.js';
import { schemes } from '../../../src/schemes/index.js';
import { validateRecord } from '../../../src/validate/index.js';

const record = JSON.parse(readFileSync(new URL('../../fixtures/ywtb-record.json', import.meta.url), 'utf8'));

describe('material classes', () => {
  it('reads the national terms, short forms and the 证据性 alias', () => {
    expect(parseMaterialClass('依据性材料')).toEqual({ materialClass: '依据性材料', alias: undefined });
    expect(parseMaterialClass(' 程序性 ')).toEqual({ materialClass: '程序性材料', alias: undefined });
    expect(parseMaterialClass('结果性')?.materialClass).toBe('结果性材料');
    expect(parseMaterialClass('证据性材料')).toEqual({ materialClass: '依据性材料', alias: '证据性材料' });
    expect(parseMaterialClass('证据性')).toEqual({ materialClass: '依据性材料', alias: '证据性' });
    for (const bad of ['其他', '', '材料', '依据', 'toString', '__proto__'])
      expect(parseMaterialClass(bad)).toBeUndefined();
    expect(parseMaterialClass('佐证材料', { 佐证材料: '依据性材料' })?.alias).toBe('佐证材料');
  });
});

describe('caseFromYwtbRecord', () => {
  it('reads the 办件 block and the 档号 of the README record', () => {
    const c = caseFromYwtbRecord(record);
    expect(c).toMatchObject({
      caseNumber: '310115202603160001',
      itemCode: '310115000000-JYXK-0001',
      itemName: '企业设立登记',
      itemType: '行政许可',
      acceptingAgency: '上海市浦东新区市场监督管理局',
      completedAt: '2026-03-18T16:30:00+08:00',
      archivedAt: '2026-03-20T10:00:00+08:00',
      electronicFileNumber: '310115-MSC-2026-000123-01',
      declaredRetention: '定期30年',
      year: '2026',
    });
    expect(c.materials).toEqual([
      {
        name: '设立登记申请书',
        materialClass: '依据性材料',
        fileName: '设立登记申请书.pdf',
        ref: '/办件/材料/0',
      },
      {
        name: '准予设立登记通知书',
        materialClass: '结果性材料',
        fileName: '准予设立登记通知书.ofd',
        ref: '/办件/材料/1',
      },
    ]);
    expect(c.licences).toEqual([
      {
        name: '营业执照',
        number: '91310115MA1K4ABC2X',
        issuer: '上海市浦东新区市场监督管理局',
        retrieval: '数据共享调用',
        ref: '/办件/电子证照/0',
      },
    ]);
    expect(readFilingCase(record)).toEqual(c);
  });

  it('accepts a typed, validated ywtb record', () => {
    const typed = validateRecord(record, schemes.ywtb);
    expect(caseFromYwtbRecord(typed).caseNumber).toBe('310115202603160001');
  });

  it('lists components with their kind, licences counting as 结果性 unless told', () => {
    const cs = caseComponents(record);
    expect(cs.map((x) => [x.ref, x.kind, x.materialClass])).toEqual([
      ['/办件/材料/0', '依据性材料', '依据性材料'],
      ['/办件/材料/1', '结果性材料', '结果性材料'],
      ['/办件/电子证照/0', '电子证照', '结果性材料'],
    ]);
    expect(caseComponents(record, { licenceClass: '依据性材料' })[2]?.materialClass).toBe('依据性材料');
  });

  it('refuses records without the case keys, with the path', () => {
    const cases: [unknown, string][] = [
      [{}, '/办件'],
      [{ 办件: [] }, '/办件'],
      [{ 办件: { 办件编号: 'X' } }, '/办件/事项编码'],
      [{ 办件: { 办件编号: ' ', 事项编码: 'A' } }, '/办件/办件编号'],
      [{ 办件: { 办件编号: 'X', 事项编码: 'A', 材料: {} } }, '/办件/材料'],
      [{ 办件: { 办件编号: 'X', 事项编码: 'A', 材料: ['x'] } }, '/办件/材料/0'],
      [{ 办件: { 办件编号: 'X', 事项编码: 'A', 材料: [{ 材料名称: 3 }] } }, '/办件/材料/0/材料名称'],
      [{ 办件: { 办件编号: 'X', 事项编码: 'A', 联合办理部门: [1] } }, '/办件/联合办理部门/0'],
    ];
    for (const [input, path] of cases) {
      const r = safeCaseFromYwtbRecord(input as Record<string, unknown>);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('FILING_CASE_INVALID');
        expect(r.findings[0]?.path).toBe(path);
        expect(r.error.message).toMatch(/^办件输入不合格/);
        expect(r.error.messageEn).toMatch(/^Malformed case input/);
      }
    }
  });

  it('checks the plain form too', () => {
    expect(() =>
      readFilingCase({ caseNumber: 'X', itemCode: 'A', materials: [{ role: '附件' }] } as never),
    ).toThrow(
      expect.objectContaining({
        code: 'FILING_CASE_INVALID',
        findings: [expect.objectContaining({ path: '/materials/0/role' })],
      }),
    );
    let thrown: unknown;
    try {
      readFilingCase(null as never);
    } catch (e) {
      thrown = e;
    }
    expect(isDanganError(thrown, 'FILING_CASE_INVALID')).toBe(true);
    expect(readFilingCase({ caseNumber: ' X ', itemCode: 'A', jointAgencies: '甲' } as never)).toEqual({
      caseNumber: 'X',
      itemCode: 'A',
      jointAgencies: ['甲'],
      materials: [],
      licences: [],
    });
  });

  it('notes aliases and unknown classes', () => {
    const f = materialClassFindings(
      caseComponents({
        caseNumber: 'X',
        itemCode: 'A',
        materials: [{ name: '身份证明', materialClass: '证据性材料' }, { materialClass: '其他' }, {}],
      }),
    );
    expect(f.map((x) => [x.code, x.severity, x.path])).toEqual([
      ['FILING_MATERIAL_CLASS_ALIAS', 'info', '/办件/材料/0/材料类别'],
      ['FILING_MATERIAL_CLASS_UNKNOWN', 'warning', '/办件/材料/1/材料类别'],
    ]);
    expect(f[0]?.message).toContain('按“依据性材料”处理');
  });
});
