/**
 * 移交: the filed 办件 become one 移交信息包 (《电子档案移交与接收办法》 附件2), each 办件 a transfer item holding its
 * whole 归档信息包. Only 办件 kept 30 years or more (永久 included) are selected; the rest stay with the agency.
 */
import { join } from 'node:path';
import {
  buildTransferPackage,
  type TransferItem,
  type TransferOptions,
  type TransferPackageResult,
} from '@dangan/packaging';
import { folderSink, folderSource, zipFileSink } from '@dangan/packaging/node';
import type { FiledCase } from './archive.js';
import { AGENCY } from './cases.js';

/** The receiving archives. */
export const ARCHIVES = '上海市浦东新区档案馆';

/** The 登记表 details and 说明文件 fields both transfers share. */
export const TRANSFER_OPTIONS: TransferOptions = {
  registration: {
    交接工作名称: '2026年度电子档案移交（一网通办办件）',
    内容描述: '浦东新区市场监督管理局2026年3月办结的一网通办办件，按办件组织的归档信息包',
    移交单位: AGENCY.name,
    接收单位: ARCHIVES,
  },
  readme: {
    载体保管单位: ARCHIVES,
    载体制作单位: `${AGENCY.name}办公室`,
    载体检查单位: `${AGENCY.name}档案室`,
  },
};

/**
 * One transfer item per 办件: its name is the 办件编号 (the folder under `电子档案/2026/WS/` and the
 * 电子档案名称 of its catalogue rows), its records are the ones `readArchivalPackage` read back from the
 * 归档信息包, and its files are the whole package folder.
 */
export function transferItems(filed: readonly FiledCase[]): TransferItem[] {
  return filed.map((f) => ({
    name: f.prepared.spec.办件编号,
    records: f.reading.records,
    entries: folderSource(f.dir),
  }));
}

/** Online transfer: one package, written as one ZIP file (temporary name, renamed on commit). */
export function transferOnline(filed: readonly FiledCase[], zipPath: string): Promise<TransferPackageResult> {
  return buildTransferPackage(
    { items: transferItems(filed) },
    { kind: 'online', sink: zipFileSink(zipPath) },
    TRANSFER_OPTIONS,
  );
}

/**
 * Offline transfer: the same items split by whole 办件 across carriers of `capacity` (`'5MB'` here so that a
 * handful of 办件 needs several; `'4.7GB'` for a DVD), each written as a folder `载体<编号>/` — what is burnt on
 * one archival-grade disc.
 */
export function transferOffline(
  filed: readonly FiledCase[],
  root: string,
  capacity: string,
): Promise<TransferPackageResult> {
  return buildTransferPackage(
    { items: transferItems(filed) },
    { kind: 'offline', capacity, carrier: (number) => folderSink(join(root, `载体${number}`)) },
    TRANSFER_OPTIONS,
  );
}
