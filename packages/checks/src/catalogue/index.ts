export { CATALOGUE_VERSION, type CheckCatalogue, catalogue, createCatalogue } from './catalogue.js';
export {
  type CheckStageCode,
  DAT70_STANDARD_CODE,
  groupKeyOf,
  PROPERTY_IDS,
  STAGE_CODES,
} from './groups.js';
export { isRuleKey, RULE_KEYS, type RuleKey } from './rule-keys.js';
export type {
  CheckAutomation,
  CheckGroupDefinition,
  CheckItemDefinition,
  CheckStageId,
  FactConfidence,
  FourPropertyId,
} from './types.js';
