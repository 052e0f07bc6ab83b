import { basename } from 'node:path';
import {
  type Attestation,
  type CheckProfile,
  type CheckReport,
  type CheckSource,
  parseProfile,
  profiles,
  renderHtmlReport,
  runChecks,
  type VirusScanner,
} from '@dangan/checks';
import { clamavScanner } from '@dangan/checks/node';
import { DanganError } from '@dangan/core';
import { fileRandomAccess, folderSource } from '@dangan/packaging/node';
import { type Command, str } from '../command.js';
import { loadJson, readableSize } from '../files.js';
import { inputKind, singleFileSource } from '../inputs.js';
import { type CliIo, EXIT, type GlobalOptions, t } from '../io.js';
import { printReport } from '../print-report.js';
import { progressBar } from '../progress.js';
import { VERSION } from '../version.js';

const STAGES = ['archiving', 'transfer', 'preservation'] as const;

const USAGE: readonly [string, string] = [
  '用法：dangan check <信息包|目录|件.eep> --stage archiving|transfer|preservation [--profile <名称|文件>] [--json <报告.json>] [--html <报告.html>] [--clamd <主机:端口|套接字>] [--digest <算法:摘要>] [--trust <CA证书.pem>…] [--attest <人工检测.json>]',
  'usage: dangan check <package|dir|file.eep> --stage archiving|transfer|preservation [--profile <name|file>] [--json <report.json>] [--html <report.html>] [--clamd <host:port|socket>] [--digest <alg:hex>] [--trust <ca.pem>…] [--attest <attestations.json>]',
];

/**
 * `dangan check <package|dir> --stage …`: runs the DA/T 70 four-property checks of the stage on a 归档信息包,
 * a 移交信息包 carrier (ZIP or folder) or a lone EEP, prints per-property counts and every failed item with
 * its id and the file, and writes the JSON report (`--json <file>`, valid against the report JSON Schema)
 * and the HTML report (`--html <file>`). Exit 0 when every item passed (manual, warning and not-applicable
 * items do not fail a report), 1 when any failed or could not be evaluated, 2 for usage errors.
 */
export const checkCommand: Command = {
  name: 'check',
  usage: [
    'check <信息包|目录> --stage archiving|transfer|preservation [--profile <名称|文件>] [--json <文件>] [--html <文件>] [--clamd <主机:端口|套接字>]\n                                               四性检测（DA/T 70），输出各性汇总与未通过项',
    'check <package|dir> --stage archiving|transfer|preservation [--profile <name|file>] [--json <file>] [--html <file>] [--clamd <host:port|socket>]\n                                               four-property checks (DA/T 70): summary and failed items',
  ],
  jsonIsFile: true,
  options: {
    stage: { type: 'string' },
    profile: { type: 'string' },
    html: { type: 'string' },
    clamd: { type: 'string' },
    digest: { type: 'string' },
    trust: { type: 'string', multiple: true },
    attest: { type: 'string' },
  },
  async run(args, global, io) {
    const [path, ...extra] = args.positionals;
    const stage = str(args, 'stage');
    if (
      path === undefined ||
      extra.length > 0 ||
      stage === undefined ||
      !(STAGES as readonly string[]).includes(stage)
    ) {
      if (stage !== undefined && !(STAGES as readonly string[]).includes(stage))
        io.stderr(
          `${t(global, `--stage 应为 ${STAGES.join('、')} 之一`, `--stage must be one of ${STAGES.join(', ')}`)}\n`,
        );
      io.stderr(`${t(global, ...USAGE)}\n`);
      return EXIT.usage;
    }
    const profile = await profileOption(str(args, 'profile'), global, io);
    const digest = digestOption(str(args, 'digest'), global);
    const scanner = scannerOption(str(args, 'clamd'), global);
    const attestations = await attestationsOption(str(args, 'attest'), global, io);
    const anchors: (string | Uint8Array)[] = [];
    const trust = args.values.trust;
    for (const p of Array.isArray(trust) ? trust : []) {
      if (typeof p !== 'string') continue;
      const bytes = await io.readFile(p);
      anchors.push(bytes[0] === 0x30 ? bytes : new TextDecoder().decode(bytes));
    }

    const kind = await inputKind(path, global);
    let source: CheckSource;
    let close = async () => {};
    if (kind === 'folder') source = folderSource(path);
    else if (kind === 'zip') {
      const file = await fileRandomAccess(path);
      source = file;
      close = () => file.close();
    } else source = singleFileSource(path, await readableSize(path, global));

    const bar = progressBar(global, io, t(global, '检测', 'Checking'));
    let report: CheckReport;
    try {
      report = await runChecks({
        stage: stage as (typeof STAGES)[number],
        source,
        name: basename(path),
        ...(profile === undefined ? {} : { profile }),
        ...(scanner === undefined ? {} : { scanner }),
        ...(digest === undefined ? {} : { registered: { digest } }),
        ...(anchors.length === 0 ? {} : { trustAnchors: anchors }),
        ...(attestations === undefined ? {} : { attestations }),
        onProgress: (p) => bar.update(p.bytesDone, p.bytesTotal, p.entry ?? p.item),
      });
    } finally {
      bar.end();
      await close();
    }
    const stamped: CheckReport = { ...report, generator: `dangan ${VERSION} (@dangan/checks)` };
    const jsonPath = str(args, 'json');
    const htmlPath = str(args, 'html');
    if (jsonPath !== undefined) await io.writeFile(jsonPath, `${JSON.stringify(stamped, null, 2)}\n`);
    if (htmlPath !== undefined) {
      await io.writeFile(htmlPath, renderHtmlReport(stamped, { lang: global.lang }));
    }
    printReport(stamped, global, io);
    if (!global.quiet) {
      for (const [file, what] of [
        [jsonPath, t(global, 'JSON 报告', 'JSON report')],
        [htmlPath, t(global, 'HTML 报告', 'HTML report')],
      ] as const)
        if (file !== undefined) io.stdout(`${t(global, `${what}：${file}`, `${what}: ${file}`)}\n`);
    }
    return report.summary.passed ? EXIT.ok : EXIT.failed;
  },
};

/** `--profile`: a shipped profile's id, else a profile JSON file (parsed and checked by `parseProfile`). */
async function profileOption(
  value: string | undefined,
  global: GlobalOptions,
  io: CliIo,
): Promise<string | CheckProfile | undefined> {
  if (value === undefined || Object.hasOwn(profiles, value)) return value;
  if (!(await io.exists(value))) {
    throw new DanganError(
      'CLI_USAGE',
      t(
        global,
        `--profile：没有名为“${value}”的检测方案，也没有这个文件（内置：${Object.keys(profiles).join('、')}）`,
        `--profile: no profile named "${value}" and no such file (built in: ${Object.keys(profiles).join(', ')})`,
      ),
      { messageEn: `--profile: no profile named "${value}" and no such file` },
    );
  }
  return parseProfile(await loadJson(value, global, io));
}

/** `--digest sm3:<hex>`: the package digest registered at handover (GD-1-14 / YJ 1-x). */
function digestOption(
  value: string | undefined,
  global: GlobalOptions,
): { algorithm: string; value: string } | undefined {
  if (value === undefined) return undefined;
  const m = /^([A-Za-z0-9-]+):([0-9A-Fa-f]{32,128})$/.exec(value.trim());
  if (m === null) {
    throw new DanganError(
      'CLI_USAGE',
      t(
        global,
        `--digest 应为“算法:十六进制摘要”，如 sm3:66c7f0…`,
        `--digest must be "algorithm:hex", e.g. sm3:66c7f0…`,
      ),
      { messageEn: `--digest must be "algorithm:hex", e.g. sm3:66c7f0…` },
    );
  }
  return { algorithm: m[1]!, value: m[2]!.toLowerCase() };
}

/** `--clamd host:port` (TCP) or `--clamd /path/to/clamd.sock` (a local socket). */
function scannerOption(value: string | undefined, global: GlobalOptions): VirusScanner | undefined {
  if (value === undefined) return undefined;
  const tcp = /^(?:tcp:\/\/)?(\[[^\]]+\]|[^:/\s]+):(\d{1,5})$/.exec(value);
  if (tcp !== null) {
    const port = Number(tcp[2]);
    if (port < 1 || port > 65535)
      throw new DanganError(
        'CLI_USAGE',
        t(global, `--clamd 端口无效：${value}`, `--clamd: invalid port in ${value}`),
        {
          messageEn: `--clamd: invalid port in ${value}`,
        },
      );
    return clamavScanner({ host: tcp[1]!.replace(/^\[|\]$/g, ''), port });
  }
  return clamavScanner({ socket: value });
}

/** `--attest <file.json>`: a person's results for manual items, `[{ "item", "result", "by", "at", "note"? }]`. */
async function attestationsOption(
  value: string | undefined,
  global: GlobalOptions,
  io: CliIo,
): Promise<readonly Attestation[] | undefined> {
  if (value === undefined) return undefined;
  const json = await loadJson(value, global, io);
  const list = Array.isArray(json) ? json : undefined;
  const ok = list?.every(
    (a: unknown) =>
      typeof a === 'object' &&
      a !== null &&
      typeof (a as Attestation).item === 'string' &&
      ((a as Attestation).result === 'pass' || (a as Attestation).result === 'fail') &&
      typeof (a as Attestation).by === 'string' &&
      typeof (a as Attestation).at === 'string' &&
      !Number.isNaN(Date.parse((a as Attestation).at)),
  );
  if (!ok) {
    throw new DanganError(
      'CLI_INPUT_INVALID',
      t(
        global,
        `${value} 应为人工检测确认的数组：[{ "item": "GD-4-5", "result": "pass", "by": "张三", "at": "2026-04-01T09:00:00+08:00" }]`,
        `${value} must be an array of attestations: [{ "item": "GD-4-5", "result": "pass", "by": "…", "at": "…" }]`,
      ),
      { messageEn: `${value} must be an array of attestations`, path: value },
    );
  }
  return list as Attestation[];
}
