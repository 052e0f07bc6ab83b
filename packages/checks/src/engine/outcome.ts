import type { Finding } from '@dangan/core';
import type { ItemOutcome } from './rule.js';

/**
 * The verdict of a rule from its findings (判定): any `error` finding fails the item, else any `warning`
 * makes it `warning`, else it passes (`info` findings are notes).
 *
 * @example
 * verdict([{ code: 'CHECK_DIGEST_MISMATCH', severity: 'error', message: '摘要不符' }]).status; // 'fail'
 */
export function verdict(findings: readonly Finding[]): ItemOutcome {
  const status = findings.some((f) => f.severity === 'error')
    ? 'fail'
    : findings.some((f) => f.severity === 'warning')
      ? 'warning'
      : 'pass';
  return { status, findings };
}

/**
 * An item that does not apply to this package, with the reason (不适用).
 *
 * @example
 * notApplicable('未提供备份来源', 'No backup source was given');
 */
export function notApplicable(
  reason: string,
  reasonEn: string,
  findings: readonly Finding[] = [],
): ItemOutcome {
  return { status: 'not-applicable', findings, reason, reasonEn };
}

/**
 * An item that could not be evaluated, with the reason (无法检测): never a pass.
 *
 * @example
 * cannotEvaluate('未配置病毒扫描引擎', 'No virus scanner is configured');
 */
export function cannotEvaluate(
  reason: string,
  reasonEn: string,
  findings: readonly Finding[] = [],
): ItemOutcome {
  return { status: 'error', findings, reason, reasonEn };
}

/**
 * A finding (发现项) with the fields rules use.
 *
 * @example
 * finding('CHECK_DIGEST_MISMATCH', 'error', '摘要不符', 'Digest mismatch', '电子文件/1.pdf');
 */
export function finding(
  code: string,
  severity: Finding['severity'],
  message: string,
  messageEn: string,
  path?: string,
  element?: string,
): Finding {
  return {
    code,
    severity,
    message,
    messageEn,
    ...(path === undefined ? {} : { path }),
    ...(element === undefined ? {} : { element }),
  };
}

/**
 * The finding for an entry the single read could not read to its end (条目无法读取): the reader's own
 * finding when it left one (`readError`), else `CHECK_ENTRY_UNREADABLE` naming `path` (default the
 * entry's own path; a rule names the path its document lists).
 *
 * @example
 * if (!fact.read) findings.push(unreadableEntry(fact));
 */
export function unreadableEntry(
  fact: { readonly path: string; readonly readError?: Finding },
  path = fact.path,
): Finding {
  return (
    fact.readError ??
    finding('CHECK_ENTRY_UNREADABLE', 'error', `“${path}”无法读取`, `"${path}" cannot be read`, path)
  );
}
