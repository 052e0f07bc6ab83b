import type { Finding } from '@dangan/core';
import type { Condition, MetadataScheme } from '@dangan/metadata';
import type { RecordFact, RuleEvaluator } from '../../engine/rule.js';
import { guarded, outcomeOf, RuleParamError, recordPath } from './outcome.js';
import { booleanParam, integerParam, stringListParam } from './params.js';
import { elementKeys, isObject, own, pointerOf, scalarText, valueAt } from './record-access.js';

/** Reads a condition parameter (the shape of a scheme's `Obligation.when`), checking its element ids. */
function readCondition(value: unknown, path: string): Condition {
  const fail = (): never => {
    throw new RuleParamError(
      `检测参数 ${path} 应为条件：{ element, in } / { element, notIn } / { present } / { absent } / { all } / { any }`,
      `parameter ${path} must be a condition ({ element, in }, { element, notIn }, { present }, { absent }, { all }, { any })`,
    );
  };
  if (!isObject(value)) return fail();
  if (typeof value.element === 'string') {
    const list = value.in ?? value.notIn;
    if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) return fail();
    return value.in !== undefined
      ? { element: value.element, in: list as string[] }
      : { element: value.element, notIn: list as string[] };
  }
  if (typeof value.present === 'string') return { present: value.present };
  if (typeof value.absent === 'string') return { absent: value.absent };
  const many = value.all ?? value.any;
  if (Array.isArray(many)) {
    const items = many.map((c, i) =>
      readCondition(c, `${path}.${value.all !== undefined ? 'all' : 'any'}[${i}]`),
    );
    return value.all !== undefined ? { all: items } : { any: items };
  }
  return fail();
}

function conditionValue(record: unknown, scheme: MetadataScheme, id: string): unknown {
  const keys = elementKeys(scheme, id);
  if (keys === undefined)
    throw new RuleParamError(
      `检测参数 importantWhen 中的元素“${id}”不在元数据方案 ${scheme.id} 中`,
      `parameter importantWhen names "${id}", which scheme ${scheme.id} does not have`,
    );
  return valueAt(record, keys);
}

function matches(value: unknown, list: readonly string[]): boolean {
  if (Array.isArray(value)) return value.some((v) => matches(v, list));
  const t = scalarText(value);
  return t !== undefined && list.includes(t);
}

/** Whether a condition holds for a record (element values read at the first instance of repeatable containers). */
function holds(record: unknown, scheme: MetadataScheme, c: Condition): boolean {
  if ('all' in c) return c.all.every((x) => holds(record, scheme, x));
  if ('any' in c) return c.any.some((x) => holds(record, scheme, x));
  if ('present' in c) return conditionValue(record, scheme, c.present) !== undefined;
  if ('absent' in c) return conditionValue(record, scheme, c.absent) === undefined;
  const value = conditionValue(record, scheme, c.element);
  if ('in' in c) return matches(value, c.in);
  return value !== undefined && !matches(value, c.notIn);
}

interface Action {
  readonly name: string;
}

/** The handling steps of a record: 业务实体 业务行为, and 办件.过程信息 环节名称 for 一网通办 records. */
function actionsOf(fact: RecordFact): Action[] {
  const out: Action[] = [];
  const business = valueAt(fact.record, elementKeys(fact.scheme, 'E:业务实体') ?? ['业务实体']);
  if (Array.isArray(business))
    for (const b of business) {
      const name = scalarText(own(b, '业务行为'));
      if (name !== undefined) out.push({ name });
    }
  const steps = own(own(fact.record, '办件'), '过程信息');
  if (Array.isArray(steps))
    for (const s of steps) {
      const name = scalarText(own(s, '环节名称'));
      if (name !== undefined) out.push({ name });
    }
  return out;
}

/**
 * `metadata.process` (GD-2-5 过程信息完整性检测): the records of important matters carry their main handling
 * and revision steps. Params:
 *
 * - `importantWhen`: a condition on the record (a scheme `Obligation.when`: `{ element: 'M12', in: ['永久'] }`,
 *   `{ any: […] }` …) saying which records are important; default every record (DA/T 48 asks every EEP for a
 *   业务实体);
 * - `minimumActions` (default 1): handling steps an important record has at least — 业务实体 entries with a
 *   业务行为, and, for 一网通办 records, 办件.过程信息 steps with a 环节名称;
 * - `requiredActions` (default none): step names an important record must include (the `shanghai-ywtb` profile:
 *   `['受理']`);
 * - `checkAgents` (default true): each 业务实体's 机构人员标识符 names a 机构人员实体 of the record.
 *
 * @example
 * metadataRules['metadata.process'](context, catalogue.byId('GD-2-5')!).status; // 'fail' for a record without 业务实体
 */
export const processRule: RuleEvaluator = (context, item) =>
  guarded(context, () => {
    const params = context.itemParams;
    const when =
      params.importantWhen === undefined ? undefined : readCondition(params.importantWhen, 'importantWhen');
    const minimum = integerParam(params, 'minimumActions', 1);
    const required = stringListParam(params, 'requiredActions', []);
    const checkAgents = booleanParam(params, 'checkAgents', true);
    const findings: Finding[] = [];
    for (const fact of context.facts.records) {
      const businessKeys = elementKeys(fact.scheme, 'E:业务实体') ?? ['业务实体'];
      const businessPath = recordPath(fact, pointerOf(businessKeys));
      if (when === undefined || holds(fact.record, fact.scheme, when)) {
        const actions = actionsOf(fact);
        if (actions.length < minimum)
          findings.push({
            code: 'CHECK_PROCESS_MISSING',
            severity: 'error',
            message: `过程信息不完整：记录了 ${actions.length} 个办理环节（业务实体），至少应有 ${minimum} 个`,
            messageEn: `process information incomplete: ${actions.length} handling step(s) recorded, at least ${minimum} required`,
            path: businessPath,
            element: 'E:业务实体',
          });
        for (const name of required)
          if (!actions.some((a) => a.name === name))
            findings.push({
              code: 'CHECK_PROCESS_ACTION_MISSING',
              severity: 'error',
              message: `过程信息缺少“${name}”环节（业务实体的业务行为或办件过程信息的环节名称）`,
              messageEn: `process information lacks the step "${name}"`,
              path: businessPath,
              element: 'M81',
            });
      }
      if (checkAgents) agentFindings(fact, businessKeys, findings);
    }
    return outcomeOf(findings, item);
  });

function agentFindings(fact: RecordFact, businessKeys: readonly string[], findings: Finding[]): void {
  const business = valueAt(fact.record, businessKeys);
  if (!Array.isArray(business)) return;
  const agents = new Set<string>();
  const agentList = valueAt(fact.record, elementKeys(fact.scheme, 'E:机构人员实体') ?? ['机构人员实体']);
  if (Array.isArray(agentList))
    for (const a of agentList) {
      const id = scalarText(own(a, '机构人员标识符'));
      if (id !== undefined) agents.add(id);
    }
  business.forEach((b, i) => {
    const ref = scalarText(own(b, '机构人员标识符'));
    if (ref === undefined || agents.has(ref)) return;
    findings.push({
      code: 'CHECK_PROCESS_AGENT_UNKNOWN',
      severity: 'error',
      message: `业务实体的机构人员标识符“${ref}”在本记录的机构人员实体中不存在`,
      messageEn: `the business entity names agent "${ref}", which the record's agent entities do not have`,
      path: recordPath(fact, pointerOf([...businessKeys, String(i), '机构人员标识符'])),
      element: 'DAT48:业务实体/机构人员标识符',
    });
  });
}
