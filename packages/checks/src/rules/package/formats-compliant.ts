import type { Finding, FormatId } from '@dangan/core';
import type { CheckFacts } from '../../engine/facts.js';
import { finding, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';
import { compressionFindings } from '../security/compression.js';
import { encryptionFindings } from '../security/encryption.js';

/** Formats the package's own documents may have besides the content list: XML and plain text. */
const PACKAGE_DOCUMENT_FORMATS: readonly FormatId[] = ['xml', 'text'];

/**
 * Rule `package.formats-compliant` (信息包中包含的内容数据格式合规性, GD-3-8): no non-public compression, no
 * encryption and no disallowed format anywhere in the package — the union of `package.no-encryption`,
 * `package.no-nonpublic-compression` and the allowed-format list, applied to **every** entry: content
 * files against the stage's list, the package's own documents (manifest, metadata, forms, EEPs) against
 * that list plus XML and plain text.
 *
 * @example
 * formatsCompliantRule(context).status; // 'pass'
 */
export function formatsCompliantRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const { facts } = context;
  const findings: Finding[] = [...encryptionFindings(facts), ...compressionFindings(facts)];
  const allowed = context.parameters.allowedFormats?.[context.stage];
  if (allowed !== undefined) {
    for (const e of facts.entries) {
      if (!e.read || e.format === undefined) continue;
      const ok =
        allowed.includes(e.format.id) ||
        (e.role !== 'content' && PACKAGE_DOCUMENT_FORMATS.includes(e.format.id));
      if (!ok) {
        findings.push(
          finding(
            'CHECK_FORMAT_NOT_ALLOWED',
            'error',
            `“${e.path}”的实际格式 ${e.format.nameZh}（${e.format.id}）不在允许的格式清单内`,
            `"${e.path}" is ${e.format.name} (${e.format.id}), not on the allowed list`,
            e.path,
          ),
        );
      }
    }
  }
  return verdict(findings);
}
