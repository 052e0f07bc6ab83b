import type { CaseComponent } from './components.js';
import type { MaterialKind } from './material-class.js';

/**
 * The order of components inside a 件 (件内排序) by kind. `basis-first` is 依据性 → 程序性 → 结果性; `result-first`
 * puts the result first (结果性 → 依据性 → 程序性), by analogy with DA/T 22-2015's 复文在前 when 来文 and 复文 form
 * one 件. Which one applies is the institution's choice (filing-rules §8: a proposal, configurable); a list of
 * kinds gives any other order.
 *
 * A kind missing from the list sorts after the listed ones. A 电子证照 takes the place of `电子证照` when the list
 * names it, otherwise the place of its material class (default 结果性材料), after the 材料 of that class.
 * Components whose class is unknown come last. Within one place, input order is kept.
 */
export type CaseComponentOrder = 'basis-first' | 'result-first' | readonly MaterialKind[];

/** The named component orders as data. */
export const CASE_COMPONENT_ORDERS: Readonly<
  Record<'basis-first' | 'result-first', readonly MaterialKind[]>
> = {
  'basis-first': ['依据性材料', '程序性材料', '结果性材料'],
  'result-first': ['结果性材料', '依据性材料', '程序性材料'],
};

/**
 * Components sorted for a 件 (stable; see {@link CaseComponentOrder}). Throws `RangeError` for an unknown order name.
 *
 * @example
 * orderCaseComponents(caseComponents(c), 'result-first').map((x) => x.kind);
 * // ['结果性材料', '电子证照', '依据性材料']
 */
export function orderCaseComponents(
  components: readonly CaseComponent[],
  order: CaseComponentOrder = 'basis-first',
): CaseComponent[] {
  const kinds = typeof order === 'string' ? CASE_COMPONENT_ORDERS[order] : order;
  if (!Array.isArray(kinds)) throw new RangeError(`unknown component order: ${String(order)}`);
  const rank = (c: CaseComponent): number => {
    if (c.source === '电子证照') {
      const own = kinds.indexOf('电子证照');
      if (own >= 0) return own;
    }
    if (c.materialClass === undefined) return kinds.length + 1;
    const i = kinds.indexOf(c.materialClass);
    return i >= 0 ? i : kinds.length;
  };
  return components
    .map((c, i) => ({ c, i, r: rank(c) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.c);
}
