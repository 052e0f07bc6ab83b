import { DanganError, type Finding, type SafeResult, safely } from '@dangan/core';
import {
  type CaseComponent,
  type ComponentOptions,
  componentLabel,
  componentLabelEn,
  componentsOf,
  materialClassFindings,
} from '../case/components.js';
import { type CaseInput, readFilingCase } from '../case/read-case.js';
import { parseRetention, type Retention } from '../retention-period.js';
import { bestRule, type CompiledRule, caseCandidates, compileSchedule } from './compile-schedule.js';
import { compareRetention } from './longest.js';
import type { RetentionSchedule, ScheduleApproval } from './schedule.js';

/** Options of {@link evaluateRetention}: how licences and class aliases are read. */
export type EvaluateRetentionOptions = ComponentOptions;

/**
 * What the schedule says about one component. `component` is `undefined` for the case-level answer (a case
 * with no components is judged as a whole, ref `/办件`, by the rows that name no material kind).
 */
export interface ComponentRuling {
  /** JSON pointer of the component (`/办件/材料/0`), or `/办件` for the whole case. */
  readonly ref: string;
  readonly component: CaseComponent | undefined;
}

/** An in-scope component with its period and the rule that gave it. */
export interface MaterialRetention extends ComponentRuling {
  readonly ruleId: string;
  readonly retention: Retention;
}

/** A component the schedule puts out of the filing scope. */
export interface OutOfScopeMaterial extends ComponentRuling {
  readonly ruleId: string;
}

/** A component matched by a rule whose period cannot be read. */
export interface UnparseableMaterial extends ComponentRuling {
  readonly ruleId: string;
  /** The period text of the rule. */
  readonly value: string;
}

/** The result of {@link evaluateRetention}. */
export interface RetentionEvaluation {
  /** The schedule used (cite it in 鉴定报告 and audit events). */
  readonly schedule: {
    readonly id: string;
    readonly title: string;
    readonly version: string;
    readonly approval: ScheduleApproval;
  };
  readonly caseNumber: string;
  readonly itemCode: string;
  readonly inScope: readonly MaterialRetention[];
  readonly outOfScope: readonly OutOfScopeMaterial[];
  /** Components no rule covers (not in the schedule). */
  readonly unmatched: readonly ComponentRuling[];
  /** Components whose rule has an unreadable period (kept apart from `unmatched`). */
  readonly unparseable: readonly UnparseableMaterial[];
  /**
   * The 办件's period: the longest period of its in-scope components (永久 beats any 定期), since 1 办件 = 1 件
   * and a 件 is kept and destroyed whole (filing-rules §8; the "longest" rule is dangan's reading — no clause
   * found states it). `undefined` when nothing is in scope or decidable.
   */
  readonly retention: Retention | undefined;
  /** The component whose period is the case's (the first one with the longest period). */
  readonly decidedBy: MaterialRetention | undefined;
  /** Whether every component was decided (no unmatched or unparseable ones): only then is `retention` final. */
  readonly complete: boolean;
  /**
   * `FILING_RETENTION_OUT_OF_SCOPE` (info), `FILING_RETENTION_UNMATCHED` (warning),
   * `FILING_RETENTION_PERIOD_INVALID` (error), `FILING_RETENTION_MISMATCH` (warning, the record's 档号.保管期限
   * differs) and the material-class notes.
   */
  readonly findings: readonly Finding[];
}

function describeCase(itemCode: string, itemType: string | undefined, c: CaseComponent | undefined): string {
  const parts = [`事项编码 ${itemCode}`];
  if (itemType !== undefined) parts.push(`事项类型 ${itemType}`);
  if (c !== undefined) parts.push(`材料类别 ${c.kind ?? c.classText ?? '未知'}`);
  return parts.join('，');
}

/**
 * Applies an 归档范围与保管期限表 to a 办件 (a ywtb record or a `FilingCase`): for each component (材料 and
 * 电子证照) the winning rule by the schedule's precedence, then the lists of in-scope components with their
 * period and rule id, out-of-scope ones, ones no rule covers and ones whose rule has an unreadable period, and
 * the case's own period (the longest in scope). A case with no components is judged as a whole.
 *
 * When the case carries a declared period (档号.保管期限), a difference from the schedule's answer is reported
 * (`FILING_RETENTION_MISMATCH`), an unreadable one as `FILING_RETENTION_PERIOD_INVALID` at
 * `/文件实体/档号/保管期限`. Throws `FILING_SCHEDULE_INVALID` for a malformed schedule (see
 * `checkRetentionSchedule`) and `FILING_CASE_INVALID` for a malformed case.
 *
 * @example
 * const r = evaluateRetention(record, EXAMPLE_YWTB_RETENTION_SCHEDULE);
 * r.retention?.period;                      // '定期30年'
 * r.inScope.map((m) => [m.ref, m.retention.code, m.ruleId]);
 * // [['/办件/材料/0', 'D30', 'EX-QYSL-YJ'], ['/办件/材料/1', 'D30', 'EX-QYSL-JG'], ['/办件/电子证照/0', 'D30', 'EX-QYSL-ZZ']]
 */
export function evaluateRetention(
  input: CaseInput,
  schedule: RetentionSchedule,
  options: EvaluateRetentionOptions = {},
): RetentionEvaluation {
  const compiled = compileSchedule(schedule);
  const c = readFilingCase(input);
  const components = componentsOf(c, options);
  const candidates = caseCandidates(compiled, c.itemCode, c.itemType);
  const findings: Finding[] = materialClassFindings(components);
  const inScope: MaterialRetention[] = [];
  const outOfScope: OutOfScopeMaterial[] = [];
  const unmatched: ComponentRuling[] = [];
  const unparseable: UnparseableMaterial[] = [];
  const s = compiled.schedule;
  const tableZh = `归档范围与保管期限表“${s.title}”（${s.version}）`;

  const judge = (x: CaseComponent | undefined): void => {
    const ref = x?.ref ?? '/办件';
    const label = x === undefined ? `办件 ${c.caseNumber}` : componentLabel(x);
    const labelEn = x === undefined ? `case ${c.caseNumber}` : componentLabelEn(x);
    const rule: CompiledRule | undefined = bestRule(candidates, x);
    if (rule === undefined) {
      unmatched.push({ ref, component: x });
      findings.push({
        code: 'FILING_RETENTION_UNMATCHED',
        severity: 'warning',
        message: `${label}在${tableZh}中没有对应条目（${describeCase(c.itemCode, c.itemType, x)}）`,
        messageEn: `${labelEn}: no rule of schedule ${s.id} (${s.version}) covers item code ${c.itemCode}`,
        path: ref,
      });
      return;
    }
    const ruleId = rule.rule.id;
    if (!rule.rule.inScope) {
      outOfScope.push({ ref, component: x, ruleId });
      findings.push({
        code: 'FILING_RETENTION_OUT_OF_SCOPE',
        severity: 'info',
        message: `${label}不在归档范围内（${tableZh}，规则 ${ruleId}）`,
        messageEn: `${labelEn} is outside the filing scope (schedule ${s.id}, rule ${ruleId})`,
        path: ref,
      });
      return;
    }
    if (rule.retention === undefined) {
      const value = rule.invalidRetention ?? String(rule.rule.retention);
      unparseable.push({ ref, component: x, ruleId, value });
      findings.push({
        code: 'FILING_RETENTION_PERIOD_INVALID',
        severity: 'error',
        message: `${label}所属规则 ${ruleId} 的保管期限“${value}”无法识别（应为 永久/Y、定期N年/DN）`,
        messageEn: `${labelEn}: rule ${ruleId} has an unreadable retention "${value}"`,
        path: ref,
      });
      return;
    }
    inScope.push({ ref, component: x, ruleId, retention: rule.retention });
  };

  if (components.length === 0) judge(undefined);
  else for (const x of components) judge(x);

  let decidedBy: MaterialRetention | undefined;
  for (const m of inScope)
    if (decidedBy === undefined || compareRetention(m.retention, decidedBy.retention) > 0) decidedBy = m;
  const retention = decidedBy?.retention;

  if (c.declaredRetention !== undefined) {
    const path = '/文件实体/档号/保管期限';
    let declared: Retention | undefined;
    try {
      declared = parseRetention(c.declaredRetention);
    } catch (e) {
      if (!(e instanceof DanganError)) throw e;
      findings.push({
        code: 'FILING_RETENTION_PERIOD_INVALID',
        severity: 'error',
        message: `记录上的保管期限“${c.declaredRetention}”无法识别（应为 永久/Y、定期N年/DN）`,
        messageEn: `the record's retention "${c.declaredRetention}" cannot be read`,
        path,
      });
    }
    if (declared !== undefined && retention !== undefined && declared.code !== retention.code)
      findings.push({
        code: 'FILING_RETENTION_MISMATCH',
        severity: 'warning',
        message: `记录上的保管期限“${declared.period}”与${tableZh}得出的“${retention.period}”不一致（规则 ${decidedBy?.ruleId}）`,
        messageEn: `the record says ${declared.code} but schedule ${s.id} gives ${retention.code} (rule ${decidedBy?.ruleId})`,
        path,
      });
  }

  return {
    schedule: { id: s.id, title: s.title, version: s.version, approval: s.approval },
    caseNumber: c.caseNumber,
    itemCode: c.itemCode,
    inScope,
    outOfScope,
    unmatched,
    unparseable,
    retention,
    decidedBy,
    complete: unmatched.length === 0 && unparseable.length === 0,
    findings,
  };
}

/**
 * {@link evaluateRetention} without throwing: a malformed schedule or case gives `{ ok: false, findings }`.
 * The evaluation's own findings (unmatched, out of scope…) are in `value.findings`.
 *
 * @example
 * const r = safeEvaluateRetention(record, schedule);
 * if (r.ok && !r.value.complete) review(r.value.unmatched);
 */
export function safeEvaluateRetention(
  input: CaseInput,
  schedule: RetentionSchedule,
  options?: EvaluateRetentionOptions,
): SafeResult<RetentionEvaluation> {
  return safely(() => evaluateRetention(input, schedule, options));
}
