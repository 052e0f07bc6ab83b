/**
 * 接收: the archives open what arrived — safely, through a `PackageSource` — and take inventory (清点) of each
 * carrier against its 说明文件, 文件目录, 移交与接收登记表 and 数字摘要 sheet: every 件 the catalogue lists is there,
 * nothing else is, the counts agree with the 登记表 and every file's digest with the carrier listing, whose digest
 * is the sheet's carrier digest. Offline carriers are then added up and compared with the 登记表 as one set.
 */
import type { Finding } from '@dangan/core';
import {
  combineCarrierInventories,
  inventoryPackage,
  openPackage,
  type PackageInventory,
  type PackageSource,
  type TransferInventory,
} from '@dangan/packaging';
import { fileRandomAccess, folderSource } from '@dangan/packaging/node';

/** One carrier (or the online package) as received. */
export interface ReceivedCarrier {
  /** What it is: `在线移交包` or `载体 001` … */
  readonly label: string;
  /** What the safe ZIP reader reported (empty for a folder). */
  readonly openFindings: readonly Finding[];
  /** The 清点 of the carrier. */
  readonly inventory: PackageInventory;
}

/** 清点 of one opened carrier. */
export async function receiveCarrier(
  label: string,
  source: PackageSource,
  openFindings: readonly Finding[] = [],
): Promise<ReceivedCarrier> {
  return { label, openFindings, inventory: await inventoryPackage(source) };
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
