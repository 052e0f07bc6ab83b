import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FilingCase } from '../../../src/filing/case/index.js';
import {
  EXAMPLE_YWTB_RETENTION_SCHEDULE as EX,
  evaluateRetention,
  type RetentionSchedule,
  safeEvaluateRetention,
} from '../../../src/filing/retention/index.js';

const record = JSON.parse(readFileSync(new URL('../../fixtures/ywtb-record.json', import.meta.url), 'utf8'));

const schedule = (rules: RetentionSchedule['rules']): RetentionSchedule => ({
  id: 't',
  title: '测试表',
  version: '1',
  approval: { reference: '测试' },
  rules,
});

const oneResult = (over: Partial<FilingCase> = {}): FilingCase => ({
  caseNumber: 'C',
  itemCode: '310115000000-SPJY-0001',
  itemType: '行政许可',
  materials: [{ name: '决定书', materialClass: '结果性材料' }],
  ...over,
});

describe('evaluateRetention with the EXAMPLE schedule', () => {
  it('is marked as an example everywhere a reader looks', () => {
    expect(EX.id).toMatch(/EXAMPLE/);
    expect(EX.title).toMatch(/EXAMPLE/);
    expect(EX.approval.reference).toMatch(/EXAMPLE/);
  });

  it('gives the README 企业设立登记 record D30 from its exact-code rows, agreeing with its 档号', () => {
    const r = evaluateRetention(record, EX);
    expect(r.inScope.map((m) => [m.ref, m.retention.code, m.ruleId])).toEqual([
      ['/办件/材料/0', 'D30', 'EX-QYSL-YJ'],
      ['/办件/材料/1', 'D30', 'EX-QYSL-JG'],
      ['/办件/电子证照/0', 'D30', 'EX-QYSL-ZZ'],
    ]);
    expect(r.retention).toEqual({ code: 'D30', period: '定期30年', years: 30 });
    expect(r.decidedBy?.ref).toBe('/办件/材料/0');
    expect(r.complete).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.schedule).toMatchObject({ id: EX.id, version: EX.version, approval: EX.approval });
  });

  it('takes the longest in-scope period as the case’s (永久 beats D30)', () => {
    const r = evaluateRetention(
      oneResult({
        materials: [
          { materialClass: '依据性材料' },
          { materialClass: '程序性材料' },
          { materialClass: '结果性材料' },
        ],
      }),
      EX,
    );
    expect(r.inScope.map((m) => [m.retention.code, m.ruleId])).toEqual([
      ['D30', 'EX-SPJY-YJ'],
      ['D10', 'EX-SPJY-CX'],
      ['Y', 'EX-SPJY-JG'],
    ]);
    expect(r.retention?.period).toBe('永久');
    expect(r.decidedBy?.ref).toBe('/办件/材料/2');
  });

  it('matches 户籍 codes by pattern only when the whole code fits', () => {
    const hit = evaluateRetention(oneResult({ itemCode: '310104000000-HJ-0003', itemType: '行政确认' }), EX);
    expect(hit.inScope[0]?.ruleId).toBe('EX-HJ-JG');
    const miss = evaluateRetention(oneResult({ itemCode: '310104000000-HJ-03', itemType: '行政确认' }), EX);
    expect(miss.inScope[0]?.ruleId).toBe('EX-QR-JG');
  });

  it('puts the excluded query service out of scope, as info, whatever its materials', () => {
    const r = evaluateRetention(
      {
        caseNumber: 'Q',
        itemCode: '310000000000-SB-9001',
        itemType: '公共服务',
        materials: [{ materialClass: '结果性' }, { materialClass: '依据性' }],
      },
      EX,
    );
    expect(r.outOfScope.map((o) => o.ruleId)).toEqual(['EX-SB-CX-QUERY', 'EX-SB-CX-QUERY']);
    expect(r.inScope).toEqual([]);
    expect(r.retention).toBeUndefined();
    expect(r.complete).toBe(true);
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([
      ['FILING_RETENTION_OUT_OF_SCOPE', 'info'],
      ['FILING_RETENTION_OUT_OF_SCOPE', 'info'],
    ]);
    const other = evaluateRetention(
      { caseNumber: 'Q', itemCode: '310000000000-SB-0001', materials: [{ materialClass: '结果性' }] },
      EX,
    );
    expect(other.inScope[0]?.ruleId).toBe('EX-SB-JG');
  });

  it('reports what the schedule does not cover as unmatched warnings', () => {
    const r = evaluateRetention(
      oneResult({
        itemCode: '440300000000-QT-0001',
        itemType: '其他行政权力',
        materials: [{ name: '决定书', materialClass: '结果性材料' }, { name: '附件' }],
      }),
      EX,
    );
    expect(r.unmatched.map((u) => u.ref)).toEqual(['/办件/材料/0', '/办件/材料/1']);
    expect(r.unparseable).toEqual([]);
    expect(r.complete).toBe(false);
    expect(r.retention).toBeUndefined();
    expect(r.findings[0]).toMatchObject({
      code: 'FILING_RETENTION_UNMATCHED',
      severity: 'warning',
      path: '/办件/材料/0',
    });
    expect(r.findings[0]?.message).toContain(
      '事项编码 440300000000-QT-0001，事项类型 其他行政权力，材料类别 结果性材料',
    );
  });

  it('keeps an unreadable period apart from "not in the schedule"', () => {
    const s = schedule([
      { id: 'OLD', itemTypes: ['行政许可'], inScope: true, retention: '长期' },
      { id: 'OK', itemCode: 'B', inScope: true, retention: 'D10' },
    ]);
    const r = evaluateRetention(oneResult({ materials: [{ materialClass: '依据性' }] }), s);
    expect(r.unparseable).toEqual([
      expect.objectContaining({ ref: '/办件/材料/0', ruleId: 'OLD', value: '长期' }),
    ]);
    expect(r.unmatched).toEqual([]);
    expect(r.complete).toBe(false);
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([
      ['FILING_RETENTION_PERIOD_INVALID', 'error'],
    ]);
    const u = evaluateRetention(oneResult({ itemType: '公共服务' }), s);
    expect(u.findings.map((f) => f.code)).toEqual(['FILING_RETENTION_UNMATCHED']);
  });

  it('compares with the declared 保管期限', () => {
    const mismatch = evaluateRetention(
      {
        ...record,
        文件实体: { ...record.文件实体, 档号: { ...record.文件实体.档号, 保管期限: '定期10年' } },
      },
      EX,
    );
    expect(mismatch.findings).toEqual([
      expect.objectContaining({
        code: 'FILING_RETENTION_MISMATCH',
        severity: 'warning',
        path: '/文件实体/档号/保管期限',
      }),
    ]);
    expect(mismatch.findings[0]?.message).toContain('“定期10年”');
    expect(evaluateRetention(oneResult({ declaredRetention: 'Y' }), EX).findings).toEqual([]);
    const unreadable = evaluateRetention(oneResult({ declaredRetention: '短期' }), EX);
    expect(unreadable.findings.map((f) => [f.code, f.path])).toEqual([
      ['FILING_RETENTION_PERIOD_INVALID', '/文件实体/档号/保管期限'],
    ]);
  });

  it('judges a case without components as a whole, by the rows naming no kind', () => {
    const s = schedule([
      { id: 'KIND', itemCode: 'A', materialKinds: ['结果性材料'], inScope: true, retention: 'Y' },
      { id: 'CASE', itemCode: 'A', inScope: true, retention: 'D30' },
    ]);
    const r = evaluateRetention({ caseNumber: 'X', itemCode: 'A' }, s);
    expect(r.inScope).toEqual([
      {
        ref: '/办件',
        component: undefined,
        ruleId: 'CASE',
        retention: expect.objectContaining({ code: 'D30' }),
      },
    ]);
    expect(r.retention?.code).toBe('D30');
    const none = evaluateRetention({ caseNumber: 'X', itemCode: 'B', itemType: '行政许可' }, EX);
    expect(none.unmatched).toEqual([{ ref: '/办件', component: undefined }]);
    expect(none.findings[0]?.message).toMatch(/^办件 X在/);
  });

  it('reads licences by their own row, else by their class', () => {
    const s = schedule([
      { id: 'RES', itemCode: 'A', materialKinds: ['结果性材料'], inScope: true, retention: 'D30' },
      { id: 'BASIS', itemCode: 'A', materialKinds: ['证据性材料'], inScope: true, retention: 'D10' },
      { id: 'ANY', itemCode: 'A', inScope: true, retention: 'D5' },
    ]);
    const c: FilingCase = {
      caseNumber: 'X',
      itemCode: 'A',
      licences: [{ name: '执照' }, { name: '身份证', materialClass: '依据性' }],
    };
    expect(evaluateRetention(c, s).inScope.map((m) => m.ruleId)).toEqual(['RES', 'BASIS']);
    expect(evaluateRetention(c, s, { licenceClass: '程序性材料' }).inScope.map((m) => m.ruleId)).toEqual([
      'ANY',
      'BASIS',
    ]);
    const own = schedule([
      ...s.rules,
      { id: 'LIC', itemTypes: ['x'], materialKinds: ['电子证照'], inScope: false },
    ]);
    expect(evaluateRetention({ ...c, itemType: 'x' }, own).outOfScope.map((m) => m.ruleId)).toEqual([]);
    expect(
      evaluateRetention({ ...c, itemCode: 'Z', itemType: 'x' }, own).outOfScope.map((m) => m.ruleId),
    ).toEqual(['LIC', 'LIC']);
  });

  it('notes 证据性材料 in the case as an alias and still matches', () => {
    const r = evaluateRetention(oneResult({ materials: [{ materialClass: '证据性材料' }] }), EX);
    expect(r.inScope[0]?.ruleId).toBe('EX-SPJY-YJ');
    expect(r.findings.map((f) => f.code)).toEqual(['FILING_MATERIAL_CLASS_ALIAS']);
  });

  it('throws for a malformed schedule or case; the safe form returns the findings', () => {
    const bad = schedule([
      { id: '', inScope: true, retention: 'D10' },
      { id: 'X', itemCode: 'A', itemCodePrefix: 'A', inScope: true },
    ]);
    expect(() => evaluateRetention(oneResult(), bad)).toThrow(
      expect.objectContaining({ code: 'FILING_SCHEDULE_INVALID' }),
    );
    const r = safeEvaluateRetention(oneResult(), bad);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.findings.map((f) => f.path)).toEqual(['/rules/0/id', '/rules/1', '/rules/1/retention']);
    const c = safeEvaluateRetention({ caseNumber: 'X' } as never, EX);
    expect(!c.ok && c.error.code).toBe('FILING_CASE_INVALID');
  });
});
