import { assertSchemeIntegrity } from '../scheme/integrity.js';
import type {
  Condition,
  ConsistencyRule,
  ElementType,
  MetadataElement,
  MetadataScheme,
} from '../scheme/model.js';
import { schemeIndex } from '../scheme/scheme-index.js';

/**
 * A reference to an element from a condition or a consistency rule, resolved the way the model says:
 * from the nearest container instance it shares with the element that is being checked (so a sibling is
 * read in the same instance), then down by keys, taking the first instance of a repeatable container.
 */
export interface CompiledRef {
  readonly node: CompiledNode;
  /** Depth of the shared container (0 = the record itself), i.e. the index into the instance stack. */
  readonly depth: number;
  /** Keys from that container down to the element. */
  readonly keys: readonly string[];
  /** For each key, whether the element there is repeatable (an array in the record). */
  readonly repeatable: readonly boolean[];
}

/** A condition (`Obligation.when`) with its element references resolved. */
export type CompiledCondition =
  | { readonly op: 'in'; readonly ref: CompiledRef; readonly values: ReadonlySet<string> }
  | { readonly op: 'notIn'; readonly ref: CompiledRef; readonly values: ReadonlySet<string> }
  | { readonly op: 'present'; readonly ref: CompiledRef }
  | { readonly op: 'absent'; readonly ref: CompiledRef }
  | { readonly op: 'all'; readonly items: readonly CompiledCondition[] }
  | { readonly op: 'any'; readonly items: readonly CompiledCondition[] };

/** A consistency rule attached to the container both its elements share. */
export interface CompiledRule {
  readonly rule: ConsistencyRule;
  /** `year` / `earlier`. */
  readonly first: CompiledRef;
  /** `date` / `later`: the element a finding is reported on. */
  readonly second: CompiledRef;
}

/** One element, ready for the walk. */
export interface CompiledNode {
  readonly element: MetadataElement;
  readonly key: string;
  /** The key is also an `Object.prototype` member (`constructor`…): read it as an own property only. */
  readonly inheritedKey: boolean;
  /** `element.number ?? element.id`. */
  readonly label: string;
  readonly type: ElementType;
  readonly repeatable: boolean;
  /** `必选`. */
  readonly required: boolean;
  /** The condition of a `条件选` element that has one. */
  readonly when: CompiledCondition | undefined;
  /** Depth of the container holding this element (0 = the record root). */
  readonly depth: number;
  /** The element's container ids from the root: `['', 'E:文件实体', 'M21']` for M22. */
  readonly chain: readonly string[];
  /** For a container: its children. */
  readonly container: CompiledContainer | undefined;
  /** For an enum with a closed list: the allowed values. */
  readonly closedEnum: ReadonlySet<string> | undefined;
  /** Legacy values (accepted with a warning). */
  readonly legacy: ReadonlySet<string> | undefined;
  /** The domain pattern, anchored. */
  readonly pattern: RegExp | undefined;
  /** Anchored source of {@link pattern}. */
  readonly patternSource: string | undefined;
  /** The domain's `maxLength`. */
  readonly maxLength: number | undefined;
  /** Free text (type `string`, or an open enum): the default `maxLength` option applies. */
  readonly freeText: boolean;
  /** Numeric bounds from the domain (`-Infinity` / `Infinity` when none). */
  readonly min: number;
  readonly max: number;
}

/** A container (or the record root, id `''`) with its children. */
export interface CompiledContainer {
  readonly id: string;
  /** The container's element (none for the root). */
  readonly node: CompiledNode | undefined;
  readonly depth: number;
  readonly nodes: readonly CompiledNode[];
  readonly byKey: ReadonlyMap<string, CompiledNode>;
  readonly requiredNodes: readonly CompiledNode[];
  readonly conditionalNodes: readonly CompiledNode[];
  /** Consistency rules whose two elements meet in this container. */
  readonly rules: readonly CompiledRule[];
}

/** A scheme compiled for validation and for the JSON Schema and zod exports. */
export interface CompiledScheme {
  readonly scheme: MetadataScheme;
  readonly root: CompiledContainer;
  readonly nodes: ReadonlyMap<string, CompiledNode>;
  readonly containers: ReadonlyMap<string, CompiledContainer>;
}

const cache = /* @__PURE__ */ new WeakMap<MetadataScheme, CompiledScheme>();

/**
 * The compiled form of a scheme, built once per scheme object and cached (the table is checked for
 * integrity the first time: an unsound table throws `METADATA_SCHEME_INVALID`).
 *
 * @example
 * compileScheme(schemes.dat46).root.byKey.get('文件实体')?.label; // 'E:文件实体'
 */
export function compileScheme(scheme: MetadataScheme): CompiledScheme {
  let compiled = cache.get(scheme);
  if (compiled === undefined) {
    if (scheme === null || typeof scheme !== 'object' || !Array.isArray(scheme.elements))
      throw new TypeError('scheme must be a MetadataScheme (an object with an elements array)');
    assertSchemeIntegrity(scheme);
    compiled = build(scheme);
    cache.set(scheme, compiled);
  }
  return compiled;
}

interface MutableContainer {
  id: string;
  node: CompiledNode | undefined;
  depth: number;
  nodes: CompiledNode[];
  byKey: Map<string, CompiledNode>;
  requiredNodes: CompiledNode[];
  conditionalNodes: CompiledNode[];
  rules: CompiledRule[];
}

function build(scheme: MetadataScheme): CompiledScheme {
  const index = schemeIndex(scheme);
  const nodes = new Map<string, CompiledNode>();
  const containers = new Map<string, MutableContainer>();
  const pending: { node: CompiledNode & { when: CompiledCondition | undefined }; when: Condition }[] = [];

  const chainOf = (element: MetadataElement): string[] => {
    const chain: string[] = [];
    let parent = element.parent;
    while (parent !== undefined) {
      chain.unshift(parent);
      parent = index.byId.get(parent)?.parent;
    }
    chain.unshift('');
    return chain;
  };

  const makeContainer = (id: string, node: CompiledNode | undefined, depth: number): MutableContainer => {
    const container: MutableContainer = {
      id,
      node,
      depth,
      nodes: [],
      byKey: new Map(),
      requiredNodes: [],
      conditionalNodes: [],
      rules: [],
    };
    containers.set(id, container);
    for (const element of index.children.get(id) ?? []) {
      const compiled = makeNode(element, depth);
      container.nodes.push(compiled);
      container.byKey.set(compiled.key, compiled);
      if (compiled.required) container.requiredNodes.push(compiled);
      if (element.obligation.kind === '条件选' && element.obligation.when !== undefined) {
        container.conditionalNodes.push(compiled);
        pending.push({ node: compiled, when: element.obligation.when });
      }
    }
    return container;
  };

  const makeNode = (
    element: MetadataElement,
    depth: number,
  ): CompiledNode & { when: CompiledCondition | undefined } => {
    const domain = element.domain;
    const closed = element.type === 'enum' && domain?.enum !== undefined && domain.open !== true;
    const patternSource = domain?.pattern === undefined ? undefined : `^(?:${domain.pattern})$`;
    const node: CompiledNode & {
      when: CompiledCondition | undefined;
      container: CompiledContainer | undefined;
    } = {
      element,
      key: element.key,
      inheritedKey: element.key in Object.prototype,
      label: element.number ?? element.id,
      type: element.type,
      repeatable: element.repeatable,
      required: element.obligation.kind === '必选',
      when: undefined,
      depth,
      chain: chainOf(element),
      container: undefined,
      closedEnum: closed ? new Set(domain?.enum) : undefined,
      legacy: domain?.legacy !== undefined && domain.legacy.length > 0 ? new Set(domain.legacy) : undefined,
      pattern: patternSource === undefined ? undefined : new RegExp(patternSource, 'u'),
      patternSource,
      maxLength: domain?.maxLength,
      freeText: element.type === 'string' || (element.type === 'enum' && !closed),
      min: domain?.min ?? Number.NEGATIVE_INFINITY,
      max: domain?.max ?? Number.POSITIVE_INFINITY,
    };
    nodes.set(element.id, node);
    if (element.type === 'container') node.container = makeContainer(element.id, node, depth + 1);
    return node;
  };

  const root = makeContainer('', undefined, 0);

  // References need every node, so they are resolved after the tree is built.
  const refFrom = (fromChain: readonly string[], id: string): CompiledRef => {
    const target = nodes.get(id);
    if (target === undefined) throw new TypeError(`unknown element in a condition or rule: ${id}`);
    let shared = 0;
    while (
      shared + 1 < fromChain.length &&
      shared + 1 < target.chain.length &&
      fromChain[shared + 1] === target.chain[shared + 1]
    )
      shared++;
    const below = target.chain.slice(shared + 1).map((cid) => nodes.get(cid)!);
    return {
      node: target,
      depth: shared,
      keys: [...below.map((n) => n.key), target.key],
      repeatable: [...below.map((n) => n.repeatable), target.repeatable],
    };
  };
  const condition = (chain: readonly string[], c: Condition): CompiledCondition => {
    if ('all' in c) return { op: 'all', items: c.all.map((x) => condition(chain, x)) };
    if ('any' in c) return { op: 'any', items: c.any.map((x) => condition(chain, x)) };
    if ('present' in c) return { op: 'present', ref: refFrom(chain, c.present) };
    if ('absent' in c) return { op: 'absent', ref: refFrom(chain, c.absent) };
    if ('in' in c) return { op: 'in', ref: refFrom(chain, c.element), values: new Set(c.in) };
    return { op: 'notIn', ref: refFrom(chain, c.element), values: new Set(c.notIn) };
  };
  for (const { node, when } of pending) node.when = condition(node.chain, when);

  for (const rule of scheme.rules ?? []) {
    const [a, b] = rule.kind === 'yearMatchesDate' ? [rule.year, rule.date] : [rule.earlier, rule.later];
    const first = nodes.get(a);
    const second = nodes.get(b);
    if (first === undefined || second === undefined) continue; // reported by checkSchemeIntegrity
    let shared = 0;
    while (
      shared + 1 < first.chain.length &&
      shared + 1 < second.chain.length &&
      first.chain[shared + 1] === second.chain[shared + 1]
    )
      shared++;
    const anchor = first.chain.slice(0, shared + 1);
    const container = containers.get(anchor[shared]!)!;
    container.rules.push({ rule, first: refFrom(anchor, a), second: refFrom(anchor, b) });
  }

  return { scheme, root, nodes, containers };
}
