import { compareRetention } from '@dangan/metadata';
import type { TransferCounts, TransferGroup, TransferGroupCounts } from './types.js';

/**
 * Counts of nothing.
 *
 * @example
 * ZERO_COUNTS.件数; // 0
 */
export const ZERO_COUNTS: TransferCounts = { 件数: 0, 文件数: 0, 元数据数: 0, 字节数: 0 };

/**
 * The sum of two counts.
 *
 * @example
 * addCounts({ 件数: 1, 文件数: 2, 元数据数: 1, 字节数: 10 }, ZERO_COUNTS).文件数; // 2
 */
export function addCounts(a: TransferCounts, b: TransferCounts): TransferCounts {
  return {
    件数: a.件数 + b.件数,
    文件数: a.文件数 + b.文件数,
    元数据数: a.元数据数 + b.元数据数,
    字节数: a.字节数 + b.字节数,
  };
}

function groupKey(g: TransferGroup): string {
  return `${g.门类}\u0000${g.年度}\u0000${g.保管期限}`;
}

function retentionOrder(a: string, b: string): number {
  try {
    return compareRetention(b, a);
  } catch {
    return a < b ? -1 : a > b ? 1 : 0;
  }
}

/**
 * A breakdown (分类统计) being summed: add counts under a group, then read the groups sorted by 门类, 年度 and
 * 保管期限 (longest first).
 *
 * @example
 * const b = new GroupTotals(); b.add(group, counts); b.list();
 */
export class GroupTotals {
  readonly #groups = new Map<string, TransferGroupCounts>();

  /** Adds `counts` under `group`. */
  add(group: TransferGroup, counts: TransferCounts): void {
    const key = groupKey(group);
    const before = this.#groups.get(key);
    const sum = addCounts(before ?? ZERO_COUNTS, counts);
    this.#groups.set(key, { 门类: group.门类, 年度: group.年度, 保管期限: group.保管期限, ...sum });
  }

  /** The groups, sorted. */
  list(): TransferGroupCounts[] {
    return [...this.#groups.values()].sort(
      (a, b) =>
        (a.门类 < b.门类 ? -1 : a.门类 > b.门类 ? 1 : 0) ||
        (a.年度 < b.年度 ? -1 : a.年度 > b.年度 ? 1 : 0) ||
        retentionOrder(a.保管期限, b.保管期限),
    );
  }

  /** The total over every group. */
  total(): TransferCounts {
    let t = ZERO_COUNTS;
    for (const g of this.#groups.values()) t = addCounts(t, g);
    return t;
  }
}
