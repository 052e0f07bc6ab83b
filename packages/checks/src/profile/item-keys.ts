import { catalogue } from '../catalogue/catalogue.js';
import { isRuleKey } from '../catalogue/rule-keys.js';
import type { CheckItemDefinition } from '../catalogue/types.js';

/** What an `items` key of a profile selects, and how specific it is (rule 0 < group 1 < item 2). */
export interface ItemKeyTarget {
  readonly kind: 'rule' | 'group' | 'item';
  readonly specificity: 0 | 1 | 2;
  readonly items: readonly CheckItemDefinition[];
}

/**
 * The catalogue items a profile `items` key selects: an item id (`GD-1-7`), a group key (`GD:1-2` or
 * `DA/T70-2018:GD:1-2`) or a rule key (`metadata.continuity`); `undefined` for a key the catalogue does not
 * know.
 *
 * @example
 * itemKeyTarget('GD:1-2')?.items.length; // 7
 */
export function itemKeyTarget(key: string): ItemKeyTarget | undefined {
  const item = catalogue.byId(key);
  if (item !== undefined) return { kind: 'item', specificity: 2, items: [item] };
  const group = catalogue.groupByKey(key);
  if (group !== undefined)
    return { kind: 'group', specificity: 1, items: catalogue.forGroup(group.stage, group.group) };
  if (isRuleKey(key)) return { kind: 'rule', specificity: 0, items: catalogue.forRule(key) };
  return undefined;
}
