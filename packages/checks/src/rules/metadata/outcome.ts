import { DanganError, type Finding } from '@dangan/core';
import type { CheckItemDefinition } from '../../catalogue/types.js';
import type { ItemOutcome, PackageFacts, RecordFact, RuleContext } from '../../engine/rule.js';

/**
 * The outcome of a set of findings: `fail` when one is an error, `warning` when one is a warning, else
 * `pass` (notes do not count). Every finding gets the item's id in `item`.
 *
 * @example
 * outcomeOf([{ code: 'X', severity: 'warning', message: '…' }], item).status; // 'warning'
 */
export function outcomeOf(findings: readonly Finding[], item: CheckItemDefinition): ItemOutcome {
  let errors = 0;
  let warnings = 0;
  const out: Finding[] = new Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    out[i] = f.item === item.id ? f : Object.assign({}, f, { item: item.id });
  }
  return { status: errors > 0 ? 'fail' : warnings > 0 ? 'warning' : 'pass', findings: out };
}

/** A `not-applicable` outcome with its reason. */
export function notApplicable(reason: string, reasonEn: string): ItemOutcome {
  return { status: 'not-applicable', findings: [], reason, reasonEn };
}

/** An `error` outcome (the rule could not run: bad parameters, a broken scheme …). */
export function ruleError(reason: string, reasonEn: string, findings: readonly Finding[] = []): ItemOutcome {
  return { status: 'error', findings, reason, reasonEn };
}

/** The outcome for a package without metadata records: never `pass`. */
export function noRecords(): ItemOutcome {
  return notApplicable(
    '信息包中没有读到元数据记录，无法检测元数据',
    'the package has no metadata record to check',
  );
}

/**
 * Where a finding is: the record's place in the package (`元数据.xml#2`) followed by the JSON pointer in the
 * record (`/文件实体/内容描述/题名`).
 *
 * @example
 * recordPath({ path: '元数据.xml#2' } as RecordFact, '/文件实体/档号/全宗号'); // '元数据.xml#2/文件实体/档号/全宗号'
 */
export function recordPath(fact: RecordFact, pointer: string | undefined): string {
  return pointer === undefined || pointer === '' ? fact.path : `${fact.path}${pointer}`;
}

/** Escapes one record key for a JSON pointer (RFC 6901), as `checkRecord` writes paths. */
export function pointerKey(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replaceAll('~', '~0').replaceAll('/', '~1') : key;
}

/**
 * Runs a rule body, turning a bad parameter or a broken scheme (a `RuleParamError`, `DanganError`,
 * `TypeError` or `RangeError` thrown while reading them) into an `error` outcome; records absent → `not-applicable`.
 */
export function guarded<F extends PackageFacts>(
  context: RuleContext<F>,
  body: () => ItemOutcome,
): ItemOutcome {
  if (context.facts.records.length === 0) return noRecords();
  try {
    return body();
  } catch (e) {
    if (e instanceof RuleParamError) return ruleError(e.message, e.messageEn);
    if (e instanceof DanganError)
      return ruleError(
        `检测无法进行：${e.message}`,
        `the check could not run: ${e.messageEn ?? e.message}`,
        e.findings,
      );
    if (e instanceof TypeError || e instanceof RangeError)
      return ruleError(`检测无法进行：${e.message}`, `the check could not run: ${e.message}`);
    throw e;
  }
}

/** A bad item parameter (检测参数错误): the rule ends in `error` with this reason. */
export class RuleParamError extends Error {
  override readonly name = 'RuleParamError';
  readonly messageEn: string;
  constructor(zh: string, en: string) {
    super(zh);
    this.messageEn = en;
  }
}
