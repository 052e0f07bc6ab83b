/** `xs:dateTime` lexical form: date, time, optional fraction, optional zone (`Z` or ±hh:mm up to 14:00). */
const DATE_TIME =
  /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-](0\d|1[0-3]):[0-5]\d|[+-]14:00)?$/;

/** Default zone for `Date` values: UTC+08:00 (China Standard Time), where DA/T 48 archives are made. */
export const EEP_DEFAULT_UTC_OFFSET_MINUTES = 480;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An `xs:dateTime` text for 封装包创建时间 / 签名时间: a `Date` is written in the given UTC offset (default
 * +08:00, e.g. `2024-06-01T10:00:00+08:00`, milliseconds only when non-zero); a string is checked against the
 * `xs:dateTime` form and returned unchanged. A `RangeError` names `field` otherwise.
 *
 * @example
 * eepDateTime(new Date('2024-06-01T02:00:00Z'), '封装包创建时间'); // '2024-06-01T10:00:00+08:00'
 */
export function eepDateTime(
  value: Date | string,
  field: string,
  offsetMinutes = EEP_DEFAULT_UTC_OFFSET_MINUTES,
): string {
  if (typeof value === 'string') {
    if (!DATE_TIME.test(value)) throw new RangeError(`${field} must be an xs:dateTime text, got ${value}`);
    return value;
  }
  if (!(value instanceof Date) || Number.isNaN(value.getTime()))
    throw new TypeError(`${field} must be a valid Date or an xs:dateTime string`);
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 14 * 60)
    throw new RangeError(`utcOffsetMinutes must be an integer within ±840, got ${String(offsetMinutes)}`);
  const local = new Date(value.getTime() + offsetMinutes * 60_000);
  const ms = local.getUTCMilliseconds();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${ms === 0 ? '' : `.${pad(ms, 3)}`}${zone}`
  );
}
