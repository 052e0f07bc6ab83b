import { assertSchemeIntegrity } from './integrity.js';
import type {
  ConsistencyRule,
  ElementConfidence,
  MetadataElement,
  MetadataScheme,
  Obligation,
  ValueDomain,
} from './model.js';

/** What an institution may change on one existing element. */
export interface ElementOverride {
  readonly obligation?: Obligation;
  readonly repeatable?: boolean;
  /** Replaces the value domain (narrow it: fewer values, a pattern, a maximum length). */
  readonly domain?: ValueDomain;
  readonly default?: string;
  readonly note?: string;
  readonly confidence?: ElementConfidence;
}

/** The changes `extendScheme` applies to a base scheme. */
export interface SchemeChanges<Added extends readonly MetadataElement[] = readonly []> {
  /** Id of the new scheme (e.g. `sh-ywtb-2026`). */
  readonly id: string;
  readonly title?: string;
  readonly version?: string;
  readonly description?: string;
  /** Changes to existing elements, by id. */
  readonly modify?: { readonly [id: string]: ElementOverride };
  /** New elements (their parents may be existing or new containers). */
  readonly add?: Added;
  /** Elements to drop, with everything below them. */
  readonly remove?: readonly string[];
  /** More consistency rules. */
  readonly rules?: readonly ConsistencyRule[];
}

/**
 * An institution's own scheme on top of a standard one (扩展元数据方案), without forking the table:
 * tighter or corrected obligations, narrower domains, extra elements. Rows keep their ids, so validation
 * findings still name the standard's element numbers. The result is checked for integrity.
 *
 * TypeScript: added rows (written `as const`) extend the record type; overrides do not change it.
 *
 * @example
 * const mine = extendScheme(schemes.dat46, {
 *   id: 'acme-dat46',
 *   modify: { M43: { obligation: { kind: '必选' } }, M22: { domain: { maxLength: 200 } } },
 *   add: [{ id: 'X1', key: '承办人', name: '承办人', nameEn: 'handler', entity: '文件实体', parent: 'M21',
 *           obligation: { kind: '可选' }, repeatable: false, type: 'string', confidence: { numberAndName: 'high', obligation: 'high' } }] as const,
 * });
 */
export function extendScheme<
  Base extends readonly MetadataElement[],
  Added extends readonly MetadataElement[] = readonly [],
>(base: MetadataScheme<Base>, changes: SchemeChanges<Added>): MetadataScheme<readonly [...Base, ...Added]> {
  if (typeof changes?.id !== 'string' || changes.id.length === 0)
    throw new TypeError('changes.id must be a non-empty string');
  const removed = new Set(changes.remove ?? []);
  // Removing a container removes what is below it.
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of base.elements) {
      if (e.parent !== undefined && removed.has(e.parent) && !removed.has(e.id)) {
        removed.add(e.id);
        grew = true;
      }
    }
  }
  const ids = new Set(base.elements.map((e) => e.id));
  for (const id of Object.keys(changes.modify ?? {})) {
    if (!ids.has(id))
      throw new TypeError(`changes.modify names an element the base scheme does not have: ${id}`);
  }
  const kept = base.elements
    .filter((e) => !removed.has(e.id))
    .map((e): MetadataElement => {
      const o = changes.modify?.[e.id];
      return o === undefined ? e : { ...e, ...o };
    });
  const scheme = {
    id: changes.id,
    standard: `${base.standard}（${changes.id} 扩展）`,
    title: changes.title ?? `${base.title}（扩展）`,
    version: changes.version ?? base.version,
    confidence: base.confidence,
    description: changes.description ?? `在 ${base.id}（${base.standard}）基础上扩展`,
    elements: [...kept, ...(changes.add ?? [])],
    rules: [...(base.rules ?? []).filter((r) => !refersTo(r, removed)), ...(changes.rules ?? [])],
  } as unknown as MetadataScheme<readonly [...Base, ...Added]>;
  assertSchemeIntegrity(scheme);
  return scheme;
}

function refersTo(rule: ConsistencyRule, ids: ReadonlySet<string>): boolean {
  return rule.kind === 'yearMatchesDate'
    ? ids.has(rule.year) || ids.has(rule.date)
    : ids.has(rule.earlier) || ids.has(rule.later);
}
