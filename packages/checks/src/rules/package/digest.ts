import { safeParseDigestAlgorithm } from '@dangan/core';
import type { CheckFacts } from '../../engine/facts.js';
import type { PackageDigestFact } from '../../engine/gather.js';
import { cannotEvaluate, finding, notApplicable, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';

const WHAT: Readonly<Record<PackageDigestFact['of'], string>> = {
  manifest: '清单',
  'carrier-listing': '载体文件清单',
  eep: '封装包',
  container: '信息包文件',
};

/**
 * Rule `package.digest` (信息包一致性, GD-1-14 and the 1-5 items): the received package's digest equals the
 * one the sender registered (交接单据, 登记表, 数字摘要 sheet) — passed as `runChecks({ registered: { digest } })`
 * or read from the package's own 数字摘要 sheet. What is digested depends on the package: a 归档信息包's
 * manifest (it lists every other file with its digest), a 移交 carrier's file listing, a single EEP file, or
 * with `packageDigestOf: 'container'` the ZIP file itself. No registered digest: `not-applicable`.
 *
 * @example
 * packageDigestRule(context); // { status: 'fail', findings: [{ code: 'CHECK_PACKAGE_DIGEST_MISMATCH', path: '归档信息包清单.xml' }] }
 */
export function packageDigestRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const facts = context.facts as CheckFacts & { readonly packageDigest?: PackageDigestFact };
  const registered = facts.registered?.digest;
  if (registered === undefined) {
    return notApplicable(
      '没有登记的信息包摘要（交接单据、登记表或数字摘要表）',
      'No registered package digest was given',
    );
  }
  const parsed = safeParseDigestAlgorithm(registered.algorithm);
  if (!parsed.ok) {
    return cannotEvaluate(
      `登记的摘要算法“${registered.algorithm}”无法识别`,
      `The registered digest algorithm "${registered.algorithm}" is unknown`,
    );
  }
  const actual = facts.packageDigest;
  if (actual === undefined) {
    return cannotEvaluate(
      '无法计算本包的信息包摘要（没有清单、封装包或容器文件）',
      'The package digest cannot be computed for this package',
    );
  }
  const expected = registered.value.trim().toLowerCase();
  const what = WHAT[actual.of];
  const path = actual.path ?? facts.subjectName;
  if (expected !== actual.value) {
    return verdict([
      finding(
        'CHECK_PACKAGE_DIGEST_MISMATCH',
        'error',
        `信息包摘要（${what}“${path}”的 ${parsed.value.toUpperCase()}）与登记值不符：登记 ${expected}，实际 ${actual.value}`,
        `The package digest (${parsed.value} of the ${actual.of} "${path}") differs from the registered one: registered ${expected}, actual ${actual.value}`,
        path,
      ),
    ]);
  }
  return { status: 'pass', findings: [] };
}
