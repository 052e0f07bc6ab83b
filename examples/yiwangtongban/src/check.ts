/**
 * Step 5 — 检测 (check): the DA/T 70-2018 四性检测 of the 归档 stage (GD: 真实性、完整性、可用性、安全性) on the ZIP,
 * and the report for machines (JSON) and people (HTML).
 *
 * `runChecks` (@dangan/checks) opens the ZIP with the safe reader and reads every entry once: that one read
 * feeds the SM3 digests compared with the manifest (清单), format identification, the PDF/OFD/JPEG readability
 * probes, the metadata checks against the scheme and the EEP signature verification (SM2, certificate chained
 * to the trusted CA). The package digest recorded at hand-over is compared too (GD-1-14). The profile is `shanghai-ywtb` (办件-level checks, **provisional**) with the example
 * retention schedule for 归档范围 (GD-2-9). Items only a person can judge stay `manual`; they never pass by
 * themselves.
 *
 * 病毒检测 (GD-4-2) needs a virus scanner: the demo uses ClamAV's clamd when one answers (the system's socket,
 * or the project's private one that `scripts/clamd/start.sh` runs); otherwise the report says the item was not
 * performed and why (a real archive must configure a scanner). It is never reported as passed.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  type CheckProfile,
  type CheckReport,
  notApplicable,
  type ReportLang,
  renderHtmlReport,
  runChecks,
  type VirusScanner,
} from '@dangan/checks';
import { clamavScanner } from '@dangan/checks/node';
import { EXAMPLE_YWTB_RETENTION_SCHEDULE } from '@dangan/metadata';
import { fileRandomAccess } from '@dangan/packaging/node';

/** The project's private clamd (scripts/clamd/start.sh), then the system's default socket. */
const CLAMD_SOCKETS = [
  fileURLToPath(new URL('../../../.cache/clamd/clamd.sock', import.meta.url)),
  '/var/run/clamav/clamd.ctl',
];

/** The virus scanner, if a clamd answers; `undefined` otherwise. */
export async function findVirusScanner(): Promise<VirusScanner | undefined> {
  for (const socket of CLAMD_SOCKETS) {
    const clamav = clamavScanner({ socket, connectTimeoutMs: 2000 });
    if (!(await clamav.ping())) continue;
    await clamav.version().catch(() => undefined); // makes `name` carry the engine and database versions
    return clamav;
  }
  return undefined;
}

/** The virus item's result when no clamd answers: not performed, with the reason (never `pass`). */
const NO_SCANNER = notApplicable(
  '本机没有可连接的 ClamAV（clamd），本次未做病毒检测；正式归档必须配置病毒扫描引擎（runChecks 的 scanner 选项）',
  'No ClamAV (clamd) answered on this machine, so no virus scan was done; a real archive must configure a scanner (the scanner option of runChecks)',
);

/**
 * The demo's check profile: `shanghai-ywtb` with the example retention schedule (GD-2-9) and the list of
 * approved creating software (GD-3-5).
 */
export function demoProfile(): CheckProfile {
  return {
    id: 'dangan-demo',
    name: '演示方案：上海“一网通办”办件归档检测 + 示例保管期限表',
    extends: 'shanghai-ywtb',
    // The institution's approved creating software (GD-3-5): matched against 文档创建程序 and each file's headers.
    parameters: { allowedEnvironments: ['dangan demo', 'YWTB Counter Capture'] },
    items: {
      'package.scope': { params: { schedule: EXAMPLE_YWTB_RETENTION_SCHEDULE } },
    },
  };
}

/** What checking one package produced. */
export interface CheckedPackage {
  readonly report: CheckReport;
  readonly htmlPath: string;
  readonly jsonPath: string;
}

/**
 * Runs the 归档-stage checks on the ZIP at `zipPath` and writes `<reportBase>.json` and `<reportBase>.html`.
 * `now` is the fixed clock (report times, certificate validity).
 */
export async function checkPackage(
  zipPath: string,
  options: {
    readonly reportBase: string;
    readonly trustAnchors: readonly Uint8Array[];
    /** The package digest recorded with the hand-over (信息包摘要, GD-1-14): SM3 of the manifest. */
    readonly registeredDigest: string | undefined;
    readonly scanner: VirusScanner | undefined;
    readonly now: Date;
    readonly lang: ReportLang;
    readonly name: string;
  },
): Promise<CheckedPackage> {
  const zip = await fileRandomAccess(zipPath);
  let report: CheckReport;
  try {
    report = await runChecks({
      stage: 'archiving',
      source: zip,
      name: options.name,
      profile: demoProfile(),
      trustAnchors: options.trustAnchors,
      ...(options.registeredDigest === undefined
        ? {}
        : { registered: { digest: { algorithm: 'sm3', value: options.registeredDigest } } }),
      ...(options.scanner === undefined
        ? { rules: { 'virus.scan': () => NO_SCANNER } }
        : { scanner: options.scanner }),
      now: () => options.now,
    });
  } finally {
    await zip.close();
  }
  const jsonPath = `${options.reportBase}.json`;
  const htmlPath = `${options.reportBase}.html`;
  await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(htmlPath, renderHtmlReport(report, { lang: options.lang }));
  return { report, htmlPath, jsonPath };
}
