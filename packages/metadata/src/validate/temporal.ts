import { typeRegExps } from './patterns.js';

/**
 * Milliseconds since the epoch of a `dateTime` value that already matched the pattern. A value without a
 * time zone is read at `offsetMs` from UTC.
 *
 * @example
 * dateTimeMillis('2024-05-01T08:00:00', 8 * 3_600_000) === Date.UTC(2024, 4, 1, 0); // true
 */
export function dateTimeMillis(value: string, offsetMs: number): number {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7)) - 1;
  const day = Number(value.slice(8, 10));
  const hours = Number(value.slice(11, 13));
  const minutes = Number(value.slice(14, 16));
  const seconds = Number(value.slice(17, 19));
  let i = 19;
  let millis = 0;
  if (value.charCodeAt(i) === 0x2e) {
    let j = i + 1;
    while (j < value.length && value.charCodeAt(j) >= 0x30 && value.charCodeAt(j) <= 0x39) j++;
    millis = Math.floor(Number(`0${value.slice(i, j)}`) * 1000);
    i = j;
  }
  let t = Date.UTC(year, month, day, hours, minutes, seconds, millis);
  if (year < 100) {
    // Date.UTC maps years 0–99 to 1900–1999.
    const d = new Date(t);
    d.setUTCFullYear(year);
    t = d.getTime();
  }
  if (i === value.length) return t - offsetMs;
  if (value.charCodeAt(i) === 0x5a) return t; // Z
  const sign = value.charCodeAt(i) === 0x2d ? -1 : 1;
  const zone = (Number(value.slice(i + 1, i + 3)) * 60 + Number(value.slice(i + 4, i + 6))) * 60_000;
  return t - sign * zone;
}

/** `YYYY-MM-DD` of an instant at `offsetMs` from UTC. */
export function localDate(millis: number, offsetMs: number): string {
  return new Date(millis + offsetMs).toISOString().slice(0, 10);
}

/**
 * Compares two temporal values (`gYear`, `date` or `dateTime` text): negative when `a` is earlier, 0 when
 * equal at the coarser precision, positive when later; `undefined` when either is not a valid value.
 * Two date-times compare as instants; otherwise the written dates (or years) are compared.
 *
 * @example
 * compareTemporal('2024-05-01', '2024-05-01T10:00:00+08:00', 0); // 0
 */
export function compareTemporal(a: string, b: string, offsetMs: number): number | undefined {
  const pa = precision(a);
  const pb = precision(b);
  if (pa === 0 || pb === 0) return undefined;
  if (pa === 3 && pb === 3) return dateTimeMillis(a, offsetMs) - dateTimeMillis(b, offsetMs);
  const n = Math.min(pa, pb) === 1 ? 4 : 10;
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** 1 gYear, 2 date, 3 dateTime, 0 none of them. */
function precision(value: string): number {
  const re = typeRegExps();
  if (value.length === 4) return re.gYear.test(value) ? 1 : 0;
  if (value.length === 10) return re.date.test(value) ? 2 : 0;
  return re.dateTime.test(value) ? 3 : 0;
}
