import type { MetadataScheme } from '../scheme/model.js';
import {
  type CompiledCondition,
  type CompiledContainer,
  type CompiledNode,
  type CompiledScheme,
  compileScheme,
} from '../validate/compile.js';
import { typePatterns } from '../validate/patterns.js';

/** A JSON Schema (draft 2020-12) object, as plain JSON data. */
export interface JsonSchema {
  readonly [keyword: string]: JsonValue;
}

/** Any JSON value. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** Options of {@link schemeToJsonSchema}; `unknownElements` and `maxLength` mirror `validateRecord`'s. */
export interface JsonSchemaOptions {
  /** `'error'` (default) writes `additionalProperties: false`; otherwise other keys are allowed. */
  readonly unknownElements?: 'error' | 'warning' | 'ignore';
  /** `maxLength` of free-text elements whose domain sets none (as the validation option). */
  readonly maxLength?: number;
  /** The schema's `$id`. Default `urn:dangan:metadata-scheme:<id>:<version>`. */
  readonly $id?: string;
}

type Mutable = { [keyword: string]: JsonValue };

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * A JSON Schema (draft 2020-12) of a scheme's records, for hosts in other languages (Java, Go, Python…):
 * one nested object per container, `required` for 必选 elements, arrays with `minItems: 1` for repeatable
 * ones, `additionalProperties: false`, `enum` for closed value lists (legacy values included: they only
 * warn), patterns for `date` / `dateTime` / `gYear` / `base64` / `uri` and domain patterns, `maxLength` in
 * characters (code points), `minimum` / `maximum`, integer types, non-blank strings, a pattern against the
 * GD-1-6 control and noncharacter code points, and 条件选 conditions as `if`/`then` on the container the
 * condition's elements share (`allOf` there). Titles and descriptions are Chinese, with element numbers.
 *
 * It accepts exactly the records `validateRecord` accepts (with the same `unknownElements` / `maxLength`
 * and default severities), except for what JSON Schema cannot express or what depends on the moment of
 * validation — those checks are only in `validateRecord`:
 * - `METADATA_FUTURE_DATE` (needs "now");
 * - `METADATA_YEAR_MISMATCH` and `METADATA_DATE_ORDER` (consistency rules compare two values);
 * - lone surrogates (`METADATA_ILLEGAL_CHARACTER`): UTF-8 JSON cannot carry them, and a pattern for them
 *   reads differently in engines without a Unicode mode; every other GD-1-6 character is in the pattern;
 * - warnings (`METADATA_LEGACY_VALUE`, `METADATA_PRIVATE_USE_CHARACTER`), which do not reject a record.
 *
 * Calendar validity of dates (2024-02-30, leap years) *is* in the patterns, and conditions read their
 * elements in the same instances as `validateRecord` (a condition whose elements sit at different depths
 * below a repeatable container is split on the shallower values, so each instance is judged on its own).
 * Patterns use the portable ECMA-262 subset (no look-around, no `\d`).
 *
 * @example
 * const schema = schemeToJsonSchema(schemes.dat46);
 * new Ajv2020({ allErrors: true }).compile(schema)(record); // true exactly when validateRecord accepts it
 */
export function schemeToJsonSchema(scheme: MetadataScheme, options: JsonSchemaOptions = {}): JsonSchema {
  const compiled = compileScheme(scheme);
  const builder = new Builder(compiled, options);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: options.$id ?? `urn:dangan:metadata-scheme:${scheme.id}:${scheme.version}`,
    title: `${scheme.title}（${scheme.standard}）元数据记录`,
    description: `${scheme.description ?? scheme.title}。方案 ${scheme.id}，版本 ${scheme.version}。`,
    ...builder.container(compiled.root),
  };
}

class Builder {
  readonly #strict: boolean;
  readonly #maxLength: number | undefined;
  /** Conditions to place on each container (by id), gathered before the tree is written. */
  readonly #conditions = new Map<string, JsonValue[]>();

  constructor(compiled: CompiledScheme, options: JsonSchemaOptions) {
    this.#strict = (options.unknownElements ?? 'error') === 'error';
    this.#maxLength = options.maxLength;
    for (const node of compiled.nodes.values()) {
      if (node.when === undefined) continue;
      const anchor = Math.min(...refDepths(node.when));
      const anchorId = node.chain[anchor]!;
      const list = this.#conditions.get(anchorId) ?? [];
      this.#conditions.set(anchorId, list);
      list.push(this.#ifThen(compiled, node, anchor));
    }
  }

  container(container: CompiledContainer): Mutable {
    const properties: Mutable = {};
    const required: string[] = [];
    for (const node of container.nodes) {
      properties[node.key] = this.#slot(node);
      if (node.required) required.push(node.key);
    }
    const schema: Mutable = { type: 'object', properties };
    if (required.length > 0) schema.required = required;
    if (this.#strict) schema.additionalProperties = false;
    const conditions = this.#conditions.get(container.id);
    if (conditions !== undefined) schema.allOf = conditions;
    return schema;
  }

  #slot(node: CompiledNode): Mutable {
    const value = this.#value(node);
    const annotations = { title: title(node), description: description(node) };
    if (!node.repeatable) return { ...annotations, ...value };
    return { ...annotations, type: 'array', minItems: 1, items: value };
  }

  #value(node: CompiledNode): Mutable {
    const p = typePatterns();
    const domain = node.element.domain;
    let schema: Mutable;
    switch (node.type) {
      case 'container':
        return this.container(node.container!);
      case 'integer':
      case 'positiveInteger': {
        const floor = node.type === 'integer' ? 0 : 1;
        schema = {
          type: 'integer',
          minimum: Math.max(floor, node.min),
          maximum: Math.min(MAX_SAFE, node.max),
        };
        return schema;
      }
      case 'decimal':
        schema = { type: 'number' };
        if (Number.isFinite(node.min)) schema.minimum = node.min;
        if (Number.isFinite(node.max)) schema.maximum = node.max;
        return schema;
      case 'date':
      case 'dateTime':
      case 'gYear':
        schema = { type: 'string', pattern: p[node.type] };
        break;
      case 'uri':
        // The URI pattern is loose about what follows the scheme; the character rule still applies (GD-1-6).
        schema = { type: 'string', pattern: p.uri, not: { pattern: p.illegalCharacter } };
        break;
      case 'base64':
        schema = { type: 'string', minLength: 1, pattern: p.base64 };
        break;
      default:
        if (node.closedEnum !== undefined) {
          schema = { type: 'string', enum: [...node.closedEnum, ...(node.legacy ?? [])] };
        } else {
          schema = {
            type: 'string',
            minLength: 1,
            pattern: p.nonBlank,
            not: { pattern: p.illegalCharacter },
          };
          if (node.type === 'enum' && domain?.enum !== undefined) schema.examples = [...domain.enum];
        }
    }
    if (node.patternSource !== undefined) {
      if (schema.pattern === undefined) schema.pattern = node.patternSource;
      else schema.allOf = [{ pattern: node.patternSource }];
    }
    const max = node.maxLength ?? (node.freeText ? this.#maxLength : undefined);
    if (max !== undefined) schema.maxLength = max;
    return schema;
  }

  /**
   * The schema, applied to the anchor container (the shallowest container the condition's references share
   * with the element), that requires the element wherever its condition holds.
   */
  #ifThen(compiled: CompiledScheme, node: CompiledNode, anchor: number): JsonValue {
    const chain = node.chain.map((id) => compiled.nodes.get(id));
    const when = node.when!;
    const depths = [...new Set(refDepths(when))].sort((a, b) => a - b);
    const deepest = depths.at(-1)!;
    const label = title(node);
    const text = node.element.obligation.kind === '条件选' ? node.element.obligation.condition : '';
    const required: Mutable = { type: 'object', required: [node.key] };
    // Without a repeatable container between the anchor and the deepest reference, every reference reads
    // the one instance on the way: one if/then at the anchor says it exactly.
    if (!chain.slice(anchor + 1, deepest + 1).some((n) => n?.repeatable)) {
      return {
        $comment: `${label}：${text}必选`,
        if: conditionSchema(when, (atom) =>
          atomSchema(atom, [...steps(chain, anchor, atom.ref.depth), ...refSteps(atom)]),
        ),
        // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword
        then: down(chain, anchor, node.chain.length - 1, required),
      };
    }
    // Otherwise references at different depths read different instances ("the same instance as the
    // element"), which JSON Schema cannot name: split on the values of the shallower references, level by
    // level, and test the deeper ones inside each instance.
    const atoms = atomsOf(when);
    const level = (j: number, known: ReadonlyMap<CompiledCondition, boolean>): Mutable => {
      const depth = depths[j]!;
      const atDepth = (atom: Atom) => atomSchema(atom, refSteps(atom));
      if (j === depths.length - 1) {
        return {
          if: conditionSchema(when, (atom) => known.get(atom) ?? atDepth(atom)),
          // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword
          then: down(chain, depth, node.chain.length - 1, required),
        };
      }
      const here = atoms.filter((a) => a.ref.depth === depth);
      const branches: JsonValue[] = [];
      for (let mask = 0; mask < 1 << here.length; mask++) {
        const next = new Map(known);
        const parts = here.map((atom, i) => {
          const value = (mask & (1 << i)) !== 0;
          next.set(atom, value);
          return value ? atDepth(atom) : { not: atDepth(atom) };
        });
        branches.push({
          if: parts.length === 1 ? parts[0]! : { allOf: parts },
          // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword
          then: down(chain, depth, depths[j + 1]!, level(j + 1, next)),
        });
      }
      return { allOf: branches };
    };
    return { $comment: `${label}：${text}必选（逐个实例判断）`, ...level(0, new Map()) };
  }
}

type Atom = Extract<CompiledCondition, { readonly ref: unknown }>;

function refDepths(c: CompiledCondition): number[] {
  return c.op === 'all' || c.op === 'any' ? c.items.flatMap(refDepths) : [c.ref.depth];
}

function atomsOf(c: CompiledCondition): Atom[] {
  return c.op === 'all' || c.op === 'any' ? c.items.flatMap(atomsOf) : [c];
}

interface Step {
  readonly key: string;
  readonly repeatable: boolean;
}

/** The element's own containers from depth `from` down to depth `to` (first instances, for an `if`). */
function steps(chain: readonly (CompiledNode | undefined)[], from: number, to: number): Step[] {
  return chain.slice(from + 1, to + 1).map((n) => ({ key: n!.key, repeatable: n!.repeatable }));
}

function refSteps(atom: Atom): Step[] {
  return atom.ref.keys.map((key, i) => ({ key, repeatable: atom.ref.repeatable[i]! }));
}

/** `inner` applied to every instance of the element's containers from depth `from` down to depth `to`. */
function down(
  chain: readonly (CompiledNode | undefined)[],
  from: number,
  to: number,
  inner: Mutable,
): Mutable {
  let schema = inner;
  for (let d = to; d > from; d--) {
    const c = chain[d]!;
    schema = {
      type: 'object',
      properties: { [c.key]: c.repeatable ? { type: 'array', items: schema } : schema },
    };
  }
  return schema;
}

/** A condition as a schema, with each reference's schema supplied (a boolean where it is already known). */
function conditionSchema(c: CompiledCondition, atom: (a: Atom) => JsonValue): JsonValue {
  switch (c.op) {
    case 'all':
      return { allOf: c.items.map((x) => conditionSchema(x, atom)) };
    case 'any':
      return { anyOf: c.items.map((x) => conditionSchema(x, atom)) };
    default:
      return atom(c);
  }
}

/** One reference test (present, absent, in, notIn) along `path`. */
function atomSchema(c: Atom, path: readonly Step[]): Mutable {
  if (c.op === 'present') return reach(path, undefined);
  if (c.op === 'absent') return { not: reach(path, undefined) };
  const values = [...c.values];
  const leaf: Mutable = c.ref.node.repeatable
    ? { type: 'array', contains: { enum: values } }
    : { enum: values };
  return c.op === 'in' ? reach(path, leaf) : { allOf: [reach(path, undefined), { not: reach(path, leaf) }] };
}

/** "The path exists (through first instances) and its value matches `leaf`". */
function reach(steps: readonly Step[], leaf: Mutable | undefined): Mutable {
  const [step, ...rest] = steps;
  if (step === undefined) return leaf ?? {};
  const schema: Mutable = { type: 'object', required: [step.key] };
  if (rest.length === 0) {
    if (leaf !== undefined) schema.properties = { [step.key]: leaf };
  } else {
    const inner = reach(rest, leaf);
    schema.properties = {
      [step.key]: step.repeatable ? { type: 'array', minItems: 1, prefixItems: [inner] } : inner,
    };
  }
  return schema;
}

function title(node: CompiledNode): string {
  return node.element.number === undefined
    ? node.element.name
    : `${node.element.number} ${node.element.name}`;
}

function description(node: CompiledNode): string {
  const e = node.element;
  const parts = [`${e.name}（${e.nameEn}）`];
  const o = e.obligation;
  parts.push(o.kind === '条件选' ? `条件选：${o.condition}必选` : o.kind);
  parts.push(e.repeatable ? '可重复' : '不可重复');
  if (e.domain?.open === true) parts.push('值域为开放列表（可用其他值）');
  if (e.domain?.legacy !== undefined && e.domain.legacy.length > 0)
    parts.push(`旧值 ${e.domain.legacy.join('、')} 仍可接受（校验给出警告）`);
  if (e.default !== undefined) parts.push(`缺省值：${e.default}`);
  if (e.definition !== undefined) parts.push(e.definition);
  if (e.id !== e.number) parts.push(`元素标识 ${e.id}`);
  return `${parts.join('；')}。`;
}
