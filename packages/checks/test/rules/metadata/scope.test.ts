import { EXAMPLE_YWTB_RETENTION_SCHEDULE, type RetentionSchedule, schemes } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../../../src/profile/resolve.js';
import { record, run, where, ywtbRecord } from './support.js';

const schedule = EXAMPLE_YWTB_RETENTION_SCHEDULE;
const ywtb = { scheme: schemes.ywtb } as const;

describe('package.scope (GD-2-9 归档范围检测)', () => {
  it('passes a 办件 whose materials the schedule files, with its result material', async () => {
    const outcome = await run('package.scope', [ywtbRecord()], {
      ...ywtb,
      itemParams: { schedule, requiredMaterialKinds: ['结果性材料'] },
    });
    expect(outcome.status).toBe('pass');
  });

  it('reports a material outside the filing scope at its record path (warning by default, error if set)', async () => {
    const r = ywtbRecord();
    r.办件.事项类型 = '公共服务';
    r.办件.事项编码 = '310115000000-GGFW-0001';
    r.办件.材料.push({ 材料名称: '受理回执', 材料类别: '程序性材料', 计算机文件名: '回执.pdf' });
    r.文件实体.档号.保管期限 = '定期10年';
    const outcome = await run('package.scope', [r], { ...ywtb, itemParams: { schedule } });
    expect(outcome.status).toBe('warning');
    expect(where(outcome)).toEqual([
      ['FILING_RETENTION_OUT_OF_SCOPE', 'YW-材料', '元数据.xml#1/办件/材料/2'],
    ]);
    const strict = await run('package.scope', [r], {
      ...ywtb,
      itemParams: { schedule, outOfScope: 'error' },
    });
    expect(strict.status).toBe('fail');
  });

  it('reports a missing required material of the 办件', async () => {
    const r = ywtbRecord();
    r.办件.材料 = [r.办件.材料[0]];
    delete r.办件.电子证照;
    const outcome = await run('package.scope', [r], {
      ...ywtb,
      itemParams: { schedule, requiredMaterialKinds: ['结果性材料'] },
    });
    expect(outcome.status).toBe('fail');
    expect(where(outcome)).toEqual([
      ['CHECK_SCOPE_REQUIRED_MATERIAL_MISSING', 'YW-材料', '元数据.xml#1/办件/材料'],
    ]);
    expect(outcome.findings[0]?.message).toBe(
      '办件“310115202603160001”（事项编码 310115000000-JYXK-0001）没有应归档的结果性材料',
    );
  });

  it('reports a 保管期限 that differs from the schedule, and an item code no rule covers', async () => {
    const r = ywtbRecord();
    r.文件实体.档号.保管期限 = '永久';
    const mismatch = await run('package.scope', [r], { ...ywtb, itemParams: { schedule } });
    expect(where(mismatch)).toEqual([
      ['FILING_RETENTION_MISMATCH', 'M12', '元数据.xml#1/文件实体/档号/保管期限'],
    ]);
    const u = ywtbRecord();
    u.办件.事项编码 = '999';
    delete u.办件.事项类型;
    const unmatched = await run('package.scope', [u], { ...ywtb, itemParams: { schedule } });
    expect(unmatched.status).toBe('warning');
    expect(unmatched.findings.every((f) => f.code === 'FILING_RETENTION_UNMATCHED')).toBe(true);
  });

  it('is not-applicable without a schedule, or error when the profile requires one (shanghai-ywtb)', async () => {
    const none = await run('package.scope', [ywtbRecord()], ywtb);
    expect(none.status).toBe('not-applicable');
    const required = resolveProfile('shanghai-ywtb').items['GD-2-9']!.params;
    const error = await run('package.scope', [ywtbRecord()], { ...ywtb, itemParams: required });
    expect(error.status).toBe('error');
    expect(error.reason).toContain('归档范围与保管期限表');
    const configured = await run('package.scope', [ywtbRecord()], {
      ...ywtb,
      itemParams: { ...required, schedule },
    });
    expect(configured.status).toBe('pass');
  });

  it('is not-applicable for records without a 办件, and error for a malformed schedule or parameter', async () => {
    expect((await run('package.scope', [record(1)], { itemParams: { schedule } })).status).toBe(
      'not-applicable',
    );
    const broken = { ...schedule, rules: [{ id: '', inScope: true }] } as unknown as RetentionSchedule;
    const bad = await run('package.scope', [ywtbRecord()], { ...ywtb, itemParams: { schedule: broken } });
    expect(bad.status).toBe('error');
    const kinds = await run('package.scope', [ywtbRecord()], {
      ...ywtb,
      itemParams: { schedule, requiredMaterialKinds: ['证据性材料'] },
    });
    expect(kinds.status).toBe('error');
  });

  it('reports a 办件 block it cannot read at the record', async () => {
    const r = ywtbRecord();
    delete r.办件.事项编码;
    const outcome = await run('package.scope', [r], { ...ywtb, itemParams: { schedule } });
    expect(outcome.status).toBe('fail');
    expect(outcome.findings[0]?.code).toBe('FILING_CASE_INVALID');
    expect(outcome.findings[0]?.path).toBe('元数据.xml#1/办件/事项编码');
  });
});
