import type { RuleKey } from './rule-keys.js';
import type { CheckAutomation, FactConfidence } from './types.js';

/** The text of one check: what the same check is called and how it is done, whatever its stage. */
export interface CheckText {
  readonly name: string;
  readonly nameEn: string;
  readonly object: string;
  readonly method: string;
  readonly methodEn: string;
  readonly automation: CheckAutomation;
  /** Default `error`. */
  readonly severity?: 'error' | 'warning';
  readonly rule?: RuleKey;
}

/** One row of a stage's item table, before the catalogue adds the stage, group name and property. */
export interface ItemRow extends CheckText {
  /** `GD-1-7`: stage code, property number, item number within the property. */
  readonly id: string;
  /** `1-2`. */
  readonly group: string;
  readonly idConfidence: FactConfidence;
  readonly nameConfidence: FactConfidence;
  /** Evidence, briefly (the labels of `checks-dat70.md` §4, or how the row was derived). */
  readonly source: string;
}
