import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type FilingCase,
  groupCaseIntoItems,
  safeSplitJointCase,
  splitJointCase,
} from '../../../src/filing/case/index.js';
import { EXAMPLE_YWTB_RETENTION_SCHEDULE, evaluateRetention } from '../../../src/filing/retention/index.js';
import { schemes } from '../../../src/schemes/index.js';
import { checkRecord } from '../../../src/validate/index.js';

const record = JSON.parse(readFileSync(new URL('../../fixtures/ywtb-record.json', import.meta.url), 'utf8'));

const joint: FilingCase = {
  caseNumber: '310115202603160009',
  itemCode: '310115000000-SPJY-0001',
  itemName: '食品经营许可（新办）',
  itemType: '行政许可',
  acceptingAgency: '区市场监管局',
  jointAgencies: ['区消防救援支队'],
  declaredRetention: '永久',
  materials: [
    { name: '申请书', materialClass: '依据性材料' },
    { name: '消防检查意见', materialClass: '程序性材料', agency: 'XF' },
    { name: '许可决定书', materialClass: '结果性材料', agency: '区市场监管局' },
    { name: '现场核查记录', materialClass: '程序性材料', agency: '区城管执法局' },
  ],
  licences: [{ name: '食品经营许可证', agency: 'SJ' }],
};

const agencies = [
  { name: '区市场监管局', code: 'SJ', lead: true, components: ['/办件/材料/0'] },
  { name: '区消防救援支队', code: 'XF', components: ['/办件/材料/0'] },
];

describe('splitJointCase', () => {
  it('gives each agency its part and links the parts with 联合办理 relations', () => {
    const { parts, findings } = splitJointCase(joint, agencies);
    expect(parts.map((p) => [p.id, p.lead, p.components.map((c) => c.name)])).toEqual([
      ['310115202603160009-SJ', true, ['申请书', '许可决定书', '现场核查记录', '食品经营许可证']],
      ['310115202603160009-XF', false, ['申请书', '消防检查意见']],
    ]);
    expect(parts[0]?.relations).toEqual([
      {
        实体标识符: '310115202603160009-SJ',
        被关联实体标识符: '310115202603160009-XF',
        关系类型: '联合办理',
        关系: '协办',
        关系描述:
          '联合办理事项“食品经营许可（新办）”（办件编号 310115202603160009）中由区消防救援支队归档的部分',
      },
    ]);
    expect(parts[1]?.relations[0]).toMatchObject({ 实体标识符: '310115202603160009-XF', 关系: '主办' });
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['FILING_JOINT_SHARED_COMPONENT', '/办件/材料/0'],
      ['FILING_JOINT_UNKNOWN_AGENCY', '/办件/材料/3'],
    ]);
  });

  it('makes each part a case of its own, keeping the original refs', () => {
    const { parts } = splitJointCase(joint, agencies);
    const fire = parts[1]?.case;
    expect(fire).toMatchObject({
      caseNumber: '310115202603160009',
      acceptingAgency: '区消防救援支队',
      jointAgencies: ['区市场监管局'],
      electronicFileNumber: '310115202603160009-XF',
    });
    expect(fire?.declaredRetention).toBeUndefined();
    expect(fire?.materials?.map((m) => m.ref)).toEqual(['/办件/材料/0', '/办件/材料/1']);
    if (fire === undefined) return;
    const ev = evaluateRetention(fire, EXAMPLE_YWTB_RETENTION_SCHEDULE);
    expect(ev.inScope.map((m) => [m.ref, m.retention.code])).toEqual([
      ['/办件/材料/0', 'D30'],
      ['/办件/材料/1', 'D10'],
    ]);
    expect(ev.retention?.code).toBe('D30');
    const items = groupCaseIntoItems(fire, { evaluation: ev });
    expect(items.items[0]?.id).toBe('310115202603160009-XF');
  });

  it('derives the agencies from 受理部门 and 联合办理部门; unclaimed components go to the lead', () => {
    const { parts, findings } = splitJointCase({
      ...joint,
      materials: joint.materials?.slice(0, 1) ?? [],
      licences: [],
    });
    expect(parts.map((p) => [p.agency.name, p.lead, p.id, p.components.length])).toEqual([
      ['区市场监管局', true, '310115202603160009-01', 1],
      ['区消防救援支队', false, '310115202603160009-02', 0],
    ]);
    expect(parts[0]?.relations).toEqual([]);
    expect(findings.map((f) => f.code)).toEqual(['FILING_JOINT_UNASSIGNED', 'FILING_JOINT_EMPTY_PART']);
  });

  it('takes the lead from 受理部门 when none is flagged', () => {
    const { parts } = splitJointCase(joint, ['区消防救援支队', '区市场监管局']);
    expect(parts.map((p) => p.lead)).toEqual([false, true]);
  });

  it('relations can be written into the record and still validate', () => {
    const { parts } = splitJointCase(record, [
      { name: '上海市浦东新区市场监督管理局', code: 'SJ' },
      { name: '区消防救援支队', code: 'XF', components: ['/办件/材料/0'] },
    ]);
    const withRelations = { ...record, 实体关系: parts[0]?.relations };
    expect(parts[0]?.id).toBe('310115-MSC-2026-000123-01-SJ');
    expect(checkRecord(withRelations, schemes.ywtb).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('refuses malformed agency lists', () => {
    for (const bad of [
      [],
      ['甲', '甲'],
      [
        { name: '甲', lead: true },
        { name: '乙', lead: true },
      ],
      [{ name: ' ' }],
    ]) {
      const r = safeSplitJointCase(joint, bad as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('FILING_JOINT_INVALID');
    }
    const dupIds = safeSplitJointCase(joint, [
      { name: '甲', identifier: 'X' },
      { name: '乙', identifier: 'X' },
    ]);
    expect(dupIds.ok).toBe(false);
    expect(safeSplitJointCase({ caseNumber: 'X', itemCode: 'A' }).ok).toBe(false); // no agency at all
  });
});
