/**
 * Step 4b — 封装 (package): write the 归档信息包 the business system hands to the archives department.
 *
 * `buildArchivalPackage` (@dangan/packaging) with the layout `ARCHIVAL_LAYOUTS['dangan-ywtb']` (one package per
 * 办件; **provisional**: DB31/T 1152's own layout is not public) streams into a ZIP file (`zipFileSink`, written
 * to a temporary name and renamed only when complete):
 *
 * - `电子文件/{档号}/{档号}-001-{材料名称}.pdf` … — the content files, named by the filing rules;
 * - `封装包/{档号}.xml` — the 件's DA/T 48 EEP (电子文件封装包): metadata and Base64 content in one XML file,
 *   signed with SM2 (电子签名, SM2-with-SM3, user id 1234567812345678) and locked (锁定签名) by `buildEep`;
 * - `元数据.xml`, `归档文件目录.xml`, `归档登记表.xml` (GB/T 18894-2016 表A.1), `说明文件.txt`;
 * - `归档信息包清单.xml` last — every other file with its size and SM3 digest. The manifest's own SM3 is the
 *   package digest (信息包摘要) the host records with the hand-over.
 */
import { join } from 'node:path';
import { schemes } from '@dangan/metadata';
import {
  ARCHIVAL_LAYOUTS,
  type ArchivalPackageResult,
  buildArchivalPackage,
  buildEep,
  type ZipPackageWritten,
} from '@dangan/packaging';
import { zipFileSink } from '@dangan/packaging/node';
import type { ArrangedCase } from './arrange.js';
import type { DemoSigner } from './signer.js';

/** The package as written: where the ZIP is and what `buildArchivalPackage` reported. */
export interface WrittenPackage {
  /** Absolute path of `<outDir>/<packageName>.zip`. */
  readonly zipPath: string;
  readonly result: ArchivalPackageResult<ZipPackageWritten>;
}

/** Packages the filed 件 into `<outDir>/<办件编号>.zip` with one SM2-signed EEP per 件. */
export async function packageCase(
  arranged: ArrangedCase,
  signing: DemoSigner,
  options: { readonly outDir: string; readonly now: Date },
): Promise<WrittenPackage> {
  const { record, files } = arranged;
  const layout = ARCHIVAL_LAYOUTS['dangan-ywtb'];
  // The layout names the package `{办件编号}`; the ZIP takes that name.
  const zipPath = join(options.outDir, `${record.办件.办件编号}.zip`);
  const result = await buildArchivalPackage(
    {
      items: [
        {
          record,
          // One file per 电子属性 entry, in the record's order; the 材料名称 names the file in the package.
          files: files.map((f, i) => ({ source: f.bytes, attributeIndex: i, role: f.material })),
        },
      ],
      registration: {
        单位名称: record.文件实体.来源.立档单位名称,
        归档电子文件门类: '文书',
        归档方式: '在线',
      },
      now: options.now,
    },
    zipFileSink(zipPath, { overwrite: true }),
    {
      profile: layout,
      scheme: schemes.ywtb,
      // The EEP of each 件: the same record and files, signed by the archive's SM2 key.
      buildEep: (itemRecord, itemFiles) =>
        buildEep({
          record: itemRecord,
          scheme: schemes.ywtb,
          files: itemFiles.map((f) => f.source),
          creator: record.文件实体.来源.立档单位名称,
          createdAt: options.now,
          signers: [signing.signer],
        }),
    },
  );
  if (result.packageName !== record.办件.办件编号)
    throw new Error(`信息包名称 ${result.packageName} 与办件编号不一致`);
  return { zipPath, result };
}
