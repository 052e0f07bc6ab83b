import type { Finding } from '@dangan/core';
import { transferFinding } from '../transfer/codes.js';
import { ZERO_COUNTS } from '../transfer/counts.js';
import type { TransferCounts, TransferGroupCounts } from '../transfer/types.js';

const FIELDS = ['件数', '文件数', '元数据数', '字节数'] as const;

/**
 * One `TRANSFER_COUNT_MISMATCH` per count that the registration gives (a finite number) and that differs from
 * the actual one; `where` says which part of the form (`载体 001`, `合计`), `path` names the form's file.
 *
 * @example
 * compareCounts({ 件数: 5 }, actual, '合计', '其他/移交与接收登记表.XML'); // [] when 5 件 were found
 */
export function compareCounts(
  registered: Partial<TransferCounts>,
  actual: TransferCounts,
  where: string,
  path: string | undefined,
): Finding[] {
  const out: Finding[] = [];
  for (const k of FIELDS) {
    const r = registered[k];
    if (r === undefined || !Number.isFinite(r) || r === actual[k]) continue;
    out.push(
      transferFinding(
        'TRANSFER_COUNT_MISMATCH',
        `登记表（${where}）登记${k} ${r}，实际 ${actual[k]}`,
        `The form (${where}) registers ${k} ${r}; actual ${actual[k]}`,
        { path, element: k },
      ),
    );
  }
  return out;
}

function key(g: TransferGroupCounts): string {
  return `${g.门类}\u0000${g.年度}\u0000${g.保管期限}`;
}

/**
 * Compares a registered breakdown (分类统计) with the actual one group by group (a group missing on one side
 * counts as zero).
 *
 * @example
 * compareGroups(form.分类统计, inventory.groups, '合计', path);
 */
export function compareGroups(
  registered: readonly TransferGroupCounts[],
  actual: readonly TransferGroupCounts[],
  where: string,
  path: string,
): Finding[] {
  const reg = new Map(registered.map((g) => [key(g), g]));
  const act = new Map(actual.map((g) => [key(g), g]));
  const out: Finding[] = [];
  for (const k of new Set([...reg.keys(), ...act.keys()])) {
    const g = (reg.get(k) ?? act.get(k))!;
    const label = `${where}，${g.门类 || '门类未知'} ${g.年度 || '年度未知'} ${g.保管期限 || '保管期限未知'}`;
    out.push(...compareCounts(reg.get(k) ?? ZERO_COUNTS, act.get(k) ?? ZERO_COUNTS, label, path));
  }
  return out;
}
