import {
  buildArchivalPackage,
  buildEep,
  type EepBuilder,
  type PackageSink,
  type PackageWritten,
} from '@dangan/packaging';
import { folderSink, zipFileSink } from '@dangan/packaging/node';
import { readCase } from '../case-file.js';
import { type Command, flag, str } from '../command.js';
import { assertOutputFree, isZipPath } from '../files.js';
import { EXIT, printJson, t } from '../io.js';
import { printFindings } from '../print-findings.js';
import { formatBytes, progressBar } from '../progress.js';
import { loadSigner } from '../signer.js';

/**
 * `dangan pack <case.json> --out <package.zip|dir> [--key <key.pem> [--cert <cert.pem>]] [--force]`: the
 * 归档信息包 of a 办件 described in a case file (docs/cli.md), as a ZIP (when `--out` ends in `.zip`) or a
 * folder, with a signed EEP per 件 when `--key` is given (an unsigned EEP would fail 固化信息有效性, so none
 * is made without a key) unless the case file says `"eep": false`. Written to a
 * temporary name and renamed when complete; never over an existing output without `--force`.
 */
export const packCommand: Command = {
  name: 'pack',
  usage: [
    'pack <办件.json> --out <包.zip|目录> [--key <私钥.pem> [--cert <证书.pem>]]   生成归档信息包（每件一个封装包）',
    'pack <case.json> --out <package.zip|dir> [--key <key.pem> [--cert <cert.pem>]]   build the 归档信息包 of a 办件',
  ],
  options: {
    out: { type: 'string', short: 'o' },
    key: { type: 'string' },
    cert: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(args, global, io) {
    const [casePath, ...extra] = args.positionals;
    const out = str(args, 'out');
    const key = str(args, 'key');
    const cert = str(args, 'cert');
    if (
      casePath === undefined ||
      extra.length > 0 ||
      out === undefined ||
      (cert !== undefined && key === undefined)
    ) {
      io.stderr(
        `${t(global, '用法：dangan pack <办件.json> --out <包.zip|目录> [--key <私钥.pem> [--cert <证书.pem>]] [--force]', 'usage: dangan pack <case.json> --out <package.zip|dir> [--key <key.pem> [--cert <cert.pem>]] [--force]')}\n`,
      );
      return EXIT.usage;
    }
    const force = flag(args, 'force');
    await assertOutputFree(out, force, global, io);
    const now = new Date();
    const bar = progressBar(global, io, t(global, '打包', 'Packing'));
    let done = 0;
    let total = 0;
    const c = await readCase(
      casePath,
      () => now,
      (n) => {
        done += n;
        bar.update(done, total);
      },
      global,
      io,
    );
    // EEPs are made only when they can be signed: an unsigned EEP fails 固化信息有效性 (GD-1-1).
    const creator = key === undefined ? undefined : c.eepCreator;
    total = c.contentBytes * (creator === undefined ? 1 : 2);
    const signer =
      key === undefined || creator === undefined
        ? undefined
        : await loadSigner(
            key,
            cert,
            creator,
            new Date(Math.min(now.getTime(), c.archivedAt.getTime())),
            global,
            io,
          );
    const eepBuilder: EepBuilder | undefined =
      creator === undefined || signer === undefined
        ? undefined
        : (record, files) =>
            buildEep({
              record,
              ...(c.scheme === undefined ? {} : { scheme: c.scheme }),
              files: [...files].sort((a, b) => a.attributeIndex - b.attributeIndex).map((f) => f.source),
              creator,
              createdAt: c.archivedAt,
              signers: [signer.signer],
            });
    const sink: PackageSink & { commit(): Promise<PackageWritten> } = isZipPath(out)
      ? zipFileSink(out, { overwrite: force })
      : folderSink(out, { overwrite: force });
    let result: Awaited<ReturnType<typeof buildArchivalPackage<PackageWritten>>>;
    try {
      result = await buildArchivalPackage(
        { items: c.items, registration: c.registration, now: c.archivedAt },
        sink,
        {
          profile: c.profile,
          ...(c.scheme === undefined ? {} : { scheme: c.scheme }),
          ...(eepBuilder === undefined ? {} : { buildEep: eepBuilder }),
        },
      );
    } finally {
      bar.end();
    }
    const findings = [...c.findings, ...result.findings];
    const digest = result.packageDigests.sm3 ?? Object.values(result.packageDigests)[0];
    const algorithm = result.packageDigests.sm3 === undefined ? Object.keys(result.packageDigests)[0] : 'sm3';
    if (global.json) {
      printJson(io, {
        out: result.written.location ?? out,
        packageName: result.packageName,
        layout: result.profile.id,
        items: result.items.map((i) => ({
          archivalCode: i.archivalCode,
          folder: i.folder,
          files: i.files.map((f) => ({ path: f.path, size: f.size, digests: f.digests })),
          ...(i.eep === undefined
            ? {}
            : { eep: { path: i.eep.path, size: i.eep.size, digests: i.eep.digests } }),
        })),
        totals: result.totals,
        packageDigests: result.packageDigests,
        signed: eepBuilder !== undefined,
        selfSignedCertificate: signer?.selfSigned ?? false,
        capturedAttributes: c.captured,
        findings,
      });
      return EXIT.ok;
    }
    printFindings(findings, global, io);
    if (global.quiet) return EXIT.ok;
    const eeps = result.items.filter((i) => i.eep !== undefined).length;
    if (key === undefined && c.eepCreator !== undefined)
      io.stdout(
        `${t(global, '注：未给 --key，未生成封装包（未签名的封装包通不过固化信息有效性检测）', 'note: no --key, so no EEPs were made (an unsigned EEP fails the fixity check GD-1-1)')}\n`,
      );
    if (key !== undefined && c.eepCreator === undefined)
      io.stdout(
        `${t(global, '注：办件描述文件设定不生成封装包（"eep": false），--key 未使用', 'note: the case file says "eep": false, so --key was not used')}\n`,
      );
    io.stdout(
      `${t(
        global,
        `✓ 已生成归档信息包 ${result.written.location ?? out}
  信息包名称：${result.packageName}（布局 ${result.profile.id}）
  件数：${result.items.length}，内容文件：${result.totals.contentFiles} 个（${formatBytes(result.totals.contentBytes)}），封装包：${eeps} 个${signer === undefined || eeps === 0 ? '' : signer.selfSigned ? '（已签名，自签名证书）' : `（已签名：${signer.subject}）`}
  信息包摘要（${algorithm?.toUpperCase()}，清单 ${result.manifestPath}）：${digest}
  请将信息包摘要登记在交接单据中；检测：dangan check ${out} --stage archiving --digest ${algorithm}:${digest}`,
        `✓ 归档信息包 written: ${result.written.location ?? out}
  name: ${result.packageName} (layout ${result.profile.id})
  件: ${result.items.length}, content files: ${result.totals.contentFiles} (${formatBytes(result.totals.contentBytes)}), EEPs: ${eeps}${signer === undefined || eeps === 0 ? '' : signer.selfSigned ? ' (signed, self-signed certificate)' : ` (signed: ${signer.subject})`}
  package digest (${algorithm?.toUpperCase()}, of the manifest ${result.manifestPath}): ${digest}
  Record the package digest with the handover; check with: dangan check ${out} --stage archiving --digest ${algorithm}:${digest}`,
      )}\n`,
    );
    return EXIT.ok;
  },
};
