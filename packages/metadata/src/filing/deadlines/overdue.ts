import { dayNumber, readDate, readToday } from './local-date.js';

/** Options of {@link isOverdue} and {@link daysUntilDue}. */
export interface OverdueOptions {
  /** Offset at which a `Date` or a dateTime with a zone is read as a local date (default 480, UTC+8). */
  readonly utcOffsetMinutes?: number;
}

function offset(options: OverdueOptions | undefined): number {
  const o = options?.utcOffsetMinutes ?? 480;
  if (!Number.isInteger(o) || Math.abs(o) > 14 * 60)
    throw new RangeError('options.utcOffsetMinutes must be an integer in -840..840');
  return o;
}

/**
 * Days from `today` to `due` (a due date as the deadline functions return it): positive before, 0 on the day,
 * negative once overdue. `today` is injected (a `YYYY-MM-DD` string, a dateTime or a `Date` read at UTC+8) —
 * dangan reads no clock. Throws `FILING_DATE_INVALID`.
 *
 * @example
 * daysUntilDue('2027-06-30', '2027-06-01'); // 29
 */
export function daysUntilDue(due: string, today: string | Date, options?: OverdueOptions): number {
  const o = offset(options);
  const d = readDate(due, o, '期限');
  return dayNumber(d.date) - dayNumber(readToday(today, o));
}

/**
 * Whether a due date has passed on `today` (the due date itself is still in time). `undefined` (no deadline,
 * e.g. no transfer for 定期10年, or 永久 never expiring) is never overdue. Throws `FILING_DATE_INVALID`.
 *
 * @example
 * isOverdue('2027-06-30', '2027-07-01');           // true
 * isOverdue(undefined, new Date('2099-01-01'));  // false
 */
export function isOverdue(due: string | undefined, today: string | Date, options?: OverdueOptions): boolean {
  return due !== undefined && daysUntilDue(due, today, options) < 0;
}
