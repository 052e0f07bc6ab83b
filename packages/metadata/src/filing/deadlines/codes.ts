import type { FilingCodeInfo } from '../finding-code-info.js';

/**
 * The codes the deadline functions report or throw. Codes are only ever added, never renamed.
 *
 * @example
 * DEADLINE_FINDING_CODES.FILING_DEADLINE_OVERDUE.severity; // 'warning'
 */
export const DEADLINE_FINDING_CODES = {
  FILING_DATE_INVALID: {
    severity: 'error',
    zh: '日期无效（应为 YYYY-MM-DD、YYYY 或带时区的 ISO 8601 时间）',
    en: 'invalid date (expected YYYY-MM-DD, YYYY or an ISO 8601 dateTime)',
  },
  FILING_DEADLINE_RULES_INVALID: {
    severity: 'error',
    zh: '期限规则不合格（未知的规则名、字段缺失或越界）',
    en: 'the deadline rules are malformed (unknown profile, missing or out-of-range field)',
  },
  FILING_DEADLINE_OVERDUE: {
    severity: 'warning',
    zh: '已过归档期限仍未归档',
    en: 'not filed and the filing deadline has passed',
  },
  FILING_DEADLINE_FILED_LATE: {
    severity: 'warning',
    zh: '归档时间晚于归档期限',
    en: 'filed after the filing deadline',
  },
  FILING_DEADLINE_PASSED: {
    severity: 'info',
    zh: '移交或鉴定的期限已到，请核实是否已办理',
    en: 'the transfer or appraisal date has passed; check whether it was done',
  },
  FILING_DEADLINE_INCOMPLETE: {
    severity: 'info',
    zh: '缺少办结时间或保管期限，部分期限无法计算',
    en: 'no completion time or retention period: some deadlines cannot be computed',
  },
} as const satisfies Record<string, FilingCodeInfo>;

/** A code of {@link DEADLINE_FINDING_CODES}. */
export type DeadlineFindingCode = keyof typeof DEADLINE_FINDING_CODES;
