import { DanganError, type Finding } from '@dangan/core';
import type { CaseComponent } from '../case/components.js';
import { MATERIAL_CLASS_ALIASES, type MaterialKind, parseMaterialClass } from '../case/material-class.js';
import { parseRetention, type Retention } from '../retention-period.js';
import type { RetentionRule, RetentionSchedule } from './schedule.js';

/** A rule ready for matching. */
export interface CompiledRule {
  readonly rule: RetentionRule;
  /** Position in the table. */
  readonly order: number;
  readonly priority: number;
  /** 3 exact 事项编码, 2 prefix, 1 pattern, 0 none. */
  readonly codeRank: number;
  readonly prefixLength: number;
  readonly pattern: RegExp | undefined;
  readonly itemTypes: ReadonlySet<string> | undefined;
  readonly kinds: ReadonlySet<MaterialKind> | undefined;
  /** The parsed period of an in-scope rule; `undefined` when out of scope or unreadable. */
  readonly retention: Retention | undefined;
  /** The period text when it could not be read. */
  readonly invalidRetention: string | undefined;
}

/** A schedule indexed by 事项编码 selector. */
export interface CompiledSchedule {
  readonly schedule: RetentionSchedule;
  readonly rules: readonly CompiledRule[];
  readonly exact: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly prefixes: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly patterns: readonly CompiledRule[];
  /** Rules without a 事项编码 selector. */
  readonly generic: readonly CompiledRule[];
}

const cache = /* @__PURE__ */ new WeakMap<RetentionSchedule, CompiledSchedule>();

/** NFKC and trim, for 事项类型 comparison. */
export function normaliseText(s: string): string {
  return s.normalize('NFKC').trim();
}

function isObject(v: unknown): v is { readonly [key: string]: unknown } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function problem(zh: string, en: string, path: string): Finding {
  return {
    code: 'FILING_SCHEDULE_INVALID',
    severity: 'error',
    message: `归档范围与保管期限表不合格：${zh}`,
    messageEn: `Malformed retention schedule: ${en}`,
    path,
  };
}

function readKind(text: string): MaterialKind | undefined {
  if (typeof text !== 'string') return undefined;
  if (normaliseText(text) === '电子证照') return '电子证照';
  return parseMaterialClass(text, MATERIAL_CLASS_ALIASES)?.materialClass;
}

interface RuleCheck {
  readonly compiled: CompiledRule | undefined;
  readonly findings: Finding[];
}

function checkRule(raw: unknown, order: number, ids: Set<string>): RuleCheck {
  const path = `/rules/${order}`;
  const findings: Finding[] = [];
  if (!isObject(raw))
    return {
      compiled: undefined,
      findings: [problem(`第 ${order + 1} 条规则不是对象`, `rule ${order} is not an object`, path)],
    };
  const r = raw as unknown as RetentionRule;
  const id = typeof r.id === 'string' ? r.id : '';
  const label = id === '' ? `第 ${order + 1} 条规则` : `规则 ${id}`;
  if (id.trim() === '')
    findings.push(problem(`${label}缺少编号（id）`, `rule ${order} has no id`, `${path}/id`));
  else if (ids.has(id))
    findings.push(problem(`规则编号 ${id} 重复`, `rule id ${id} is used twice`, `${path}/id`));
  ids.add(id);
  if (typeof r.inScope !== 'boolean')
    findings.push(
      problem(`${label}缺少 inScope（是否归档）`, `rule ${id} has no boolean inScope`, `${path}/inScope`),
    );
  const selectors = (['itemCode', 'itemCodePrefix', 'itemCodePattern'] as const).filter(
    (k) => r[k] !== undefined,
  );
  if (selectors.length > 1)
    findings.push(
      problem(
        `${label}同时给出了 ${selectors.join('、')}，只能给一个`,
        `rule ${id} has several 事项编码 selectors`,
        path,
      ),
    );
  for (const k of selectors) {
    if (typeof r[k] !== 'string' || (r[k] as string).trim() === '')
      findings.push(
        problem(
          `${label}的 ${k} 应为非空字符串`,
          `rule ${id}: ${k} must be a non-empty string`,
          `${path}/${k}`,
        ),
      );
  }
  let pattern: RegExp | undefined;
  if (typeof r.itemCodePattern === 'string') {
    try {
      pattern = new RegExp(r.itemCodePattern, 'u');
    } catch {
      findings.push(
        problem(
          `${label}的正则表达式“${r.itemCodePattern}”无效`,
          `rule ${id}: invalid pattern`,
          `${path}/itemCodePattern`,
        ),
      );
    }
  }
  let itemTypes: Set<string> | undefined;
  if (r.itemTypes !== undefined) {
    if (!Array.isArray(r.itemTypes) || r.itemTypes.some((t) => typeof t !== 'string'))
      findings.push(
        problem(
          `${label}的 itemTypes 应为字符串数组`,
          `rule ${id}: itemTypes must be strings`,
          `${path}/itemTypes`,
        ),
      );
    else itemTypes = new Set(r.itemTypes.map(normaliseText));
  }
  let kinds: Set<MaterialKind> | undefined;
  if (r.materialKinds !== undefined) {
    if (!Array.isArray(r.materialKinds))
      findings.push(
        problem(
          `${label}的 materialKinds 应为数组`,
          `rule ${id}: materialKinds must be an array`,
          `${path}/materialKinds`,
        ),
      );
    else {
      kinds = new Set();
      r.materialKinds.forEach((k, i) => {
        const kind = readKind(k);
        if (kind === undefined)
          findings.push(
            problem(
              `${label}的材料类别“${String(k)}”无法识别`,
              `rule ${id}: unknown material kind "${String(k)}"`,
              `${path}/materialKinds/${i}`,
            ),
          );
        else kinds?.add(kind);
      });
    }
  }
  if (r.priority !== undefined && (typeof r.priority !== 'number' || !Number.isFinite(r.priority)))
    findings.push(
      problem(
        `${label}的 priority 应为有限数`,
        `rule ${id}: priority must be a finite number`,
        `${path}/priority`,
      ),
    );
  let retention: Retention | undefined;
  let invalidRetention: string | undefined;
  if (r.inScope === true) {
    if (typeof r.retention !== 'string')
      findings.push(
        problem(
          `${label}归档但没有保管期限`,
          `rule ${id} is in scope but has no retention`,
          `${path}/retention`,
        ),
      );
    else {
      try {
        retention = parseRetention(r.retention);
      } catch (e) {
        if (!(e instanceof DanganError)) throw e;
        invalidRetention = r.retention;
      }
    }
  }
  const prefix = typeof r.itemCodePrefix === 'string' ? r.itemCodePrefix.trim() : undefined;
  const compiled: CompiledRule = {
    rule: r,
    order,
    priority: typeof r.priority === 'number' ? r.priority : 0,
    codeRank:
      r.itemCode !== undefined ? 3 : prefix !== undefined ? 2 : r.itemCodePattern !== undefined ? 1 : 0,
    prefixLength: prefix?.length ?? 0,
    pattern,
    itemTypes,
    kinds,
    retention,
    invalidRetention,
  };
  return { compiled, findings };
}

function signature(c: CompiledRule): string {
  const r = c.rule;
  return JSON.stringify([
    c.priority,
    r.itemCode?.trim() ?? null,
    r.itemCodePrefix?.trim() ?? null,
    r.itemCodePattern ?? null,
    c.itemTypes === undefined ? null : [...c.itemTypes].sort(),
    c.kinds === undefined ? null : [...c.kinds].sort(),
  ]);
}

function checkHeader(s: RetentionSchedule): Finding[] {
  const out: Finding[] = [];
  for (const k of ['id', 'title', 'version'] as const) {
    if (typeof s[k] !== 'string' || s[k].trim() === '')
      out.push(problem(`缺少 ${k}`, `${k} is missing`, `/${k}`));
  }
  if (!isObject(s.approval) || typeof s.approval.reference !== 'string' || s.approval.reference.trim() === '')
    out.push(
      problem('缺少审批依据（approval.reference）', 'approval.reference is missing', '/approval/reference'),
    );
  if (!Array.isArray(s.rules)) out.push(problem('rules 应为数组', 'rules must be an array', '/rules'));
  return out;
}

function build(schedule: RetentionSchedule): { compiled: CompiledSchedule | undefined; findings: Finding[] } {
  if (!isObject(schedule))
    return {
      compiled: undefined,
      findings: [problem('保管期限表应为对象', 'the schedule must be an object', '')],
    };
  const findings = checkHeader(schedule);
  const rules: CompiledRule[] = [];
  const ids = new Set<string>();
  const seen = new Map<string, string>();
  (Array.isArray(schedule.rules) ? schedule.rules : []).forEach((raw, i) => {
    const { compiled, findings: f } = checkRule(raw, i, ids);
    findings.push(...f);
    if (compiled === undefined) return;
    rules.push(compiled);
    if (f.some((x) => x.code === 'FILING_SCHEDULE_INVALID')) return;
    if (compiled.invalidRetention !== undefined)
      findings.push({
        code: 'FILING_RETENTION_PERIOD_INVALID',
        severity: 'error',
        message: `规则 ${compiled.rule.id} 的保管期限“${compiled.invalidRetention}”无法识别（应为 永久/Y、定期N年/DN）`,
        messageEn: `rule ${compiled.rule.id}: retention "${compiled.invalidRetention}" cannot be read`,
        path: `/rules/${i}/retention`,
      });
    const sig = signature(compiled);
    const earlier = seen.get(sig);
    if (earlier !== undefined)
      findings.push({
        code: 'FILING_SCHEDULE_SHADOWED_RULE',
        severity: 'warning',
        message: `规则 ${compiled.rule.id} 与规则 ${earlier} 的选择条件和优先级相同，永远不会生效`,
        messageEn: `rule ${compiled.rule.id} has the same selectors and priority as rule ${earlier} and never applies`,
        path: `/rules/${i}`,
      });
    else seen.set(sig, compiled.rule.id);
  });
  if (findings.some((f) => f.code === 'FILING_SCHEDULE_INVALID')) return { compiled: undefined, findings };
  const exact = new Map<string, CompiledRule[]>();
  const prefixes = new Map<string, CompiledRule[]>();
  const patterns: CompiledRule[] = [];
  const generic: CompiledRule[] = [];
  const push = (m: Map<string, CompiledRule[]>, k: string, r: CompiledRule): void => {
    const list = m.get(k);
    if (list === undefined) m.set(k, [r]);
    else list.push(r);
  };
  for (const r of rules) {
    if (r.rule.itemCode !== undefined) push(exact, r.rule.itemCode.trim(), r);
    else if (r.rule.itemCodePrefix !== undefined) push(prefixes, r.rule.itemCodePrefix.trim(), r);
    else if (r.pattern !== undefined) patterns.push(r);
    else generic.push(r);
  }
  return { compiled: { schedule, rules, exact, prefixes, patterns, generic }, findings };
}

/**
 * Every problem of a retention schedule, without throwing: `FILING_SCHEDULE_INVALID` errors for structure
 * (missing id/title/version/approval, duplicate rule ids, several 事项编码 selectors on one row, an invalid
 * pattern, an unknown material kind, an in-scope row without a period), `FILING_RETENTION_PERIOD_INVALID`
 * errors for periods `parseRetention` cannot read (e.g. the legacy 长期), and `FILING_SCHEDULE_SHADOWED_RULE`
 * warnings for rows that can never apply. Paths point into the schedule (`/rules/3/retention`).
 *
 * @example
 * checkRetentionSchedule(mySchedule).filter((f) => f.severity === 'error'); // [] for a usable table
 */
export function checkRetentionSchedule(schedule: RetentionSchedule): Finding[] {
  return build(schedule).findings;
}

/**
 * The schedule compiled for matching (cached per schedule object; schedules are read as immutable). Throws
 * `DanganError('FILING_SCHEDULE_INVALID')` carrying the structural findings. Unreadable periods do not throw:
 * the components they would cover are reported by `evaluateRetention`.
 */
export function compileSchedule(schedule: RetentionSchedule): CompiledSchedule {
  const hit = isObject(schedule) ? cache.get(schedule) : undefined;
  if (hit !== undefined) return hit;
  const { compiled, findings } = build(schedule);
  if (compiled === undefined) {
    const errors = findings.filter((f) => f.code === 'FILING_SCHEDULE_INVALID');
    const first = errors[0];
    throw new DanganError('FILING_SCHEDULE_INVALID', first?.message ?? '归档范围与保管期限表不合格', {
      messageEn: first?.messageEn ?? 'Malformed retention schedule',
      findings: errors,
    });
  }
  cache.set(schedule, compiled);
  return compiled;
}

/** The rules whose 事项编码 and 事项类型 selectors accept the case. */
export function caseCandidates(
  compiled: CompiledSchedule,
  itemCode: string,
  itemType: string | undefined,
): CompiledRule[] {
  const code = itemCode.trim();
  const out: CompiledRule[] = [...(compiled.exact.get(code) ?? [])];
  for (let n = code.length; n > 0; n--) {
    const list = compiled.prefixes.get(code.slice(0, n));
    if (list !== undefined) out.push(...list);
  }
  for (const r of compiled.patterns) if (r.pattern?.test(code) === true) out.push(r);
  out.push(...compiled.generic);
  const type = itemType === undefined ? undefined : normaliseText(itemType);
  return out.filter((r) => r.itemTypes === undefined || (type !== undefined && r.itemTypes.has(type)));
}

/** How well a rule's kind selector fits a component: 2 its own kind, 1 a licence's class, 0 any, -1 no match. */
function kindRank(r: CompiledRule, c: CaseComponent | undefined): number {
  if (r.kinds === undefined) return 0;
  if (c === undefined) return -1;
  if (c.kind !== undefined && r.kinds.has(c.kind)) return 2;
  if (c.source === '电子证照' && c.materialClass !== undefined && r.kinds.has(c.materialClass)) return 1;
  return -1;
}

/**
 * The winning rule for one component (or, with `undefined`, for the case as a whole — only rows without a
 * material kind), by the precedence of `RetentionSchedule`.
 */
export function bestRule(
  candidates: readonly CompiledRule[],
  c: CaseComponent | undefined,
): CompiledRule | undefined {
  let best: CompiledRule | undefined;
  let bestKey: readonly number[] = [];
  for (const r of candidates) {
    const k = kindRank(r, c);
    if (k < 0) continue;
    const key = [r.priority, r.codeRank, r.prefixLength, k, r.itemTypes === undefined ? 0 : 1, -r.order];
    if (best === undefined || greater(key, bestKey)) {
      best = r;
      bestKey = key;
    }
  }
  return best;
}

function greater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}
