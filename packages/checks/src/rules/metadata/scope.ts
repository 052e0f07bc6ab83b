import type { Finding } from '@dangan/core';
import {
  type CaseComponent,
  MATERIAL_KINDS,
  type RetentionSchedule,
  safeEvaluateRetention,
} from '@dangan/metadata';
import type { RecordFact, RuleEvaluator } from '../../engine/rule.js';
import { guarded, notApplicable, outcomeOf, RuleParamError, recordPath, ruleError } from './outcome.js';
import { booleanParam, stringListParam, stringParam } from './params.js';
import { isObject } from './record-access.js';

function readSchedule(params: Readonly<Record<string, unknown>>): RetentionSchedule | undefined {
  const s = params.schedule;
  if (s === undefined) return undefined;
  if (!isObject(s) || !Array.isArray(s.rules))
    throw new RuleParamError(
      '检测参数 schedule 应为归档范围与保管期限表（RetentionSchedule：id、title、version、approval、rules）',
      'parameter schedule must be a RetentionSchedule (id, title, version, approval, rules)',
    );
  return s as unknown as RetentionSchedule;
}

/** The element a retention finding is about, from its record pointer. */
function elementOfPointer(pointer: string | undefined): string | undefined {
  if (pointer === undefined) return undefined;
  if (pointer.startsWith('/办件/材料')) return 'YW-材料';
  if (pointer.startsWith('/办件/电子证照')) return 'YW-电子证照';
  if (pointer.startsWith('/文件实体/档号/保管期限')) return 'M12';
  if (pointer.startsWith('/办件')) return 'YW:办件';
  return undefined;
}

function place(fact: RecordFact, f: Finding, severity: Finding['severity']): Finding {
  const out: { -readonly [K in keyof Finding]: Finding[K] } = {
    code: f.code,
    severity,
    message: f.message,
    path: recordPath(fact, f.path),
  };
  if (f.messageEn !== undefined) out.messageEn = f.messageEn;
  const element = f.element ?? elementOfPointer(f.path);
  if (element !== undefined) out.element = element;
  return out;
}

/**
 * `package.scope` (GD-2-9 归档范围检测): each 办件 in the package (a record with a `办件` block) is judged by the
 * institution's 归档范围与保管期限表 with `evaluateRetention` of `@dangan/metadata`, keyed by its 事项编码. Params:
 *
 * - `schedule`: the `RetentionSchedule` (required; without it the item is `not-applicable`, or `error` when
 *   `requireSchedule` is true, as in the `shanghai-ywtb` profile);
 * - `outOfScope` (`'warning'` default, or `'error'`): the severity of a component (or a whole 办件) the
 *   schedule puts outside the filing scope but the package includes;
 * - `requiredMaterialKinds` (default none): material kinds each in-scope 办件 must include (`结果性材料`; an
 *   电子证照 counts as its material class, 结果性材料 by default).
 *
 * Components no rule covers are warnings, rules with unreadable periods errors, and a 保管期限 on the record
 * that differs from the schedule's a warning (as `evaluateRetention` reports them). PROVISIONAL: which
 * materials a 事项 must file is not published; `requiredMaterialKinds` is dangan's reading.
 *
 * @example
 * const ctx = { …context, itemParams: { schedule: EXAMPLE_YWTB_RETENTION_SCHEDULE, requiredMaterialKinds: ['结果性材料'] } };
 * metadataRules['package.scope'](ctx, catalogue.byId('GD-2-9')!).status; // 'pass' for the README's 企业设立登记
 */
export const scopeRule: RuleEvaluator = (context, item) =>
  guarded(context, () => {
    const params = context.itemParams;
    const schedule = readSchedule(params);
    const requireSchedule = booleanParam(params, 'requireSchedule', false);
    const outOfScope = stringParam(params, 'outOfScope', 'warning', ['error', 'warning'] as const);
    const required = stringListParam(params, 'requiredMaterialKinds', []);
    for (const k of required)
      if (!(MATERIAL_KINDS as readonly string[]).includes(k))
        throw new RuleParamError(
          `检测参数 requiredMaterialKinds 中的“${k}”不是材料类别（可用：${MATERIAL_KINDS.join('、')}）`,
          `parameter requiredMaterialKinds: "${k}" is not a material kind (${MATERIAL_KINDS.join(', ')})`,
        );
    if (schedule === undefined) {
      const zh =
        '检测方案没有提供本单位的归档范围与保管期限表（items["package.scope"].params.schedule），无法检测归档范围';
      const en = 'the profile gives no retention schedule (items["package.scope"].params.schedule)';
      return requireSchedule ? ruleError(zh, en) : notApplicable(zh, en);
    }
    const cases = context.facts.records.filter((f) => isObject(f.record) && isObject(f.record.办件));
    if (cases.length === 0)
      return notApplicable(
        '记录中没有办件信息（办件.事项编码），无法按归档范围与保管期限表检测',
        'no record has a 办件 block (事项编码) to look up in the retention schedule',
      );
    const findings: Finding[] = [];
    for (const fact of cases) {
      const r = safeEvaluateRetention(fact.record as Parameters<typeof safeEvaluateRetention>[0], schedule);
      if (!r.ok) {
        if (r.error.code === 'FILING_SCHEDULE_INVALID') throw r.error;
        for (const f of r.findings) findings.push(place(fact, f, 'error'));
        continue;
      }
      const e = r.value;
      for (const f of e.findings)
        findings.push(place(fact, f, f.code === 'FILING_RETENTION_OUT_OF_SCOPE' ? outOfScope : f.severity));
      const wholeCaseOut = e.outOfScope.some((m) => m.component === undefined);
      if (wholeCaseOut || required.length === 0) continue;
      const components: CaseComponent[] = [];
      for (const m of e.inScope) if (m.component !== undefined) components.push(m.component);
      for (const m of e.unmatched) if (m.component !== undefined) components.push(m.component);
      for (const kind of required) {
        if (components.some((c) => c.kind === kind || c.materialClass === kind)) continue;
        findings.push({
          code: 'CHECK_SCOPE_REQUIRED_MATERIAL_MISSING',
          severity: 'error',
          message: `办件“${e.caseNumber}”（事项编码 ${e.itemCode}）没有应归档的${kind}`,
          messageEn: `case ${e.caseNumber} (item code ${e.itemCode}) has no ${kind} in scope`,
          path: recordPath(fact, '/办件/材料'),
          element: 'YW-材料',
        });
      }
    }
    return outcomeOf(findings, item);
  });
