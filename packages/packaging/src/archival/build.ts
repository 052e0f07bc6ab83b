import {
  type ByteSource,
  DanganError,
  type Finding,
  isByteSource,
  type SafeResult,
  safelyAsync,
} from '@dangan/core';
import { DIGEST_ALGORITHM_LABELS, MANIFEST_FORMAT_VERSION, manifestToXml } from '../manifest/manifest-xml.js';
import type { ArchivalManifest, ManifestEntry, ManifestEntryKind } from '../manifest/types.js';
import type { PackageSink, PackageWritten } from '../sinks/types.js';
import { archivalError, archivalFinding } from './codes.js';
import { digestingSource } from './digesting-source.js';
import { type ArchivalPlan, planArchivalPackage } from './plan.js';
import { ARCHIVAL_LAYOUTS } from './profile.js';
import { validateArchivalLayoutProfile } from './profile-validate.js';
import { readmeBytes } from './readme.js';
import {
  type ArchivalRegistrationForm,
  REGISTRATION_CHECK_COLUMNS,
  REGISTRATION_PENDING,
  type RegistrationCheckColumn,
  registrationFormToXml,
} from './registration-form.js';
import type {
  ArchivalItemWritten,
  ArchivalPackageInput,
  ArchivalPackageResult,
  ArchivalPackageTotals,
  BuildArchivalPackageOptions,
} from './types.js';

const DEFAULT_SOFTWARE =
  'XML 阅读器（元数据、目录、登记表、清单均为 UTF-8 XML，目录可为 GB18030）；内容文件按其格式用相应阅读软件（OFD/PDF 版式阅读器、图像查看器、音视频播放器等）';
const DEFAULT_HARDWARE = '通用计算机';

/**
 * Builds a 归档信息包 (archival information package) into a {@link PackageSink} by a layout profile: for one
 * 办件 (default layout `dangan-ywtb`) or one 件 (`dangan-item`) it writes
 *
 * 1. each 件's content files, named by the filing rules (`{档号}-001-{角色}.pdf` …) in the 件's folder;
 * 2. each 件's DA/T 48 EEP when given (bytes, or a callback such as the EEP builder);
 * 3. the metadata document (every 件's record, `<dg:元数据集>`), the 归档文件目录 (UTF-8 or GB18030) and the
 *    电子文件归档登记表 (GB/T 18894-2016 表A.1: 卷/件/张/分钟/字节 counted from what was written, 归档方式, the
 *    six check columns 待检测 for the checks to fill);
 * 4. the 说明文件 (readme), when the layout has one;
 * 5. last, the manifest (清单): every other file with its size and digests, each digest naming its algorithm;
 *
 * then commits the sink. Every digest is computed from the same single read that streams the file into the
 * sink (no source is read twice), and each content file's size is checked against its 计算机文件大小 (M49)
 * while it streams.
 *
 * Everything that can be checked beforehand is, before a byte is written: the profile; each record against
 * the scheme (`validateRecord`, with `now`); 档号 (present, unique); one 电子属性 entry per file and a file
 * per 电子属性 entry; names and paths (safe, no collisions); the catalogue and the metadata document. Problems
 * throw `DanganError('ARCHIVAL_INPUT_INVALID')` listing them all. **Any failure aborts the sink** — a folder
 * sink removes its partial folder, a memory sink its entries — so nothing that looks complete is left;
 * the error is a `DanganError` with a Chinese message and the entry `path`: `ARCHIVAL_FILE_SIZE_MISMATCH`,
 * `ARCHIVAL_BUILD_FAILED` (a source or the sink failed), or `ABORTED` (the signal).
 *
 * @example
 * const sink = memorySink(); // or folderSink(dir), or a zip sink
 * const result = await buildArchivalPackage(
 *   {
 *     items: [{ record, files: [{ source: fromFile('申请书.pdf'), attributeIndex: 0 }] }],
 *     registration: { 单位名称: '上海市浦东新区市场监督管理局', 归档电子文件门类: '文书', 归档方式: '在线' },
 *     now: new Date('2026-03-20T02:00:00Z'),
 *   },
 *   sink,
 * );
 * result.packageName;        // '310115202603160001'
 * result.packageDigests.sm3; // SM3 of the manifest: record it with the handover
 */
export async function buildArchivalPackage<W extends PackageWritten>(
  input: ArchivalPackageInput,
  sink: PackageSink & { commit(): Promise<W> },
  options: BuildArchivalPackageOptions = {},
): Promise<ArchivalPackageResult<W>> {
  if (
    sink === null ||
    typeof sink !== 'object' ||
    typeof sink.write !== 'function' ||
    typeof sink.commit !== 'function' ||
    typeof sink.abort !== 'function'
  ) {
    throw new TypeError('sink must be a PackageSink');
  }
  try {
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    const profile = validateArchivalLayoutProfile(options.profile ?? ARCHIVAL_LAYOUTS['dangan-ywtb']);
    const plan = planArchivalPackage(input, profile, options);
    return await write(plan, input, sink, options);
  } catch (error) {
    await sink.abort(error).catch(() => undefined);
    throw error;
  }
}

/**
 * {@link buildArchivalPackage} returning a `SafeResult`: `{ ok: false, findings }` (the sink aborted) instead
 * of throwing a `DanganError`. Programmer errors (a wrong argument type) still throw.
 *
 * @example
 * const r = await safeBuildArchivalPackage(input, folderSink('/data/归档/0001'));
 * if (!r.ok) for (const f of r.findings) console.log(f.path, f.message);
 */
export function safeBuildArchivalPackage<W extends PackageWritten>(
  input: ArchivalPackageInput,
  sink: PackageSink & { commit(): Promise<W> },
  options: BuildArchivalPackageOptions = {},
): Promise<SafeResult<ArchivalPackageResult<W>>> {
  return safelyAsync(() => buildArchivalPackage(input, sink, options));
}

async function write<W extends PackageWritten>(
  plan: ArchivalPlan,
  input: ArchivalPackageInput,
  sink: PackageSink & { commit(): Promise<W> },
  options: BuildArchivalPackageOptions,
): Promise<ArchivalPackageResult<W>> {
  const { profile } = plan;
  const algorithms = profile.manifest.algorithms;
  const findings: Finding[] = [...plan.findings];
  const entries: ManifestEntry[] = [];
  let bytes = 0;

  const put = async (
    path: string,
    source: ByteSource,
    declaredSize?: number,
  ): Promise<{ size: number; digests: ManifestEntry['digests'] }> => {
    const tee = digestingSource(source, algorithms, {
      path,
      declaredSize,
      chunkSize: options.chunkSize,
      signal: options.signal,
    });
    let written: number;
    try {
      written = (
        await sink.write(path, tee.source, options.signal === undefined ? {} : { signal: options.signal })
      ).size;
    } catch (cause) {
      throw writeError(path, cause);
    }
    if (tee.state.digests === undefined || written !== tee.state.size) {
      throw archivalError(
        'ARCHIVAL_BUILD_FAILED',
        `写入“${path}”时写入端收到的字节数（${written}）与读取的（${tee.state.size}）不符，信息包已丢弃`,
        `The sink took ${written} bytes of "${path}" but ${tee.state.size} were read; the package was discarded`,
        { path },
      );
    }
    bytes += written;
    return { size: written, digests: tee.state.digests };
  };
  const putListed = async (
    path: string,
    source: ByteSource,
    kind: ManifestEntryKind,
    extra: Pick<ManifestEntry, 'itemIndex' | 'attributeIndex' | 'originalName'> = {},
    declaredSize?: number,
  ): Promise<ManifestEntry> => {
    const { size, digests } = await put(path, source, declaredSize);
    const entry: ManifestEntry = Object.assign({ path, size, kind, digests }, extra);
    entries.push(entry);
    return entry;
  };

  // 1–2. Content files and EEPs, 件 by 件.
  const itemsWritten: ArchivalItemWritten[] = [];
  for (const item of plan.items) {
    const files: ManifestEntry[] = [];
    for (const file of item.files) {
      const entry = await putListed(
        file.path,
        file.source,
        '内容',
        Object.assign(
          { itemIndex: item.index, attributeIndex: file.attributeIndex },
          file.originalName === undefined ? {} : { originalName: file.originalName },
        ),
        file.declaredSize,
      );
      if (entry.size === 0) {
        findings.push(
          archivalFinding(
            'ARCHIVAL_FILE_EMPTY',
            `内容文件“${file.path}”为 0 字节`,
            `Content file "${file.path}" is empty`,
            file.path,
            {
              item: 'GD-3-4',
            },
          ),
        );
      }
      files.push(entry);
    }
    let eep: ManifestEntry | undefined;
    if (item.eep !== undefined) {
      const { path } = item.eep;
      let source: ByteSource;
      if (item.eep.build !== undefined) {
        try {
          source = await item.eep.build(item.record, item.input, {
            archivalCode: item.archivalCode,
            index: item.index,
            path,
          });
        } catch (cause) {
          throw writeError(path, cause);
        }
        if (!isByteSource(source))
          throw new TypeError(`the EEP builder of item ${item.index} must return a ByteSource`);
      } else {
        source = item.eep.source;
      }
      eep = await putListed(path, source, '封装包', { itemIndex: item.index });
    }
    itemsWritten.push(
      Object.assign(
        { index: item.index, archivalCode: item.archivalCode, folder: item.folder, files },
        item.recordId === undefined ? {} : { recordId: item.recordId },
        eep === undefined ? {} : { eep },
      ),
    );
  }

  // 3. Metadata, catalogue, registration form.
  await putListed(profile.metadata.path, plan.metadata, '元数据');
  await putListed(profile.catalogue.path, plan.catalogue, '目录');
  const contentEntries = entries.filter((e) => e.kind === '内容');
  const contentBytes = contentEntries.reduce((sum, e) => sum + e.size, 0);
  const durationSeconds = plan.items.reduce((sum, i) => sum + i.durationSeconds, 0);
  const pages = plan.items.reduce((sum, i) => sum + (i.pages ?? 0), 0);
  const volumes = plan.items.filter((i) => i.volume).length;
  const header = input.registration;
  const checks = {} as Record<RegistrationCheckColumn, string>;
  for (const c of REGISTRATION_CHECK_COLUMNS) checks[c] = REGISTRATION_PENDING;
  const registrationForm: ArchivalRegistrationForm = {
    单位名称: header.单位名称.trim(),
    归档时间: plan.archivedAt,
    归档电子文件门类: header.归档电子文件门类.trim(),
    卷: volumes,
    件: plan.items.length - volumes,
    张: pages,
    分钟: Math.round((durationSeconds / 60) * 100) / 100,
    字节: contentBytes,
    归档方式: header.归档方式,
    检测: checks,
    说明: header.说明 ?? '',
    填表人: '',
    填表日期: '',
    审核人: '',
    审核日期: '',
  };
  await putListed(profile.registrationForm.path, registrationFormToXml(registrationForm), '登记表');

  // 4. Readme.
  if (profile.readme !== undefined) {
    const readme = readmeBytes(
      {
        信息包名称: plan.packageName,
        信息包布局: `${profile.id} 版本 ${profile.version}（${profile.name}${profile.provisional ? '；暂定布局' : ''}）`,
        组织单元: profile.unit,
        单位名称: registrationForm.单位名称,
        归档时间: plan.archivedAt,
        归档电子文件门类: registrationForm.归档电子文件门类,
        归档方式: registrationForm.归档方式,
        件数: String(plan.items.length),
        内容文件数: String(contentEntries.length),
        内容字节数: String(contentBytes),
        元数据方案: `${plan.scheme.id}（${plan.scheme.standard}）`,
        摘要算法: algorithms.map((a) => DIGEST_ALGORITHM_LABELS[a]).join('、'),
        清单文件: profile.manifest.path,
        目录文件: `${profile.catalogue.path}（${profile.catalogue.encoding === 'gb18030' ? 'GB18030' : 'UTF-8'}）`,
        登记表文件: profile.registrationForm.path,
        元数据文件: profile.metadata.path,
        内容目录: profile.content.folder,
        ...(profile.eep === undefined ? {} : { 封装包目录: profile.eep.folder }),
        软件环境: options.readme?.软件环境 ?? DEFAULT_SOFTWARE,
        硬件环境: options.readme?.硬件环境 ?? DEFAULT_HARDWARE,
        生成软件: 'dangan（@dangan/packaging）',
      },
      profile.readme.encoding,
    );
    await putListed(profile.readme.path, readme, '说明');
  }

  // 5. The manifest, last.
  const manifest: ArchivalManifest = {
    formatVersion: MANIFEST_FORMAT_VERSION,
    packageName: plan.packageName,
    layout: {
      id: profile.id,
      version: profile.version,
      name: profile.name,
      provisional: profile.provisional,
    },
    unit: profile.unit,
    scheme: plan.scheme.id,
    archivedAt: plan.archivedAt,
    algorithms,
    summary: {
      itemCount: plan.items.length,
      fileCount: entries.length,
      totalBytes: bytes,
      contentFileCount: contentEntries.length,
      contentBytes,
    },
    items: plan.items.map((i) =>
      Object.assign(
        { archivalCode: i.archivalCode, folder: i.folder },
        i.recordId === undefined ? {} : { recordId: i.recordId },
      ),
    ),
    entries,
  };
  const manifestWritten = await put(profile.manifest.path, manifestToXml(manifest));
  let written: W;
  try {
    written = await (sink as { commit(): Promise<W> }).commit();
  } catch (cause) {
    throw writeError(profile.manifest.path, cause, '提交');
  }
  const totals: ArchivalPackageTotals = {
    items: plan.items.length - volumes,
    volumes,
    pages,
    itemsWithoutPages: plan.items.filter((i) => i.pages === undefined).length,
    durationSeconds,
    contentFiles: contentEntries.length,
    contentBytes,
    files: entries.length + 1,
    bytes,
  };
  return {
    packageName: plan.packageName,
    profile,
    manifest,
    manifestPath: profile.manifest.path,
    packageDigests: manifestWritten.digests,
    registrationForm,
    totals,
    items: itemsWritten,
    entries,
    written,
    findings,
  };
}

/** The error a failed write becomes: our own codes and ABORTED pass through, anything else is wrapped. */
function writeError(path: string, cause: unknown, what = '写入'): unknown {
  if (cause instanceof DanganError) {
    if (cause.code === 'ARCHIVAL_FILE_SIZE_MISMATCH' || cause.code === 'ABORTED') return cause;
    return archivalError(
      'ARCHIVAL_BUILD_FAILED',
      `${what}“${path}”失败，信息包已丢弃：${cause.message}`,
      `${what === '写入' ? 'Writing' : 'Committing'} "${path}" failed; the package was discarded: ${cause.messageEn ?? cause.message}`,
      { path, cause, findings: [{ ...failure(path, cause.message, what) }, ...cause.findings] },
    );
  }
  if (cause instanceof TypeError || cause instanceof RangeError) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  return archivalError(
    'ARCHIVAL_BUILD_FAILED',
    `${what}“${path}”失败，信息包已丢弃：${message}`,
    `${what === '写入' ? 'Writing' : 'Committing'} "${path}" failed; the package was discarded: ${message}`,
    { path, cause },
  );
}

function failure(path: string, message: string, what: string): Finding {
  return archivalFinding(
    'ARCHIVAL_BUILD_FAILED',
    `${what}“${path}”失败，信息包已丢弃：${message}`,
    `Writing "${path}" failed; the package was discarded`,
    path,
  );
}
