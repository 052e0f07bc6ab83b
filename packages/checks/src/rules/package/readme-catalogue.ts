import type { Finding } from '@dangan/core';
import type { CheckFacts, LayoutDocumentFact } from '../../engine/facts.js';
import { finding, notApplicable, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';

/**
 * Rule `package.readme-catalogue` (说明文件和目录文件规范性, GD-1-12 and the 1-5 items): the package's 说明文件
 * and 目录文件 exist, parse (XML well-formed, in an allowed encoding) and hold their required fields; the
 * catalogue has one row per record. Which documents a package has comes from its layout (归档信息包:
 * `说明文件.txt` and `归档文件目录.xml`; 移交 carrier: `说明文件.TXT` and `文件目录.XML`). A package without a
 * layout that has them (a single EEP): `not-applicable`.
 *
 * @example
 * readmeCatalogueRule(context); // { status: 'fail', findings: [{ code: 'CHECK_README_FIELD_MISSING', … }] }
 */
export function readmeCatalogueRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const { view } = context.facts;
  if (view.kind !== 'archival' && view.kind !== 'transfer') {
    return notApplicable(
      '该包没有规定说明文件和目录文件的布局',
      'This package has no layout that calls for a readme and a catalogue',
    );
  }
  const findings: Finding[] = [];
  const doc = (d: LayoutDocumentFact | undefined, what: string, whatEn: string) => {
    if (d === undefined) {
      findings.push(
        finding(
          'CHECK_LAYOUT_DOCUMENT_MISSING',
          'error',
          `信息包缺少${what}`,
          `The package has no ${whatEn}`,
        ),
      );
      return;
    }
    if (!d.present && !d.findings.some((f) => f.severity === 'error')) {
      findings.push(
        finding(
          'CHECK_LAYOUT_DOCUMENT_MISSING',
          'error',
          `信息包缺少${what}“${d.path}”`,
          `The package has no ${whatEn} "${d.path}"`,
          d.path,
        ),
      );
    }
    findings.push(...d.findings);
  };
  doc(view.readme, '说明文件', 'readme');
  doc(view.catalogue, '目录文件', 'catalogue');
  return verdict(findings);
}
