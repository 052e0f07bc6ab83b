/**
 * Filing, transfer and appraisal deadlines as data per jurisdiction (上海 in force, 昆明 draft, national 5/10/20-year
 * transfer profiles), computed on timezone-free `YYYY-MM-DD` dates; dateTimes are read at UTC+8 by default.
 *
 * @module
 */
export {
  type CaseDeadlineOptions,
  type CaseDeadlines,
  caseDeadlines,
  safeCaseDeadlines,
} from './case-deadlines.js';
export { DEADLINE_FINDING_CODES, type DeadlineFindingCode } from './codes.js';
export {
  type DeadlineOptions,
  filingDueDate,
  retentionExpiry,
  safeFilingDueDate,
  safeRetentionExpiry,
  safeTransferDueDate,
  transferDueDate,
} from './due-dates.js';
export { CHINA_UTC_OFFSET_MINUTES } from './local-date.js';
export { daysUntilDue, isOverdue, type OverdueOptions } from './overdue.js';
export { resolveDeadlineRules } from './resolve-rules.js';
export {
  type AppraisalRule,
  DEADLINE_RULES,
  type DeadlineProfile,
  type DeadlineRules,
  type FilingDeadlineRule,
  type TransferDeadlineRule,
} from './rules.js';
