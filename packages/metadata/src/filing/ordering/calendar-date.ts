/**
 * The day a date string names as the integer `YYYYMMDD` (for fast comparison), or `undefined` when it is not a
 * real calendar date. Accepts `YYYY-MM-DD` (the form records use) and `YYYYMMDD` (the form catalogues print);
 * years 0001–9999, proleptic Gregorian leap years.
 *
 * @example
 * dayNumber('2024-02-29'); // 20240229
 * dayNumber('2023-02-29'); // undefined
 */
export function dayNumber(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  let y: number;
  let m: number;
  let d: number;
  if (value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    y = digits(value, 0, 4);
    m = digits(value, 5, 7);
    d = digits(value, 8, 10);
  } else if (value.length === 8) {
    y = digits(value, 0, 4);
    m = digits(value, 4, 6);
    d = digits(value, 6, 8);
  } else {
    return undefined;
  }
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return y * 10000 + m * 100 + d;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
