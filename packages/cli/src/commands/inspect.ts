import { basename } from 'node:path';
import { DanganError, sm2 } from '@dangan/core';
import { fromFile } from '@dangan/core/node';
import type { UnknownRecord } from '@dangan/metadata';
import { schemeById } from '@dangan/metadata';
import {
  type ArchivalPackageReading,
  type EepInfo,
  type EepSignatureFields,
  inventoryPackage,
  type PackageInventory,
  type PackageSource,
  readArchivalPackage,
  readEep,
} from '@dangan/packaging';
import { openPackagePath } from '@dangan/packaging/node';
import { type Command, flag, str } from '../command.js';
import { readableSize } from '../files.js';
import { inputKind } from '../inputs.js';
import { type CliIo, EXIT, type GlobalOptions, printJson, t } from '../io.js';
import { printFindings } from '../print-findings.js';
import { formatBytes } from '../progress.js';
import { SCHEME_IDS } from '../schemes.js';
import { renderTree } from '../tree.js';

/** Lines of the entry tree printed before the rest is counted (all with `--all`). */
const TREE_LINES = 60;

/**
 * `dangan inspect <package|file.eep>`: what is inside, without judging it — for a package (ZIP or folder,
 * opened safely) the entry tree, counts, the kind (归档信息包: 件, 档号, 题名, 登记表; 移交信息包: 载体, 件数,
 * 分类统计) and the EEPs' signatures; for an EEP its type, layers, documents, files, metadata summary and
 * signatures. Exit 0 when it could be read, 1 when the safe ZIP reader refused entries (names that climb
 * out, links, encryption …: they are listed), 2 when it cannot be read at all.
 */
export const inspectCommand: Command = {
  name: 'inspect',
  usage: [
    'inspect <信息包|件.eep> [--all]                 查看内容：目录树、数量、元数据摘要、签名',
    'inspect <package|file.eep> [--all]             show the contents: tree, counts, metadata, signatures',
  ],
  options: { all: { type: 'boolean' }, scheme: { type: 'string' } },
  async run(args, global, io) {
    const [path, ...extra] = args.positionals;
    const scheme = schemeById(str(args, 'scheme') ?? 'ywtb');
    if (path === undefined || extra.length > 0 || scheme === undefined) {
      io.stderr(
        `${t(global, `用法：dangan inspect <信息包|件.eep> [--all] [--scheme ${SCHEME_IDS.join('|')}]`, `usage: dangan inspect <package|file.eep> [--all] [--scheme ${SCHEME_IDS.join('|')}]`)}\n`,
      );
      return EXIT.usage;
    }
    const kind = await inputKind(path, global);
    if (kind === 'file') {
      const size = await readableSize(path, global);
      const eep = await readEep(fromFile(path), { name: basename(path), scheme });
      if (global.json) printJson(io, { file: path, kind: 'eep', size, ...eepJson(eep) });
      else printEep(eep, `${path}（${formatBytes(size)}）`, global, io);
      return EXIT.ok;
    }
    const pkg = await openPackagePath(path);
    try {
      const entries = await pkg.source.list();
      // The safe reader refused entries (traversal, links, encryption …): shown, and exit 1.
      const hostile = pkg.findings.some((f) => f.severity === 'error');
      const bytes = entries.reduce((sum, e) => sum + (e.size ?? 0), 0);
      const archival = await readArchivalPackage(pkg.source);
      const isArchival = archival.manifest !== undefined;
      const inventory = isArchival ? undefined : await inventoryPackage(pkg.source, { verifyDigests: false });
      const isTransfer =
        inventory !== undefined && (inventory.readme !== undefined || inventory.catalogue !== undefined);
      const eeps = isArchival ? await eepsOf(archival, pkg.source, scheme) : [];
      const kindName = isArchival ? 'archival' : isTransfer ? 'transfer' : 'unknown';
      if (global.json) {
        printJson(io, {
          path,
          container: pkg.container === 'zip' ? 'zip' : 'folder',
          kind: kindName,
          entries: entries.map((e) => ({ path: e.path, size: e.size })),
          bytes,
          containerFindings: pkg.findings,
          ...(isArchival ? { archival: archivalJson(archival) } : {}),
          ...(isTransfer ? { transfer: transferJson(inventory!) } : {}),
          eeps: eeps.map((e) => ({ path: e.path, ...eepJson(e.info) })),
        });
        return hostile ? EXIT.failed : EXIT.ok;
      }
      const kindLabel = isArchival
        ? t(global, '归档信息包', '归档信息包 (archival package)')
        : isTransfer
          ? t(global, '移交信息包', '移交信息包 (transfer package)')
          : t(global, '未识别的信息包', 'unrecognised package');
      const container = pkg.container === 'zip' ? 'ZIP' : t(global, '文件夹', 'folder');
      io.stdout(
        `${t(global, `${path}：${kindLabel}，${container}，${entries.length} 个条目，${formatBytes(bytes)}`, `${path}: ${kindLabel}, ${container}, ${entries.length} entries, ${formatBytes(bytes)}`)}\n`,
      );
      printFindings(pkg.findings, global, io);
      if (!global.quiet) {
        for (const line of renderTree(entries, flag(args, 'all') ? Number.POSITIVE_INFINITY : TREE_LINES))
          io.stdout(`  ${line}\n`);
      }
      if (isArchival) printArchival(archival, global, io);
      else if (isTransfer) printTransfer(inventory!, global, io);
      for (const e of eeps) {
        io.stdout(`${t(global, '封装包', 'EEP')} ${e.path}\n`);
        printSignatures(e.info, global, io);
      }
      if (eeps.some((e) => e.info.signatures.length > 0)) printUnverified(global, io);
      return hostile ? EXIT.failed : EXIT.ok;
    } finally {
      await pkg.source.close().catch(() => undefined);
    }
  },
};

async function eepsOf(
  reading: ArchivalPackageReading,
  source: PackageSource,
  scheme: NonNullable<ReturnType<typeof schemeById>>,
): Promise<{ path: string; info: EepInfo }[]> {
  const out: { path: string; info: EepInfo }[] = [];
  for (const item of reading.items) {
    if (item.eep === undefined || !item.eep.present) continue;
    try {
      out.push({
        path: item.eep.path,
        info: await readEep(source.read(item.eep.path), { name: item.eep.path, scheme }),
      });
    } catch (e) {
      if (!(e instanceof DanganError)) throw e;
    }
  }
  return out;
}

function recordSummary(record: UnknownRecord | undefined): {
  题名?: string;
  电子文件号?: string;
  日期?: string;
} {
  const entity = (record as Record<string, unknown> | undefined)?.文件实体 as
    | Record<string, unknown>
    | undefined;
  const content = entity?.内容描述 as Record<string, unknown> | undefined;
  const pick = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const out: { 题名?: string; 电子文件号?: string; 日期?: string } = {};
  const title = pick(content?.题名);
  const id = pick(entity?.电子文件号);
  const date = pick(content?.日期);
  if (title !== undefined) out.题名 = title;
  if (id !== undefined) out.电子文件号 = id;
  if (date !== undefined) out.日期 = date;
  return out;
}

function archivalJson(r: ArchivalPackageReading) {
  return {
    packageName: r.manifest?.packageName,
    layout: r.profile?.id ?? r.manifest?.layout.id,
    scheme: r.manifest?.scheme,
    archivedAt: r.manifest?.archivedAt,
    summary: r.manifest?.summary,
    registrationForm: r.registrationForm,
    items: r.items.map((i) => ({
      archivalCode: i.archivalCode,
      ...recordSummary(i.record),
      files: i.files.map((f) => ({ path: f.path, size: f.size, present: f.present })),
      ...(i.eep === undefined ? {} : { eep: i.eep.path }),
    })),
    findings: r.findings,
  };
}

function printArchival(r: ArchivalPackageReading, global: GlobalOptions, io: CliIo): void {
  const m = r.manifest!;
  io.stdout(
    `${t(global, `信息包名称：${m.packageName}，布局 ${m.layout.id}，元数据方案 ${m.scheme}，归档时间 ${m.archivedAt}`, `package: ${m.packageName}, layout ${m.layout.id}, scheme ${m.scheme}, archived ${m.archivedAt}`)}\n`,
  );
  io.stdout(
    `${t(global, `件数 ${m.summary.itemCount}，内容文件 ${m.summary.contentFileCount} 个（${formatBytes(m.summary.contentBytes)}），清单共列 ${m.summary.fileCount} 个文件`, `${m.summary.itemCount} 件, ${m.summary.contentFileCount} content files (${formatBytes(m.summary.contentBytes)}), ${m.summary.fileCount} files in the manifest`)}\n`,
  );
  const form = r.registrationForm;
  if (form !== undefined)
    io.stdout(
      `${t(global, `登记表：${form.单位名称}，${form.归档电子文件门类}，${form.归档方式}，件 ${form.件}，卷 ${form.卷}，字节 ${form.字节}`, `registration form: ${form.单位名称}, ${form.归档电子文件门类}, ${form.归档方式}, 件 ${form.件}, 卷 ${form.卷}, bytes ${form.字节}`)}\n`,
    );
  for (const item of r.items) {
    const s = recordSummary(item.record);
    io.stdout(`  ${item.archivalCode}  ${s.题名 ?? ''}${s.日期 === undefined ? '' : `（${s.日期}）`}\n`);
    for (const f of item.files) io.stdout(`    ${f.present ? '' : '✗ '}${f.path}  ${formatBytes(f.size)}\n`);
  }
  printFindings(r.findings, global, io);
}

function transferJson(inv: PackageInventory) {
  return {
    carrierNumber: inv.carrierNumber,
    catalogue:
      inv.catalogue === undefined
        ? undefined
        : { path: inv.catalogue.path, level: inv.catalogue.level, rows: inv.catalogue.rows.length },
    totals: inv.totals,
    groups: inv.groups,
    items: inv.items,
    extraFiles: inv.extraFiles,
    findings: inv.findings,
  };
}

function printTransfer(inv: PackageInventory, global: GlobalOptions, io: CliIo): void {
  const n = inv.totals;
  io.stdout(
    `${t(global, `载体编号 ${inv.carrierNumber ?? '?'}：件数 ${n.件数}，文件数 ${n.文件数}，元数据数 ${n.元数据数}，${formatBytes(n.字节数)}`, `carrier ${inv.carrierNumber ?? '?'}: ${n.件数} records, ${n.文件数} files, ${n.元数据数} metadata files, ${formatBytes(n.字节数)}`)}\n`,
  );
  for (const g of inv.groups)
    io.stdout(
      `  ${g.年度} ${g.门类} ${g.保管期限}${t(global, `：件数 ${g.件数}，文件数 ${g.文件数}`, `: ${g.件数} records, ${g.文件数} files`)}\n`,
    );
  printFindings(inv.findings, global, io);
}

function eepJson(e: EepInfo) {
  return {
    packageType: e.packageType,
    createdAt: e.createdAt,
    createdBy: e.createdBy,
    layers: e.layers.length,
    documents: e.documents.map((d) => ({ id: d.id, role: d.role, title: d.title })),
    files: e.encodings.map((c) => ({
      id: c.id,
      fileName: c.fileName,
      size: c.decodedSize,
      format: c.formatInfo,
    })),
    record: recordSummary(e.record),
    signatures: [
      ...e.signatures.map((s) => signatureJson(s, s.id)),
      ...(e.lock === undefined ? [] : [signatureJson(e.lock, e.lock.lockedId, true)]),
    ],
    valid: e.valid,
    findings: e.findings,
  };
}

function signatureJson(s: EepSignatureFields, id: string | undefined, lock = false) {
  return {
    id,
    lock,
    signer: s.signer,
    time: s.time,
    algorithm: s.algorithm,
    rule: s.rule,
    certificate: subjectOf(s),
  };
}

function subjectOf(s: EepSignatureFields): string | undefined {
  const der = s.certificateBlocks[0]?.certificates[0];
  if (der === undefined) return undefined;
  try {
    return sm2.publicKeyFromCertificate(der).subject;
  } catch {
    return undefined;
  }
}

function printEep(e: EepInfo, label: string, global: GlobalOptions, io: CliIo): void {
  io.stdout(
    `${t(global, `封装包 ${label}：${e.packageType ?? '类型未知'}，${e.layers.length} 层，创建于 ${e.createdAt ?? '?'}，${e.createdBy ?? ''}`, `EEP ${label}: ${e.packageType ?? 'unknown type'}, ${e.layers.length} layer(s), created ${e.createdAt ?? '?'} by ${e.createdBy ?? '?'}`)}\n`,
  );
  const s = recordSummary(e.record);
  if (s.题名 !== undefined)
    io.stdout(
      `  ${t(global, '题名', 'title')}：${s.题名}${s.电子文件号 === undefined ? '' : `（${s.电子文件号}）`}\n`,
    );
  for (const d of e.documents)
    io.stdout(`  ${t(global, '文档', 'document')} ${d.id ?? '?'} ${d.role ?? ''} ${d.title ?? ''}\n`);
  for (const c of e.encodings)
    io.stdout(
      `    ${c.id ?? '?'}  ${c.fileName ?? '?'}  ${c.decodedSize === undefined ? '?' : formatBytes(c.decodedSize)}  ${c.formatInfo ?? ''}\n`,
    );
  printSignatures(e, global, io);
  if (e.signatures.length > 0) printUnverified(global, io);
  io.stdout(
    `  ${e.valid ? t(global, '✓ 结构符合 DA/T 48', '✓ structure conforms to DA/T 48') : t(global, '✗ 结构不符合 DA/T 48', '✗ structure does NOT conform to DA/T 48')}\n`,
  );
  printFindings(
    e.findings.filter((f) => f.severity !== 'info'),
    global,
    io,
  );
}

function printSignatures(e: EepInfo, global: GlobalOptions, io: CliIo): void {
  const sep = t(global, '，', ', ');
  const colon = t(global, '：', ': ');
  if (e.signatures.length === 0) io.stdout(`  ${t(global, '未签名', 'not signed')}\n`);
  for (const s of e.signatures)
    io.stdout(
      `  ${t(global, '电子签名', 'signature')} ${s.id ?? '?'}${colon}${[s.signer, s.time, subjectOf(s)].filter((x) => x !== undefined).join(sep)}\n`,
    );
  if (e.lock !== undefined)
    io.stdout(
      `  ${t(global, '锁定签名', '锁定签名 (lock)')} → ${e.lock.lockedId ?? '?'}${colon}${[e.lock.signer, e.lock.time].filter((x) => x !== undefined).join(sep)}\n`,
    );
}

function printUnverified(global: GlobalOptions, io: CliIo): void {
  io.stdout(
    `${t(global, '（签名未验证；验证请用 dangan eep verify 或 dangan check）', '(signatures not verified here: use dangan eep verify or dangan check)')}\n`,
  );
}
