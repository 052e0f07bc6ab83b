import { compareRetention } from '@dangan/metadata';
import { archivalCodeFacts } from '../transfer/item-facts.js';
import type { TransferGroup } from '../transfer/types.js';
import type { InventoryCatalogueRow } from './types.js';

/**
 * The default group of a catalogue entry: from its 档号 (`archivalCodeFacts`), 年度 falling back to the 日期's year.
 *
 * @example
 * const { rows } = await readCatalogue(source.read('文件目录.XML'), '文件目录.XML');
 * rows.map(defaultGroupOf); // [{ 门类: 'WS', 年度: '2024', 保管期限: '永久' }, …] for 档号 'Z109-WS·2024-Y-DJK-0001'
 */
export function defaultGroupOf(row: InventoryCatalogueRow): Partial<TransferGroup> {
  const facts = archivalCodeFacts(row.档号);
  const year = facts.年度 ?? /^\[?(\d{4})/u.exec(row.日期)?.[1] ?? undefined;
  return {
    ...(facts.门类 === undefined ? {} : { 门类: facts.门类 }),
    ...(year === undefined ? {} : { 年度: year }),
    ...(facts.保管期限 === undefined ? {} : { 保管期限: facts.保管期限 }),
  };
}

/**
 * The longest of some 保管期限 written as words or codes (`''` and unreadable ones are skipped; `''` for none).
 *
 * @example
 * longestPeriod(['定期30年', '永久', '']); // '永久'
 */
export function longestPeriod(periods: readonly string[]): string {
  let best = '';
  for (const p of periods) {
    if (p === '') continue;
    try {
      if (best === '' || compareRetention(p, best) > 0) best = p;
    } catch {
      // unreadable period: keep the one found so far
    }
  }
  return best;
}
