/**
 * 归档范围与保管期限表 as data: rules keyed by 事项编码 (exact, prefix, pattern), 事项类型 and material kind, with a
 * documented precedence, and `evaluateRetention` applying a schedule to a 办件. Ships an EXAMPLE (not normative)
 * 一网通办 schedule.
 *
 * @module
 */
export { RETENTION_FINDING_CODES, type RetentionFindingCode } from './codes.js';
export { checkRetentionSchedule } from './compile-schedule.js';
export {
  type ComponentRuling,
  type EvaluateRetentionOptions,
  evaluateRetention,
  type MaterialRetention,
  type OutOfScopeMaterial,
  type RetentionEvaluation,
  safeEvaluateRetention,
  type UnparseableMaterial,
} from './evaluate.js';
export { EXAMPLE_YWTB_RETENTION_SCHEDULE } from './example-schedule.js';
export { compareRetention, longestRetention } from './longest.js';
export type { RetentionRule, RetentionSchedule, ScheduleApproval } from './schedule.js';
