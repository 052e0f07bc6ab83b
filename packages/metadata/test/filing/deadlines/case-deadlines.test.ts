import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseDeadlines, safeCaseDeadlines } from '../../../src/filing/deadlines/index.js';
import { EXAMPLE_YWTB_RETENTION_SCHEDULE, evaluateRetention } from '../../../src/filing/retention/index.js';

const record = JSON.parse(readFileSync(new URL('../../fixtures/ywtb-record.json', import.meta.url), 'utf8'));
const unfiled = { ...record, 办件: { ...record.办件, 归档时间: undefined } };

describe('caseDeadlines', () => {
  it('computes every deadline of the README case from its 办结时间 and declared period', () => {
    const d = caseDeadlines(record);
    expect(d).toEqual({
      rules: { id: 'shanghai', title: expect.stringContaining('上海'), status: 'in-force' },
      completedOn: '2026-03-18',
      year: '2026',
      retention: { code: 'D30', period: '定期30年', years: 30 },
      filingDue: '2027-06-30',
      transferDue: '2027-12-31',
      retentionExpiry: '2056-12-31',
      findings: [],
    });
    const km = caseDeadlines(record, 'kunming', {
      retention: evaluateRetention(record, EXAMPLE_YWTB_RETENTION_SCHEDULE).retention ?? 'Y',
    });
    expect(km.transferDue).toBe('2031-03-18');
  });

  it('flags an unfiled case once the filing date has passed, and passed transfer/expiry dates as info', () => {
    expect(caseDeadlines(unfiled, 'shanghai', { today: '2027-06-30' }).findings).toEqual([]);
    const late = caseDeadlines(unfiled, 'shanghai', { today: '2028-01-01' });
    expect(late.findings.map((f) => [f.code, f.severity])).toEqual([
      ['FILING_DEADLINE_OVERDUE', 'warning'],
      ['FILING_DEADLINE_PASSED', 'info'],
    ]);
    expect(late.findings[0]?.message).toContain('第十三条');
    const filed = caseDeadlines(record, 'shanghai', { today: '2060-01-01' });
    expect(filed.findings.map((f) => f.code)).toEqual(['FILING_DEADLINE_PASSED', 'FILING_DEADLINE_PASSED']);
  });

  it('flags filing after the due date from 归档时间', () => {
    const d = caseDeadlines({ ...record, 办件: { ...record.办件, 归档时间: '2027-07-01T00:10:00+08:00' } });
    expect(d.findings).toEqual([
      expect.objectContaining({ code: 'FILING_DEADLINE_FILED_LATE', path: '/办件/归档时间' }),
    ]);
    // 2027-06-30T16:10Z is already 1 July in Shanghai
    expect(
      caseDeadlines({ ...record, 办件: { ...record.办件, 归档时间: '2027-06-30T16:10:00Z' } }).findings[0]
        ?.code,
    ).toBe('FILING_DEADLINE_FILED_LATE');
    expect(
      caseDeadlines({ ...record, 办件: { ...record.办件, 归档时间: '2027-06-30T15:50:00Z' } }).findings,
    ).toEqual([]);
  });

  it('says what it cannot compute', () => {
    const bare = caseDeadlines({ caseNumber: 'X', itemCode: 'A' });
    expect(bare.findings.map((f) => [f.code, f.path])).toEqual([
      ['FILING_DEADLINE_INCOMPLETE', '/文件实体/档号/保管期限'],
      ['FILING_DEADLINE_INCOMPLETE', '/办件/办结时间'],
    ]);
    expect(bare.filingDue).toBeUndefined();
    const noPeriod = caseDeadlines({
      caseNumber: 'X',
      itemCode: 'A',
      completedAt: '2024-12-31T23:30:00+08:00',
    });
    expect([noPeriod.filingDue, noPeriod.transferDue, noPeriod.year]).toEqual([
      '2025-06-30',
      undefined,
      '2024',
    ]);
    const old = caseDeadlines({
      caseNumber: 'X',
      itemCode: 'A',
      completedAt: '2024-05-01',
      declaredRetention: '长期',
    });
    expect(old.findings.map((f) => f.code)).toEqual(['FILING_RETENTION_PERIOD_INVALID']);
    expect(old.filingDue).toBe('2025-06-30');
    const permanent = caseDeadlines(
      { caseNumber: 'X', itemCode: 'A', completedAt: '2024-05-01' },
      'shanghai',
      { retention: '永久' },
    );
    expect([permanent.transferDue, permanent.retentionExpiry]).toEqual(['2025-12-31', undefined]);
  });

  it('the safe form reports bad dates', () => {
    const r = safeCaseDeadlines({ caseNumber: 'X', itemCode: 'A', completedAt: '2024-02-30' });
    expect(!r.ok && r.error.code).toBe('FILING_DATE_INVALID');
    expect(!r.ok && r.error.message).toContain('办结时间');
  });
});
