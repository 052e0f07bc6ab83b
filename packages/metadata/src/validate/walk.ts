import type { Severity } from '@dangan/core';
import type { MetadataScheme } from '../scheme/model.js';
import { codePointLength, codePointName, mayHoldSpecialCharacters, scanCharacters } from './characters.js';
import { METADATA_FINDING_CODES, type MetadataFindingCode } from './codes.js';
import type {
  CompiledCondition,
  CompiledContainer,
  CompiledNode,
  CompiledRef,
  CompiledRule,
} from './compile.js';
import { describeValue, formatName, quote, type Text, typeName } from './messages.js';
import { typeRegExps } from './patterns.js';
import { compareTemporal, dateTimeMillis, localDate } from './temporal.js';
import type { MetadataFinding, ValidateRecordOptions } from './types.js';

/** The state of one validation: findings so far, where the walk is, and the resolved options. */
export interface WalkContext {
  readonly scheme: MetadataScheme;
  readonly findings: MetadataFinding[];
  /** Keys and indices from the record root to the value being checked. */
  readonly path: (string | number)[];
  /** The container instance at each depth of the current path (0 = the record). */
  readonly objects: unknown[];
  readonly nowMs: number;
  readonly offsetMs: number;
  /** Today (`YYYY-MM-DD`) and this year at `offsetMs`. */
  readonly today: string;
  readonly thisYear: string;
  /** UTC date two days before now: date-times written earlier than this are not in the future. */
  readonly notBefore: string;
  readonly maxLength: number;
  readonly unknownElements: Severity | 'ignore';
  readonly lang: 'zh' | 'en';
  readonly severity: ValidateRecordOptions['severity'];
}

/** Checks the options (programmer errors throw `TypeError` / `RangeError`) and starts a walk. */
export function createContext(scheme: MetadataScheme, options: ValidateRecordOptions = {}): WalkContext {
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const {
    now,
    utcOffsetMinutes = 480,
    unknownElements = 'error',
    maxLength,
    lang = 'zh',
    severity,
  } = options;
  if (now !== undefined && (!(now instanceof Date) || Number.isNaN(now.getTime())))
    throw new RangeError('options.now must be a valid Date');
  if (!Number.isFinite(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 24 * 60)
    throw new RangeError('options.utcOffsetMinutes must be a number of minutes between -1440 and 1440');
  if (unknownElements !== 'error' && unknownElements !== 'warning' && unknownElements !== 'ignore')
    throw new TypeError("options.unknownElements must be 'error', 'warning' or 'ignore'");
  if (maxLength !== undefined && !(Number.isSafeInteger(maxLength) && maxLength >= 0))
    throw new RangeError('options.maxLength must be a non-negative integer');
  if (lang !== 'zh' && lang !== 'en') throw new TypeError("options.lang must be 'zh' or 'en'");
  const nowMs = now === undefined ? Date.now() : now.getTime();
  const offsetMs = utcOffsetMinutes * 60_000;
  const { today, notBefore } = days(nowMs, offsetMs);
  return {
    scheme,
    findings: [],
    path: [],
    objects: [],
    nowMs,
    offsetMs,
    today,
    thisYear: today.slice(0, 4),
    notBefore,
    maxLength: maxLength ?? Number.POSITIVE_INFINITY,
    unknownElements,
    lang,
    severity,
  };
}

const DAY = 86_400_000;
let lastDays: { key: number; offsetMs: number; today: string; notBefore: string } | undefined;

/**
 * Today at the offset, and a UTC date at least two days before now, cached per local day (validation runs in
 * bulk). The second is taken from the start of the local day, so it is never later than now − 2 days.
 */
function days(nowMs: number, offsetMs: number): { today: string; notBefore: string } {
  const key = Math.floor((nowMs + offsetMs) / DAY);
  if (lastDays === undefined || lastDays.key !== key || lastDays.offsetMs !== offsetMs) {
    const dayStart = key * DAY - offsetMs;
    lastDays = {
      key,
      offsetMs,
      today: localDate(nowMs, offsetMs),
      notBefore: localDate(dayStart - 2 * DAY, 0),
    };
  }
  return lastDays;
}

/** Validates the record root (already known to be an object). */
export function walkRecord(ctx: WalkContext, root: CompiledContainer, record: object): void {
  walkContainer(ctx, root, record, 0);
}

/** Whether a value is a plain object (a JSON object): not an array, a Date, a Map or a class instance. */
export function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

// ── the walk ──

function walkContainer(ctx: WalkContext, container: CompiledContainer, obj: object, depth: number): void {
  const record = obj as { readonly [key: string]: unknown };
  ctx.objects[depth] = obj;
  for (const key in record) {
    const value = record[key];
    const node = container.byKey.get(key);
    if (node === undefined) {
      if (value !== undefined) unknownElement(ctx, container, key);
      continue;
    }
    if (value === undefined) continue;
    ctx.path.push(key);
    checkSlot(ctx, node, value);
    ctx.path.pop();
  }
  const required = container.requiredNodes;
  for (let i = 0; i < required.length; i++) {
    const node = required[i]!;
    if (read(record, node) === undefined) {
      report(
        ctx,
        'METADATA_REQUIRED_MISSING',
        node,
        { zh: '必选元素缺失', en: 'mandatory element is missing' },
        node.key,
      );
    }
  }
  const conditional = container.conditionalNodes;
  for (let i = 0; i < conditional.length; i++) {
    const node = conditional[i]!;
    if (read(record, node) === undefined && holds(ctx.objects, node.when!)) {
      const condition = node.element.obligation.kind === '条件选' ? node.element.obligation.condition : '';
      report(
        ctx,
        'METADATA_CONDITION_UNMET',
        node,
        {
          zh: `条件选元素缺失：${condition}必选`,
          en: `conditional element is missing: required when ${conditionText(node.when!)}`,
        },
        node.key,
      );
    }
  }
  const rules = container.rules;
  for (let i = 0; i < rules.length; i++) checkRule(ctx, rules[i]!);
}

function read(record: { readonly [key: string]: unknown }, node: CompiledNode): unknown {
  return node.inheritedKey && !Object.hasOwn(record, node.key) ? undefined : record[node.key];
}

function checkSlot(ctx: WalkContext, node: CompiledNode, value: unknown): void {
  if (node.repeatable) {
    if (!Array.isArray(value)) {
      if (value === null) empty(ctx, node, value);
      else
        report(ctx, 'METADATA_EXPECTED_LIST', node, {
          zh: `可重复元素应写作数组，实为${describeValue(value).zh}；单个值也请放入数组：[值]`,
          en: `a repeatable element must be an array, got ${describeValue(value).en}; wrap a single value: [value]`,
        });
      return;
    }
    if (value.length === 0) {
      empty(ctx, node, value);
      return;
    }
    for (let i = 0; i < value.length; i++) {
      ctx.path.push(i);
      checkValue(ctx, node, value[i]);
      ctx.path.pop();
    }
  } else if (Array.isArray(value)) {
    report(ctx, 'METADATA_NOT_REPEATABLE', node, {
      zh: `不可重复的元素不能写作数组（共 ${value.length} 项），只能有一个值`,
      en: `a non-repeatable element cannot be an array (${value.length} items given); give one value`,
    });
  } else {
    checkValue(ctx, node, value);
  }
}

function checkValue(ctx: WalkContext, node: CompiledNode, value: unknown): void {
  if (value === null || value === undefined) {
    empty(ctx, node, value);
    return;
  }
  switch (node.type) {
    case 'container':
      if (isPlainObject(value)) walkContainer(ctx, node.container!, value, node.depth + 1);
      else typeInvalid(ctx, node, value, '');
      return;
    case 'integer':
    case 'positiveInteger':
    case 'decimal':
      checkNumber(ctx, node, value);
      return;
    default:
      if (typeof value === 'string') checkString(ctx, node, value);
      else
        typeInvalid(
          ctx,
          node,
          value,
          value instanceof Date && (node.type === 'date' || node.type === 'dateTime')
            ? node.type === 'date'
              ? '；请写作 ISO 8601 文本，如 “2024-05-01”'
              : '；请写作 ISO 8601 文本，如 “2024-05-01T09:30:00+08:00”'
            : '',
        );
  }
}

function checkNumber(ctx: WalkContext, node: CompiledNode, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const numeric = typeof value === 'string' && /^\s*-?[0-9]+(?:\.[0-9]+)?\s*$/.test(value);
    typeInvalid(ctx, node, value, numeric ? `；请写作 JSON 数值 ${value.trim()}，不加引号` : '');
    return;
  }
  if (node.type !== 'decimal') {
    if (!Number.isInteger(value)) {
      typeInvalid(ctx, node, value, '；应为整数');
      return;
    }
    if (!Number.isSafeInteger(value)) {
      typeInvalid(ctx, node, value, '；超出安全整数范围（±2^53−1）');
      return;
    }
    if (node.type === 'positiveInteger' && value < 1) {
      report(
        ctx,
        'METADATA_TYPE_INVALID',
        node,
        {
          zh: `数值不合理：应为正整数（≥ 1），实为 ${value}`,
          en: `implausible value: must be a positive integer (≥ 1), got ${value}`,
        },
        undefined,
        'GD-1-5',
      );
      return;
    }
    if (value < 0) {
      typeInvalid(ctx, node, value, '；不能为负数');
      return;
    }
  }
  if (value < node.min || value > node.max) {
    report(ctx, 'METADATA_OUT_OF_DOMAIN', node, {
      zh: `数值 ${value} 超出值域 [${bound(node.min)}, ${bound(node.max)}]`,
      en: `${value} is outside the value domain [${bound(node.min)}, ${bound(node.max)}]`,
    });
  }
}

function bound(n: number): string {
  return n === Number.POSITIVE_INFINITY ? '∞' : n === Number.NEGATIVE_INFINITY ? '−∞' : String(n);
}

function isBlank(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c > 0x3000 && c !== 0xfeff)) return false;
  return !NON_BLANK.test(s);
}

const NON_BLANK = /\S/;

function checkString(ctx: WalkContext, node: CompiledNode, s: string): void {
  if (isBlank(s)) {
    empty(ctx, node, s);
    return;
  }
  const re = typeRegExps();
  if (mayHoldSpecialCharacters(s)) characters(ctx, node, s);
  switch (node.type) {
    case 'enum':
      if (node.closedEnum !== undefined && !node.closedEnum.has(s)) {
        const allowed = [...node.closedEnum].join('、');
        if (node.legacy?.has(s))
          report(ctx, 'METADATA_LEGACY_VALUE', node, {
            zh: `${quote(s)} 是旧值，现行值为：${allowed}`,
            en: `${quote(s)} is a legacy value; current values: ${allowed}`,
          });
        else
          report(ctx, 'METADATA_OUT_OF_DOMAIN', node, {
            zh: `${quote(s)} 不在值域内（可选值：${allowed}）`,
            en: `${quote(s)} is not in the value domain (allowed: ${allowed})`,
          });
      }
      break;
    case 'date':
      if (!re.date.test(s)) formatInvalid(ctx, node, s);
      else if (s > ctx.today) future(ctx, node, s, ctx.today);
      break;
    case 'dateTime':
      if (!re.dateTime.test(s)) formatInvalid(ctx, node, s);
      // A value written two days before now cannot be in the future whatever its zone: skip the parse.
      else if (s >= ctx.notBefore && dateTimeMillis(s, ctx.offsetMs) > ctx.nowMs)
        future(ctx, node, s, new Date(ctx.nowMs).toISOString());
      break;
    case 'gYear':
      if (!re.gYear.test(s)) formatInvalid(ctx, node, s);
      else if (s > ctx.thisYear) future(ctx, node, s, ctx.thisYear);
      break;
    case 'base64':
      if (!re.base64.test(s)) formatInvalid(ctx, node, s);
      break;
    case 'uri':
      if (!re.uri.test(s)) formatInvalid(ctx, node, s);
      break;
  }
  if (node.pattern !== undefined && !node.pattern.test(s)) {
    report(ctx, 'METADATA_FORMAT_INVALID', node, {
      zh: `${quote(s)} 不符合格式 ${node.element.domain?.pattern ?? ''}`,
      en: `${quote(s)} does not match the pattern ${node.element.domain?.pattern ?? ''}`,
    });
  }
  const max = node.maxLength ?? (node.freeText ? ctx.maxLength : Number.POSITIVE_INFINITY);
  if (s.length > max) {
    const length = codePointLength(s);
    if (length > max)
      report(ctx, 'METADATA_TOO_LONG', node, {
        zh: `长度 ${length} 个字符，超过上限 ${max}`,
        en: `${length} characters, longer than the limit of ${max}`,
      });
  }
}

function characters(ctx: WalkContext, node: CompiledNode, s: string): void {
  const { illegal, privateUse } = scanCharacters(s);
  if (illegal !== undefined) {
    const more = illegal.count > 1 ? `等 ${illegal.count} 个` : '';
    const moreEn = illegal.count > 1 ? ` (${illegal.count} in all)` : '';
    report(ctx, 'METADATA_ILLEGAL_CHARACTER', node, {
      zh: `含非法字符 ${codePointName(illegal.codePoint)}（第 ${illegal.position} 个字符）${more}：控制字符、非字符码位或孤立代理项`,
      en: `illegal character ${codePointName(illegal.codePoint)} at character ${illegal.position}${moreEn}: a control character, noncharacter or lone surrogate`,
    });
  }
  if (privateUse !== undefined) {
    const more = privateUse.count > 1 ? `等 ${privateUse.count} 个` : '';
    const moreEn = privateUse.count > 1 ? ` (${privateUse.count} in all)` : '';
    report(ctx, 'METADATA_PRIVATE_USE_CHARACTER', node, {
      zh: `含私用区字符 ${codePointName(privateUse.codePoint)}（第 ${privateUse.position} 个字符）${more}，其他系统可能无法正确显示`,
      en: `private-use character ${codePointName(privateUse.codePoint)} at character ${privateUse.position}${moreEn}; other systems may not display it`,
    });
  }
}

function empty(ctx: WalkContext, node: CompiledNode, value: unknown): void {
  const what =
    value === null
      ? { zh: 'null', en: 'null' }
      : Array.isArray(value)
        ? { zh: '空数组', en: 'an empty array' }
        : value === undefined
          ? { zh: 'undefined', en: 'undefined' }
          : { zh: '空白文本', en: 'a blank string' };
  report(ctx, 'METADATA_EMPTY_VALUE', node, {
    zh: `值为空（${what.zh}）；不著录时请省略该元素`,
    en: `the value is empty (${what.en}); omit the element instead`,
  });
}

function typeInvalid(ctx: WalkContext, node: CompiledNode, value: unknown, hint: string): void {
  const expected = typeName(node.type);
  const actual = describeValue(value);
  report(ctx, 'METADATA_TYPE_INVALID', node, {
    zh: `数据类型应为${expected.zh}，实为${actual.zh}${hint}`,
    en: `must be ${expected.en}, got ${actual.en}`,
  });
}

function formatInvalid(ctx: WalkContext, node: CompiledNode, s: string): void {
  const format = formatName(node.type);
  report(ctx, 'METADATA_FORMAT_INVALID', node, {
    zh: `格式应为${format.zh}，实为 ${quote(s)}`,
    en: `must be ${format.en}, got ${quote(s)}`,
  });
}

function future(ctx: WalkContext, node: CompiledNode, s: string, now: string): void {
  report(ctx, 'METADATA_FUTURE_DATE', node, {
    zh: `${s} 晚于当前时间 ${now}`,
    en: `${s} is later than now (${now})`,
  });
}

function unknownElement(ctx: WalkContext, container: CompiledContainer, key: string): void {
  if (ctx.unknownElements === 'ignore') return;
  const where = container.node === undefined ? '记录顶层' : ` ${displayName(container.node)} 下`;
  const whereEn =
    container.node === undefined ? 'at the top level' : `under ${container.node.element.nameEn}`;
  report(
    ctx,
    'METADATA_UNKNOWN_ELEMENT',
    undefined,
    {
      zh: `未知元素 ${quote(key)}：方案 ${ctx.scheme.id} 的${where}没有此元素`,
      en: `unknown element ${quote(key)}: scheme ${ctx.scheme.id} has no such element ${whereEn}`,
    },
    key,
  );
}

// ── conditions and rules ──

/**
 * The value a reference points to, from the container instances on the current path (`objects[d]` is the
 * instance at depth d): its shared container, then down by keys (first instance of repeatable containers).
 */
export function resolveRef(objects: readonly unknown[], ref: CompiledRef): unknown {
  let value: unknown = objects[ref.depth];
  const { keys, repeatable } = ref;
  for (let i = 0; i < keys.length; i++) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const key = keys[i]!;
    value = Object.hasOwn(value, key) ? (value as { readonly [key: string]: unknown })[key] : undefined;
    if (value === undefined) return undefined;
    if (i < keys.length - 1 && repeatable[i]) {
      if (!Array.isArray(value)) return undefined;
      value = value[0];
    }
  }
  return value;
}

/** Whether a referenced value is (or, for a repeatable element, holds) one of `values`. */
export function isIn(value: unknown, ref: CompiledRef, values: ReadonlySet<string>): boolean {
  if (!ref.node.repeatable) return typeof value === 'string' && values.has(value);
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item === 'string' && values.has(item)) return true;
  return false;
}

/** Whether a compiled condition holds at the current position of the walk. */
export function holds(objects: readonly unknown[], c: CompiledCondition): boolean {
  switch (c.op) {
    case 'all':
      for (const item of c.items) if (!holds(objects, item)) return false;
      return true;
    case 'any':
      for (const item of c.items) if (holds(objects, item)) return true;
      return false;
    case 'present':
      return resolveRef(objects, c.ref) !== undefined;
    case 'absent':
      return resolveRef(objects, c.ref) === undefined;
    case 'in':
      return isIn(resolveRef(objects, c.ref), c.ref, c.values);
    case 'notIn': {
      const value = resolveRef(objects, c.ref);
      return value !== undefined && !isIn(value, c.ref, c.values);
    }
  }
}

/** A condition in English, by element numbers (`M1 ∈ {文件}`). */
export function conditionText(c: CompiledCondition): string {
  switch (c.op) {
    case 'all':
      return c.items.map(conditionText).join(' and ');
    case 'any':
      return `(${c.items.map(conditionText).join(' or ')})`;
    case 'present':
      return `${c.ref.node.label} is present`;
    case 'absent':
      return `${c.ref.node.label} is absent`;
    case 'in':
      return `${c.ref.node.label} ∈ {${[...c.values].join(', ')}}`;
    case 'notIn':
      return `${c.ref.node.label} ∉ {${[...c.values].join(', ')}}`;
  }
}

function firstValue(value: unknown, ref: CompiledRef): unknown {
  return ref.node.repeatable && Array.isArray(value) ? value[0] : value;
}

/**
 * Whether a consistency rule is broken at the current position: the two values (first instance of each)
 * when it is, `undefined` when it holds or cannot be judged (a value missing or not a valid date).
 */
export function brokenRule(
  objects: readonly unknown[],
  r: CompiledRule,
  offsetMs: number,
): { readonly first: string; readonly second: string } | undefined {
  const a = firstValue(resolveRef(objects, r.first), r.first);
  const b = firstValue(resolveRef(objects, r.second), r.second);
  if (a === undefined || b === undefined || typeof b !== 'string') return undefined;
  const re = typeRegExps();
  if (r.rule.kind === 'yearMatchesDate') {
    const year = typeof a === 'number' ? String(a) : a;
    if (typeof year !== 'string' || !re.gYear.test(year)) return undefined;
    if (!re.date.test(b) && !re.dateTime.test(b)) return undefined;
    return year === b.slice(0, 4) ? undefined : { first: year, second: b };
  }
  if (typeof a !== 'string') return undefined;
  const order = compareTemporal(a, b, offsetMs);
  return order !== undefined && order > 0 ? { first: a, second: b } : undefined;
}

function checkRule(ctx: WalkContext, r: CompiledRule): void {
  const broken = brokenRule(ctx.objects, r, ctx.offsetMs);
  if (broken === undefined) return;
  const { first: a, second: b } = broken;
  if (r.rule.kind === 'yearMatchesDate') {
    report(
      ctx,
      'METADATA_YEAR_MISMATCH',
      r.first.node,
      {
        zh: `${a} 与 ${displayName(r.second.node)} ${b} 的年份不一致`,
        en: `${a} does not match the year of ${r.second.node.label} ${r.second.node.element.nameEn} (${b})`,
      },
      undefined,
      undefined,
      refPath(ctx, r.first),
    );
  } else {
    report(
      ctx,
      'METADATA_DATE_ORDER',
      r.second.node,
      {
        zh: `${b} 早于 ${displayName(r.first.node)} ${a}`,
        en: `${b} is earlier than ${r.first.node.label} ${r.first.node.element.nameEn} (${a})`,
      },
      undefined,
      undefined,
      refPath(ctx, r.second),
    );
  }
}

function refPath(ctx: WalkContext, ref: CompiledRef): string {
  // The walk is at the rule's container (depth ref.depth): ctx.path leads to it.
  const segments: (string | number)[] = [...ctx.path];
  for (let i = 0; i < ref.keys.length; i++) {
    segments.push(ref.keys[i]!);
    if (ref.repeatable[i]) segments.push(0);
  }
  return pointer(segments);
}

// ── findings ──

/** `M22 题名` for numbered elements, the name alone for the rows the standard does not number. */
function displayName(node: CompiledNode): string {
  return node.element.number === undefined ? node.element.name : `${node.label} ${node.element.name}`;
}

function severityOf(ctx: WalkContext, code: MetadataFindingCode): Severity | 'ignore' {
  if (code === 'METADATA_UNKNOWN_ELEMENT') return ctx.unknownElements;
  return ctx.severity?.[code] ?? METADATA_FINDING_CODES[code].severity;
}

function report(
  ctx: WalkContext,
  code: MetadataFindingCode,
  node: CompiledNode | undefined,
  text: Text,
  key?: string,
  item?: string,
  path?: string,
): void {
  const severity = severityOf(ctx, code);
  if (severity === 'ignore') return;
  const zh = node === undefined ? text.zh : `${displayName(node)}：${text.zh}`;
  const en =
    node === undefined
      ? text.en
      : `${node.element.number === undefined ? node.element.nameEn : `${node.label} ${node.element.nameEn}`}: ${text.en}`;
  const finding: MetadataFinding = {
    code,
    severity,
    message: ctx.lang === 'en' ? en : zh,
    messageEn: en,
    path: path ?? pointer(ctx.path, key),
    ...(node === undefined ? {} : { element: node.label }),
    item: item ?? METADATA_FINDING_CODES[code].gdItem,
  };
  ctx.findings.push(finding);
}

/** Reports that the record itself is not an object. */
export function reportNotAnObject(ctx: WalkContext, record: unknown): void {
  const actual = describeValue(record);
  report(ctx, 'METADATA_NOT_AN_OBJECT', undefined, {
    zh: `元数据记录应为对象（JSON 对象），实为${actual.zh}`,
    en: `a metadata record must be a JSON object, got ${actual.en}`,
  });
}

/**
 * A JSON-pointer-like path (RFC 6901 escaping) of record keys and array indices.
 *
 * @example
 * pointer(['文件实体', '电子属性', 0, '计算机文件名']); // '/文件实体/电子属性/0/计算机文件名'
 */
export function pointer(segments: readonly (string | number)[], last?: string): string {
  let out = '';
  for (const s of segments) out += `/${typeof s === 'number' ? s : escapeKey(s)}`;
  if (last !== undefined) out += `/${escapeKey(last)}`;
  return out;
}

function escapeKey(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replaceAll('~', '~0').replaceAll('/', '~1') : key;
}
