import type { FilingCodeInfo } from '../finding-code-info.js';

/**
 * The codes `evaluateRetention` and `checkRetentionSchedule` report or throw. "Not in the schedule"
 * (`FILING_RETENTION_UNMATCHED`) and "a period that cannot be read" (`FILING_RETENTION_PERIOD_INVALID`) are
 * separate codes on purpose (filing-rules §3). Codes are only ever added, never renamed.
 *
 * @example
 * RETENTION_FINDING_CODES.FILING_RETENTION_UNMATCHED.severity; // 'warning'
 */
export const RETENTION_FINDING_CODES = {
  FILING_SCHEDULE_INVALID: {
    severity: 'error',
    zh: '归档范围与保管期限表不合格（缺少编号、规则重复、选择条件冲突、正则表达式错误等）',
    en: 'the retention schedule is malformed (missing id, duplicate rule, conflicting selectors, bad pattern…)',
  },
  FILING_SCHEDULE_SHADOWED_RULE: {
    severity: 'warning',
    zh: '规则与前面的规则选择条件和优先级完全相同，永远不会生效',
    en: 'a rule has the same selectors and priority as an earlier one and can never apply',
  },
  FILING_RETENTION_OUT_OF_SCOPE: {
    severity: 'info',
    zh: '材料不在归档范围内',
    en: 'the component is outside the filing scope',
  },
  FILING_RETENTION_UNMATCHED: {
    severity: 'warning',
    zh: '归档范围与保管期限表中没有对应的条目',
    en: 'no rule of the retention schedule covers the component',
  },
  FILING_RETENTION_PERIOD_INVALID: {
    severity: 'error',
    zh: '保管期限无法识别（应为 永久/Y、定期N年/DN）',
    en: 'the retention period cannot be read (expected 永久/Y or 定期N年/DN)',
  },
  FILING_RETENTION_MISMATCH: {
    severity: 'warning',
    zh: '记录上的保管期限与归档范围与保管期限表得出的不一致',
    en: 'the retention period on the record differs from the schedule’s',
  },
} as const satisfies Record<string, FilingCodeInfo>;

/** A code of {@link RETENTION_FINDING_CODES}. */
export type RetentionFindingCode = keyof typeof RETENTION_FINDING_CODES;
