import type { Finding } from '@dangan/core';
import type { CheckFacts } from '../../engine/facts.js';
import { finding, notApplicable, unreadableEntry, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';

/**
 * Rule `content.readable` (内容数据可读性, GD-3-4 and the 3-2 items): every content file opens — decided by
 * the readability probes of the single read (see `readabilityOf`: PDF and OFD structure, image and
 * audio/video headers, XML well-formedness, container directories, text encodings). A file that does not
 * decode fails; a file the probes reached only in part, or whose format has no probe, gives a warning
 * (never a silent pass). This is a structure check, not a rendering: deep checks (PDF/A, OFD-A validators)
 * belong to plug-ins.
 *
 * @example
 * contentReadableRule(context); // { status: 'fail', findings: [{ code: 'CHECK_PDF_EOF', path: '电子文件/1.pdf' }] }
 */
export function contentReadableRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const content = context.facts.entries.filter((e) => e.role === 'content');
  if (content.length === 0) return notApplicable('包中没有内容文件', 'The package has no content files');
  const findings: Finding[] = [];
  for (const e of content) {
    if (!e.read) {
      findings.push(unreadableEntry(e));
      continue;
    }
    const r = e.readability;
    if (r === undefined) continue;
    switch (r.status) {
      case 'unreadable':
        findings.push(
          ...(r.findings.some((f) => f.severity === 'error')
            ? r.findings
            : [
                finding(
                  'CHECK_CONTENT_UNREADABLE',
                  'error',
                  `“${e.path}”无法解析（${r.checked}）`,
                  `"${e.path}" does not parse (${r.checkedEn})`,
                  e.path,
                ),
                ...r.findings,
              ]),
        );
        break;
      case 'partial':
        findings.push(
          finding(
            'CHECK_CONTENT_PARTLY_CHECKED',
            'warning',
            `“${e.path}”只检查了部分结构：${r.checked}`,
            `Only part of "${e.path}" was checked: ${r.checkedEn}`,
            e.path,
          ),
          ...r.findings,
        );
        break;
      case 'unsupported':
        findings.push(
          finding(
            'CHECK_CONTENT_NO_PROBE',
            'warning',
            `“${e.path}”：${r.checked}`,
            `"${e.path}": ${r.checkedEn}`,
            e.path,
          ),
        );
        break;
      default:
        findings.push(...r.findings);
    }
  }
  return verdict(findings);
}
