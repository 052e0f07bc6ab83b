/**
 * 接收: the archives open what arrived — safely, through a `PackageSource` — and take inventory (清点): first the
 * carrier against its 说明文件, 文件目录, 登记表 and 数字摘要 sheet, then each 办件 on it as the 归档信息包 it is, through
 * the inventory's reader hook connected to `readArchivalPackage`.
 */
import type { Finding } from '@dangan/core';
import {
  type ArchivalPackageReading,
  combineCarrierInventories,
  inventoryPackage,
  openPackage,
  type PackageContents,
  type PackageContentsReader,
  type PackageInventory,
  type PackageSource,
  packageSubSource,
  readArchivalPackage,
  type TransferInventory,
} from '@dangan/packaging';
import { fileRandomAccess, folderSource } from '@dangan/packaging/node';
import { CASE_LAYOUT } from './layout.js';

/**
 * What a 归档信息包 registers, in the shape the inventory's reader hook takes: each 件 with its record and its
 * content files; the package's own documents (manifest, metadata document, catalogue, 登记表, 说明文件, EEPs)
 * as structure, so they are neither counted nor extra; and the totals of its 归档登记表 (件, 字节) and manifest
 * (content files), which the inventory compares with what it counts.
 */
export function archivalContents(reading: ArchivalPackageReading): PackageContents {
  const structure = [
    reading.manifestPath,
    reading.metadata?.path,
    reading.catalogue?.path,
    reading.registrationFormPart?.path,
    reading.readme?.path,
    ...reading.items.map((i) => i.eep?.path),
  ].filter((p): p is string => p !== undefined);
  const form = reading.registrationForm;
  const summary = reading.manifest?.summary;
  return {
    items: reading.items.map((item) => ({
      name: item.archivalCode,
      records: item.record === undefined ? [] : [item.record],
      paths: item.files.map((f) => f.path),
    })),
    structurePaths: structure,
    registered: {
      ...(form === undefined ? {} : { 件数: form.件 + form.卷, 字节数: form.字节 }),
      ...(summary === undefined ? {} : { 文件数: summary.contentFileCount }),
    },
    findings: reading.findings,
  };
}

/** The reader hook: `inventoryPackage(source, { reader: archivalReader })` inventories a 归档信息包. */
export const archivalReader: PackageContentsReader = async (source) =>
  archivalContents(await readArchivalPackage(source, { profile: CASE_LAYOUT }));

/** One 办件 on a carrier, inventoried as a 归档信息包. */
export interface ReceivedCase {
  readonly name: string;
  /** Its folder on the carrier. */
  readonly path: string;
  readonly inventory: PackageInventory;
}

/** One carrier (or the online package) as received. */
export interface ReceivedCarrier {
  /** What it is: `在线移交包` or `载体 001` … */
  readonly label: string;
  /** What the safe ZIP reader reported (empty for a folder). */
  readonly openFindings: readonly Finding[];
  /** The 清点 of the carrier. */
  readonly inventory: PackageInventory;
  /** The 清点 of each 办件 on it. */
  readonly cases: readonly ReceivedCase[];
}

/** 清点 of one opened carrier: the carrier itself, then every item folder on it through the reader hook. */
export async function receiveCarrier(
  label: string,
  source: PackageSource,
  openFindings: readonly Finding[] = [],
): Promise<ReceivedCarrier> {
  const inventory = await inventoryPackage(source);
  const cases: ReceivedCase[] = [];
  for (const item of inventory.items) {
    const view = packageSubSource(source, `${item.path}/`);
    cases.push({
      name: item.name,
      path: item.path,
      inventory: await inventoryPackage(view, { reader: archivalReader }),
    });
  }
  return { label, openFindings, inventory, cases };
}

/**
 * Receives the online package, a ZIP file: opened through the safe reader (limits, traversal, links, CRC) via a
 * file handle, so its size does not matter, then inventoried. The caller closes `source`.
 */
export async function receiveZip(path: string): Promise<ReceivedCarrier & { source: PackageSource }> {
  const file = await fileRandomAccess(path);
  const { source, findings } = await openPackage(file, { onClose: () => file.close() });
  return { ...(await receiveCarrier('在线移交包', source, findings)), source };
}

/** Receives offline carriers (folders, as a disc is mounted) and combines their 清点 with the 登记表. */
export async function receiveCarriers(
  dirs: readonly { readonly number: string; readonly dir: string }[],
): Promise<{ readonly carriers: readonly ReceivedCarrier[]; readonly combined: TransferInventory }> {
  const carriers: ReceivedCarrier[] = [];
  for (const { number, dir } of dirs)
    carriers.push(await receiveCarrier(`载体 ${number}`, folderSource(dir)));
  return { carriers, combined: combineCarrierInventories(carriers.map((c) => c.inventory)) };
}
