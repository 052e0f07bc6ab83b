import type { Finding } from '@dangan/core';
import type { CheckFacts } from '../../engine/facts.js';
import { finding, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';

/**
 * Rule `package.metadata-complete` (信息包元数据完整性, GD-2-10 and the 2-4 items): the package's own metadata
 * is all there and readable — for a 归档信息包 the manifest, the registration form and the metadata document
 * (with one record per 件 the manifest lists); for an EEP the DA/T 48 elements (the verifier's structure
 * findings); for any package at least one metadata document or EEP with records.
 *
 * @example
 * metadataCompleteRule(context); // { status: 'fail', findings: [{ code: 'CHECK_MANIFEST_MISSING', … }] }
 */
export function metadataCompleteRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const { facts } = context;
  const { view } = facts;
  const findings: Finding[] = [];
  if (view.kind === 'archival') {
    if (view.manifest === undefined) {
      findings.push(
        finding('CHECK_MANIFEST_MISSING', 'error', '信息包没有清单', 'The package has no manifest'),
      );
    } else {
      findings.push(...view.manifest.findings.filter((f) => f.severity !== 'info'));
    }
    if (view.registration === undefined) {
      findings.push(
        finding(
          'CHECK_REGISTRATION_MISSING',
          'error',
          '信息包没有归档登记表',
          'The package has no registration form',
        ),
      );
    } else {
      findings.push(...view.registration.findings);
    }
  }
  if (view.kind === 'eep') {
    for (const e of facts.entries) if (e.eep !== undefined) findings.push(...e.eep.structureFindings);
  }
  for (const doc of view.metadataDocuments) {
    findings.push(
      ...doc.findings.filter(
        (f) => f.code === 'ARCHIVAL_RECORD_COUNT_MISMATCH' || f.code === 'ARCHIVAL_PART_MISSING',
      ),
    );
  }
  if (facts.records.length === 0) {
    findings.push(
      finding(
        'CHECK_METADATA_MISSING',
        'error',
        '信息包中没有可读取的元数据记录',
        'The package holds no readable metadata record',
      ),
    );
  }
  return verdict(findings);
}
