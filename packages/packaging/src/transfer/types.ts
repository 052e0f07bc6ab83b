import type { ArchivalDigestAlgorithm, ByteSource, Finding } from '@dangan/core';
import type { BuildCatalogueOptions, MetadataScheme, Retention } from '@dangan/metadata';
import type { PackageSink, PackageSource, PackageWritten } from '../sinks/types.js';
import type { DigestSheet } from './digest-sheet.js';
import type { TransferLayout } from './layout.js';
import type { TransferReadmeFields } from './readme-file.js';
import type { TransferRegistrationDetails, TransferRegistrationForm } from './registration-form.js';
import type { TransferTextEncoding } from './text-encoding.js';

/** A metadata record of one 件 (DA/T 46 / 一网通办 shape: `{ 文件实体: { 档号, 内容描述, … }, 办件?: … }`). */
export type TransferRecord = Readonly<Record<string, unknown>>;

/** One file of a transfer item, given explicitly. */
export interface TransferEntry {
  /** Path inside the item's folder, `/`-separated (`正文.ofd`, `元数据/件.xml`). */
  readonly path: string;
  readonly source: ByteSource;
  /**
   * Size in bytes when the source cannot tell it without reading (a stream). Needed for offline transfer when
   * the source can be read only once; checked against the bytes actually written.
   */
  readonly size?: number;
}

/**
 * One unit of the transfer (移交单位件): one 件, or the 件 of one 办件, with its files. It is never split across
 * carriers. Connect a 归档信息包 by passing its reader's records and a view of its files
 * (`packageSubSource(archivalSource, '<件的文件夹>/')`), or an EEP folder as a `folderSource`.
 */
export interface TransferItem {
  /**
   * The item's folder name under `电子档案/…/` and its 电子档案名称 in 文件目录.XML (usually the 档号 or the
   * 电子文件号). Unique in the transfer, ignoring case.
   */
  readonly name: string;
  /** Its metadata records, one per 件 (one 文件目录 entry each). At least one. */
  readonly records: readonly TransferRecord[];
  /** Its files: a {@link PackageSource} (every entry is taken) or an explicit list. */
  readonly entries: PackageSource | readonly TransferEntry[];
}

/** A supporting document for the `其他/` folder (schemes, specifications, rules, XML schemas, 交接信息 …). */
export interface OtherDocument {
  /** Path inside `其他/` (`元数据方案.XML`, `规范/封装规范.PDF`). */
  readonly path: string;
  readonly source: ByteSource;
  readonly size?: number;
}

/** What the builder transfers. */
export interface TransferInput {
  readonly items: readonly TransferItem[];
  /** Documents for `其他/`, copied onto every carrier. */
  readonly otherDocuments?: readonly OtherDocument[];
}

/**
 * A level of the `电子档案/` arrangement: a built-in one by name, or the host's own (name + value). The rules
 * arrange by 年度 / 类别 / 件 and allow dropping levels (附件2), so the list is data.
 */
export type ArrangementLevel =
  | '年度'
  | '门类'
  | '保管期限'
  | {
      readonly name: string;
      /** The folder name of this level for an item (a safe path segment). */
      readonly value: (item: TransferItem, group: TransferGroup) => string;
    };

/** Where an item sits in the breakdown (分类统计) of the 登记表 and the 清点. */
export interface TransferGroup {
  /** 门类代码 (`WS`, `ZY` …). */
  readonly 门类: string;
  /** 年度, 4 digits. */
  readonly 年度: string;
  /** 保管期限 in words (`永久`, `定期30年`). */
  readonly 保管期限: string;
}

/** Online transfer: one package into one sink. */
export interface OnlineTransferTarget {
  readonly kind: 'online';
  readonly sink: PackageSink;
}

/** Makes the sink of one carrier; `index` counts from 1, `total` is the number of carriers planned. */
export type CarrierSinkFactory = (
  carrierNumber: string,
  index: number,
  total: number,
) => PackageSink | Promise<PackageSink>;

/** Offline transfer: split by whole items across carriers of one capacity, each made by the factory. */
export interface OfflineTransferTarget {
  readonly kind: 'offline';
  /** Capacity of one carrier: bytes, or a string such as `'4.7GB'`, `'25GB'`, `'700MB'` (decimal units). */
  readonly capacity: number | string;
  readonly carrier: CarrierSinkFactory;
  /**
   * File-system allocation unit in bytes (default 2,048, the sector size of UDF and ISO 9660 discs): each file
   * counts as its size rounded up to a whole unit. `1` counts exact bytes.
   */
  readonly allocationUnit?: number;
  /** Bytes kept free on every carrier for the file system's own structures (default 0). */
  readonly reserve?: number;
}

/** Where the transfer package goes. */
export type TransferTarget = OnlineTransferTarget | OfflineTransferTarget;

/** Why an item was left out of the transfer. */
export type ExclusionReason = 'retention-below-minimum' | 'retention-missing' | 'retention-invalid' | 'host';

/** An item left out, and why. */
export interface ExcludedItem {
  readonly name: string;
  readonly reason: ExclusionReason;
  /** The item's longest retention period, when it could be read. */
  readonly retention?: Retention;
  /** Why, in Chinese (the host's reason when it gave one). */
  readonly message: string;
}

/** Options of `buildTransferPackage`. */
export interface TransferOptions {
  /**
   * Items whose longest retention period is at least this many years are selected (default 30; 永久 always
   * counts): 上海 第二十条 "保管期限为30年以上的电子档案列入移交范围". Overridden by {@link select}.
   */
  readonly minRetentionYears?: number;
  /**
   * The host's own selection, replacing the retention rule: `true` takes the item, `false` (or
   * `{ include: false, reason }`) leaves it out with that reason.
   */
  readonly select?: (
    item: TransferItem,
    info: { readonly retention: Retention | undefined },
  ) => boolean | { readonly include: boolean; readonly reason?: string };
  /** The 保管期限 of a record (default: 文件实体.档号.保管期限, read by `parseRetention`). */
  readonly retentionOf?: (record: TransferRecord) => string | undefined;
  /** Folder levels under `电子档案/`, above the item folders (default `['年度', '门类']`; `[]` puts items directly). */
  readonly levels?: readonly ArrangementLevel[];
  /** 门类代码 for records whose 档号 and 类别号 name none (default `WS`). */
  readonly category?: string;
  /** Catalogue level: `文件` (default) writes 文件目录.XML, `案卷` writes 案卷目录.XML with 案卷 entries. */
  readonly catalogueLevel?: '文件' | '案卷';
  /** Encoding of the catalogue XML (default `utf-8`; the rules allow GB18030, GB2312, UTF-8). */
  readonly catalogueEncoding?: TransferTextEncoding;
  /** How catalogue rows are read from records (档号 template, supplied titles …), passed to `buildCatalogue`. */
  readonly catalogue?: Pick<
    BuildCatalogueOptions,
    'archivalCode' | 'suppliedTitle' | 'researchedDate' | 'remarks' | 'classifications'
  >;
  /** Fields of 说明文件.TXT; unset ones get defaults (see `readmeFields`). */
  readonly readme?: Partial<TransferReadmeFields>;
  /**
   * Encoding of 说明文件.TXT (and of a TXT 数字摘要 sheet): `gb18030` by default with CRLF line ends, because the
   * carriers are read with Notepad on Chinese Windows, which before Windows 10 1903 opens BOM-less text as the
   * ANSI code page (GBK, which GB18030 contains); `utf-8` writes a BOM so those readers still detect it.
   */
  readonly readmeEncoding?: 'gb18030' | 'utf-8';
  /** Line end of the TXT files dangan writes for people (default `\r\n`). */
  readonly newline?: '\r\n' | '\n';
  /** Encoding of the 登记表 and XML 数字摘要 sheet (default `utf-8`). */
  readonly documentEncoding?: 'utf-8' | 'gb18030';
  /** Form of the 数字摘要 sheet (default `xml`). */
  readonly digestSheetFormat?: 'xml' | 'txt';
  /** Digest algorithm for every file and each carrier (default `sm3`); its name is written in the sheet. */
  readonly digestAlgorithm?: ArchivalDigestAlgorithm;
  /** The handover details of the 登记表 (names, units, 检验内容, sign-off); counts are computed. */
  readonly registration?: TransferRegistrationDetails;
  /** 载体编号 of carrier `index` (from 1) of `total` (default 3 digits: `001`). */
  readonly carrierNumber?: (index: number, total: number) => string;
  /**
   * Write each record's metadata as XML into its item folder (`recordToXml(record, scheme)`), for sources that
   * do not already carry it. File name default: the record's 档号 + `.xml`.
   */
  readonly metadata?: {
    readonly scheme: MetadataScheme;
    readonly fileName?: (record: TransferRecord, index: number) => string;
  };
  /** Which files of an item are metadata, for the metadata counts (default: names ending in `.xml`, any case). */
  readonly isMetadataFile?: (path: string) => boolean;
  /** Extensions accepted in `其他/` (default {@link OTHER_DOCUMENT_EXTENSIONS}). */
  readonly otherDocumentExtensions?: readonly string[];
  readonly layout?: TransferLayout;
  readonly signal?: AbortSignal;
}

/** Counts of a carrier, a group or the whole transfer. */
export interface TransferCounts {
  /** 件数: catalogue entries (records). */
  readonly 件数: number;
  /** 文件数: files under `电子档案/`. */
  readonly 文件数: number;
  /** 元数据数: metadata files under `电子档案/`. */
  readonly 元数据数: number;
  /** 字节数: bytes under `电子档案/`. */
  readonly 字节数: number;
}

/** A {@link TransferGroup} with its counts. */
export interface TransferGroupCounts extends TransferGroup, TransferCounts {}

/** One carrier as written. */
export interface CarrierWritten {
  /** 载体编号. */
  readonly number: string;
  /** The items on it, in order. */
  readonly items: readonly string[];
  readonly counts: TransferCounts;
  readonly groups: readonly TransferGroupCounts[];
  /** 实际容量 in bytes: every file the carrier digest covers (all but the handover documents). */
  readonly contentBytes: number;
  /** The carrier digest (hex) and its algorithm. */
  readonly digest: string;
  readonly algorithm: ArchivalDigestAlgorithm;
  /** What the sink's commit returned. */
  readonly written: PackageWritten;
}

/** What `buildTransferPackage` produced. */
export interface TransferPackageResult {
  readonly carriers: readonly CarrierWritten[];
  readonly excluded: readonly ExcludedItem[];
  readonly registrationForm: TransferRegistrationForm;
  readonly digestSheet: DigestSheet;
  /** Warnings and notes (exclusions, catalogue warnings, empty 说明文件 fields). */
  readonly findings: readonly Finding[];
}
