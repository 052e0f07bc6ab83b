/**
 * 移交: the filed 办件 become one 移交信息包 (《电子档案移交与接收办法》 附件2). Each 件 of each 归档信息包 is one
 * transfer item (`transferItemsFromArchivalPackage`): its content files under their own 计算机文件名, its signed
 * EEP and its record as `元数据.xml`; the 归档信息包's own 清单, 目录, 登记表 and 说明文件 stay at 归档 — the carrier has
 * its own. Only 件 kept 30 years or more (永久 included) are selected; the rest stay with the agency.
 */
import { join } from 'node:path';
import {
  buildTransferPackage,
  type TransferItem,
  type TransferOptions,
  type TransferPackageResult,
  transferItemsFromArchivalPackage,
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
    内容描述: '浦东新区市场监督管理局2026年3月办结的一网通办办件',
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
 * The transfer items of the filed 办件: one per 件, named by its 档号 (the folder under `电子档案/2026/WS/` and the
 * 电子档案名称 of its catalogue row), read from each 归档信息包 folder with the reading `readArchivalPackage` made.
 * As the builder copies them, every file is checked against its 归档信息包's manifest (SM3).
 */
export async function transferItems(filed: readonly FiledCase[]): Promise<TransferItem[]> {
  const items: TransferItem[] = [];
  for (const f of filed)
    items.push(...(await transferItemsFromArchivalPackage(folderSource(f.dir), f.reading)));
  return items;
}

/** The 办件编号 of each 件 (by 档号, the item name), for reports that group 件 by 办件. */
export function caseNumbers(filed: readonly FiledCase[]): ReadonlyMap<string, string> {
  return new Map(
    filed.flatMap((f) => f.reading.items.map((i) => [i.archivalCode, f.prepared.spec.办件编号] as const)),
  );
}

/** Online transfer: one package, written as one ZIP file (temporary name, renamed on commit). */
export async function transferOnline(
  filed: readonly FiledCase[],
  zipPath: string,
): Promise<TransferPackageResult> {
  return buildTransferPackage(
    { items: await transferItems(filed) },
    { kind: 'online', sink: zipFileSink(zipPath) },
    TRANSFER_OPTIONS,
  );
}

/**
 * Offline transfer: the same items split by whole 件 across carriers of `capacity` (`'5MB'` here so that a
 * handful of 办件 needs several; `'4.7GB'` for a DVD), each written as a folder `载体<编号>/` — what is burnt on
 * one archival-grade disc. A 办件's 件 may land on two carriers; each carrier is complete on its own.
 */
export async function transferOffline(
  filed: readonly FiledCase[],
  root: string,
  capacity: string,
): Promise<TransferPackageResult> {
  return buildTransferPackage(
    { items: await transferItems(filed) },
    { kind: 'offline', capacity, carrier: (number) => folderSink(join(root, `载体${number}`)) },
    TRANSFER_OPTIONS,
  );
}
