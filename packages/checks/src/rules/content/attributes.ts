import type { Finding } from '@dangan/core';
import { baseName } from '../../engine/entry-read.js';
import type { CheckFacts } from '../../engine/facts.js';
import { finding, notApplicable, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';
import { formatDisagreements, parseFormatInformation } from './format-information.js';

/**
 * Rule `content.attributes` (内容数据的电子属性一致性, GD-1-10 and the 1-3 items): the 电子属性 a record
 * states for each file equal the file's real ones, read from its bytes in the single pass:
 *
 * - 计算机文件名 (M48) = the file's name — the name the manifest records as original when the package
 *   renamed the file, else the entry's base name (compared in Unicode NFC);
 * - 计算机文件大小 (M49) = the bytes read;
 * - 格式信息 (M47): its MIME type, format name and PRONOM id must agree with the format identified from
 *   the magic bytes (a different version is a warning); an extension that does not fit the real format is
 *   a warning.
 *
 * Files a record names but the package lacks are `link.location`'s and `content.complete`'s to report.
 * No records: `not-applicable`.
 *
 * @example
 * contentAttributesRule(context); // { status: 'fail', findings: [{ code: 'CHECK_ATTRIBUTE_SIZE', path: '电子文件/…' }] }
 */
export function contentAttributesRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const { facts } = context;
  if (facts.records.length === 0)
    return notApplicable('包中没有元数据记录', 'The package has no metadata records');
  const originalNames = new Map<string, string>();
  for (const row of facts.view.manifest?.entries ?? []) {
    if (row.originalName !== undefined) originalNames.set(row.path, row.originalName);
  }
  const findings: Finding[] = [];
  let compared = 0;
  for (const record of facts.records) {
    for (const link of record.files) {
      if (link.path === undefined || link.linkedBy === 'eep') continue;
      const fact = facts.entry(link.path);
      if (fact === undefined || !fact.read) continue;
      compared++;
      const path = fact.path;
      const where = `${record.path} 电子属性[${link.attribute + 1}]`;
      const expectedName = (originalNames.get(path) ?? baseName(path)).normalize('NFC');
      if (link.name !== undefined && link.name.normalize('NFC') !== expectedName) {
        findings.push(
          finding(
            'CHECK_ATTRIBUTE_NAME',
            'error',
            `${where} 记录的计算机文件名“${link.name}”与实际文件名“${expectedName}”不符`,
            `${where}: recorded file name "${link.name}" differs from the actual "${expectedName}"`,
            path,
            'M48',
          ),
        );
      }
      if (link.size !== undefined && link.size !== fact.size) {
        findings.push(
          finding(
            'CHECK_ATTRIBUTE_SIZE',
            'error',
            `${where} 记录的计算机文件大小 ${link.size} 字节与实际 ${fact.size} 字节不符`,
            `${where}: recorded size ${link.size} differs from the actual ${fact.size} bytes`,
            path,
            'M49',
          ),
        );
      }
      if (link.format !== undefined && fact.format !== undefined) {
        const bad = formatDisagreements(parseFormatInformation(link.format), fact.format);
        const actual = `${fact.format.name}${fact.format.version === undefined ? '' : ` ${fact.format.version}`}（${fact.format.mimeType}）`;
        if (bad.some((b) => b !== 'version')) {
          findings.push(
            finding(
              'CHECK_ATTRIBUTE_FORMAT',
              'error',
              `${where} 记录的格式信息“${link.format}”与按文件头识别的实际格式 ${actual} 不符`,
              `${where}: recorded format "${link.format}" differs from the identified ${actual}`,
              path,
              'M47',
            ),
          );
        } else if (bad.includes('version')) {
          findings.push(
            finding(
              'CHECK_ATTRIBUTE_FORMAT_VERSION',
              'warning',
              `${where} 记录的格式版本与实际格式 ${actual} 的版本不同（“${link.format}”）`,
              `${where}: the recorded format version differs from the identified ${actual}`,
              path,
              'M47',
            ),
          );
        }
      }
      if (
        fact.format !== undefined &&
        fact.format.extensionMatches === false &&
        fact.format.id !== 'unknown'
      ) {
        findings.push(
          finding(
            'CHECK_EXTENSION_MISMATCH',
            'warning',
            `“${path}”的扩展名与实际格式 ${fact.format.name} 不符`,
            `The extension of "${path}" does not fit its real format ${fact.format.name}`,
            path,
          ),
        );
      }
    }
  }
  if (compared === 0 && findings.length === 0) {
    return notApplicable(
      '记录没有可与实际文件比对的电子属性',
      'No recorded attributes could be compared with a file',
    );
  }
  return verdict(findings);
}
