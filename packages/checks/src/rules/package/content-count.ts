import type { Finding } from '@dangan/core';
import type { CheckFacts } from '../../engine/facts.js';
import { finding, notApplicable, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';

/**
 * Rule `package.content-count` (信息包内容数据完整性, GD-2-11 and the 2-4 items): the number of content files
 * the package's own metadata declares equals the files present — the manifest's summary (内容文件数, 文件数)
 * against what it lists and what the package holds, and each record's 电子属性 count against the files
 * linked to it. Nothing declared: `not-applicable`.
 *
 * @example
 * contentCountRule(context); // { status: 'fail', findings: [{ code: 'CHECK_CONTENT_COUNT', … }] }
 */
export function contentCountRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const { facts } = context;
  const findings: Finding[] = [];
  let declared = 0;
  const manifest = facts.view.manifest;
  if (manifest?.declared !== undefined) {
    declared++;
    const content = manifest.entries.filter((e) => e.kind === '内容');
    const present = content.filter((e) => facts.entry(e.path)?.read === true).length;
    const d = manifest.declared;
    if (d.contentFiles !== undefined && d.contentFiles !== present) {
      findings.push(
        finding(
          'CHECK_CONTENT_COUNT',
          'error',
          `清单声明内容文件 ${d.contentFiles} 个，包中实有 ${present} 个`,
          `The manifest declares ${d.contentFiles} content files; ${present} are present`,
          manifest.path,
        ),
      );
    }
    const listedPresent = manifest.entries.filter((e) => facts.entry(e.path) !== undefined).length;
    if (d.files !== undefined && d.files !== listedPresent) {
      findings.push(
        finding(
          'CHECK_FILE_COUNT',
          'error',
          `清单声明文件 ${d.files} 个，包中实有其中 ${listedPresent} 个`,
          `The manifest declares ${d.files} files; ${listedPresent} of them are present`,
          manifest.path,
        ),
      );
    }
  }
  findings.push(...facts.view.findings.filter((f) => f.code === 'ARCHIVAL_MANIFEST_SUMMARY_MISMATCH'));
  for (const record of facts.records) {
    if (record.files.length === 0) continue;
    declared++;
    const present = record.files.filter(
      (l) => l.path !== undefined && facts.entry(l.path)?.read === true,
    ).length;
    if (present !== record.files.length) {
      findings.push(
        finding(
          'CHECK_RECORD_FILE_COUNT',
          'error',
          `记录 ${record.path} 记有 ${record.files.length} 个电子属性，包中只有其中 ${present} 个文件`,
          `Record ${record.path} describes ${record.files.length} files; ${present} are present`,
          record.path,
          'M46',
        ),
      );
    }
  }
  if (declared === 0)
    return notApplicable('包中没有声明内容文件数量的元数据', 'Nothing in the package declares a file count');
  return verdict(findings);
}
