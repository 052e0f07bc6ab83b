import type { Finding } from '@dangan/core';
import type { CheckFacts } from '../../engine/facts.js';
import { finding, notApplicable, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';

/**
 * Rule `content.format` (内容数据格式, GD-3-3 and the 3-2 items): every content file's **real** format —
 * identified from its magic bytes, never its extension — is on the profile's allowed list for the stage
 * (`parameters.allowedFormats[stage]`, core format ids; `dat70` ships GB/T 18894-2016's list). No list for
 * the stage, or no content: `not-applicable`.
 *
 * @example
 * contentFormatRule(context); // { status: 'fail', findings: [{ code: 'CHECK_FORMAT_NOT_ALLOWED', path: '电子文件/a.gif' }] }
 */
export function contentFormatRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const allowed = context.parameters.allowedFormats?.[context.stage];
  if (allowed === undefined) {
    return notApplicable(
      '检测方案没有为本环节配置允许的格式清单',
      'The profile has no allowed-format list for this stage',
    );
  }
  const content = context.facts.entries.filter((e) => e.role === 'content');
  if (content.length === 0) return notApplicable('包中没有内容文件', 'The package has no content files');
  const findings: Finding[] = [];
  for (const e of content) {
    if (!e.read || e.format === undefined) {
      findings.push(
        e.readError ??
          finding(
            'CHECK_FORMAT_UNKNOWN',
            'error',
            `“${e.path}”无法读取，格式未能识别`,
            `"${e.path}" could not be read to identify its format`,
            e.path,
          ),
      );
      continue;
    }
    if (!allowed.includes(e.format.id)) {
      findings.push(
        finding(
          'CHECK_FORMAT_NOT_ALLOWED',
          'error',
          `“${e.path}”的实际格式为 ${e.format.nameZh}（${e.format.id}），不在允许的格式清单内`,
          `The real format of "${e.path}" is ${e.format.name} (${e.format.id}), which is not on the allowed list`,
          e.path,
        ),
      );
    }
  }
  return verdict(findings);
}
