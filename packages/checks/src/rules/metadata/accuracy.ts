import type { RuleEvaluator } from '../../engine/rule.js';
import { checkRecordOutcome } from './record-findings.js';

/**
 * `metadata.length` (GD-1-2 元数据项数据长度检测): values longer than the scheme's `maxLength` (or
 * `parameters.metadata.maxLength` for free text), from `checkRecord` (`METADATA_TOO_LONG`).
 *
 * @example
 * metadataRules['metadata.length'](context, catalogue.byId('GD-1-2')!).findings[0]?.element; // 'M22'
 */
export const lengthRule: RuleEvaluator = (context, item) =>
  checkRecordOutcome(context, item, 'metadata.length');

/**
 * `metadata.format` (GD-1-3 元数据项数据类型、格式检测): wrong data types and formats (dates, integers, code
 * patterns), from `checkRecord` (`METADATA_TYPE_INVALID`, `METADATA_FORMAT_INVALID`).
 *
 * @example
 * metadataRules['metadata.format'](context, catalogue.byId('GD-1-3')!).status; // 'fail' for 日期 '2025/03/18'
 */
export const formatRule: RuleEvaluator = (context, item) =>
  checkRecordOutcome(context, item, 'metadata.format');

/**
 * `metadata.domain` (GD-1-4 设定值域的元数据项值域符合度检测): values outside an element's value domain, and
 * legacy values as warnings, from `checkRecord` (`METADATA_OUT_OF_DOMAIN`, `METADATA_LEGACY_VALUE`).
 *
 * @example
 * metadataRules['metadata.domain'](context, catalogue.byId('GD-1-4')!).findings[0]?.element; // 'M12' for 保管期限 '五年'
 */
export const domainRule: RuleEvaluator = (context, item) =>
  checkRecordOutcome(context, item, 'metadata.domain');

/**
 * `metadata.plausibility` (GD-1-5 元数据项数据值合理性检测): 年度 ≠ the year of 日期, dates in the future (by the
 * engine's `now`), dates out of order, counts below 1, from `checkRecord` (`METADATA_YEAR_MISMATCH`,
 * `METADATA_FUTURE_DATE`, `METADATA_DATE_ORDER`, `METADATA_TYPE_INVALID` filed under GD-1-5).
 *
 * @example
 * metadataRules['metadata.plausibility'](context, catalogue.byId('GD-1-5')!).findings[0]?.code; // 'METADATA_YEAR_MISMATCH'
 */
export const plausibilityRule: RuleEvaluator = (context, item) =>
  checkRecordOutcome(context, item, 'metadata.plausibility');

/**
 * `metadata.special-characters` (GD-1-6 元数据项数据包含特殊字符检测): control characters, noncharacters and lone
 * surrogates (errors), private-use characters (warnings), from `checkRecord`.
 *
 * @example
 * metadataRules['metadata.special-characters'](context, catalogue.byId('GD-1-6')!).status; // 'fail' for 题名 '通知\u0007'
 */
export const specialCharactersRule: RuleEvaluator = (context, item) =>
  checkRecordOutcome(context, item, 'metadata.special-characters');

/**
 * `metadata.elements-present` (GD-2-3 元数据项完整性检测): the record has the scheme's shape — an object, no
 * element the scheme lacks, repeatable elements as arrays and others not — from `checkRecord`.
 *
 * @example
 * metadataRules['metadata.elements-present'](context, catalogue.byId('GD-2-3')!).findings[0]?.code; // 'METADATA_UNKNOWN_ELEMENT'
 */
export const elementsPresentRule: RuleEvaluator = (context, item) =>
  checkRecordOutcome(context, item, 'metadata.elements-present');

/**
 * `metadata.mandatory` (GD-2-4 元数据必填著录项目检测): mandatory elements and 条件选 elements whose condition
 * holds are present and not empty, from `checkRecord` (`METADATA_REQUIRED_MISSING`,
 * `METADATA_CONDITION_UNMET`, `METADATA_EMPTY_VALUE`).
 *
 * @example
 * metadataRules['metadata.mandatory'](context, catalogue.byId('GD-2-4')!).findings[0]?.element; // 'M22' when 题名 is missing
 */
export const mandatoryRule: RuleEvaluator = (context, item) =>
  checkRecordOutcome(context, item, 'metadata.mandatory');
