import { schemes } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import { batch, record, run, where, ywtbRecord } from './support.js';

describe('metadata.continuity (GD-2-6)', () => {
  it('reports a gap in 件号 at the record after it', async () => {
    const records = [record(1), record(2), record(5), record(6)];
    const outcome = await run('metadata.continuity', records);
    expect(outcome.status).toBe('fail');
    expect(where(outcome)).toEqual([['FILING_SEQUENCE_GAP', 'M17', '元数据.xml#3/文件实体/档号/室编件号']]);
    expect(outcome.findings[0]?.message).toBe('档号类别“Z109-WS·2025-D30-XK”中缺少件号 3–4（断号）');
  });

  it('counts each leaf class on its own, and from the configured start', async () => {
    const other = [record(1), record(2)].map((r) => {
      r.文件实体.档号.保管期限 = '永久';
      return r;
    });
    expect((await run('metadata.continuity', [...batch(3), ...other])).status).toBe('pass');
    const later = [record(101), record(102)];
    const fromOne = await run('metadata.continuity', later);
    expect(fromOne.findings[0]?.message).toContain('缺少件号 1–100（断号；应从 1 开始）');
    expect((await run('metadata.continuity', later, { itemParams: { start: 'lowest' } })).status).toBe(
      'pass',
    );
    expect((await run('metadata.continuity', later, { itemParams: { start: 101 } })).status).toBe('pass');
  });

  it('reports repeated 件号 and numbers out of order', async () => {
    const dup = await run('metadata.continuity', [record(1), record(2), record(2)]);
    expect(where(dup)).toEqual([['FILING_SEQUENCE_DUPLICATE', 'M17', '元数据.xml#3/文件实体/档号/室编件号']]);
    const order = await run('metadata.continuity', [record(2), record(1), record(3)]);
    expect(order.status).toBe('warning');
    expect(where(order)).toEqual([
      ['FILING_SEQUENCE_OUT_OF_ORDER', 'M17', '元数据.xml#2/文件实体/档号/室编件号'],
    ]);
  });

  it('checks 件内顺序号 (文档序号) within each 件', async () => {
    const docs = [1, 2, 4].map((n) => {
      const r = record(7);
      r.文件实体.档号.文档序号 = String(n);
      return r;
    });
    const outcome = await run('metadata.continuity', docs, { itemParams: { start: 7 } });
    expect(where(outcome)).toEqual([['FILING_SEQUENCE_GAP', 'M19', '元数据.xml#3/文件实体/档号/文档序号']]);
    expect(outcome.findings[0]?.message).toContain('缺少件内顺序号 3');
    delete docs[1]!.文件实体.档号.文档序号;
    const missing = await run('metadata.continuity', docs, { itemParams: { start: 7 } });
    expect(missing.findings.map((f) => [f.code, f.path])).toContainEqual([
      'FILING_SEQUENCE_VALUE_INVALID',
      '元数据.xml#2/文件实体/档号/文档序号',
    ]);
  });

  it('groups 件内顺序号 by 办件 with groupBy 办件 (shanghai-ywtb)', async () => {
    const parts = [1, 3].map((n) => {
      const r = ywtbRecord();
      r.文件实体.档号.文档序号 = String(n);
      r.文件实体.档号.室编件号 = n;
      return r;
    });
    const byCase = await run('metadata.continuity', parts, {
      scheme: schemes.ywtb,
      itemParams: { groupBy: '办件', start: 'lowest' },
    });
    expect(byCase.findings.map((f) => [f.code, f.element, f.message])).toContainEqual([
      'FILING_SEQUENCE_GAP',
      'M19',
      '办件“310115202603160001”中缺少件内顺序号 2（断号）',
    ]);
  });

  it('is not-applicable when no record is numbered', async () => {
    const r = record(1);
    delete r.文件实体.档号.室编件号;
    const outcome = await run('metadata.continuity', [r]);
    expect(outcome.status).toBe('not-applicable');
  });

  it('ends in error for a bad start', async () => {
    expect((await run('metadata.continuity', batch(2), { itemParams: { start: -1 } })).status).toBe('error');
    expect((await run('metadata.continuity', batch(2), { itemParams: { groupBy: '卷' } })).status).toBe(
      'error',
    );
  });
});

describe('metadata.process (GD-2-5)', () => {
  it('requires handling steps (业务实体) on every record by default', async () => {
    const r = record(1);
    delete r.业务实体;
    const outcome = await run('metadata.process', [record(2), r]);
    expect(outcome.status).toBe('fail');
    expect(where(outcome)).toEqual([['CHECK_PROCESS_MISSING', 'E:业务实体', '元数据.xml#2/业务实体']]);
  });

  it('only on important records when importantWhen is set', async () => {
    const r = record(1);
    delete r.业务实体;
    const when = { importantWhen: { element: 'M12', in: ['永久'] } };
    expect((await run('metadata.process', [r], { itemParams: when })).status).toBe('pass');
    r.文件实体.档号.保管期限 = '永久';
    expect((await run('metadata.process', [r], { itemParams: when })).status).toBe('fail');
    const bad = await run('metadata.process', [r], {
      itemParams: { importantWhen: { element: 'M999', in: ['x'] } },
    });
    expect(bad.status).toBe('error');
  });

  it('requires the configured steps, read from 业务实体 or 办件.过程信息', async () => {
    const params = { itemParams: { requiredActions: ['受理', '办结'] } };
    const outcome = await run('metadata.process', [record(1)], params);
    expect(outcome.findings.map((f) => [f.code, f.element, f.message])).toEqual([
      [
        'CHECK_PROCESS_ACTION_MISSING',
        'M81',
        '过程信息缺少“办结”环节（业务实体的业务行为或办件过程信息的环节名称）',
      ],
    ]);
    const y = ywtbRecord();
    delete y.业务实体;
    const fromCase = await run('metadata.process', [y], {
      scheme: schemes.ywtb,
      itemParams: { requiredActions: ['审核'] },
    });
    expect(fromCase.status).toBe('pass');
  });

  it('reports a 业务实体 naming an agent the record does not have', async () => {
    const r = record(1);
    r.业务实体[1].机构人员标识符 = 'A9';
    expect(where(await run('metadata.process', [r]))).toEqual([
      [
        'CHECK_PROCESS_AGENT_UNKNOWN',
        'DAT48:业务实体/机构人员标识符',
        '元数据.xml#1/业务实体/1/机构人员标识符',
      ],
    ]);
    expect((await run('metadata.process', [r], { itemParams: { checkAgents: false } })).status).toBe('pass');
  });
});
