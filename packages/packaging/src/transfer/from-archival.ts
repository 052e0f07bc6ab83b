import {
  type ByteSource,
  chunks,
  createHasher,
  type DigestAlgorithm,
  type Finding,
  isDanganError,
  type SafeResult,
  safelyAsync,
  utf8,
} from '@dangan/core';
import { type MetadataScheme, recordToXml, schemeById } from '@dangan/metadata';
import {
  type ArchivalFileReading,
  type ArchivalItemReading,
  type ArchivalPackageReading,
  type ReadArchivalPackageOptions,
  readArchivalPackage,
} from '../archival/read-package.js';
import { safeNamePiece } from '../archival/template.js';
import { entryPathKey } from '../sinks/entry-path.js';
import type { PackageSource } from '../sinks/types.js';
import { transferError, transferFinding } from './codes.js';
import type { TransferEntry, TransferItem } from './types.js';

/** Name of each 件's metadata document in its transfer folder, unless told otherwise. */
export const ARCHIVAL_ITEM_METADATA_FILE = '元数据.xml';

/** Options of {@link transferItemsFromArchivalPackage}. */
export interface ArchivalTransferItemsOptions {
  /** How to read the package when no reading is given (layout, candidate layouts, scheme, limits). */
  readonly read?: ReadArchivalPackageOptions;
  /**
   * Scheme of the metadata document written for each 件 (default: `read.scheme`, else the built-in scheme the
   * manifest names, else the layout's).
   */
  readonly scheme?: MetadataScheme;
  /**
   * File name of each 件's metadata document in its transfer folder (default {@link ARCHIVAL_ITEM_METADATA_FILE},
   * `元数据.xml`). `false` writes none: then pass `TransferOptions.metadata` to `buildTransferPackage` so the
   * builder writes it (never both, or each record is there twice).
   */
  readonly metadataFileName?: string | false;
  /**
   * Check every content file and EEP against the digest and size the archival manifest (清单) records for it
   * while the transfer builder copies it (default `true`): a file changed since 归档 stops the transfer with
   * `TRANSFER_ARCHIVAL_FILE_CHANGED` instead of travelling with a fresh digest that hides the change.
   */
  readonly verifyDigests?: boolean;
}

/**
 * The 移交 items of one 归档信息包 (归档信息包 → 移交单位件): one {@link TransferItem} per 件, named by its 档号, for
 * `buildTransferPackage`. The packaging rule between the two stages, in one place:
 *
 * - **content files under their 计算机文件名** (M48): a layout may rename files inside the archival package
 *   (`dangan-ywtb` writes `{档号}-001-{角色}.pdf`) and records the original name in its manifest (清单, 原文件名);
 *   the 移交信息包 has no manifest to map names, and its receivers and the DA/T 70 移交与接收 checks link each
 *   record's 电子属性 to its file by name, so the file travels under the name its record gives it (made safe
 *   for a file name the way the `original` naming rule does);
 * - **the 件's EEP** (DA/T 48 电子文件封装包), when the package has one, under its own name;
 * - **the 件's record as its metadata document** (`元数据.xml`, metadata's `recordToXml` in the package's
 *   scheme), since the archival metadata document holds every 件 of the 办件;
 * - **not the archival package's structural files** — its 清单, 归档文件目录, 归档登记表, 说明文件 and whole
 *   metadata document describe that package at 归档 (GB/T 18894 登记表, the manifest's digests of renamed
 *   files) and would be false on a carrier, where they would also sit among the 电子档案 as content in
 *   non-archival formats. The 移交信息包 has its own 说明文件, 文件目录, 移交与接收登记表 and 数字摘要, written by
 *   the builder; the 归档 documents stay with the records of the 归档 (DA/T 70 归档环节).
 *
 * The items read `source` lazily: keep it open until the transfer is built. The package must read cleanly
 * (`readArchivalPackage` finds no error: every listed file present with its size, a parsable manifest and
 * metadata document); every 件 needs its record; file names must stay distinct inside a 件 (ignoring case).
 * Otherwise it throws `DanganError('TRANSFER_ARCHIVAL_PACKAGE_INVALID')` whose findings name every problem
 * (the reader's own findings among them). With `verifyDigests` (default) each file is checked against the
 * manifest as it is copied.
 *
 * @example
 * const items = [];
 * for (const dir of ['/data/归档/310115202603160001', '/data/归档/310115202603170002'])
 *   items.push(...(await transferItemsFromArchivalPackage(folderSource(dir))));
 * const result = await buildTransferPackage({ items }, { kind: 'online', sink: zipFileSink('/data/移交.zip') });
 * result.carriers[0]?.items; // ['Z109-WS·2026-Y-DJK-0001', 'Z109-WS·2026-Y-DJK-0002', …]
 */
export async function transferItemsFromArchivalPackage(
  source: PackageSource,
  reading?: ArchivalPackageReading,
  options: ArchivalTransferItemsOptions = {},
): Promise<TransferItem[]> {
  if (source === null || typeof source !== 'object' || typeof source.read !== 'function') {
    throw new TypeError('source must be a PackageSource');
  }
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const metadataFileName = options.metadataFileName ?? ARCHIVAL_ITEM_METADATA_FILE;
  if (metadataFileName !== false && (typeof metadataFileName !== 'string' || metadataFileName === '')) {
    throw new TypeError('metadataFileName must be a non-empty file name or false');
  }
  const read = reading ?? (await readArchivalPackage(source, options.read));
  const findings: Finding[] = read.findings.filter((f) => f.severity === 'error');
  const manifest = read.manifest;
  if (manifest === undefined && findings.length === 0) {
    findings.push(invalid('没有可读的清单', 'the package has no readable manifest', read.manifestPath));
  }
  const scheme = metadataFileName === false ? undefined : schemeOf(read, options);
  if (metadataFileName !== false && scheme === undefined && manifest !== undefined) {
    findings.push(
      invalid(
        `元数据方案“${manifest.scheme}”不是内置方案，请通过 scheme 传入`,
        `metadata scheme "${manifest.scheme}" is not built in; pass scheme`,
        read.manifestPath,
      ),
    );
  }
  const verify = options.verifyDigests ?? true;
  const items: TransferItem[] = [];
  for (const item of read.items) {
    const built = itemOf(source, item, {
      metadataFileName,
      scheme,
      verify,
      algorithms: manifest?.algorithms ?? [],
    });
    findings.push(...built.findings);
    if (built.item !== undefined) items.push(built.item);
  }
  if (findings.length > 0) {
    const name = manifest?.packageName ?? read.manifestPath ?? '归档信息包';
    throw transferError(
      'TRANSFER_ARCHIVAL_PACKAGE_INVALID',
      `归档信息包“${name}”有 ${findings.length} 个问题，不能据以移交：${findings[0]!.message}`,
      `Archival package "${name}" has ${findings.length} problem(s) and cannot be transferred: ${findings[0]!.messageEn ?? findings[0]!.message}`,
      { findings },
    );
  }
  return items;
}

/**
 * {@link transferItemsFromArchivalPackage} as a `SafeResult`: the findings say why a package cannot be
 * transferred (its reader's errors, a 件 without a record, clashing file names).
 *
 * @example
 * const r = await safeTransferItemsFromArchivalPackage(source, await readArchivalPackage(source));
 * if (!r.ok) console.log(r.findings.map((f) => `${f.path ?? ''} ${f.message}`));
 */
export function safeTransferItemsFromArchivalPackage(
  source: PackageSource,
  reading?: ArchivalPackageReading,
  options: ArchivalTransferItemsOptions = {},
): Promise<SafeResult<TransferItem[]>> {
  return safelyAsync(() => transferItemsFromArchivalPackage(source, reading, options));
}

function invalid(zh: string, en: string, path: string | undefined): Finding {
  return transferFinding(
    'TRANSFER_ARCHIVAL_PACKAGE_INVALID',
    `归档信息包${zh}`,
    `Archival package: ${en}`,
    path === undefined ? {} : { path },
  );
}

function schemeOf(
  reading: ArchivalPackageReading,
  options: ArchivalTransferItemsOptions,
): MetadataScheme | undefined {
  const given = options.scheme ?? options.read?.scheme;
  if (given !== undefined) return given;
  const id = reading.manifest?.scheme ?? reading.profile?.scheme;
  return schemeById(id);
}

/** The name a content file travels under: its recorded 计算机文件名, else its name in the package. */
function travelName(file: ArchivalFileReading): string {
  const name = file.originalName ?? file.path.slice(file.path.lastIndexOf('/') + 1);
  return safeNamePiece(name.normalize('NFC'));
}

function itemOf(
  source: PackageSource,
  item: ArchivalItemReading,
  o: {
    readonly metadataFileName: string | false;
    readonly scheme: MetadataScheme | undefined;
    readonly verify: boolean;
    readonly algorithms: readonly DigestAlgorithm[];
  },
): { item?: TransferItem; findings: Finding[] } {
  const findings: Finding[] = [];
  const where = item.folder;
  const record = item.record;
  if (record === undefined) {
    findings.push(
      invalid(
        `中第 ${item.index + 1} 件“${item.archivalCode}”没有可读的元数据记录`,
        `item ${item.index + 1} "${item.archivalCode}" has no readable record`,
        where,
      ),
    );
  }
  const entries: TransferEntry[] = [];
  const seen = new Map<string, string>();
  const claim = (name: string, what: string): boolean => {
    const earlier = seen.get(entryPathKey(name));
    if (earlier !== undefined) {
      findings.push(
        transferFinding(
          'TRANSFER_ENTRY_INVALID',
          `件“${item.archivalCode}”的${what}“${name}”与${earlier}同名（不区分大小写），移交时无法区分`,
          `Item "${item.archivalCode}": ${name} has the same name as another file (ignoring case)`,
          { path: where },
        ),
      );
      return false;
    }
    seen.set(entryPathKey(name), `${what}“${name}”`);
    return true;
  };
  if (o.metadataFileName !== false && record !== undefined && o.scheme !== undefined) {
    const name = o.metadataFileName;
    if (claim(name, '元数据文档')) {
      try {
        const bytes = utf8(recordToXml(record, o.scheme));
        entries.push({ path: name, source: bytes, size: bytes.length });
      } catch (e) {
        if (!isDanganError(e)) throw e;
        findings.push(
          invalid(
            `中件“${item.archivalCode}”的记录无法写成元数据文档：${e.message}`,
            `the record of "${item.archivalCode}" cannot be written as XML: ${e.message}`,
            where,
          ),
        );
      }
    }
  }
  const file = (f: ArchivalFileReading, name: string): TransferEntry => ({
    path: name,
    source: o.verify ? () => verified(source, f, o.algorithms) : source.read(f.path),
    size: f.size,
  });
  for (const f of item.files) {
    const name = travelName(f);
    if (name === '') {
      findings.push(
        transferFinding(
          'TRANSFER_ENTRY_INVALID',
          `件“${item.archivalCode}”的文件“${f.path}”没有可用的计算机文件名`,
          `Item "${item.archivalCode}": file "${f.path}" has no usable 计算机文件名`,
          { path: f.path, element: 'M48' },
        ),
      );
      continue;
    }
    if (claim(name, '文件')) entries.push(file(f, name));
  }
  if (item.eep !== undefined) {
    const name = item.eep.path.slice(item.eep.path.lastIndexOf('/') + 1);
    if (claim(name, '封装包')) entries.push(file(item.eep, name));
  }
  if (findings.length > 0 || record === undefined) return { findings };
  return { item: { name: item.archivalCode, records: [record], entries }, findings };
}

/** The algorithm to verify a file with: the first of the manifest's algorithms its entry has a digest for. */
function verifyingAlgorithm(
  file: ArchivalFileReading,
  algorithms: readonly DigestAlgorithm[],
): DigestAlgorithm | undefined {
  const listed = [...algorithms, ...(Object.keys(file.digests) as DigestAlgorithm[])];
  return listed.find((a) => typeof file.digests[a] === 'string');
}

/** The file's bytes, checked against the manifest's size and digest as they stream past. */
async function* verified(
  source: PackageSource,
  file: ArchivalFileReading,
  algorithms: readonly DigestAlgorithm[],
): AsyncGenerator<Uint8Array> {
  const algorithm = verifyingAlgorithm(file, algorithms);
  const hasher = algorithm === undefined ? undefined : createHasher(algorithm);
  let size = 0;
  const changed = (zh: string, en: string) =>
    transferError(
      'TRANSFER_ARCHIVAL_FILE_CHANGED',
      `归档信息包中的“${file.path}”${zh}，与清单不符（归档后被改动），移交已中止`,
      `"${file.path}" ${en}, unlike the archival manifest (changed after 归档); the transfer was stopped`,
      { path: file.path },
    );
  const bytes: ByteSource = source.read(file.path);
  for await (const chunk of chunks(bytes)) {
    size += chunk.length;
    if (size > file.size)
      throw changed(`超过清单记录的 ${file.size} 字节`, `has more than ${file.size} bytes`);
    hasher?.update(chunk);
    yield chunk;
  }
  if (size !== file.size)
    throw changed(`只有 ${size} 字节（清单记为 ${file.size}）`, `has ${size} bytes, not ${file.size}`);
  if (hasher !== undefined && algorithm !== undefined) {
    const actual = hasher.digestHex();
    const recorded = file.digests[algorithm]!.toLowerCase();
    if (actual !== recorded)
      throw changed(
        `的 ${algorithm.toUpperCase()} 摘要为 ${actual}（清单记为 ${recorded}）`,
        `has ${algorithm} digest ${actual}, not ${recorded}`,
      );
  }
}
