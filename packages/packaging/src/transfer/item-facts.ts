import {
  longestRetention,
  normalizeArchivalCode,
  parseRetention,
  type Retention,
  recordArchivalCodeParts,
} from '@dangan/metadata';
import type { TransferRecord } from './types.js';

/** What a 档号 tells about its 件's place in the breakdown; a part is absent when the code does not show it. */
export interface ArchivalCodeFacts {
  readonly 门类?: string;
  readonly 年度?: string;
  readonly 保管期限?: string;
}

const CATEGORY = /^[A-Z]{2}$/u;
const YEAR = /^(?:19|20)\d{2}$/u;
const RETENTION = /^(?:Y|D[1-9]\d{0,2})$/u;

/**
 * Reads 门类, 年度 and 保管期限 from a 档号 of either style (DA/T 22 `Z109-WS·2011-Y-BGS-0001`, DA/T 13
 * `A439-WS·2015·D30·003-005`, legacy `2110-ZP-2009-0001`) without knowing its template: groups are split at
 * `-`, segments at `·` (look-alikes normalised); 门类 is a 2-letter first segment after the 全宗号; 年度 the
 * first segment from 1900–2099 and 保管期限 the first `Y`/`D{n}` segment outside the last group (the number).
 * A heuristic shared by the builder and the 清点, so both read the same breakdown from the same code.
 *
 * @example
 * archivalCodeFacts('Z109-WS·2011-Y-BGS-0001'); // { 门类: 'WS', 年度: '2011', 保管期限: '永久' }
 * archivalCodeFacts('A439-WS·2015·D30·003-005'); // { 门类: 'WS', 年度: '2015', 保管期限: '定期30年' }
 */
export function archivalCodeFacts(code: string): ArchivalCodeFacts {
  const groups = normalizeArchivalCode(code).code.split('-');
  const facts: { 门类?: string; 年度?: string; 保管期限?: string } = {};
  const first = groups[1]?.split('·')[0];
  if (first !== undefined && CATEGORY.test(first)) facts.门类 = first;
  for (const group of groups.slice(1, -1)) {
    for (const segment of group.split('·')) {
      if (facts.年度 === undefined && YEAR.test(segment)) facts.年度 = segment;
      else if (facts.保管期限 === undefined && RETENTION.test(segment))
        facts.保管期限 = parseRetention(segment).period;
    }
  }
  return facts;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * The 保管期限 written in a record (文件实体.档号.保管期限), as text, or `undefined`.
 *
 * @example
 * recordRetentionText({ 文件实体: { 档号: { 保管期限: '永久' } } }); // '永久'
 */
export function recordRetentionText(record: TransferRecord): string | undefined {
  const v = field(field(field(record, '文件实体'), '档号'), '保管期限');
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The outcome of reading the retention periods of an item's records. */
export type ItemRetention =
  | { readonly kind: 'ok'; readonly retention: Retention }
  | { readonly kind: 'missing'; readonly index: number }
  | { readonly kind: 'invalid'; readonly index: number; readonly value: string };

/**
 * The retention of an item: the longest of its records' periods (永久 beats any 定期), since an item is
 * transferred as a whole; `missing`/`invalid` name the first record whose period cannot be read.
 *
 * @example
 * itemRetention([recordD10, recordY], recordRetentionText); // { kind: 'ok', retention: { code: 'Y', … } }
 */
export function itemRetention(
  records: readonly TransferRecord[],
  retentionOf: (record: TransferRecord) => string | undefined,
): ItemRetention {
  const periods: Retention[] = [];
  for (const [index, record] of records.entries()) {
    const text = retentionOf(record);
    if (text === undefined || text.trim() === '') return { kind: 'missing', index };
    try {
      periods.push(parseRetention(text));
    } catch {
      return { kind: 'invalid', index, value: text };
    }
  }
  const longest = longestRetention(periods);
  return longest === undefined ? { kind: 'missing', index: 0 } : { kind: 'ok', retention: longest };
}

/**
 * The 门类, 年度 and 保管期限 of one record for the breakdown: from its catalogue 档号 first (as the 清点 reads
 * them back), else from the record (档号's 类别号 and 年度, 内容描述.日期's year, 保管期限), else `category`.
 *
 * @example
 * recordGroupFacts(record, 'Z109-WS·2026-D30-DJK-0123', 'WS'); // { 门类: 'WS', 年度: '2026', 保管期限: '定期30年' }
 */
export function recordGroupFacts(
  record: TransferRecord,
  archivalCode: string | undefined,
  category: string,
  retentionOf: (record: TransferRecord) => string | undefined,
): ArchivalCodeFacts {
  const fromCode = archivalCode === undefined ? {} : archivalCodeFacts(archivalCode);
  const parts = recordArchivalCodeParts(record);
  const date = field(field(field(record, '文件实体'), '内容描述'), '日期');
  const dateYear = typeof date === 'string' && /^\d{4}/u.test(date) ? date.slice(0, 4) : undefined;
  const partYear = parts.年度 === undefined ? undefined : String(parts.年度);
  let retention: string | undefined;
  const text = retentionOf(record);
  if (text !== undefined) {
    try {
      retention = parseRetention(text).period;
    } catch {
      retention = undefined;
    }
  }
  const facts: { 门类?: string; 年度?: string; 保管期限?: string } = {};
  const cat = fromCode.门类 ?? parts.门类代码 ?? category;
  if (cat !== '') facts.门类 = cat;
  const year = fromCode.年度 ?? partYear ?? dateYear;
  if (year !== undefined) facts.年度 = year;
  const period = fromCode.保管期限 ?? retention;
  if (period !== undefined) facts.保管期限 = period;
  return facts;
}
