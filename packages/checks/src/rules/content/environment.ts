import type { Finding } from '@dangan/core';
import type { CheckFacts } from '../../engine/facts.js';
import { finding, notApplicable, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';

/**
 * Whether an environment value matches an allowed entry: `/…/flags` is a regular expression, anything else
 * a case-insensitive substring (`WPS` matches `WPS Office 2019`).
 *
 * @example
 * environmentAllowed('WPS Office 2019', ['wps']); // true
 */
export function environmentAllowed(value: string, allowed: readonly string[]): boolean {
  const v = value.toLowerCase();
  return allowed.some((pattern) => {
    const m = /^\/(.+)\/([a-z]*)$/.exec(pattern);
    if (m !== null) {
      try {
        return new RegExp(m[1]!, m[2]).test(value);
      } catch {
        return false;
      }
    }
    return v.includes(pattern.toLowerCase());
  });
}

/**
 * Rule `environment` (软硬件环境合规性, the 3-3 items): the software environment recorded in the metadata
 * (文档创建程序 M50, 信息系统描述 M51) and the creating application read from each content file's own
 * headers (PDF `/Creator`, OOXML `Application`, OFD `Creator`, EXIF `Software` …) are on the profile's list
 * `parameters.allowedEnvironments`. **The list is the host's data** — DA/T 70 names no environments — so
 * without one the item is `not-applicable` with that reason. No environment recorded anywhere:
 * `not-applicable`.
 *
 * @example
 * environmentRule(context); // { status: 'fail', findings: [{ code: 'CHECK_ENVIRONMENT_NOT_ALLOWED', … }] }
 */
export function environmentRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const allowed = context.parameters.allowedEnvironments;
  if (allowed === undefined || allowed.length === 0) {
    return notApplicable('检测方案没有配置允许的软硬件环境清单', 'The profile lists no allowed environments');
  }
  const { facts } = context;
  const findings: Finding[] = [];
  let seen = 0;
  const test = (
    value: string | undefined,
    what: string,
    whatEn: string,
    path: string | undefined,
    element?: string,
  ) => {
    if (value === undefined) return;
    seen++;
    if (!environmentAllowed(value, allowed)) {
      findings.push(
        finding(
          'CHECK_ENVIRONMENT_NOT_ALLOWED',
          'error',
          `${what}“${value}”不在允许的软硬件环境清单内`,
          `${whatEn} "${value}" is not on the allowed environment list`,
          path,
          element,
        ),
      );
    }
  };
  for (const record of facts.records) {
    for (const link of record.files) {
      const where = link.path ?? record.path;
      test(
        link.creator,
        `${record.path} 记录的文档创建程序`,
        'The recorded creating application',
        where,
        'M50',
      );
      test(link.system, `${record.path} 记录的信息系统描述`, 'The recorded information system', where, 'M51');
    }
  }
  for (const e of facts.entries) {
    if (e.role !== 'content') continue;
    test(
      e.attributes?.文档创建程序,
      `“${e.path}”文件中的创建程序`,
      `The creating application in "${e.path}"`,
      e.path,
    );
  }
  if (seen === 0)
    return notApplicable(
      '元数据和文件中都没有软硬件环境信息',
      'No environment is recorded in the metadata or the files',
    );
  return verdict(findings);
}
