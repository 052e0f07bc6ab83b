import type { RuleEvaluator } from '../../engine/rule.js';
import {
  domainRule,
  elementsPresentRule,
  formatRule,
  lengthRule,
  mandatoryRule,
  plausibilityRule,
  specialCharactersRule,
} from './accuracy.js';
import { archivalCodeRule } from './archival-code.js';
import { continuityRule } from './continuity.js';
import { duplicatesRule } from './duplicates.js';
import { processRule } from './process.js';
import { readableRule } from './readable.js';
import { scopeRule } from './scope.js';

/** The rule keys {@link metadataRules} evaluates. */
export type MetadataRuleKey =
  | 'metadata.length'
  | 'metadata.format'
  | 'metadata.domain'
  | 'metadata.plausibility'
  | 'metadata.special-characters'
  | 'metadata.archival-code'
  | 'metadata.duplicates'
  | 'metadata.elements-present'
  | 'metadata.mandatory'
  | 'metadata.process'
  | 'metadata.continuity'
  | 'metadata.readable'
  | 'package.scope';

/**
 * The metadata rules (元数据检测规则) by rule key, for the engine: the seven 1-2 accuracy checks, the 2-2
 * completeness checks, 3-1 readability and the 2-4 归档范围 check. They read `facts.records` only; with no record
 * they are `not-applicable` (never `pass`). Findings carry the record path (`元数据.xml#1/文件实体/…`) and the
 * element number.
 *
 * @example
 * const outcome = await metadataRules['metadata.length'](context, catalogue.byId('GD-1-2')!);
 * outcome.status; // 'pass' | 'fail' | 'warning' | 'not-applicable' | 'error'
 */
export const metadataRules: Readonly<Record<MetadataRuleKey, RuleEvaluator>> = {
  'metadata.length': lengthRule,
  'metadata.format': formatRule,
  'metadata.domain': domainRule,
  'metadata.plausibility': plausibilityRule,
  'metadata.special-characters': specialCharactersRule,
  'metadata.archival-code': archivalCodeRule,
  'metadata.duplicates': duplicatesRule,
  'metadata.elements-present': elementsPresentRule,
  'metadata.mandatory': mandatoryRule,
  'metadata.process': processRule,
  'metadata.continuity': continuityRule,
  'metadata.readable': readableRule,
  'package.scope': scopeRule,
};

export { detectMojibake, MOJIBAKE_KIND_TEXT, type MojibakeHit, type MojibakeKind } from './mojibake.js';
