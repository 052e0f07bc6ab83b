import type { ArchivalDigestAlgorithm, ByteSource, Finding } from '@dangan/core';
import type { MetadataScheme, UnknownRecord, ValidateRecordOptions } from '@dangan/metadata';
import type { ArchivalManifest, ManifestEntry } from '../manifest/types.js';
import type { PackageWritten } from '../sinks/types.js';
import type { ArchivalLayoutProfile } from './profile.js';
import type { ArchivalRegistrationForm, ArchivingMethod } from './registration-form.js';

/** One content file of a 件: its bytes and the 电子属性 (M46) entry of the record it is. */
export interface ArchivalFileInput {
  /** The bytes, read once while they are written (a function source may be re-read by an EEP callback). */
  readonly source: ByteSource;
  /** Index (from 0) of the file's entry in the record's `文件实体.电子属性` array. */
  readonly attributeIndex: number;
  /**
   * Role of the file in its 件 (`正文`, `附件`, a 材料名称 …), used by the `component` naming rule. Default:
   * the 一网通办 材料名称 whose 计算机文件名 matches, else none.
   */
  readonly role?: string;
  /** Audio/video duration in seconds, for the registration form's 分钟 (default: the record's 时长秒/时间长度). */
  readonly durationSeconds?: number;
}

/** Context given to an {@link EepBuilder}. */
export interface EepContext {
  /** 档号 of the 件. */
  readonly archivalCode: string;
  /** Position of the 件 in the package (from 0). */
  readonly index: number;
  /** Entry path the EEP is written to. */
  readonly path: string;
}

/**
 * Makes the DA/T 48 EEP (电子文件封装包) of a 件 — e.g. the EEP builder — called once, after the 件's content
 * files have been written. An EEP embeds the content, so a builder reads the file sources again: give
 * re-readable sources (functions, Blobs, bytes) then.
 */
export type EepBuilder = (
  record: UnknownRecord,
  files: readonly ArchivalFileInput[],
  context: EepContext,
) => ByteSource | Promise<ByteSource>;

/** One 件 to package: its metadata record, its content files and optionally its EEP. */
export interface ArchivalItemInput {
  /** The 件's metadata record (validated against the scheme before anything is written). */
  readonly record: UnknownRecord;
  /** One file per 电子属性 entry of the record, in the 件's component order. */
  readonly files: readonly ArchivalFileInput[];
  /** A prebuilt EEP of the 件 (its bytes). */
  readonly eep?: ByteSource;
  /** Builds the 件's EEP (instead of `eep`; overrides `options.buildEep`). */
  readonly buildEep?: EepBuilder;
}

/** The header of the 电子文件归档登记表 that the host supplies. */
export interface ArchivalRegistrationHeader {
  readonly 单位名称: string;
  readonly 归档电子文件门类: string;
  readonly 归档方式: ArchivingMethod;
  readonly 说明?: string;
}

/** What {@link buildArchivalPackage} packages: one 办件 (all its 件) or one 件. */
export interface ArchivalPackageInput {
  /** The 件, in order: one or more for a `办件` layout, exactly one for a `件` layout. */
  readonly items: readonly ArchivalItemInput[];
  readonly registration: ArchivalRegistrationHeader;
  /** 归档时间. Required: the clock is never read. */
  readonly now: Date;
}

/** Options of {@link buildArchivalPackage}. */
export interface BuildArchivalPackageOptions {
  /** The layout (default `ARCHIVAL_LAYOUTS['dangan-ywtb']`); validated first. */
  readonly profile?: ArchivalLayoutProfile;
  /** Metadata scheme of the records (default: the built-in scheme the profile names). */
  readonly scheme?: MetadataScheme;
  /**
   * The 档号 of a record (default: metadata's `dat22ArchivalCode`, the DA/T 22-2015 form from 文件实体.档号).
   * Pass the institution's template, e.g. `(r) => formatArchivalCode(recordArchivalCodeParts(r), template)`.
   */
  readonly archivalCode?: (record: UnknownRecord) => string | undefined;
  /**
   * Builds the EEP of every 件 that has no `eep`/`buildEep` of its own (e.g. the EEP builder). The layout must
   * have an EEP folder.
   */
  readonly buildEep?: EepBuilder;
  /** Options of the record validation (`now` is the input's). */
  readonly validation?: Omit<ValidateRecordOptions, 'now'>;
  /** Offset from UTC in minutes in which 归档时间 is written (default 480, 北京时间). */
  readonly utcOffsetMinutes?: number;
  /** 软件环境 and 硬件环境 written into the 说明文件 (defaults describe generic readers). */
  readonly readme?: { readonly 软件环境?: string; readonly 硬件环境?: string };
  /** Read chunk size for content files (default 1 MiB). */
  readonly chunkSize?: number;
  /** Stops the build (`DanganError('ABORTED')`); the sink is aborted. */
  readonly signal?: AbortSignal;
}

/** Totals of a written package. */
export interface ArchivalPackageTotals {
  /** 件 (records filed as 件). */
  readonly items: number;
  /** 卷 (records filed as 案卷). */
  readonly volumes: number;
  /** Pages (页数) of the records that record them. */
  readonly pages: number;
  /** Records without a page count. */
  readonly itemsWithoutPages: number;
  /** Audio/video duration, in seconds. */
  readonly durationSeconds: number;
  readonly contentFiles: number;
  readonly contentBytes: number;
  /** Every entry, the manifest included. */
  readonly files: number;
  /** Bytes of every entry, the manifest included. */
  readonly bytes: number;
}

/** One 件 as written. */
export interface ArchivalItemWritten {
  readonly index: number;
  readonly archivalCode: string;
  readonly recordId?: string;
  /** Folder of its content files. */
  readonly folder: string;
  /** Its content files, in order, with their digests. */
  readonly files: readonly ManifestEntry[];
  readonly eep?: ManifestEntry;
}

/** What {@link buildArchivalPackage} returns. */
export interface ArchivalPackageResult<W extends PackageWritten = PackageWritten> {
  /** The package's name from the profile's template (the folder or ZIP name to use). */
  readonly packageName: string;
  readonly profile: ArchivalLayoutProfile;
  readonly manifest: ArchivalManifest;
  readonly manifestPath: string;
  /**
   * Digests of the manifest's bytes by algorithm. The manifest lists every other file with its digests, so this
   * is the package digest (信息包摘要) to record in the 交接单据 / 登记 system for DA/T 70 GD-1-14.
   */
  readonly packageDigests: Readonly<Partial<Record<ArchivalDigestAlgorithm, string>>>;
  readonly registrationForm: ArchivalRegistrationForm;
  readonly totals: ArchivalPackageTotals;
  readonly items: readonly ArchivalItemWritten[];
  /** Every entry but the manifest, in write order (= `manifest.entries`). */
  readonly entries: readonly ManifestEntry[];
  /** What the sink's `commit()` returned. */
  readonly written: W;
  /** Warnings and notes (record warnings, empty files, unknown page counts …). */
  readonly findings: readonly Finding[];
}
