import { type SafeResult, safely } from '@dangan/core';
import { parseRetention, type Retention } from '../retention-period.js';
import { addYears, endOfMonth, formatLocalDate, readDate } from './local-date.js';
import { resolveDeadlineRules } from './resolve-rules.js';
import type { DeadlineProfile, DeadlineRules } from './rules.js';

/** Options shared by the deadline functions. */
export interface DeadlineOptions {
  /** Overrides the table's `utcOffsetMinutes` (default 480, UTC+8) for reading dateTimes with a zone. */
  readonly utcOffsetMinutes?: number;
}

function offsetOf(rules: DeadlineRules, options: DeadlineOptions | undefined): number {
  const o = options?.utcOffsetMinutes;
  if (o === undefined) return rules.utcOffsetMinutes;
  if (!Number.isInteger(o) || Math.abs(o) > 14 * 60)
    throw new RangeError('options.utcOffsetMinutes must be an integer in -840..840');
  return o;
}

function readRetention(retention: string | Retention): Retention {
  return typeof retention === 'string' ? parseRetention(retention) : parseRetention(retention?.code);
}

/**
 * The periodic-filing due date (定期归档期限) of a 事项 completed at `completedAt`: the last day of the table's
 * month in the year after the 办结 year — 30 June of the next year under `shanghai` (第十三条) and `kunming`
 * (第二十条). `completedAt` is a 办结时间 dateTime (read at UTC+8 unless the table or `options` say otherwise:
 * `2024-12-31T23:30:00+08:00` is 31 December, `2024-12-31T16:30:00Z` is 1 January 2025), a `YYYY-MM-DD` date or a
 * bare year. Returns `YYYY-MM-DD`; the due date is the last day allowed. Throws `FILING_DATE_INVALID` or
 * `FILING_DEADLINE_RULES_INVALID`.
 *
 * @example
 * filingDueDate('2026-03-18T16:30:00+08:00');   // '2027-06-30'
 * filingDueDate('2024-12-31T16:30:00Z');         // '2026-06-30' (already 2025 in UTC+8)
 */
export function filingDueDate(
  completedAt: string,
  rules?: DeadlineRules | DeadlineProfile,
  options?: DeadlineOptions,
): string {
  const r = resolveDeadlineRules(rules);
  const { date } = readDate(completedAt, offsetOf(r, options), '办结时间');
  return formatLocalDate(endOfMonth(date.year + r.filing.yearsAfter, r.filing.month));
}

/**
 * The transfer due date (移交进馆期限) of records formed at `formedAt` (a date, a dateTime or a bare 年度) kept
 * for `retention`, or `undefined` when the table sets no transfer deadline or the period is below its
 * `minRetentionYears` (Shanghai: only 30 years or more, 永久 included, are transferred). Under `shanghai` the
 * due date is 31 December of the year after formation (第二十条 “形成次年移交”); under `kunming` and
 * `transfer-5y|10y|20y` it is N years after the formation date (a bare 年度 counts from its 31 December;
 * 2024-02-29 + 5 years is 2029-02-28). Throws `FILING_DATE_INVALID`, `FILING_RETENTION_INVALID` or
 * `FILING_DEADLINE_RULES_INVALID`.
 *
 * @example
 * transferDueDate('2026-03-18', 'D30');             // '2027-12-31'
 * transferDueDate('2026-03-18', 'D10');             // undefined (not transferred)
 * transferDueDate('2024-02-29', '永久', 'kunming'); // '2029-02-28'
 */
export function transferDueDate(
  formedAt: string,
  retention: string | Retention,
  rules?: DeadlineRules | DeadlineProfile,
  options?: DeadlineOptions,
): string | undefined {
  const r = resolveDeadlineRules(rules);
  const { date } = readDate(formedAt, offsetOf(r, options), '形成日期');
  const period = readRetention(retention);
  const t = r.transfer;
  if (t === undefined) return undefined;
  if (t.minRetentionYears !== undefined && period.years !== undefined && period.years < t.minRetentionYears)
    return undefined;
  if (t.kind === 'year-after-formation')
    return formatLocalDate({ year: date.year + t.yearsAfter, month: 12, day: 31 });
  return formatLocalDate(addYears(date, t.years));
}

/**
 * The last day of a 定期 retention period for records formed at `formedAt` (a date, a dateTime or a bare 年度):
 * after it the records are due for appraisal (鉴定, 《档案法实施条例》 第二十四条). `undefined` for 永久, which
 * never expires. How the period is counted is PROVISIONAL (no clause found): by default (`year-end`) from
 * 1 January after the 年度, so a 2024 record kept 定期10年 expires on 2034-12-31; `formation-date` counts N years
 * from the formation date instead. Throws `FILING_DATE_INVALID`, `FILING_RETENTION_INVALID` or
 * `FILING_DEADLINE_RULES_INVALID`.
 *
 * @example
 * retentionExpiry('2024', 'D10');        // '2034-12-31'
 * retentionExpiry('2024-05-06', '永久'); // undefined
 */
export function retentionExpiry(
  formedAt: string,
  retention: string | Retention,
  rules?: DeadlineRules | DeadlineProfile,
  options?: DeadlineOptions,
): string | undefined {
  const r = resolveDeadlineRules(rules);
  const { date } = readDate(formedAt, offsetOf(r, options), '形成日期');
  const years = readRetention(retention).years;
  if (years === undefined) return undefined;
  if (r.appraisal.basis === 'year-end')
    return formatLocalDate({ year: date.year + years, month: 12, day: 31 });
  return formatLocalDate(addYears(date, years));
}

/**
 * {@link filingDueDate} without throwing.
 *
 * @example
 * safeFilingDueDate('2024-02-30'); // { ok: false, findings: [{ code: 'FILING_DATE_INVALID', … }], error }
 */
export function safeFilingDueDate(
  completedAt: string,
  rules?: DeadlineRules | DeadlineProfile,
  options?: DeadlineOptions,
): SafeResult<string> {
  return safely(() => filingDueDate(completedAt, rules, options));
}

/**
 * {@link transferDueDate} without throwing.
 *
 * @example
 * safeTransferDueDate('2026-03-18', '长期'); // { ok: false, findings: [{ code: 'FILING_RETENTION_INVALID', … }], error }
 */
export function safeTransferDueDate(
  formedAt: string,
  retention: string | Retention,
  rules?: DeadlineRules | DeadlineProfile,
  options?: DeadlineOptions,
): SafeResult<string | undefined> {
  return safely(() => transferDueDate(formedAt, retention, rules, options));
}

/**
 * {@link retentionExpiry} without throwing.
 *
 * @example
 * safeRetentionExpiry('2024', 'D30'); // { ok: true, value: '2054-12-31' }
 */
export function safeRetentionExpiry(
  formedAt: string,
  retention: string | Retention,
  rules?: DeadlineRules | DeadlineProfile,
  options?: DeadlineOptions,
): SafeResult<string | undefined> {
  return safely(() => retentionExpiry(formedAt, retention, rules, options));
}
