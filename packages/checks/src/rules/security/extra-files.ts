import type { Finding } from '@dangan/core';
import { baseName } from '../../engine/entry-read.js';
import type { CheckFacts } from '../../engine/facts.js';
import { finding, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';

const SYSTEM_FILES = /^(\.ds_store|thumbs\.db|desktop\.ini|ehthumbs\.db|\._.*|~\$.*)$/i;

/**
 * Whether an entry is a hidden or system file that never belongs on a carrier (`.DS_Store`, `Thumbs.db`,
 * `desktop.ini`, `._*` resource forks, `~$*` Office lock files, dot files, anything under `__MACOSX/`).
 *
 * @example
 * isHiddenOrSystemFile('电子文件/.DS_Store'); // true
 */
export function isHiddenOrSystemFile(path: string): boolean {
  const name = baseName(path);
  return (
    SYSTEM_FILES.test(name) ||
    name.startsWith('.') ||
    path.split('/').some((s) => s === '__MACOSX' || s.startsWith('.'))
  );
}

/**
 * Rule `carrier.extra-files` (载体中多余文件检测, GD-4-3 and the 4-2 items): the carrier holds the package
 * and nothing else — every entry is accounted for by the package's structure (its manifest or layout), and
 * there are no hidden or system files (see {@link isHiddenOrSystemFile}). Each extra file is a finding.
 *
 * @example
 * extraFilesRule(context); // { status: 'fail', findings: [{ code: 'CHECK_EXTRA_FILE', path: '备份.zip' }] }
 */
export function extraFilesRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const findings: Finding[] = [];
  for (const e of context.facts.entries) {
    if (isHiddenOrSystemFile(e.path)) {
      findings.push(
        finding(
          'CHECK_HIDDEN_FILE',
          'error',
          `载体中有隐藏或系统文件“${e.path}”`,
          `The carrier holds a hidden or system file "${e.path}"`,
          e.path,
        ),
      );
    } else if (e.role === 'other') {
      findings.push(
        finding(
          'CHECK_EXTRA_FILE',
          'error',
          `载体中的“${e.path}”不属于信息包（清单和布局中都没有）`,
          `"${e.path}" on the carrier is not part of the package (neither the manifest nor the layout has it)`,
          e.path,
        ),
      );
    }
  }
  return verdict(findings);
}
