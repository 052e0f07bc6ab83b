import type { Finding } from '@dangan/core';
import type { CheckFacts } from '../../engine/facts.js';
import { finding, notApplicable, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';

/**
 * Rule `backup.restorable` (备份数据可恢复性, BC 3-4): the host restores the package from its backup and
 * passes the restored copy as `runChecks({ backupSource })`; every entry of the package must be in it and
 * reproduce the package's digest, read once from the backup. No backup given: `not-applicable`.
 *
 * @example
 * backupRestorableRule(context); // { status: 'fail', findings: [{ code: 'CHECK_BACKUP_MISMATCH', path: '电子文件/1.pdf' }] }
 */
export function backupRestorableRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const backup = context.facts.backup;
  if (backup === undefined) {
    return notApplicable(
      '没有提供备份来源（由宿主从备份恢复后传入 backupSource）',
      'No backup source was given (backupSource)',
    );
  }
  const findings: Finding[] = [];
  for (const path of backup.missing) {
    findings.push(
      finding('CHECK_BACKUP_MISSING', 'error', `备份中没有“${path}”`, `The backup lacks "${path}"`, path),
    );
  }
  for (const { path, algorithm } of backup.mismatched) {
    findings.push(
      finding(
        'CHECK_BACKUP_MISMATCH',
        'error',
        `备份中“${path}”的 ${algorithm.toUpperCase()} 摘要与信息包不符`,
        `The ${algorithm} digest of "${path}" in the backup differs from the package's`,
        path,
      ),
    );
  }
  for (const u of backup.unreadable) findings.push(u.finding);
  for (const e of context.facts.entries) {
    if (!e.read) {
      findings.push(
        finding(
          'CHECK_BACKUP_NOT_COMPARED',
          'warning',
          `“${e.path}”在信息包中无法读取，未与备份比对`,
          `"${e.path}" cannot be read in the package; not compared`,
          e.path,
        ),
      );
    }
  }
  return verdict(findings);
}
