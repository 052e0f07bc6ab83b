import type { DigestAlgorithm } from '@dangan/core';

/** What a file in a 归档信息包 is (清单中的文件类型). */
export type ManifestEntryKind = '元数据' | '目录' | '登记表' | '说明' | '内容' | '封装包';

/** The kinds, in the order a manifest lists them. */
export const MANIFEST_ENTRY_KINDS: readonly ManifestEntryKind[] = [
  '内容',
  '封装包',
  '元数据',
  '目录',
  '登记表',
  '说明',
];

/** One file listed in a manifest (清单条目). */
export interface ManifestEntry {
  /** Entry path in the package, `/`-separated. */
  readonly path: string;
  /** Size in bytes. */
  readonly size: number;
  readonly kind: ManifestEntryKind;
  /** Digests as lowercase hex, keyed by the algorithm that made each. */
  readonly digests: Readonly<Partial<Record<DigestAlgorithm, string>>>;
  /** The 件 the file belongs to (0-based position in {@link ArchivalManifest.items}); content files and EEPs. */
  readonly itemIndex?: number;
  /** Content files: the 电子属性 (M46) entry of the 件's record it is (0-based). */
  readonly attributeIndex?: number;
  /** Content files: the 计算机文件名 (M48) recorded for it, when it differs from the name in the package. */
  readonly originalName?: string;
}

/** One 件 of the package, as the manifest lists it. */
export interface ManifestItem {
  /** 档号 of the 件. */
  readonly archivalCode: string;
  /** 电子文件号 (M7), when the record has one. */
  readonly recordId?: string;
  /** Folder holding the 件's content files. */
  readonly folder: string;
}

/** Package-level totals of a manifest (汇总). Counts leave the manifest itself out. */
export interface ManifestSummary {
  /** Number of 件. */
  readonly itemCount: number;
  /** Files listed. */
  readonly fileCount: number;
  /** Bytes of the files listed. */
  readonly totalBytes: number;
  /** Content files (类型 内容). */
  readonly contentFileCount: number;
  /** Bytes of the content files. */
  readonly contentBytes: number;
}

/** The layout a package was written by, as the manifest names it. */
export interface ManifestLayout {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly provisional: boolean;
}

/**
 * A 归档信息包清单 (manifest): every file of the package except the manifest itself, with its size and its
 * digests each named by algorithm, plus the package summary. Written by `manifestToXml`, read by
 * `readManifest`.
 */
export interface ArchivalManifest {
  /** Version of the manifest format (`1`). */
  readonly formatVersion: string;
  /** Name of the package. */
  readonly packageName: string;
  readonly layout: ManifestLayout;
  /** Filing unit of the package. */
  readonly unit: '办件' | '件';
  /** Id of the metadata scheme of the metadata document (`ywtb`, `dat46` …). */
  readonly scheme: string;
  /** 归档时间, ISO 8601 with offset. */
  readonly archivedAt: string;
  /** Algorithms every entry has a digest for, in order. */
  readonly algorithms: readonly DigestAlgorithm[];
  readonly summary: ManifestSummary;
  readonly items: readonly ManifestItem[];
  readonly entries: readonly ManifestEntry[];
}
