import type { Finding } from '@dangan/core';
import type { CheckFacts, StatedDigest } from '../../engine/facts.js';
import { finding, notApplicable, unreadableEntry, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';
import { compareDigests } from './stated-digests.js';

/**
 * Rule `fixity.audit` (固化信息定期核验, BC): the package is unchanged since ingest. Each file's digest is
 * recomputed (in the single read) and compared with the **reference digests taken at ingest**
 * (`runChecks({ referenceDigests })`, by entry path); every reference path must still be in the package.
 * Without references, the package's own manifest digests are the reference. Neither: `not-applicable`.
 * `auditFixity()` runs this over a list of stored packages.
 *
 * @example
 * const outcome = fixityAuditRule(context); // { status: 'fail', findings: [{ code: 'CHECK_DIGEST_MISMATCH', path: '电子文件/1.pdf' }] }
 */
export function fixityAuditRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const { facts } = context;
  const reference = facts.reference;
  const findings: Finding[] = [];
  let compared = 0;
  const check = (path: string, stated: readonly StatedDigest[], from: string, fromEn: string) => {
    const fact = facts.entry(path);
    if (fact === undefined) {
      findings.push(
        finding(
          'CHECK_AUDIT_FILE_MISSING',
          'error',
          `入库时的“${path}”已不在包中`,
          `"${path}", present at ingest, is gone`,
          path,
        ),
      );
      return;
    }
    if (!fact.read) {
      findings.push(unreadableEntry(fact, path));
      return;
    }
    const r = compareDigests(fact, stated, { from, fromEn });
    findings.push(...r.findings);
    compared += r.compared;
  };
  if (reference !== undefined) {
    for (const [path, stated] of Object.entries(reference)) {
      check(
        path,
        Array.isArray(stated) ? stated : [stated as StatedDigest],
        '入库时的参考摘要',
        'the digest taken at ingest',
      );
    }
    for (const fact of facts.entries) {
      if (!Object.hasOwn(reference, fact.path)) {
        findings.push(
          finding(
            'CHECK_AUDIT_FILE_ADDED',
            'error',
            `“${fact.path}”不在入库时的参考摘要中（入库后新增）`,
            `"${fact.path}" has no digest from ingest (added since)`,
            fact.path,
          ),
        );
      }
    }
  } else if (facts.view.manifest !== undefined) {
    for (const row of facts.view.manifest.entries) {
      if (row.digests.length > 0) check(row.path, row.digests, '清单', 'the manifest');
    }
  } else {
    return notApplicable(
      '没有入库时的参考摘要，包中也没有清单',
      'No reference digests from ingest and no manifest in the package',
    );
  }
  if (compared === 0 && findings.length === 0) {
    return notApplicable('没有可比对的摘要', 'No digest to compare');
  }
  return verdict(findings);
}
