import type { Finding } from '@dangan/core';
import { entryPathKey } from '../sinks/entry-path.js';
import type { PackageEntryInfo } from '../sinks/types.js';
import { transferFinding } from '../transfer/codes.js';

/**
 * Finds the actual path of a layout part (a root file, or with `folder` a root folder) ignoring case; a case
 * difference is a `TRANSFER_LAYOUT_NAME_CASE` warning. `undefined` when absent.
 *
 * @example
 * named(entries, '说明文件.TXT', false, findings); // '说明文件.txt' (and a warning)
 */
export function named(
  entries: readonly PackageEntryInfo[],
  expected: string,
  folder: boolean,
  findings: Finding[],
): string | undefined {
  const key = entryPathKey(expected);
  for (const e of entries) {
    const first = folder ? e.path.split('/')[0]! : e.path;
    if ((folder && !e.path.includes('/')) || (!folder && e.path.includes('/'))) continue;
    if (entryPathKey(first) !== key) continue;
    if (first !== expected) {
      findings.push(
        transferFinding(
          'TRANSFER_LAYOUT_NAME_CASE',
          `“${first}”应写作“${expected}”`,
          `"${first}" should be named "${expected}"`,
          { path: first },
        ),
      );
    }
    return first;
  }
  return undefined;
}

/**
 * Records a missing part of the layout (`TRANSFER_LAYOUT_MISSING`).
 *
 * @example
 * missing(findings, '说明文件', '说明文件.TXT');
 */
export function missing(findings: Finding[], what: string, path: string): void {
  findings.push(
    transferFinding('TRANSFER_LAYOUT_MISSING', `载体缺少${what}“${path}”`, `The carrier lacks ${path}`, {
      path,
    }),
  );
}
