import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEADLINE_RULES,
  type DeadlineRules,
  daysUntilDue,
  filingDueDate,
  isOverdue,
  resolveDeadlineRules,
  retentionExpiry,
  safeFilingDueDate,
  safeRetentionExpiry,
  safeTransferDueDate,
  transferDueDate,
} from '../../../src/filing/deadlines/index.js';
import { parseRetention } from '../../../src/filing/retention-period.js';

describe('filingDueDate (上海 第十三条, 昆明 第二十条)', () => {
  it('is 30 June of the year after 办结', () => {
    expect(filingDueDate('2026-03-18T16:30:00+08:00')).toBe('2027-06-30');
    expect(filingDueDate('2026-03-18')).toBe('2027-06-30');
    expect(filingDueDate('20260318')).toBe('2027-06-30');
    expect(filingDueDate('2026')).toBe('2027-06-30');
    expect(filingDueDate('2026-01-01', 'kunming')).toBe('2027-06-30');
  });

  it('reads 办结时间 in UTC+8 by default: 31 December late evening is still that year locally', () => {
    expect(filingDueDate('2024-12-31T23:59:59+08:00')).toBe('2025-06-30');
    // 16:30Z on 31 Dec is 00:30 on 1 Jan in Shanghai: the case was completed in 2025.
    expect(filingDueDate('2024-12-31T16:30:00Z')).toBe('2026-06-30');
    expect(filingDueDate('2024-12-31T15:59:59Z')).toBe('2025-06-30');
    // 23:30 in Shanghai on 31 Dec is 15:30Z on 31 Dec: UTC agrees here; read at UTC it stays 2024.
    expect(filingDueDate('2024-12-31T23:30:00+08:00', 'shanghai', { utcOffsetMinutes: 0 })).toBe(
      '2025-06-30',
    );
    // 01:00+08:00 on 1 Jan is still 31 Dec in UTC: the offset option changes the year.
    expect(filingDueDate('2025-01-01T01:00:00+08:00')).toBe('2026-06-30');
    expect(filingDueDate('2025-01-01T01:00:00+08:00', 'shanghai', { utcOffsetMinutes: 0 })).toBe(
      '2025-06-30',
    );
    // without a zone the wall time is taken as local
    expect(filingDueDate('2024-12-31T23:30:00', 'shanghai', { utcOffsetMinutes: 0 })).toBe('2025-06-30');
    expect(filingDueDate('2025-01-01T07:00:00-05:00')).toBe('2026-06-30'); // 20:00 in Shanghai
    expect(filingDueDate('2024-12-31T20:00:00-0500')).toBe('2026-06-30'); // 09:00 next day in Shanghai
  });

  it('follows a custom table', () => {
    const mine: DeadlineRules = {
      ...DEADLINE_RULES.shanghai,
      id: 'mine',
      status: 'custom',
      filing: { yearsAfter: 0, month: 2, source: 'test' },
    };
    expect(filingDueDate('2024-01-10', mine)).toBe('2024-02-29');
    expect(filingDueDate('2023-01-10', mine)).toBe('2023-02-28');
  });

  it('refuses impossible dates and unknown tables', () => {
    for (const bad of [
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '24-01-01',
      'yesterday',
      '2024-01-01T24:00:00Z',
      '2024-01-01T10:00+15:00',
      '',
    ]) {
      const r = safeFilingDueDate(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('FILING_DATE_INVALID');
    }
    expect(safeFilingDueDate('2024-02-29').ok).toBe(true);
    const unknown = safeFilingDueDate('2024-01-01', 'beijing' as never);
    expect(!unknown.ok && unknown.error.code).toBe('FILING_DEADLINE_RULES_INVALID');
    const broken = safeFilingDueDate('2024-01-01', {
      ...DEADLINE_RULES.shanghai,
      filing: { yearsAfter: 1, month: 13, source: '' },
    });
    expect(!broken.ok && broken.error.code).toBe('FILING_DEADLINE_RULES_INVALID');
    expect(() => filingDueDate('2024-01-01', 'shanghai', { utcOffsetMinutes: 1000 })).toThrow(RangeError);
  });
});

describe('transferDueDate', () => {
  it('Shanghai 第二十条: 30 years or more (永久 included) in the year after formation, by 31 December', () => {
    expect(transferDueDate('2026-03-18', 'D30')).toBe('2027-12-31');
    expect(transferDueDate('2026-12-31T23:00:00+08:00', '永久')).toBe('2027-12-31');
    expect(transferDueDate('2026', '定期30年')).toBe('2027-12-31');
    expect(transferDueDate('2026-03-18', 'D10')).toBeUndefined();
    expect(transferDueDate('2026-03-18', 'D29')).toBeUndefined();
    expect(transferDueDate('2026-03-18', parseRetention('D50'))).toBe('2027-12-31');
  });

  it('Kunming draft 第二十二条 and 档发〔2012〕7号: within 5 years of formation', () => {
    expect(transferDueDate('2026-03-18', 'D30', 'kunming')).toBe('2031-03-18');
    expect(transferDueDate('2026-03-18', 'Y', 'transfer-5y')).toBe('2031-03-18');
    expect(transferDueDate('2026-03-18', 'D10', 'kunming')).toBeUndefined();
    expect(transferDueDate('2026', 'Y', 'kunming')).toBe('2031-12-31');
  });

  it('leap days: 2024-02-29 + N years lands on 28 February unless N keeps a leap year', () => {
    expect(transferDueDate('2024-02-29', 'Y', 'kunming')).toBe('2029-02-28');
    expect(transferDueDate('2024-02-29', 'Y', 'transfer-10y')).toBe('2034-02-28');
    expect(transferDueDate('2024-02-29', 'Y', 'transfer-20y')).toBe('2044-02-29');
    expect(transferDueDate('2024-02-28', 'Y', 'kunming')).toBe('2029-02-28');
    expect(transferDueDate('2024-03-01', 'Y', 'kunming')).toBe('2029-03-01');
  });

  it('profiles 10 and 20 years (实施条例 第二十条), and tables without transfer', () => {
    expect(transferDueDate('2026-03-18', 'D30', 'transfer-10y')).toBe('2036-03-18');
    expect(transferDueDate('2026-03-18', 'D30', 'transfer-20y')).toBe('2046-03-18');
    expect(
      transferDueDate('2026-03-18', 'D30', { ...DEADLINE_RULES.shanghai, id: 'none', transfer: undefined }),
    ).toBeUndefined();
    const all = {
      ...DEADLINE_RULES.kunming,
      id: 'all',
      transfer: { kind: 'years-from-formation', years: 5, source: 'x' },
    } as const;
    expect(transferDueDate('2026-03-18', 'D10', all)).toBe('2031-03-18');
  });

  it('refuses unreadable periods', () => {
    const r = safeTransferDueDate('2026-03-18', '长期');
    expect(!r.ok && r.error.code).toBe('FILING_RETENTION_INVALID');
  });
});

describe('retentionExpiry (PROVISIONAL counting)', () => {
  it('counts from the end of the 年度 by default; 永久 never expires', () => {
    expect(retentionExpiry('2024', 'D10')).toBe('2034-12-31');
    expect(retentionExpiry('2024-02-29', 'D10')).toBe('2034-12-31');
    expect(retentionExpiry('2024-12-31T16:30:00Z', 'D30')).toBe('2055-12-31');
    expect(retentionExpiry('2024-05-06', '永久')).toBeUndefined();
    expect(retentionExpiry('2024-05-06', parseRetention('Y'))).toBeUndefined();
    expect(safeRetentionExpiry('2024', 'D30')).toEqual({ ok: true, value: '2054-12-31' });
  });

  it('can count from the formation date instead', () => {
    const byDate: DeadlineRules = {
      ...DEADLINE_RULES.shanghai,
      id: 'by-date',
      appraisal: { basis: 'formation-date', source: 'x' },
    };
    expect(retentionExpiry('2024-02-29', 'D10', byDate)).toBe('2034-02-28');
    expect(retentionExpiry('2024-02-29', 'D4', byDate)).toBe('2028-02-29');
    expect(retentionExpiry('2024', 'D10', byDate)).toBe('2034-12-31');
  });
});

describe('isOverdue / daysUntilDue (today injected)', () => {
  it('the due date itself is in time', () => {
    expect(isOverdue('2027-06-30', '2027-06-30')).toBe(false);
    expect(isOverdue('2027-06-30', '2027-07-01')).toBe(true);
    expect(isOverdue(undefined, '2999-01-01')).toBe(false);
    expect(daysUntilDue('2027-06-30', '2027-06-01')).toBe(29);
    expect(daysUntilDue('2024-03-01', '2024-02-28')).toBe(2);
    expect(daysUntilDue('2023-03-01', '2023-02-28')).toBe(1);
  });

  it('reads a Date at UTC+8 unless told otherwise', () => {
    const lateUtc = new Date('2027-06-30T16:30:00Z'); // 00:30 on 1 July in Shanghai
    expect(isOverdue('2027-06-30', lateUtc)).toBe(true);
    expect(isOverdue('2027-06-30', lateUtc, { utcOffsetMinutes: 0 })).toBe(false);
    expect(() => isOverdue('2027-06-30', new Date(Number.NaN))).toThrow(
      expect.objectContaining({ code: 'FILING_DATE_INVALID' }),
    );
    expect(() => isOverdue('2027-06-30', '2027')).toThrow(
      expect.objectContaining({ code: 'FILING_DATE_INVALID' }),
    );
  });
});

describe('date arithmetic agrees with the platform calendar', () => {
  const dateArb = fc.date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2199-12-31T23:59:59Z'),
    noInvalidDate: true,
  });
  it('dateTimes with any zone land on the UTC+8 calendar day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -14 * 4, max: 14 * 4 }), (d, quarter) => {
        const zone = quarter * 15;
        const local = new Date(d.getTime() + zone * 60_000);
        const sign = zone < 0 ? '-' : '+';
        const hh = String(Math.floor(Math.abs(zone) / 60)).padStart(2, '0');
        const mm = String(Math.abs(zone) % 60).padStart(2, '0');
        const text = `${local.toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
        const shanghaiYear = new Date(d.getTime() + 8 * 3_600_000).getUTCFullYear();
        expect(filingDueDate(text)).toBe(`${shanghaiYear + 1}-06-30`);
      }),
    );
  });
  it('N years after a date is the same day, or the month end for 29 February', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 100 }), (d, n) => {
        const iso = d.toISOString().slice(0, 10);
        const target = new Date(Date.UTC(d.getUTCFullYear() + n, d.getUTCMonth(), d.getUTCDate()));
        if (target.getUTCMonth() !== d.getUTCMonth()) target.setUTCDate(0); // rolled into March: back to month end
        expect(
          transferDueDate(iso, 'Y', {
            ...DEADLINE_RULES.kunming,
            id: `n${n}`,
            transfer: { kind: 'years-from-formation', years: n, source: 'x' },
          }),
        ).toBe(target.toISOString().slice(0, 10));
        expect(daysUntilDue(target.toISOString().slice(0, 10), iso)).toBe(
          Math.round((target.getTime() - Date.parse(iso)) / 86_400_000),
        );
      }),
    );
  });
});

describe('the tables', () => {
  it('cite a clause for every rule and are valid', () => {
    for (const [id, r] of Object.entries(DEADLINE_RULES)) {
      expect(resolveDeadlineRules(id as keyof typeof DEADLINE_RULES)).toBe(r);
      expect(r.id).toBe(id);
      expect(r.filing.source.length).toBeGreaterThan(10);
      expect(r.transfer?.source.length).toBeGreaterThan(10);
      expect(r.appraisal.source).toMatch(/暂定|PROVISIONAL/);
    }
    expect(DEADLINE_RULES.shanghai.filing.source).toContain('第十三条');
    expect(DEADLINE_RULES.shanghai.transfer.source).toContain('第二十条');
    expect(DEADLINE_RULES.kunming.filing.source).toContain('第二十条');
    expect(DEADLINE_RULES.kunming.transfer.source).toContain('第二十二条');
    expect(DEADLINE_RULES.kunming.status).toBe('draft');
    expect(resolveDeadlineRules()).toBe(DEADLINE_RULES.shanghai);
  });
});
