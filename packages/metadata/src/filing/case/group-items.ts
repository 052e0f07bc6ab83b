import { type Finding, type SafeResult, safely } from '@dangan/core';
import { longestRetention } from '../retention/longest.js';
import type { Retention } from '../retention-period.js';
import { type CaseComponentOrder, orderCaseComponents } from './component-order.js';
import {
  type CaseComponent,
  type ComponentOptions,
  componentsOf,
  materialClassFindings,
} from './components.js';
import type { EntityRelation } from './entity-relation.js';
import type { CaseRole } from './filing-case.js';
import { type CaseInput, readFilingCase } from './read-case.js';

/**
 * How a 办件 is divided into 件 (组件, DA/T 22-2015 §5.1):
 * - `none` (default): 1 办件 = 1 件 (filing-rules §8; 上海 办法 第十五条 以办件为基本单位);
 * - `incoming-reply`: 来文 and 复文 as separate 件 (DA/T 22 allows either); the role comes from `roleOf`;
 * - a function: components with the same key form one 件, in order of first appearance.
 */
export type CaseSplit = 'none' | 'incoming-reply' | ((component: CaseComponent) => string);

/** The retention answer `groupCaseIntoItems` can use (what `evaluateRetention` returns). */
export interface ItemRetentionSource {
  readonly inScope: readonly { readonly ref: string; readonly retention: Retention }[];
  readonly outOfScope: readonly { readonly ref: string }[];
}

/** Options of {@link groupCaseIntoItems}. */
export interface GroupItemsOptions extends ComponentOptions {
  readonly split?: CaseSplit;
  /** Component order inside each 件 (default `basis-first`). */
  readonly order?: CaseComponentOrder;
  /**
   * The role of a component for the `incoming-reply` split. Default: its own `role`, else 依据性材料 → 来文 and
   * everything else (程序性, 结果性, 电子证照, unknown) → 复文 — the agency's handling and decision answer the
   * application. A proposal; override it.
   */
  readonly roleOf?: (component: CaseComponent) => CaseRole;
  /**
   * The retention evaluation of the case: out-of-scope components are left out (listed in `excluded`) and each
   * 件 gets the longest period of its in-scope components.
   */
  readonly evaluation?: ItemRetentionSource;
  /** Base of the 件 identifiers (default: the case's 电子文件号, else its 办件编号). */
  readonly baseId?: string;
  /**
   * The 实体标识符 of the n-th 件 (0-based) of `count`. Default: the base alone when there is one 件, else the base
   * with `-01`, `-02`… appended.
   */
  readonly identify?: (base: string, index: number, count: number, key: string) => string;
}

/** One 件 of a 办件. */
export interface FilingItem {
  /** 实体标识符 (电子文件号) of the 件. */
  readonly id: string;
  /** Position among the case's 件 (0-based). */
  readonly index: number;
  /** The split key: `办件`, `来文`, `复文`, or the custom function's key. */
  readonly key: string;
  /** 来文 or 复文 for the `incoming-reply` split. */
  readonly role: CaseRole | undefined;
  /** The components, in the configured order. */
  readonly components: readonly CaseComponent[];
  /** M41 文件组合类型: 单件 for one component, 组合文件 for more. */
  readonly combination: '单件' | '组合文件';
  /** The longest in-scope period of its components, when an evaluation was given and one applies. */
  readonly retention: Retention | undefined;
  /** 实体关系 rows to the other 件 of the same 办件 (关系类型 `同一办件`, 关系 = the other 件's role). */
  readonly relations: readonly EntityRelation[];
}

/** What {@link groupCaseIntoItems} returns. */
export interface CaseItems {
  readonly items: readonly FilingItem[];
  /** Components left out as out of the filing scope (only with an `evaluation`). */
  readonly excluded: readonly CaseComponent[];
  /** Notes on material classes (only without an `evaluation`, which already reported them). */
  readonly findings: readonly Finding[];
}

function defaultRole(c: CaseComponent): CaseRole {
  return c.role ?? (c.source === '材料' && c.materialClass === '依据性材料' ? '来文' : '复文');
}

function defaultIdentify(base: string, index: number, count: number): string {
  return count === 1 ? base : `${base}-${String(index + 1).padStart(2, '0')}`;
}

/**
 * The 件 of a 办件 (组件): by default the whole case is one 件 — its 材料 and the 电子证照 it produced or called by
 * data sharing filed together (上海 办法 第十五条) — with components ordered 依据性 → 程序性 → 结果性 (or result
 * first, or any order; see `CaseComponentOrder`). Options split 来文 from 复文 or by any key, leave out what the
 * retention schedule puts out of scope, give each 件 its period and identifier, and link the 件 of one case
 * with 实体关系 rows. Throws `DanganError('FILING_CASE_INVALID')` for a malformed case.
 *
 * @example
 * const { items } = groupCaseIntoItems(record, { evaluation: evaluateRetention(record, schedule) });
 * items.length;                 // 1
 * items[0]?.components.map((c) => c.name); // ['设立登记申请书', '准予设立登记通知书', '营业执照']
 * items[0]?.retention?.code;     // 'D30'
 */
export function groupCaseIntoItems(input: CaseInput, options: GroupItemsOptions = {}): CaseItems {
  const c = readFilingCase(input);
  const all = componentsOf(c, options);
  const evaluation = options.evaluation;
  const outRefs = new Set(evaluation?.outOfScope.map((o) => o.ref));
  const periods = new Map(evaluation?.inScope.map((m) => [m.ref, m.retention]));
  const kept = all.filter((x) => !outRefs.has(x.ref));
  const excluded = all.filter((x) => outRefs.has(x.ref));

  const split = options.split ?? 'none';
  const roleOf = options.roleOf ?? defaultRole;
  const groups = new Map<string, CaseComponent[]>();
  if (split === 'incoming-reply') {
    groups.set('来文', []);
    groups.set('复文', []);
  }
  for (const x of kept) {
    const key = split === 'none' ? '办件' : split === 'incoming-reply' ? roleOf(x) : split(x);
    if (typeof key !== 'string') throw new TypeError('options.split must return a string');
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [x]);
    else g.push(x);
  }
  const nonEmpty = [...groups].filter(([, g]) => g.length > 0);
  const base = options.baseId ?? c.electronicFileNumber ?? c.caseNumber;
  const identify = options.identify ?? defaultIdentify;
  const count = nonEmpty.length;
  const shells = nonEmpty.map(([key, g], index) => {
    const components = orderCaseComponents(g, options.order);
    const known = components.flatMap((x) => {
      const r = periods.get(x.ref);
      return r === undefined ? [] : [r];
    });
    return {
      id: identify(base, index, count, key),
      index,
      key,
      role: split === 'incoming-reply' ? (key as CaseRole) : undefined,
      components,
      combination: components.length === 1 ? ('单件' as const) : ('组合文件' as const),
      retention: longestRetention(known),
    };
  });
  const items: FilingItem[] = shells.map((s) => ({
    ...s,
    relations: shells
      .filter((o) => o !== s)
      .map((o) => ({
        实体标识符: s.id,
        被关联实体标识符: o.id,
        关系类型: '同一办件',
        关系: o.role ?? '同一办件',
        关系描述: `同一办件（办件编号 ${c.caseNumber}）的另一件`,
      })),
  }));
  return { items, excluded, findings: evaluation === undefined ? materialClassFindings(all) : [] };
}

/**
 * {@link groupCaseIntoItems} without throwing.
 *
 * @example
 * const r = safeGroupCaseIntoItems(input, { split: 'incoming-reply' });
 * if (r.ok) r.value.items.map((i) => i.role); // ['来文', '复文']
 */
export function safeGroupCaseIntoItems(input: CaseInput, options?: GroupItemsOptions): SafeResult<CaseItems> {
  return safely(() => groupCaseIntoItems(input, options));
}
