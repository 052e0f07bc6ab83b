import type { FourPropertyId } from '../catalogue/types.js';
import { FOUR_PROPERTIES } from '../stages.js';
import {
  CHECK_STATUSES,
  type CheckItemResult,
  type CheckStatus,
  type CheckSummary,
  type StatusCounts,
} from './types.js';

type MutableCounts = Record<CheckStatus, number>;

function zeroCounts(): MutableCounts {
  return { pass: 0, fail: 0, warning: 0, manual: 0, 'not-applicable': 0, error: 0 };
}

function isStatus(value: unknown): value is CheckStatus {
  return typeof value === 'string' && (CHECK_STATUSES as readonly string[]).includes(value);
}

/**
 * Counts item results into a report summary (检测汇总): items by status, by property and status, and
 * whether the report passed — no item `fail`ed or ended in `error`. Warnings, unattested `manual` items
 * and `not-applicable` items do not fail a report (they are counted, and reports show them). Pure: the
 * same items give the same summary, and every status and property is present with a count (zero or more).
 *
 * Throws `TypeError` naming the item when an item's `status` or `property` is not one of the contract's
 * values (a programmer error: the engine only produces those).
 *
 * @example
 * const summary = summarise([
 *   { id: 'GD-1-2', group: '1-2', property: 'authenticity', name: '元数据项数据长度检测', status: 'pass', findings: [] },
 *   { id: 'GD-4-5', group: '4-2', property: 'security', name: '载体外观检测', status: 'manual', findings: [], reason: '需人工检测' },
 * ]);
 * summary.byStatus.pass; // 1
 * summary.byProperty.security.manual; // 1
 * summary.passed; // true
 */
export function summarise(items: readonly CheckItemResult[]): CheckSummary {
  if (!Array.isArray(items)) throw new TypeError('items must be an array of CheckItemResult');
  const byStatus = zeroCounts();
  const byProperty = {} as Record<FourPropertyId, MutableCounts>;
  for (const p of FOUR_PROPERTIES) byProperty[p.id] = zeroCounts();
  items.forEach((item: CheckItemResult, index) => {
    const status: unknown = item?.status;
    const property: unknown = item?.property;
    if (!isStatus(status)) {
      throw new TypeError(
        `items[${index}].status must be one of ${CHECK_STATUSES.join(', ')}, got ${String(status)}`,
      );
    }
    const counts =
      typeof property === 'string' && Object.hasOwn(byProperty, property)
        ? byProperty[property as FourPropertyId]
        : undefined;
    if (counts === undefined) {
      throw new TypeError(
        `items[${index}].property must be one of ${FOUR_PROPERTIES.map((p) => p.id).join(', ')}, got ${String(property)}`,
      );
    }
    byStatus[status] += 1;
    counts[status] += 1;
  });
  return {
    total: items.length,
    byStatus: byStatus as StatusCounts,
    byProperty,
    passed: byStatus.fail === 0 && byStatus.error === 0,
  };
}
