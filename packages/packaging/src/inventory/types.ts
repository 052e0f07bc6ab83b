import type { DigestAlgorithm, Finding } from '@dangan/core';
import type { PackageSource } from '../sinks/types.js';
import type { TransferLayout } from '../transfer/layout.js';
import type { RegisteredCarrier, TransferRegistrationForm } from '../transfer/registration-form.js';
import type {
  TransferCounts,
  TransferGroup,
  TransferGroupCounts,
  TransferRecord,
} from '../transfer/types.js';

/** One entry of a received catalogue (文件目录.XML / 案卷目录.XML), as read. */
export interface InventoryCatalogueRow {
  readonly 顺序号: string;
  readonly 档号: string;
  readonly 责任者: string;
  readonly 题名: string;
  readonly 日期: string;
  readonly 密级: string;
  readonly 电子档案名称: string;
  readonly 备注: string;
  /** Line of the entry's start tag in the catalogue. */
  readonly line: number;
}

/** One 件 (or 办件) found on the carrier. */
export interface InventoryItem {
  /** 电子档案名称 (for a 归档信息包 read by a reader: the item's name). */
  readonly name: string;
  /** Its folder (or file, for an item that is one file such as an EEP) from the package root. */
  readonly path: string;
  /** Catalogue entries (records) pointing at it. */
  readonly records: number;
  readonly files: number;
  readonly metadata: number;
  readonly bytes: number;
  /** Its group; a part is `''` when it could not be read. */
  readonly group: TransferGroup;
}

/** The digest check of a carrier. */
export interface InventoryDigest {
  readonly algorithm: DigestAlgorithm;
  /** Carrier digest recomputed from the files. */
  readonly actual: string;
  /** 实际容量 recomputed, in bytes. */
  readonly actualBytes: number;
  /** The digest the 数字摘要 sheet gives for this carrier, if any. */
  readonly registered: string | undefined;
  readonly registeredBytes: number | undefined;
  /** Both the digest and the bytes agree with the sheet. */
  readonly matches: boolean;
}

/** What `inventoryPackage` found (清点结果): data for the checks package. */
export interface PackageInventory {
  /** `transfer`: a 移交信息包 carrier; `reader`: a package read by `options.reader` (a 归档信息包). */
  readonly kind: 'transfer' | 'reader';
  /** 载体编号 (from 说明文件.TXT; for a lone-carrier 登记表, its number). */
  readonly carrierNumber: string | undefined;
  /** 说明文件.TXT's fields and encoding, when readable. */
  readonly readme:
    | { readonly fields: Readonly<Record<string, string>>; readonly encoding: string }
    | undefined;
  /** The catalogue as read. */
  readonly catalogue:
    | {
        readonly path: string;
        readonly level: '文件' | '案卷';
        /** Encoding the XML was decoded with (from its declaration). */
        readonly encoding: string;
        readonly declaredEncoding: string | undefined;
        readonly rows: readonly InventoryCatalogueRow[];
      }
    | undefined;
  readonly items: readonly InventoryItem[];
  /** The breakdown by 门类, 年度, 保管期限 (件数, 文件数, 元数据数, 字节数). */
  readonly groups: readonly TransferGroupCounts[];
  /** Totals over the items. */
  readonly totals: TransferCounts;
  /** Every file of the package: how many and their bytes. */
  readonly entries: { readonly count: number; readonly bytes: number };
  /** Files outside the layout (extra files, 多余文件). */
  readonly extraFiles: readonly string[];
  /** The 登记表 as read, and its entry for this carrier. */
  readonly registered:
    | { readonly form: TransferRegistrationForm; readonly carrier: RegisteredCarrier | undefined }
    | undefined;
  /** Totals a reader gave (for `kind: 'reader'`). */
  readonly readerRegistered?: Partial<TransferCounts>;
  readonly digest: InventoryDigest | undefined;
  /** Every comparison that failed and every problem met, each naming its path. */
  readonly findings: readonly Finding[];
}

/**
 * What a package reader hands the 清点 for a package that is not a 移交信息包 carrier (a 归档信息包, read by the
 * packaging reader the host passes, e.g. `readArchivalPackage` adapted to this shape): its items with their
 * records and entry paths, the package's own structural files, and the totals it registers.
 */
export interface PackageContents {
  readonly items: readonly {
    readonly name: string;
    readonly records: readonly TransferRecord[];
    /** Entry paths of the item's files, from the package root. */
    readonly paths: readonly string[];
  }[];
  /** Paths of the package's own files (manifest, registration form …): not counted, not extra. */
  readonly structurePaths?: readonly string[];
  /** Totals the package registers (its 登记表 / manifest), compared with the actual ones. */
  readonly registered?: Partial<TransferCounts>;
  /** Problems the reader met. */
  readonly findings?: readonly Finding[];
}

/** Reads a package into {@link PackageContents}. */
export type PackageContentsReader = (source: PackageSource) => Promise<PackageContents>;

/** Options of `inventoryPackage`. */
export interface InventoryOptions {
  /** Carrier layout names (default `TRANSFER_LAYOUT`). */
  readonly layout?: TransferLayout;
  /** Which files are metadata (default: `.xml` files, as the builder counts them). */
  readonly isMetadataFile?: (path: string) => boolean;
  /**
   * The group of a catalogue entry (default: read from its 档号 by `archivalCodeFacts`, 年度 falling back to the
   * 日期's year).
   */
  readonly groupOf?: (row: InventoryCatalogueRow) => Partial<TransferGroup>;
  /** Extensions accepted in `其他/` (default `OTHER_DOCUMENT_EXTENSIONS`). */
  readonly otherDocumentExtensions?: readonly string[];
  /** Recompute every file's digest and compare with the listing and the sheet (default `true`). */
  readonly verifyDigests?: boolean;
  /** Algorithm when the sheet names none it knows (default: the sheet's, else `sm3`). */
  readonly algorithm?: DigestAlgorithm;
  /** Largest catalogue read, in bytes (default 256 MiB); the other documents are limited to 16 MiB. */
  readonly maxCatalogueBytes?: number;
  /**
   * Inventory a package of another kind through a reader (a 归档信息包 via the packaging reader): the reader's
   * items, paths and registered totals replace the 移交信息包 layout.
   */
  readonly reader?: PackageContentsReader;
  /** 门类代码 for records that name none (reader path; default `WS`). */
  readonly category?: string;
  readonly signal?: AbortSignal;
}
