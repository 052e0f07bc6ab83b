import type { Finding } from '@dangan/core';
import type { CheckFacts } from '../../engine/facts.js';
import { cannotEvaluate, finding, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';

/**
 * Rule `virus.scan` (病毒感染检测, GD-4-2 and the 4-1 scan items): every entry of the package was scanned
 * by the host's engine (`runChecks({ scanner })`, e.g. ClamAV) in the single read, and none is infected.
 * **No scanner configured: `error` with the reason 未配置病毒扫描引擎 — never a pass.** A file the scanner
 * could not scan (down, timeout, over its limits) or that could not be read leaves the item `error`
 * (not scanned is not clean) unless another file is infected, which fails it.
 *
 * @example
 * virusScanRule(context); // { status: 'fail', findings: [{ code: 'CHECK_VIRUS_FOUND', path: '电子文件/…' }] }
 */
export function virusScanRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const { facts } = context;
  if (facts.scanner === undefined) {
    return cannotEvaluate(
      '未配置病毒扫描引擎，未做病毒检测',
      'No virus scanner is configured: nothing was scanned',
    );
  }
  const infected: Finding[] = [];
  const notScanned: Finding[] = [];
  for (const e of facts.entries) {
    const v = e.virus;
    if (v?.status === 'infected') {
      infected.push(
        finding(
          'CHECK_VIRUS_FOUND',
          'error',
          `“${e.path}”感染病毒：${v.signature}`,
          `"${e.path}" is infected: ${v.signature}`,
          e.path,
        ),
      );
    } else if (v?.status === 'error') {
      notScanned.push(
        finding(
          'CHECK_VIRUS_NOT_SCANNED',
          'warning',
          `“${e.path}”未能扫描：${v.reason}`,
          `"${e.path}" was not scanned: ${v.reasonEn}`,
          e.path,
        ),
      );
    } else if (v === undefined) {
      notScanned.push(
        finding(
          'CHECK_VIRUS_NOT_SCANNED',
          'warning',
          `“${e.path}”无法读取，未能扫描${e.readError === undefined ? '' : `：${e.readError.message}`}`,
          `"${e.path}" could not be read, so it was not scanned`,
          e.path,
        ),
      );
    }
  }
  const scanner = `${facts.scanner.name}${facts.scanner.version === undefined ? '' : `（${facts.scanner.version}）`}`;
  const note = finding('CHECK_VIRUS_ENGINE', 'info', `扫描引擎：${scanner}`, `Scanner: ${scanner}`);
  if (infected.length > 0) return verdict([...infected, ...notScanned, note]);
  if (notScanned.length > 0) {
    return cannotEvaluate(
      `${notScanned.length} 个文件未能扫描，不能判定为无病毒`,
      `${notScanned.length} file(s) were not scanned: the package cannot be called clean`,
      [...notScanned, note],
    );
  }
  return { status: 'pass', findings: [note] };
}
