import type { Finding } from '@dangan/core';
import type { CheckFacts } from '../../engine/facts.js';
import { finding, notApplicable, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';

const folderOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const trimSlashes = (path: string): string => path.replace(/^\.?\/+/, '').replace(/\/+$/, '');

/**
 * Whether a recorded 当前位置 is a path inside the package (not a URL, a drive or an absolute path).
 *
 * @example
 * isPackagePath('电子文件/Z109-WS-2026-D30-0001/'); // true
 * isPackagePath('oss://archives/2026/'); // false
 */
export function isPackagePath(location: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(location) && !location.startsWith('/') && !location.startsWith('\\');
}

/**
 * Rule `link.location` (元数据与内容关联一致性, GD-1-11 and the 1-4 items): every record has its files, and
 * where the metadata says a file is, it is.
 *
 * - each 电子属性 (M46) entry of each record resolves to a file present in the package (through the
 *   manifest's 件 and 电子属性 indexes, the EEP, or the recorded 计算机文件名);
 * - each file sits in its 件's folder as the manifest records it;
 * - a 当前位置 (M66) that is a path inside the package equals the folder the file is in; one that points
 *   outside the package (a storage URL) cannot be compared and gives a note.
 *
 * No records: `not-applicable`.
 *
 * @example
 * linkLocationRule(context); // { status: 'fail', findings: [{ code: 'CHECK_RECORD_FILE_MISSING', … }] }
 */
export function linkLocationRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const { facts } = context;
  if (facts.records.length === 0)
    return notApplicable('包中没有元数据记录', 'The package has no metadata records');
  const findings: Finding[] = [];
  for (const record of facts.records) {
    if (record.files.length === 0) {
      findings.push(
        finding(
          'CHECK_RECORD_NO_FILES',
          'error',
          `记录 ${record.path} 没有电子属性，未关联任何内容文件`,
          `Record ${record.path} names no content file`,
          record.path,
          'M46',
        ),
      );
    }
    for (const link of record.files) {
      const label = `${record.path} 的电子属性[${link.attribute + 1}]（${link.name ?? '未记录文件名'}）`;
      const labelEn = `${record.path} attribute ${link.attribute + 1} (${link.name ?? 'no name'})`;
      if (link.path === undefined || facts.entry(link.path) === undefined) {
        findings.push(
          finding(
            'CHECK_RECORD_FILE_MISSING',
            'error',
            `${label}在包中找不到对应的文件${link.path === undefined ? '' : `“${link.path}”`}`,
            `${labelEn} has no file in the package${link.path === undefined ? '' : ` ("${link.path}")`}`,
            link.path ?? record.path,
            'M46',
          ),
        );
        continue;
      }
      if (link.linkedBy === 'eep') continue;
      const actual = folderOf(link.path);
      if (record.folder !== undefined && trimSlashes(record.folder) !== actual) {
        findings.push(
          finding(
            'CHECK_LOCATION_MISMATCH',
            'error',
            `${label}应在件的文件夹“${record.folder}”中，实际在“${actual}”`,
            `${labelEn} should be in the item folder "${record.folder}", but is in "${actual}"`,
            link.path,
          ),
        );
      }
      const recorded = record.recordedLocation;
      if (recorded !== undefined) {
        if (isPackagePath(recorded)) {
          if (trimSlashes(recorded) !== actual && trimSlashes(recorded) !== link.path) {
            findings.push(
              finding(
                'CHECK_LOCATION_MISMATCH',
                'error',
                `${label}记录的当前位置“${recorded}”与实际位置“${actual}”不符`,
                `${labelEn}: recorded location "${recorded}" differs from the actual "${actual}"`,
                link.path,
                'M66',
              ),
            );
          }
        } else {
          findings.push(
            finding(
              'CHECK_LOCATION_EXTERNAL',
              'info',
              `${record.path} 记录的当前位置“${recorded}”是包外的存储地址，未与包内位置比较`,
              `${record.path} records an external location "${recorded}"; not compared with the package`,
              record.path,
              'M66',
            ),
          );
        }
      }
    }
  }
  return verdict(findings);
}
