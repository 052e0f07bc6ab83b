import { DanganError, type Finding, type SafeResult, safely } from '@dangan/core';
import { dayNumber } from './calendar-date.js';

/**
 * A 件 as {@link orderItems} reads it by default. Anything else the item carries (the record, its 档号 parts…)
 * comes along untouched: `orderItems` is generic over the item type.
 */
export interface OrderableItem {
  /** 日期: the formation date, `YYYY-MM-DD` (`YYYYMMDD` is accepted too). */
  readonly date: string;
  /**
   * 事由: what the 件 is about (a meeting, a case, a 事项 …). Items with the same matter stay together; an item
   * without one stands alone. Compared after NFKC and trimming; `''` counts as none.
   */
  readonly matter?: string | undefined;
  /**
   * A stable key that breaks ties between items of the same date (办件编号, 电子文件号 …), compared by code
   * unit. Items whose date, matter and key are all equal keep their input order.
   */
  readonly key?: string | undefined;
}

/** Options of {@link orderItems}; each reader replaces the default field of {@link OrderableItem}. */
export interface OrderItemsOptions<T> {
  /** Reads the date (default `item.date`). */
  readonly date?: (item: T) => string | undefined;
  /** Reads the matter (default `item.matter`). */
  readonly matter?: (item: T) => string | undefined;
  /** Reads the tie-breaking key (default `item.key`). */
  readonly key?: (item: T) => string | undefined;
  /**
   * Keep the items of one matter together (default `true`, DA/T 22-2015 §5.3.1 按时间结合事由). With `false`
   * the order is by date, then key, then input order.
   */
  readonly keepMattersTogether?: boolean;
}

function field(item: unknown, name: 'date' | 'matter' | 'key'): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const v = (item as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}

function keyText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function matterText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = value.normalize('NFKC').trim();
  return m === '' ? undefined : m;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * 件 in their order within the lowest-level class (排列, DA/T 22-2015 §5.3.1): by time combined with 事由.
 *
 * - Items of one matter form a group; groups are ordered by their earliest date, then by their smallest key,
 *   then by matter (code-unit order). An item without a matter is a group of its own.
 * - Inside a group: by date, then key.
 * - Items equal on all of these keep their input order (the sort is stable), so the result does not depend on
 *   the input order except among such equals, and ordering an ordered list changes nothing.
 *
 * Throws `DanganError('FILING_ORDER_DATE_INVALID')` listing every item whose date is missing or invalid (use
 * {@link safeOrderItems} for the findings). Returns a new array.
 *
 * @example
 * orderItems([
 *   { date: '2024-03-05', matter: '第2次常务会议', key: 'b' },
 *   { date: '2024-03-01', matter: '第1次常务会议', key: 'a' },
 *   { date: '2024-03-02', key: 'c' },
 *   { date: '2024-03-09', matter: '第1次常务会议', key: 'd' },
 * ]).map((i) => i.key);
 * // ['a', 'd', 'c', 'b']
 */
export function orderItems<T extends OrderableItem>(items: readonly T[], options?: OrderItemsOptions<T>): T[];
export function orderItems<T>(
  items: readonly T[],
  options: OrderItemsOptions<T> & { readonly date: (item: T) => string | undefined },
): T[];
export function orderItems<T>(items: readonly T[], options: OrderItemsOptions<T> = {}): T[] {
  if (!Array.isArray(items)) throw new TypeError('items must be an array');
  const n = items.length;
  const readDate = options.date ?? ((item: T) => field(item, 'date'));
  const readMatter = options.matter ?? ((item: T) => field(item, 'matter'));
  const readKey = options.key ?? ((item: T) => field(item, 'key'));
  const together = options.keepMattersTogether ?? true;

  const days = new Float64Array(n);
  const keys = new Array<string>(n);
  let anyKey = false;
  const bad: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    const raw = readDate(item);
    const day = dayNumber(raw);
    if (day === undefined) {
      bad.push(dateFinding(i, raw));
      continue;
    }
    days[i] = day;
    const k = keyText(readKey(item));
    keys[i] = k;
    if (k !== '') anyKey = true;
  }
  if (bad.length > 0) {
    throw new DanganError(
      'FILING_ORDER_DATE_INVALID',
      `${bad.length} 件的日期缺失或无效，无法排列（${bad[0]!.message}${bad.length > 1 ? ' 等' : ''}）`,
      { messageEn: `${bad.length} item(s) have a missing or invalid date`, findings: bad },
    );
  }

  const byDayKey = (a: number, b: number) =>
    days[a]! - days[b]! || (anyKey ? compareText(keys[a]!, keys[b]!) : 0) || a - b;
  const out = new Array<T>(n);
  if (!together) {
    const index = Array.from({ length: n }, (_, i) => i).sort(byDayKey);
    for (let i = 0; i < n; i++) out[i] = items[index[i]!]!;
    return out;
  }

  // Groups: one per matter, one per item without a matter. Members are kept in input order.
  const groupMatter: (string | undefined)[] = [];
  const groupDay: number[] = [];
  const groupKey: string[] = [];
  const groupMembers: (number | number[])[] = [];
  const byMatter = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const matter = matterText(readMatter(items[i]!));
    const g = matter === undefined ? undefined : byMatter.get(matter);
    if (g === undefined) {
      if (matter !== undefined) byMatter.set(matter, groupDay.length);
      groupMatter.push(matter);
      groupDay.push(days[i]!);
      groupKey.push(keys[i]!);
      groupMembers.push(i);
    } else {
      if (days[i]! < groupDay[g]!) groupDay[g] = days[i]!;
      if (keys[i]! < groupKey[g]!) groupKey[g] = keys[i]!;
      const m = groupMembers[g]!;
      if (typeof m === 'number') groupMembers[g] = [m, i];
      else m.push(i);
    }
  }
  // Groups by earliest date, smallest key, matter, then first appearance (the group's index).
  const order = Array.from({ length: groupDay.length }, (_, g) => g);
  order.sort(
    (a, b) =>
      groupDay[a]! - groupDay[b]! ||
      (anyKey ? compareText(groupKey[a]!, groupKey[b]!) : 0) ||
      compareText(groupMatter[a] ?? '', groupMatter[b] ?? '') ||
      a - b,
  );
  let o = 0;
  for (const g of order) {
    const m = groupMembers[g]!;
    if (typeof m === 'number') out[o++] = items[m]!;
    else for (const i of m.sort(byDayKey)) out[o++] = items[i]!;
  }
  return out;
}

/**
 * {@link orderItems} as a result: the findings name each item (by index) whose date is missing or invalid.
 *
 * @example
 * const r = safeOrderItems([{ date: '2024-02-30' }]);
 * if (!r.ok) r.findings[0]?.code; // 'FILING_ORDER_DATE_INVALID'
 */
export function safeOrderItems<T extends OrderableItem>(
  items: readonly T[],
  options?: OrderItemsOptions<T>,
): SafeResult<T[]>;
export function safeOrderItems<T>(
  items: readonly T[],
  options: OrderItemsOptions<T> & { readonly date: (item: T) => string | undefined },
): SafeResult<T[]>;
export function safeOrderItems<T>(items: readonly T[], options: OrderItemsOptions<T> = {}): SafeResult<T[]> {
  return safely(() => orderItems(items, options as OrderItemsOptions<T> & { date: (item: T) => string }));
}

function dateFinding(index: number, raw: unknown): Finding {
  const shown = typeof raw === 'string' ? `“${raw}”` : '（缺失）';
  return {
    code: 'FILING_ORDER_DATE_INVALID',
    severity: 'error',
    message: `第 ${index + 1} 件的日期${shown}不是 YYYY-MM-DD 形式的有效日期`,
    messageEn: `Item ${index + 1}: date ${typeof raw === 'string' ? `"${raw}"` : '(missing)'} is not a valid YYYY-MM-DD date`,
    path: `/${index}/date`,
  };
}
