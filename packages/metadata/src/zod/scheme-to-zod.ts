import * as z from 'zod/mini';
import type { MetadataScheme } from '../scheme/model.js';
import type { MetadataRecord } from '../scheme/record-type.js';
import { codePointLength, mayHoldSpecialCharacters, scanCharacters } from '../validate/characters.js';
import {
  type CompiledCondition,
  type CompiledContainer,
  type CompiledNode,
  type CompiledScheme,
  compileScheme,
} from '../validate/compile.js';
import { typePatterns, typeRegExps } from '../validate/patterns.js';
import { brokenRule, holds, isPlainObject } from '../validate/walk.js';

/** Options of {@link schemeToZod}; they mirror `validateRecord`'s. */
export interface ZodSchemeOptions {
  /** `'error'` (default): unknown keys fail (`strictObject`); otherwise they are kept (`looseObject`). */
  readonly unknownElements?: 'error' | 'warning' | 'ignore';
  /** `maxLength` of free-text elements whose domain sets none. */
  readonly maxLength?: number;
  /** Offset from UTC of dates without a time zone, for the date-order rule. Default 480 (UTC+8). */
  readonly utcOffsetMinutes?: number;
}

/** The zod (`zod/mini`) schema of a scheme's records; its output is typed as the scheme's record type. */
export type ZodRecordSchema<S extends MetadataScheme> = z.ZodMiniType<MetadataRecord<S>, unknown>;

/**
 * A zod 4 schema (`zod/mini`, so bundles stay small) derived from a scheme's table, for hosts that already
 * validate with zod. It agrees with `validateRecord` on structure and domains: required and conditional
 * elements, repeatability (non-empty arrays), types, formats (calendar-valid dates), closed value lists
 * (legacy values pass: they only warn), patterns, lengths in characters, numeric bounds, blank values,
 * unknown keys, GD-1-6 illegal characters, and the consistency rules (年度 = year of 日期, date order).
 * Not in it: future dates (they depend on "now") and the warnings. Issues carry Chinese messages that
 * name the element (`M22 题名：…`).
 *
 * Types: the schema is built at run time, so zod cannot infer the record shape from it; the output type is
 * asserted to be `MetadataRecord<S>` (readonly arrays, open lists as `string`). Legacy values of closed
 * lists (保管期限 长期…) pass at run time although the static type lists only the current values.
 * Build the schema once and keep it: building walks the whole table.
 *
 * @example
 * import { schemeToZod } from '@dangan/metadata/zod';
 * const Record46 = schemeToZod(schemes.dat46);
 * const r = Record46.safeParse(input);
 * if (r.success) r.data.文件实体.内容描述.题名; // string
 */
export function schemeToZod<S extends MetadataScheme>(
  scheme: S,
  options: ZodSchemeOptions = {},
): ZodRecordSchema<S> {
  const compiled = compileScheme(scheme);
  const builder = new ZodBuilder(compiled, options);
  return builder.container(compiled.root) as unknown as ZodRecordSchema<S>;
}

type Check = z.core.$ZodCheck<Record<string, unknown>>;

class ZodBuilder {
  readonly #strict: boolean;
  readonly #maxLength: number | undefined;
  readonly #offsetMs: number;
  readonly #checks = new Map<string, Check[]>();

  constructor(compiled: CompiledScheme, options: ZodSchemeOptions) {
    this.#strict = (options.unknownElements ?? 'error') === 'error';
    this.#maxLength = options.maxLength;
    this.#offsetMs = (options.utcOffsetMinutes ?? 480) * 60_000;
    for (const node of compiled.nodes.values()) {
      if (node.when === undefined) continue;
      const anchor = Math.min(...refDepths(node.when));
      this.#add(node.chain[anchor]!, conditionCheck(compiled, node, anchor));
    }
    for (const container of compiled.containers.values()) {
      for (const rule of container.rules) {
        const offsetMs = this.#offsetMs;
        const depth = container.depth;
        const reported = rule.rule.kind === 'yearMatchesDate' ? rule.first : rule.second;
        const other = reported === rule.first ? rule.second : rule.first;
        const message =
          rule.rule.kind === 'yearMatchesDate'
            ? `${title(reported.node)}：与 ${title(other.node)} 的年份不一致`
            : `${title(reported.node)}：早于 ${title(other.node)}`;
        this.#add(
          container.id,
          z.superRefine<Record<string, unknown>>((value, ctx) => {
            const objects: unknown[] = [];
            objects[depth] = value;
            if (brokenRule(objects, rule, offsetMs) !== undefined) {
              const path: (string | number)[] = [];
              reported.keys.forEach((key, i) => {
                path.push(key);
                if (reported.repeatable[i]) path.push(0);
              });
              ctx.addIssue({ code: 'custom', message, path, input: value });
            }
          }),
        );
      }
    }
  }

  #add(containerId: string, check: Check): void {
    const list = this.#checks.get(containerId) ?? [];
    this.#checks.set(containerId, list);
    list.push(check);
  }

  container(container: CompiledContainer): z.ZodMiniType {
    const shape: Record<string, z.ZodMiniType> = {};
    for (const node of container.nodes) {
      const slot = this.#slot(node);
      shape[node.key] = node.required ? slot : z.optional(slot);
    }
    const where = container.node === undefined ? '记录' : title(container.node);
    const params = {
      error: (issue: { code: string; keys?: readonly string[] }) => objectError(where, issue),
    };
    const object = this.#strict ? z.strictObject(shape, params) : z.looseObject(shape, params);
    const checks = this.#checks.get(container.id);
    return checks === undefined ? object : object.check(...checks);
  }

  #slot(node: CompiledNode): z.ZodMiniType {
    const value = this.#value(node);
    if (!node.repeatable) return value;
    return z
      .array(value, `${title(node)}：可重复元素应写作数组`)
      .check(z.minLength(1, `${title(node)}：值为空（空数组）；不著录时请省略该元素`));
  }

  #value(node: CompiledNode): z.ZodMiniType {
    const name = title(node);
    const p = typePatterns();
    const re = typeRegExps();
    switch (node.type) {
      case 'container':
        return this.container(node.container!);
      case 'integer':
      case 'positiveInteger': {
        const floor = node.type === 'integer' ? 0 : 1;
        const checks: z.core.$ZodCheck<number>[] = [
          z.gte(Math.max(floor, node.min), `${name}：数值不合理或超出值域`),
        ];
        if (Number.isFinite(node.max)) checks.push(z.lte(node.max, `${name}：数值超出值域`));
        return z.int(`${name}：应为整数（JSON 数值）`).check(...checks);
      }
      case 'decimal': {
        const schema = z.number(`${name}：应为数值（JSON 数值）`);
        const checks: z.core.$ZodCheck<number>[] = [];
        if (Number.isFinite(node.min)) checks.push(z.gte(node.min, `${name}：数值超出值域`));
        if (Number.isFinite(node.max)) checks.push(z.lte(node.max, `${name}：数值超出值域`));
        return checks.length === 0 ? schema : schema.check(...checks);
      }
      default:
        break;
    }
    if (node.closedEnum !== undefined) {
      const values = [...node.closedEnum, ...(node.legacy ?? [])] as [string, ...string[]];
      const schema = z.enum(values, `${name}：值不在值域内（可选值：${[...node.closedEnum].join('、')}）`);
      const extra = this.#stringChecks(node, name);
      return extra.length === 0 ? schema : schema.check(...extra);
    }
    const checks: z.core.$ZodCheck<string>[] = [
      z.minLength(1, `${name}：值为空；不著录时请省略该元素`),
      z.regex(/\S/u, `${name}：值为空白；不著录时请省略该元素`),
    ];
    switch (node.type) {
      case 'date':
      case 'dateTime':
      case 'gYear':
      case 'base64':
      case 'uri':
        checks.push(z.regex(re[node.type], `${name}：格式不符（${p[node.type]}）`));
        break;
      default:
        break;
    }
    checks.push(
      z.refine((s: string) => !mayHoldSpecialCharacters(s) || scanCharacters(s).illegal === undefined, {
        error: `${name}：含非法字符（控制字符、非字符码位或孤立代理项）`,
      }),
      ...this.#stringChecks(node, name),
    );
    return z.string(`${name}：应为文本`).check(...checks);
  }

  #stringChecks(node: CompiledNode, name: string): z.core.$ZodCheck<string>[] {
    const checks: z.core.$ZodCheck<string>[] = [];
    if (node.pattern !== undefined)
      checks.push(z.regex(node.pattern, `${name}：不符合格式 ${node.patternSource}`));
    const max = node.maxLength ?? (node.freeText ? this.#maxLength : undefined);
    if (max !== undefined)
      checks.push(
        z.refine((s: string) => s.length <= max || codePointLength(s) <= max, {
          error: `${name}：超过长度上限 ${max} 个字符`,
        }),
      );
    return checks;
  }
}

function objectError(where: string, issue: { code: string; keys?: readonly string[] }): string {
  if (issue.code === 'unrecognized_keys') return `${where}：未知元素 ${(issue.keys ?? []).join('、')}`;
  return `${where}：应为对象`;
}

function refDepths(c: CompiledCondition): number[] {
  return c.op === 'all' || c.op === 'any' ? c.items.flatMap(refDepths) : [c.ref.depth];
}

/**
 * The check, on the anchor container, that a conditional element is present in every instance of its
 * container where the condition holds (references read in the same instances as `validateRecord` reads them).
 */
function conditionCheck(compiled: CompiledScheme, node: CompiledNode, anchor: number): Check {
  const below = node.chain.slice(anchor + 1).map((id) => compiled.nodes.get(id)!);
  const condition = node.element.obligation.kind === '条件选' ? node.element.obligation.condition : '';
  const message = `${title(node)}：条件选元素缺失：${condition}必选`;
  return z.superRefine<Record<string, unknown>>((value, ctx) => {
    const objects: unknown[] = [];
    const path: (string | number)[] = [];
    const visit = (obj: Record<string, unknown>, level: number): void => {
      objects[anchor + level] = obj;
      if (level === below.length) {
        if (obj[node.key] === undefined && holds(objects, node.when!))
          ctx.addIssue({ code: 'custom', message, path: [...path, node.key], input: value });
        return;
      }
      const c = below[level]!;
      const next = obj[c.key];
      path.push(c.key);
      if (c.repeatable && Array.isArray(next)) {
        next.forEach((item, i) => {
          path.push(i);
          if (isPlainObject(item)) visit(item as Record<string, unknown>, level + 1);
          path.pop();
        });
      } else if (!c.repeatable && isPlainObject(next)) {
        visit(next as Record<string, unknown>, level + 1);
      }
      path.pop();
    };
    visit(value, 0);
  });
}

function title(node: CompiledNode): string {
  return node.element.number === undefined
    ? node.element.name
    : `${node.element.number} ${node.element.name}`;
}
