import { DanganError } from '@dangan/core';

/** A calendar date without time or zone. */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A date read from input: `year` precision for a bare 年度 (`2024`), `day` otherwise. */
export interface ReadDate {
  readonly date: LocalDate;
  readonly precision: 'year' | 'day';
}

/** UTC+8 (China Standard Time), the default zone in which dateTimes are read. */
export const CHINA_UTC_OFFSET_MINUTES = 480;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumber(d: LocalDate): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (inverse of {@link dayNumber}). */
export function fromDayNumber(n: number): LocalDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

/** `YYYY-MM-DD`. */
export function formatLocalDate(d: LocalDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The last day of a month. */
export function endOfMonth(year: number, month: number): LocalDate {
  return { year, month, day: daysInMonth(year, month) };
}

/**
 * `n` years after `d`, on the corresponding day; when that day does not exist (29 February into a common
 * year) the last day of the month (《民法典》 第二百零二条: 到期月的对应日为期间的最后一日；没有对应日的，为月末日).
 */
export function addYears(d: LocalDate, n: number): LocalDate {
  const year = d.year + n;
  return { year, month: d.month, day: Math.min(d.day, daysInMonth(year, d.month)) };
}

function invalidDate(value: unknown, what: string): never {
  const text = typeof value === 'string' ? value : String(value);
  throw new DanganError(
    'FILING_DATE_INVALID',
    `${what}“${text}”不是有效的日期（应为 YYYY-MM-DD、YYYY 或带时区的 ISO 8601 时间）`,
    {
      messageEn: `${what === '日期' ? 'date' : what} "${text}" is not a valid date (expected YYYY-MM-DD, YYYY or an ISO 8601 dateTime)`,
    },
  );
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Reads a date given as `YYYY-MM-DD`, `YYYYMMDD`, a bare year `YYYY` (a 年度), or an ISO 8601 dateTime. A
 * dateTime with a zone (`Z`, `+08:00`) is converted to the local date at `utcOffsetMinutes` (default UTC+8); a
 * dateTime without a zone is taken as local wall time already. Throws `DanganError('FILING_DATE_INVALID')`.
 */
export function readDate(value: string, utcOffsetMinutes: number, what = '日期'): ReadDate {
  if (typeof value !== 'string') invalidDate(value, what);
  const text = value.trim();
  let m = /^(\d{4})$/.exec(text);
  if (m !== null) return { date: { year: Number(m[1]), month: 12, day: 31 }, precision: 'year' };
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m !== null)
    return { date: checked(Number(m[1]), Number(m[2]), Number(m[3]), value, what), precision: 'day' };
  m = DATE_TIME.exec(text);
  if (m === null) invalidDate(value, what);
  const date = checked(Number(m[1]), Number(m[2]), Number(m[3]), value, what);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 60) invalidDate(value, what);
  const zone = m[7];
  if (zone === undefined) return { date, precision: 'day' };
  let offset = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (oh > 14 || om > 59) invalidDate(value, what);
    offset = sign * (oh * 60 + om);
  }
  const minutes = dayNumber(date) * 1440 + hour * 60 + minute - offset + utcOffsetMinutes;
  return { date: fromDayNumber(Math.floor(minutes / 1440)), precision: 'day' };
}

function checked(year: number, month: number, day: number, value: string, what: string): LocalDate {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) invalidDate(value, what);
  return { year, month, day };
}

/** Today as a local date, from a `YYYY-MM-DD`/dateTime string or a `Date` read at `utcOffsetMinutes`. */
export function readToday(today: string | Date, utcOffsetMinutes: number): LocalDate {
  if (today instanceof Date) {
    const ms = today.getTime();
    if (!Number.isFinite(ms)) invalidDate('Invalid Date', '今天');
    return fromDayNumber(Math.floor((ms + utcOffsetMinutes * 60_000) / 86_400_000));
  }
  const r = readDate(today, utcOffsetMinutes, '今天');
  if (r.precision === 'year') invalidDate(today, '今天');
  return r.date;
}
