import type { Finding } from '@dangan/core';
import type { CheckFacts } from '../../engine/facts.js';
import { finding, notApplicable, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';

const from = (facts: CheckFacts) =>
  facts.registered?.source === 'host' ? '登记值' : `登记表“${facts.registered?.path ?? ''}”`;

/** Content files the registered totals count: content files; on a 移交 carrier, everything under the records folder. */
function counted(facts: CheckFacts) {
  return facts.entries.filter(
    (e) =>
      e.role === 'content' || (facts.view.kind === 'transfer' && (e.role === 'metadata' || e.role === 'eep')),
  );
}

/**
 * Rule `totals.count` (总件数相符性, GD-2-1 and the 2-1 count items): the registered 件数 (GB/T 18894 表A.1,
 * 《办法》 附件3, or `runChecks({ registered })`) equals the 件 (metadata records) in the package, and a
 * registered file count equals the content files present. Nothing registered: `not-applicable`.
 *
 * @example
 * totalsCountRule(context); // { status: 'fail', findings: [{ code: 'CHECK_TOTAL_ITEMS', … }] }
 */
export function totalsCountRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const { facts } = context;
  const r = facts.registered;
  if (r === undefined || (r.items === undefined && r.files === undefined)) {
    return notApplicable('没有登记的件数（登记表或交接单据）', 'No registered item count was given');
  }
  const findings: Finding[] = [];
  if (r.items !== undefined && r.items !== facts.records.length) {
    findings.push(
      finding(
        'CHECK_TOTAL_ITEMS',
        'error',
        `${from(facts)}记 ${r.items} 件，包中实有 ${facts.records.length} 件`,
        `${r.items} items are registered; the package has ${facts.records.length}`,
        r.path,
      ),
    );
  }
  if (r.files !== undefined) {
    const present = counted(facts).filter((e) => e.read).length;
    if (r.files !== present) {
      findings.push(
        finding(
          'CHECK_TOTAL_FILES',
          'error',
          `${from(facts)}记 ${r.files} 个文件，包中实有 ${present} 个`,
          `${r.files} files are registered; the package has ${present}`,
          r.path,
        ),
      );
    }
  }
  return verdict(findings);
}

/**
 * Rule `totals.bytes` (总字节数相符性, GD-2-2 and the 2-1 byte items): the registered 字节数 equals the bytes
 * actually read from the content files (on a 移交 carrier: every file under `电子档案/`). Nothing registered:
 * `not-applicable`.
 *
 * @example
 * totalsBytesRule(context); // { status: 'fail', findings: [{ code: 'CHECK_TOTAL_BYTES', … }] }
 */
export function totalsBytesRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const { facts } = context;
  const r = facts.registered;
  if (r?.bytes === undefined)
    return notApplicable('没有登记的字节数（登记表或交接单据）', 'No registered byte total was given');
  const actual = counted(facts).reduce((sum, e) => sum + e.size, 0);
  if (r.bytes === actual) return { status: 'pass', findings: [] };
  return verdict([
    finding(
      'CHECK_TOTAL_BYTES',
      'error',
      `${from(facts)}记 ${r.bytes} 字节，包中内容文件实有 ${actual} 字节`,
      `${r.bytes} bytes are registered; the content files hold ${actual}`,
      r.path,
    ),
  ]);
}
