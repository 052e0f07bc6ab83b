import { basename, dirname } from 'node:path';
import { DanganError, type Finding } from '@dangan/core';
import { fromFile } from '@dangan/core/node';
import { captureAttributes, schemeById, type UnknownRecord, validateRecord } from '@dangan/metadata';
import { buildEep } from '@dangan/packaging';
import { type CommandArgs, flag, str } from '../../command.js';
import { assertOutputFree, fileSize, loadJson, resolveInside, writeSourceToFile } from '../../files.js';
import { type CliIo, EXIT, type GlobalOptions, printJson, t } from '../../io.js';
import { printFindings } from '../../print-findings.js';
import { formatBytes, progressBar } from '../../progress.js';
import { SCHEME_IDS } from '../../schemes.js';
import { loadSigner } from '../../signer.js';

const USAGE: readonly [string, string] = [
  '用法：dangan eep build <元数据.json> [文件…] --out <件.eep> [--key <私钥.pem> [--cert <证书.pem>]] [--scheme ywtb|dat46|dat54|dat63] [--creator <封装单位>] [--force]',
  'usage: dangan eep build <record.json> [file…] --out <file.eep> [--key <key.pem> [--cert <cert.pem>]] [--scheme ywtb|dat46|dat54|dat63] [--creator <unit>] [--force]',
];

/**
 * `dangan eep build`: one 件's DA/T 48 EEP from its metadata record (JSON) and its files — given after the
 * record, or found next to the record by each 电子属性's 计算机文件名, or listed in an item-form JSON
 * `{ "record": {…}, "files": ["正文.pdf"] }` — signed with `--key` (and `--cert`, else a self-signed
 * certificate). The record is validated first; 电子属性 missing from it are read from the files.
 *
 * @example
 * await eepBuild({ values: { out: '0001.eep', key: 'key.pem' }, positionals: ['件.json'] }, global, io);
 */
export async function eepBuild(args: CommandArgs, global: GlobalOptions, io: CliIo): Promise<number> {
  const [recordPath, ...explicit] = args.positionals;
  const out = str(args, 'out');
  const key = str(args, 'key');
  const cert = str(args, 'cert');
  const schemeId = str(args, 'scheme') ?? 'ywtb';
  const scheme = schemeById(schemeId);
  if (
    recordPath === undefined ||
    out === undefined ||
    scheme === undefined ||
    (cert !== undefined && key === undefined)
  ) {
    if (scheme === undefined)
      io.stderr(
        `${t(global, `--scheme 应为 ${SCHEME_IDS.join('、')} 之一`, `--scheme must be one of ${SCHEME_IDS.join(', ')}`)}\n`,
      );
    io.stderr(`${t(global, ...USAGE)}\n`);
    return EXIT.usage;
  }
  const force = flag(args, 'force');
  await assertOutputFree(out, force, global, io);
  const json = await loadJson(recordPath, global, io);
  const itemForm = isObject(json) && isObject(json.record) && Array.isArray(json.files);
  const record = structuredClone(itemForm ? (json.record as UnknownRecord) : json) as UnknownRecord;
  const base = dirname(recordPath);
  const entity = isObject(record) ? record.文件实体 : undefined;
  const attributes =
    isObject(entity) && Array.isArray(entity.电子属性) ? (entity.电子属性 as unknown[]) : undefined;

  // The files: given on the command line, listed in the item form, or named by 计算机文件名 next to the record.
  let paths: string[];
  if (explicit.length > 0) paths = explicit;
  else if (itemForm) {
    paths = [];
    for (const f of (json as { files: unknown[] }).files) {
      const p = typeof f === 'string' ? f : isObject(f) && typeof f.path === 'string' ? f.path : undefined;
      if (p === undefined) throw caseError(recordPath, global);
      paths.push(await resolveInside(base, p, global));
    }
  } else {
    if (attributes === undefined) {
      io.stderr(
        `${t(global, '元数据没有电子属性：请在命令行给出文件，或使用 { "record", "files" } 形式', 'The record has no 电子属性: give the files on the command line, or use the { "record", "files" } form')}\n`,
      );
      return EXIT.usage;
    }
    paths = [];
    for (const [i, a] of attributes.entries()) {
      const name = isObject(a) ? a.计算机文件名 : undefined;
      if (typeof name !== 'string') {
        io.stderr(
          `${t(global, `电子属性[${i}] 没有计算机文件名：请在命令行给出文件`, `电子属性[${i}] has no 计算机文件名: give the files on the command line`)}\n`,
        );
        return EXIT.usage;
      }
      paths.push(await resolveInside(base, name, global));
    }
  }
  const findings: Finding[] = [];
  if (attributes === undefined && isObject(entity)) {
    const captured: unknown[] = [];
    for (const p of paths) {
      const got = await captureAttributes(fromFile(p), basename(p).normalize('NFC'));
      captured.push(got.电子属性);
      findings.push(...got.findings);
    }
    entity.电子属性 = captured;
  }
  const now = new Date();
  validateRecord(record, scheme, { now, lang: global.lang });
  const creator = str(args, 'creator') ?? unitOf(record);
  if (creator === undefined) {
    io.stderr(
      `${t(global, '请用 --creator 给出封装包创建单位（记录中没有 文件实体.来源.立档单位名称）', 'Give the 封装包创建单位 with --creator (the record has no 文件实体.来源.立档单位名称)')}\n`,
    );
    return EXIT.usage;
  }
  const signer = key === undefined ? undefined : await loadSigner(key, cert, creator, now, global, io);
  let total = 0;
  for (const p of paths) total += await fileSize(p);
  const bar = progressBar(global, io, t(global, '封装', 'Building'));
  let done = 0;
  const files = paths.map(
    (p) => () =>
      (async function* () {
        for await (const chunk of fromFile(p)()) {
          done += chunk.length;
          bar.update(done, total, basename(p));
          yield chunk;
        }
      })(),
  );
  const eep = buildEep({
    record,
    scheme,
    files,
    creator,
    createdAt: now,
    ...(signer === undefined ? {} : { signers: [signer.signer] }),
    fileDigests: ['sm3'],
  });
  let size: number;
  try {
    size = await writeSourceToFile(out, eep, { overwrite: force });
  } finally {
    bar.end();
  }
  const result = await eep.result;
  if (global.json) {
    printJson(io, { out, ...result, selfSignedCertificate: signer?.selfSigned ?? false, findings });
    return EXIT.ok;
  }
  printFindings(findings, global, io);
  if (global.quiet) return EXIT.ok;
  const signed =
    result.signatures.length === 0
      ? t(global, '未签名', 'unsigned')
      : result.signatures
          .map(
            (s) =>
              `${s.id}（${s.subject}${signer?.selfSigned ? t(global, '，自签名证书', ', self-signed') : ''}）`,
          )
          .join('、');
  io.stdout(
    `${t(
      global,
      `✓ 已生成封装包 ${out}（${result.packageType}，${result.files.length} 个文件，${formatBytes(size)}）\n  签名：${signed}${result.lockedSignature === undefined ? '' : `；锁定签名锁定 ${result.lockedSignature}`}`,
      `✓ EEP written: ${out} (${result.packageType}, ${result.files.length} file(s), ${formatBytes(size)})\n  signatures: ${signed}${result.lockedSignature === undefined ? '' : `; 锁定签名 locks ${result.lockedSignature}`}`,
    )}\n`,
  );
  for (const f of result.files)
    io.stdout(`  ${f.encodingId}  ${f.fileName}  ${formatBytes(f.size)}  SM3 ${f.digests.sm3 ?? ''}\n`);
  return EXIT.ok;
}

function unitOf(record: UnknownRecord): string | undefined {
  const entity = (record as Record<string, unknown>).文件实体;
  const source = isObject(entity) ? entity.来源 : undefined;
  const unit = isObject(source) ? source.立档单位名称 : undefined;
  return typeof unit === 'string' && unit.trim() !== '' ? unit : undefined;
}

function caseError(path: string, global: GlobalOptions): DanganError {
  return new DanganError(
    'CLI_INPUT_INVALID',
    t(
      global,
      `${path}：files 中每项应为路径或 { "path": … }`,
      `${path}: each entry of files must be a path or { "path": … }`,
    ),
    { messageEn: `${path}: each entry of files must be a path or { "path": … }`, path },
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
