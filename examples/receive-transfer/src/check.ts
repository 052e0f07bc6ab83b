/**
 * 移交与接收检测 (DA/T 70-2018, stage `transfer`, items YJ-…): one run per received package — the online ZIP or
 * each offline carrier — in one read of its bytes, then the report as JSON (for machines) and HTML (for people).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type CheckReport,
  type CheckSource,
  type CheckStatus,
  renderHtmlReport,
  runChecks,
  STATUS_LABELS,
  type VirusScanner,
} from '@dangan/checks';
import { clamavScanner } from '@dangan/checks/node';

/** One package checked, and where its reports were written. */
export interface CheckedPackage {
  readonly label: string;
  readonly report: CheckReport;
  readonly html: string;
  readonly json: string;
}

/**
 * The virus scanner for YJ's 病毒检测 item: ClamAV's daemon when `--clamd <socket | host:port>` names one; else
 * none, and the engine reports that item as `error` (未配置病毒扫描引擎) — it never assumes a package is clean.
 */
export function scannerFrom(clamd: string | undefined): VirusScanner | undefined {
  if (clamd === undefined) return undefined;
  const tcp = /^([\w.-]+):(\d+)$/u.exec(clamd);
  return tcp === null
    ? clamavScanner({ socket: clamd })
    : clamavScanner({ host: tcp[1]!, port: Number(tcp[2]) });
}

/**
 * Runs the 移交与接收 checks on one package and writes `<dir>/<file>.json` and `<dir>/<file>.html`. The agency's
 * signing certificate is the trust anchor of the EEP signatures (真实性).
 */
export async function checkPackage(
  label: string,
  source: CheckSource,
  options: {
    readonly dir: string;
    readonly file: string;
    readonly trustAnchors: readonly Uint8Array[];
    readonly scanner: VirusScanner | undefined;
  },
): Promise<CheckedPackage> {
  const report = await runChecks({
    stage: 'transfer',
    source,
    name: label,
    trustAnchors: options.trustAnchors,
    ...(options.scanner === undefined ? {} : { scanner: options.scanner }),
  });
  const html = join(options.dir, `${options.file}.html`);
  const json = join(options.dir, `${options.file}.json`);
  await writeFile(html, renderHtmlReport(report));
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  return { label, report, html, json };
}

/** `通过 12，不通过 0，…`: the statuses that occur, in the report's order, with their Chinese labels. */
export function statusLine(report: CheckReport): string {
  const order: CheckStatus[] = ['pass', 'fail', 'warning', 'error', 'manual', 'not-applicable'];
  return order
    .filter((s) => report.summary.byStatus[s] > 0)
    .map((s) => `${STATUS_LABELS[s].zh} ${report.summary.byStatus[s]}`)
    .join('、');
}
