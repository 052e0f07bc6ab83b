import { basename, dirname, join } from 'node:path';
import { DanganError, type Finding } from '@dangan/core';
import {
  buildTransferPackage,
  type OpenedPackage,
  type PackageSink,
  parseCarrierCapacity,
  readArchivalPackage,
  safeTransferItemsFromArchivalPackage,
  type TransferItem,
  type TransferOptions,
  type TransferTarget,
} from '@dangan/packaging';
import { folderSink, openPackagePath, zipFileSink } from '@dangan/packaging/node';
import { type Command, flag, str } from '../command.js';
import { assertOutputFree, isZipPath, loadJson } from '../files.js';
import { type CliIo, EXIT, type GlobalOptions, printJson, t } from '../io.js';
import { printFindings } from '../print-findings.js';
import { formatBytes } from '../progress.js';

const USAGE: readonly [string, string] = [
  '用法：dangan transfer <归档信息包…> --out <目录|包.zip> [--carrier-size <容量>] [--details <移交信息.json>] [--force]',
  'usage: dangan transfer <package…> --out <dir|package.zip> [--carrier-size <size>] [--details <details.json>] [--force]',
];

/**
 * `dangan transfer <package…> --out <dir|zip> [--carrier-size <size>]`: the 移交信息包 of 归档信息包 (ZIPs or
 * folders; each 件 becomes one transfer item by packaging's `transferItemsFromArchivalPackage`, which also
 * refuses a package that does not read cleanly), online (one package) or, with `--carrier-size 4.7GB`, offline
 * across carriers (`<dir>/<载体编号>/`, or `<name>-<载体编号>.zip` next to a `.zip` output). Items below the
 * retention threshold (30 years) are left out and listed. `--details` gives the 登记表 and 说明文件 fields
 * (`{ "registration": {…}, "readme": {…} }`).
 */
export const transferCommand: Command = {
  name: 'transfer',
  usage: [
    'transfer <归档信息包…> --out <目录|包.zip> [--carrier-size <容量>]   生成移交信息包（在线，或按载体容量分盘）',
    'transfer <package…> --out <dir|package.zip> [--carrier-size <size>]   build the 移交信息包 (online, or split across carriers)',
  ],
  options: {
    out: { type: 'string', short: 'o' },
    'carrier-size': { type: 'string' },
    details: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(args, global, io) {
    const inputs = args.positionals;
    const out = str(args, 'out');
    if (inputs.length === 0 || out === undefined) {
      io.stderr(`${t(global, ...USAGE)}\n`);
      return EXIT.usage;
    }
    const force = flag(args, 'force');
    const size = str(args, 'carrier-size');
    const capacity = size === undefined ? undefined : parseCarrierCapacity(size);
    await assertOutputFree(out, force, global, io);
    const details = await detailsOption(str(args, 'details'), global, io);

    const opened: OpenedPackage[] = [];
    try {
      const items: TransferItem[] = [];
      const problems: Finding[] = [];
      let unit: string | undefined;
      for (const path of inputs) {
        const pkg = await openPackagePath(path);
        opened.push(pkg);
        const zipErrors = pkg.findings.filter((f) => f.severity === 'error');
        if (zipErrors.length > 0) {
          problems.push(...zipErrors.map((f) => within(path, f)));
          continue;
        }
        const reading = await readArchivalPackage(pkg.source);
        const made = await safeTransferItemsFromArchivalPackage(pkg.source, reading);
        if (!made.ok) {
          problems.push(...made.findings.map((f) => within(path, f)));
          continue;
        }
        unit ??= reading.registrationForm?.单位名称;
        items.push(...made.value);
      }
      if (problems.length > 0) {
        io.stderr(
          `${t(global, '以下信息包有错误，未生成移交信息包（可用 dangan check … --stage archiving 查看）：', 'These packages have errors; no transfer package was written (see dangan check … --stage archiving):')}\n`,
        );
        printFindings(problems, { ...global, quiet: false }, { ...io, stdout: io.stderr });
        return EXIT.failed;
      }

      const target: TransferTarget =
        capacity === undefined
          ? { kind: 'online', sink: sinkFor(out, force) }
          : {
              kind: 'offline',
              capacity,
              carrier: (number) =>
                isZipPath(out)
                  ? zipFileSink(join(dirname(out), `${basename(out).replace(/\.zip$/i, '')}-${number}.zip`), {
                      overwrite: force,
                    })
                  : folderSink(join(out, number), { overwrite: force }),
            };
      const registration = { ...(unit === undefined ? {} : { 移交单位: unit }), ...details.registration };
      const options: TransferOptions = {
        ...(Object.keys(registration).length === 0 ? {} : { registration }),
        ...(details.readme === undefined ? {} : { readme: details.readme }),
      };
      const result = await buildTransferPackage({ items }, target, options);
      if (global.json) {
        printJson(io, {
          out,
          carriers: result.carriers.map((c) => ({
            number: c.number,
            items: c.items,
            counts: c.counts,
            contentBytes: c.contentBytes,
            digest: { algorithm: c.algorithm, value: c.digest },
            location: c.written.location,
          })),
          excluded: result.excluded,
          findings: result.findings,
        });
        return EXIT.ok;
      }
      printFindings(result.findings, global, io);
      if (global.quiet) return EXIT.ok;
      io.stdout(
        `${t(global, `✓ 已生成移交信息包：${result.carriers.length} 个${capacity === undefined ? '（在线移交）' : '载体'}`, `✓ 移交信息包 written: ${result.carriers.length} ${capacity === undefined ? '(online transfer)' : 'carrier(s)'}`)}\n`,
      );
      for (const c of result.carriers) {
        const n = c.counts;
        io.stdout(
          `${t(
            global,
            `  载体 ${c.number}  ${c.written.location ?? out}\n    件数 ${n.件数}，文件数 ${n.文件数}，元数据数 ${n.元数据数}，${formatBytes(n.字节数)}\n    载体摘要（${c.algorithm.toUpperCase()}）：${c.digest}`,
            `  carrier ${c.number}  ${c.written.location ?? out}\n    ${n.件数} records, ${n.文件数} files, ${n.元数据数} metadata files, ${formatBytes(n.字节数)}\n    carrier digest (${c.algorithm.toUpperCase()}): ${c.digest}`,
          )}\n`,
        );
      }
      if (result.findings.some((f) => f.code === 'TRANSFER_README_FIELD_EMPTY'))
        io.stdout(
          `${t(global, '  说明文件中的空字段可用 --details 填写（见 docs/cli.md）', '  fill the empty 说明文件 fields with --details (see docs/cli.md)')}\n`,
        );
      for (const e of result.excluded)
        io.stdout(
          `  ${t(global, `未移交：${e.name}（${e.message}）`, `not transferred: ${e.name} (${e.message})`)}\n`,
        );
      return EXIT.ok;
    } finally {
      for (const pkg of opened) await pkg.source.close().catch(() => undefined);
    }
  },
};

/** A finding of one input package, its path prefixed with the package's. */
function within(path: string, f: Finding): Finding {
  return { ...f, path: f.path === undefined || f.path === '' ? path : `${path}: ${f.path}` };
}

function sinkFor(out: string, force: boolean): PackageSink {
  return isZipPath(out) ? zipFileSink(out, { overwrite: force }) : folderSink(out, { overwrite: force });
}

/** `--details <file.json>`: `{ "registration": { 移交单位, 接收单位, … }, "readme": { 载体类型, … } }`. */
async function detailsOption(
  path: string | undefined,
  global: GlobalOptions,
  io: CliIo,
): Promise<Pick<TransferOptions, 'registration' | 'readme'>> {
  if (path === undefined) return {};
  const json = await loadJson(path, global, io);
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (
    !isObject(json) ||
    (json.registration !== undefined && !isObject(json.registration)) ||
    (json.readme !== undefined && !isObject(json.readme))
  ) {
    throw new DanganError(
      'CLI_INPUT_INVALID',
      t(
        global,
        `${path} 应为 { "registration": {…}, "readme": {…} }`,
        `${path} must be { "registration": {…}, "readme": {…} }`,
      ),
      { messageEn: `${path} must be { "registration": {…}, "readme": {…} }`, path },
    );
  }
  return json as Pick<TransferOptions, 'registration' | 'readme'>;
}
