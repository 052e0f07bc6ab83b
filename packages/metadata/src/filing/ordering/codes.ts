import type { FilingCodeInfo } from '../finding-code-info.js';

/**
 * The codes the ordering functions (`orderItems`, `orderComponents`, `componentRoleFindings`) report or throw.
 * Codes are only ever added, never renamed.
 *
 * @example
 * ORDERING_FINDING_CODES.FILING_ORDER_DATE_INVALID.severity; // 'error'
 */
export const ORDERING_FINDING_CODES = {
  FILING_ORDER_DATE_INVALID: {
    severity: 'error',
    zh: '件的日期缺失或不是 YYYY-MM-DD 形式的有效日期，无法排列',
    en: 'an item has no date, or its date is not a valid YYYY-MM-DD date, so it cannot be ordered',
  },
  FILING_COMPONENT_ROLE_UNKNOWN: {
    severity: 'warning',
    zh: '组件角色不在件内排序规则表中，排序时不起作用',
    en: 'a component role is not in the ordering table and does not affect the order',
  },
  FILING_COMPONENT_ROLE_CONFLICT: {
    severity: 'warning',
    zh: '组件在同一排序维度上有两个角色（如既是正文又是附件），按靠前的一个排序',
    en: 'a component has two roles of one dimension (e.g. both 正文 and 附件); the earlier one is used',
  },
} as const satisfies Record<string, FilingCodeInfo>;

/** A code of {@link ORDERING_FINDING_CODES}. */
export type OrderingFindingCode = keyof typeof ORDERING_FINDING_CODES;
