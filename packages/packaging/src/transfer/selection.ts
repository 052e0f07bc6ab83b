import type { Finding } from '@dangan/core';
import type { Retention } from '@dangan/metadata';
import { transferFinding } from './codes.js';
import { itemRetention, recordRetentionText } from './item-facts.js';
import type { ExcludedItem, ExclusionReason, TransferItem, TransferOptions } from './types.js';

/** An item taken into the transfer, with its (longest) retention period when readable. */
export interface SelectedItem {
  readonly item: TransferItem;
  readonly retention: Retention | undefined;
}

/** What {@link selectTransferItems} decided. */
export interface TransferSelection {
  readonly selected: readonly SelectedItem[];
  readonly excluded: readonly ExcludedItem[];
  /** One `TRANSFER_ITEM_EXCLUDED` note per item left out. */
  readonly findings: readonly Finding[];
}

/**
 * The default minimum retention, in years, of what is transferred: 上海 第二十条 (and dangan's low-confidence
 * default for the other profiles, see `DEADLINE_RULES`): 保管期限 30 years or more, 永久 included.
 *
 * @example
 * DEFAULT_MIN_RETENTION_YEARS; // 30
 */
export const DEFAULT_MIN_RETENTION_YEARS = 30;

/**
 * Chooses the items in the transfer scope (移交范围). By default an item is taken when its longest retention
 * period is at least `minRetentionYears` (30; 永久 always) — an item whose period is missing or unreadable is left
 * out, since its scope cannot be known. `select` replaces the rule. Every item left out is reported with its
 * reason (`retention-below-minimum`, `retention-missing`, `retention-invalid`, `host`).
 *
 * @example
 * const { selected, excluded } = selectTransferItems(items);
 * excluded.map((e) => [e.name, e.reason]); // [['办件-3', 'retention-below-minimum']]
 */
export function selectTransferItems(
  items: readonly TransferItem[],
  options: Pick<TransferOptions, 'minRetentionYears' | 'select' | 'retentionOf'> = {},
): TransferSelection {
  const min = options.minRetentionYears ?? DEFAULT_MIN_RETENTION_YEARS;
  if (!Number.isSafeInteger(min) || min < 0)
    throw new RangeError('minRetentionYears must be a non-negative integer');
  const retentionOf = options.retentionOf ?? recordRetentionText;
  const selected: SelectedItem[] = [];
  const excluded: ExcludedItem[] = [];
  const findings: Finding[] = [];
  const leaveOut = (item: TransferItem, reason: ExclusionReason, message: string, retention?: Retention) => {
    excluded.push({ name: item.name, reason, message, ...(retention === undefined ? {} : { retention }) });
    findings.push(
      transferFinding(
        'TRANSFER_ITEM_EXCLUDED',
        `件“${item.name}”未列入移交：${message}`,
        `Item "${item.name}" not transferred: ${reason}`,
        {
          path: item.name,
        },
      ),
    );
  };
  for (const item of items) {
    const r = itemRetention(item.records, retentionOf);
    const retention = r.kind === 'ok' ? r.retention : undefined;
    if (options.select !== undefined) {
      const decision = options.select(item, { retention });
      const include = typeof decision === 'boolean' ? decision : decision.include;
      if (include) selected.push({ item, retention });
      else {
        const reason = typeof decision === 'boolean' ? undefined : decision.reason;
        leaveOut(item, 'host', reason ?? '宿主的选择规则排除', retention);
      }
      continue;
    }
    if (r.kind === 'missing') {
      leaveOut(item, 'retention-missing', `第 ${r.index + 1} 条记录没有保管期限，无法确定是否属于移交范围`);
    } else if (r.kind === 'invalid') {
      leaveOut(item, 'retention-invalid', `第 ${r.index + 1} 条记录的保管期限“${r.value}”无法识别`);
    } else if (r.retention.years !== undefined && r.retention.years < min) {
      leaveOut(
        item,
        'retention-below-minimum',
        `保管期限${r.retention.period}，不足 ${min} 年（移交范围为保管期限 ${min} 年以上及永久）`,
        r.retention,
      );
    } else {
      selected.push({ item, retention: r.retention });
    }
  }
  return { selected, excluded, findings };
}
