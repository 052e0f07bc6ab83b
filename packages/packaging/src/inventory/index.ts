/**
 * 清点 (inventory) of a received package: a 移交信息包 carrier read through a `PackageSource` (说明文件, catalogue,
 * 登记表, 数字摘要 sheet, 电子档案/), or another kind of package through a reader, as data and findings for the
 * checks package; and the combination of every carrier of a transfer.
 *
 * @module
 */
export { combineCarrierInventories, type TransferInventory } from './combine.js';
export { defaultGroupOf } from './group-of-row.js';
export { inventoryPackage, safeInventoryPackage } from './inventory.js';
export { type ReadCatalogue, readCatalogue } from './read-catalogue.js';
export type {
  InventoryCatalogueRow,
  InventoryDigest,
  InventoryItem,
  InventoryOptions,
  PackageContents,
  PackageContentsReader,
  PackageInventory,
} from './types.js';
