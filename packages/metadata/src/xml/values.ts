/**
 * A finite number as an XML Schema decimal string: no exponent, no `+`, shortest digits that read back as
 * the same number (`1e21` → `1000000000000000000000`, `1.5e-7` → `0.00000015`, `-0` → `0`).
 *
 * @example
 * formatXmlNumber(1024); // '1024'
 * formatXmlNumber(2.5e-7); // '0.00000025'
 */
export function formatXmlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`value must be a finite number, got ${String(value)}`);
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  // Position of the decimal point counted from the start of `digits`.
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${out}` : out;
}

const INTEGER = /^[+-]?[0-9]+$/;
const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
const XML_SPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;

/**
 * The number an XML Schema integer or decimal text stands for (whitespace collapsed as XSD does), or
 * `undefined` when the text is not one, or is an integer beyond `Number.MAX_SAFE_INTEGER` that a number
 * cannot hold exactly.
 *
 * @example
 * parseXmlNumber(' 12 ', 'integer'); // 12
 * parseXmlNumber('3页', 'integer'); // undefined
 */
export function parseXmlNumber(text: string, type: 'integer' | 'decimal'): number | undefined {
  const value = text.replace(XML_SPACE, '');
  if (type === 'integer') {
    if (!INTEGER.test(value)) return undefined;
    const n = Number(value);
    return Number.isSafeInteger(n) ? (Object.is(n, -0) ? 0 : n) : undefined;
  }
  if (!DECIMAL.test(value)) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? (Object.is(n, -0) ? 0 : n) : undefined;
}
