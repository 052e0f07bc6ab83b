import type { ElementType } from '../scheme/model.js';
import { codePointName, isIllegalCodePoint } from './characters.js';

/** A message in both languages. */
export interface Text {
  readonly zh: string;
  readonly en: string;
}

const TYPE_NAMES: { readonly [T in ElementType]: Text } = {
  string: { zh: '文本', en: 'text' },
  date: { zh: '日期文本（YYYY-MM-DD）', en: 'a date string (YYYY-MM-DD)' },
  dateTime: {
    zh: '日期时间文本（ISO 8601，如 2024-05-01T09:30:00+08:00）',
    en: 'a date-time string (ISO 8601, e.g. 2024-05-01T09:30:00+08:00)',
  },
  gYear: { zh: '年份文本（YYYY）', en: 'a year string (YYYY)' },
  integer: { zh: '非负整数（JSON 数值）', en: 'a non-negative integer (JSON number)' },
  positiveInteger: { zh: '正整数（JSON 数值，≥ 1）', en: 'a positive integer (JSON number, ≥ 1)' },
  decimal: { zh: '数值（JSON 数值）', en: 'a number (JSON number)' },
  enum: { zh: '文本（值域中的值）', en: 'a string from the value domain' },
  base64: { zh: 'Base64 文本', en: 'a Base64 string' },
  uri: { zh: '绝对 URI 文本', en: 'an absolute URI string' },
  container: { zh: '对象（容器型元素）', en: 'an object (container element)' },
};

/** How a data type is named in messages. */
export function typeName(type: ElementType): Text {
  return TYPE_NAMES[type];
}

const FORMATS: { readonly [T in ElementType]?: Text } = {
  date: { zh: 'YYYY-MM-DD 且为真实存在的日期', en: 'YYYY-MM-DD and a real calendar day' },
  dateTime: {
    zh: 'YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm] 且为真实存在的日期时间',
    en: 'YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm] with a real calendar day',
  },
  gYear: { zh: '四位年份 YYYY（0001–9999）', en: 'a four-digit year YYYY (0001–9999)' },
  base64: {
    zh: '标准 Base64（A–Z a–z 0–9 + /，以 = 补齐，不含换行）',
    en: 'standard Base64 (A–Z a–z 0–9 + /, = padding, no line breaks)',
  },
  uri: {
    zh: '绝对 URI（如 https://…、urn:…），不含空白',
    en: 'an absolute URI (https://…, urn:…) without spaces',
  },
};

/** The expected format of a data type, for `METADATA_FORMAT_INVALID` messages. */
export function formatName(type: ElementType): Text {
  return FORMATS[type] ?? TYPE_NAMES[type];
}

/**
 * A value as messages quote it: strings in quotes, cut after 40 characters, with control and other
 * invisible characters written as `\uXXXX`.
 */
export function quote(value: string): string {
  let out = '';
  let n = 0;
  for (const ch of value) {
    if (++n > 40) {
      out += '…';
      break;
    }
    const cp = ch.codePointAt(0)!;
    out += isIllegalCodePoint(cp) || cp === 0x09 || cp === 0x0a || cp === 0x0d ? escapeCodePoint(cp) : ch;
  }
  return `“${out}”`;
}

function escapeCodePoint(cp: number): string {
  return `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What a value is, for `METADATA_TYPE_INVALID` messages. */
export function describeValue(value: unknown): Text {
  if (value === null) return { zh: 'null', en: 'null' };
  if (Array.isArray(value))
    return { zh: `数组（${value.length} 项）`, en: `an array (${value.length} items)` };
  switch (typeof value) {
    case 'string':
      return { zh: `文本 ${quote(value)}`, en: `the string ${quote(value)}` };
    case 'number':
      return { zh: `数字 ${String(value)}`, en: `the number ${String(value)}` };
    case 'boolean':
      return { zh: `布尔值 ${String(value)}`, en: `the boolean ${String(value)}` };
    case 'bigint':
      return { zh: `BigInt ${String(value)}`, en: `the bigint ${String(value)}` };
    case 'object':
      if (value instanceof Date) return { zh: 'Date 对象', en: 'a Date object' };
      return Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null
        ? { zh: '对象', en: 'an object' }
        : { zh: `${value.constructor?.name ?? ''} 对象`, en: `a ${value.constructor?.name ?? ''} object` };
    default:
      return { zh: typeof value, en: typeof value };
  }
}

export { codePointName };
