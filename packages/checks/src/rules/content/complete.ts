import type { Finding } from '@dangan/core';
import type { CheckFacts, EntryFact } from '../../engine/facts.js';
import { finding, notApplicable, unreadableEntry, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';
import { compareDigests } from '../fixity/stated-digests.js';

/**
 * Rule `content.complete` (内容数据完整性, GD-2-7 and the 2-3 items): the content is all there and intact.
 * Every file a record names is in the package; every content file (what the manifest lists as content, or
 * what the records name) is present, readable to its end (a ZIP entry's CRC-32 and size included), not
 * empty, and — where the manifest states digests — unchanged. For an EEP, the files embedded in it must
 * decode to their recorded size and digest (the EEP verifier's file findings).
 *
 * @example
 * contentCompleteRule(context); // { status: 'fail', findings: [{ code: 'CHECK_CONTENT_EMPTY', path: '电子文件/…' }] }
 */
export function contentCompleteRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const { facts } = context;
  const findings: Finding[] = [];
  const contentPaths = new Set<string>();
  for (const row of facts.view.manifest?.entries ?? []) if (row.kind === '内容') contentPaths.add(row.path);
  for (const e of facts.entries) if (e.role === 'content') contentPaths.add(e.path);
  for (const record of facts.records) {
    for (const link of record.files) {
      if (link.path !== undefined) {
        if (link.linkedBy !== 'eep') contentPaths.add(link.path);
        continue;
      }
      findings.push(
        finding(
          'CHECK_CONTENT_MISSING',
          'error',
          `${record.path} 的电子属性[${link.attribute + 1}]（${link.name ?? '未记录文件名'}）在包中没有内容文件`,
          `${record.path} attribute ${link.attribute + 1} (${link.name ?? 'no name'}) has no content file in the package`,
          record.path,
        ),
      );
    }
  }
  const eeps = facts.entries.filter((e) => e.eep !== undefined);
  if (contentPaths.size === 0 && eeps.length === 0 && findings.length === 0) {
    return notApplicable('包中没有内容文件', 'The package has no content files');
  }
  const manifestRow = new Map((facts.view.manifest?.entries ?? []).map((r) => [r.path, r]));
  for (const path of contentPaths) {
    const fact = facts.entry(path);
    if (fact === undefined) {
      findings.push(
        finding(
          'CHECK_CONTENT_MISSING',
          'error',
          `内容文件“${path}”不在包中`,
          `Content file "${path}" is absent`,
          path,
        ),
      );
      continue;
    }
    findings.push(...intactness(fact));
    const row = manifestRow.get(path);
    if (fact.read && row !== undefined && row.digests.length > 0) {
      findings.push(...compareDigests(fact, row.digests, { from: '清单', fromEn: 'the manifest' }).findings);
    }
  }
  for (const e of eeps) findings.push(...e.eep!.fileFindings.map((f) => ({ ...f, path: f.path ?? e.path })));
  return verdict(findings);
}

function intactness(fact: EntryFact): Finding[] {
  if (!fact.read) {
    return [unreadableEntry(fact)];
  }
  const out: Finding[] = [];
  if (fact.size === 0) {
    out.push(
      finding(
        'CHECK_CONTENT_EMPTY',
        'error',
        `内容文件“${fact.path}”为空（0 字节）`,
        `Content file "${fact.path}" is empty`,
        fact.path,
      ),
    );
  }
  if (fact.listedSize !== undefined && fact.listedSize !== fact.size) {
    out.push(
      finding(
        'CHECK_SIZE_MISMATCH',
        'error',
        `“${fact.path}”读出 ${fact.size} 字节，目录记为 ${fact.listedSize}`,
        `"${fact.path}" read ${fact.size} bytes; its listing says ${fact.listedSize}`,
        fact.path,
      ),
    );
  }
  if (fact.format?.flags.truncated === true) {
    out.push(
      finding(
        'CHECK_CONTENT_TRUNCATED',
        'error',
        `内容文件“${fact.path}”被截断`,
        `Content file "${fact.path}" is truncated`,
        fact.path,
      ),
    );
  }
  return out;
}
