/**
 * 归档: each 办件 becomes one 归档信息包 (dangan's stock layout `dangan-ywtb`, one folder per 办件) with a signed
 * DA/T 48 EEP per 件, and is read back the way the archives department reads what it receives.
 */
import { join } from 'node:path';
import { schemes } from '@dangan/metadata';
import {
  type ArchivalPackageReading,
  type ArchivalPackageResult,
  buildArchivalPackage,
  buildEep,
  type EepSigner,
  readArchivalPackage,
} from '@dangan/packaging';
import { type FolderPackageWritten, folderSink, folderSource } from '@dangan/packaging/node';
import { AGENCY, type PreparedCase } from './cases.js';

/** One 办件 as filed: where its 归档信息包 is, what the builder wrote, and what reading it back found. */
export interface FiledCase {
  readonly prepared: PreparedCase;
  /** The package folder. */
  readonly dir: string;
  readonly result: ArchivalPackageResult<FolderPackageWritten>;
  readonly reading: ArchivalPackageReading;
}

/**
 * Writes the 归档信息包 of one 办件 into `<root>/<办件编号>/` with the stock layout (`ARCHIVAL_LAYOUTS['dangan-ywtb']`,
 * the default): each 件's content files under `电子文件/<档号>/`, named `<档号>-001-<材料名称>.pdf` … (the manifest
 * keeps each file's 计算机文件名), one EEP per 件 signed by `signer` (SM2/SM3, with 锁定签名), the metadata document,
 * the 归档文件目录, the 归档登记表, the 说明文件 and the SM3 manifest (清单) last; then reads it back with
 * `readArchivalPackage`.
 */
export async function fileCase(
  prepared: PreparedCase,
  root: string,
  signer: EepSigner,
  now: Date,
): Promise<FiledCase> {
  const dir = join(root, prepared.spec.办件编号);
  const result = await buildArchivalPackage(
    {
      items: prepared.items.map((item) => ({
        record: item.record,
        files: item.files.map((f, i) => ({ source: f.bytes, attributeIndex: i, role: f.material })),
      })),
      registration: { 单位名称: AGENCY.name, 归档电子文件门类: '文书', 归档方式: '在线' },
      now,
    },
    folderSink(dir),
    {
      // The EEP of each 件 embeds its files (Base64) and is signed in the same pass.
      buildEep: (record, files) =>
        buildEep({
          record,
          scheme: schemes.ywtb,
          files: files.map((f) => f.source),
          creator: AGENCY.name,
          createdAt: now,
          signers: [signer],
        }),
    },
  );
  const reading = await readArchivalPackage(folderSource(dir));
  return { prepared, dir, result, reading };
}
