import { checkTexts } from './check-texts.js';
import { buildGroups, type CheckStageCode, groupKeyOf, PROPERTY_IDS, STAGE_CODES } from './groups.js';
import type { ItemRow } from './item-row.js';
import { bcRows } from './items-bc.js';
import { gdRows } from './items-gd.js';
import { yjRows } from './items-yj.js';
import type { CheckGroupDefinition, CheckItemDefinition, CheckStageId } from './types.js';

/**
 * The DA/T 70-2018 check catalogue as data (检测项目表): every item of every stage, the 49 groups, and
 * lookups. Built on first use, then frozen; nothing is computed at import time.
 */
export interface CheckCatalogue {
  readonly standard: 'DA/T 70-2018';
  /** Version of this table (not of the standard): bumped whenever a row changes. */
  readonly version: string;
  /** Every item, GD then YJ then BC, each in property and item order. */
  readonly items: readonly CheckItemDefinition[];
  /** The 49 groups (GD 16, YJ 16, BC 17). */
  readonly groups: readonly CheckGroupDefinition[];
  /** The item with this id (`GD-1-7`), or `undefined`. */
  byId(id: string): CheckItemDefinition | undefined;
  /** The items of a stage, by id (`archiving`) or code (`GD`). */
  forStage(stage: CheckStageId | CheckStageCode): readonly CheckItemDefinition[];
  /** The groups of a stage, by id or code. */
  groupsForStage(stage: CheckStageId | CheckStageCode): readonly CheckGroupDefinition[];
  /** The items of one group of a stage (`forGroup('GD', '1-2')`: GD-1-2…GD-1-8). */
  forGroup(stage: CheckStageId | CheckStageCode, group: string): readonly CheckItemDefinition[];
  /** The items a rule evaluates, in every stage (`forRule('metadata.length')`). */
  forRule(rule: string): readonly CheckItemDefinition[];
  /** The group with this key (`DA/T70-2018:GD:1-2`, or the short `GD:1-2`). */
  groupByKey(key: string): CheckGroupDefinition | undefined;
}

/**
 * Version of the catalogue table (not of the standard), bumped whenever a row changes; reports may cite it.
 *
 * @example
 * catalogue.version === CATALOGUE_VERSION; // true
 */
export const CATALOGUE_VERSION = '2026.1';

interface Built {
  readonly items: readonly CheckItemDefinition[];
  readonly groups: readonly CheckGroupDefinition[];
  readonly byId: ReadonlyMap<string, CheckItemDefinition>;
  readonly byStage: ReadonlyMap<CheckStageId, readonly CheckItemDefinition[]>;
  readonly groupsByStage: ReadonlyMap<CheckStageId, readonly CheckGroupDefinition[]>;
  readonly byGroup: ReadonlyMap<string, readonly CheckItemDefinition[]>;
  readonly byRule: ReadonlyMap<string, readonly CheckItemDefinition[]>;
  readonly groupByKey: ReadonlyMap<string, CheckGroupDefinition>;
}

const STAGE_BY_CODE: Readonly<Record<string, CheckStageId>> = {
  GD: 'archiving',
  YJ: 'transfer',
  BC: 'preservation',
  archiving: 'archiving',
  transfer: 'transfer',
  preservation: 'preservation',
};

function stageOf(stage: string): CheckStageId {
  const id = typeof stage === 'string' ? STAGE_BY_CODE[stage] : undefined;
  if (id === undefined)
    throw new RangeError(
      `stage must be one of archiving, transfer, preservation (or GD, YJ, BC), got ${String(stage)}`,
    );
  return id;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function freezeLists<K, V>(map: Map<K, V[]>): Map<K, readonly V[]> {
  for (const list of map.values()) Object.freeze(list);
  return map;
}

function toItem(stage: CheckStageId, row: ItemRow, group: CheckGroupDefinition): CheckItemDefinition {
  const item: { -readonly [K in keyof CheckItemDefinition]: CheckItemDefinition[K] } = {
    id: row.id,
    stage,
    group: row.group,
    groupName: group.name,
    property: PROPERTY_IDS[Number(row.group[0]) as 1 | 2 | 3 | 4],
    name: row.name,
    nameEn: row.nameEn,
    object: row.object,
    method: row.method,
    methodEn: row.methodEn,
    groupKey: group.key,
    automation: row.automation,
    defaultSeverity: row.severity ?? 'error',
    idConfidence: row.idConfidence,
    nameConfidence: row.nameConfidence,
    provisional: row.idConfidence === 'low' || row.idConfidence === 'unknown',
    source: row.source,
  };
  if (row.rule !== undefined) item.rule = row.rule;
  return Object.freeze(item);
}

function build(): Built {
  const texts = checkTexts();
  const groups = Object.freeze(buildGroups());
  const groupByKey = new Map<string, CheckGroupDefinition>();
  const groupsByStage = new Map<CheckStageId, CheckGroupDefinition[]>();
  for (const g of groups) {
    groupByKey.set(g.key, g);
    groupByKey.set(`${STAGE_CODES[g.stage]}:${g.group}`, g);
    push(groupsByStage, g.stage, g);
  }
  const tables: readonly [CheckStageId, readonly ItemRow[]][] = [
    ['archiving', gdRows(texts)],
    ['transfer', yjRows(texts)],
    ['preservation', bcRows(texts)],
  ];
  const items: CheckItemDefinition[] = [];
  const byId = new Map<string, CheckItemDefinition>();
  const byStage = new Map<CheckStageId, CheckItemDefinition[]>();
  const byGroup = new Map<string, CheckItemDefinition[]>();
  const byRule = new Map<string, CheckItemDefinition[]>();
  for (const [stage, rows] of tables) {
    for (const row of rows) {
      const group = groupByKey.get(groupKeyOf(stage, row.group));
      if (group === undefined) throw new Error(`catalogue row ${row.id} names an unknown group ${row.group}`);
      if (byId.has(row.id)) throw new Error(`catalogue row ${row.id} is duplicated`);
      const item = toItem(stage, row, group);
      items.push(item);
      byId.set(item.id, item);
      push(byStage, stage, item);
      push(byGroup, group.key, item);
      if (item.rule !== undefined) push(byRule, item.rule, item);
    }
  }
  return {
    items: Object.freeze(items),
    groups,
    byId,
    byStage: freezeLists(byStage),
    groupsByStage: freezeLists(groupsByStage),
    byGroup: freezeLists(byGroup),
    byRule: freezeLists(byRule),
    groupByKey,
  };
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Creates the catalogue object; its tables are built on first use.
 *
 * @example
 * const c = createCatalogue();
 * c.byId('GD-1-7')?.name; // '档号规范性检测'
 */
export function createCatalogue(): CheckCatalogue {
  let built: Built | undefined;
  const get = (): Built => {
    built ??= build();
    return built;
  };
  return Object.freeze({
    standard: 'DA/T 70-2018' as const,
    version: CATALOGUE_VERSION,
    get items() {
      return get().items;
    },
    get groups() {
      return get().groups;
    },
    byId(id: string) {
      return typeof id === 'string' ? get().byId.get(id) : undefined;
    },
    forStage(stage: CheckStageId | CheckStageCode) {
      return get().byStage.get(stageOf(stage)) ?? EMPTY;
    },
    groupsForStage(stage: CheckStageId | CheckStageCode) {
      return get().groupsByStage.get(stageOf(stage)) ?? EMPTY;
    },
    forGroup(stage: CheckStageId | CheckStageCode, group: string) {
      return get().byGroup.get(groupKeyOf(stageOf(stage), group)) ?? EMPTY;
    },
    forRule(rule: string) {
      return get().byRule.get(rule) ?? EMPTY;
    },
    groupByKey(key: string) {
      return typeof key === 'string' ? get().groupByKey.get(key) : undefined;
    },
  });
}

/**
 * The DA/T 70-2018 check catalogue (四性检测项目表): 40 GD items as reconstructed in `checks-dat70.md` §4,
 * and YJ and BC items derived from the group purposes (§5, provisional ids), covering all 49 groups. The group
 * (`DA/T70-2018:GD:1-2`) is the stable key; an item id with `provisional: true` may change when the standard's
 * numbering is confirmed. Low-confidence rows are data a host overrides through its profile.
 *
 * @example
 * catalogue.byId('GD-2-6')?.rule; // 'metadata.continuity'
 * catalogue.forStage('GD').length; // 40
 * catalogue.forRule('metadata.length').map((i) => i.id); // ['GD-1-2', 'YJ-1-2', 'BC-1-3']
 */
export const catalogue: CheckCatalogue = /* @__PURE__ */ createCatalogue();
