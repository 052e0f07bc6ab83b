import type { DigestAlgorithm, Finding, FormatInfo } from '@dangan/core';
import type { AudioVisualAttributes, ElectronicAttributes, PhotoAttributes } from '@dangan/metadata';
import type { ScanResult } from '../scanner/types.js';
import type { PackageFacts, RecordFact } from './rule.js';

/**
 * What an entry is to the package (条目角色), decided from the package's own structure (its manifest, its
 * layout): content files, the metadata document, the manifest, the registration form, the catalogue, the
 * readme, EEPs, other supporting files — or `other` when nothing declares it.
 */
export type EntryRole =
  | 'content'
  | 'metadata'
  | 'manifest'
  | 'registration'
  | 'catalogue'
  | 'readme'
  | 'eep'
  | 'handover'
  | 'other';

/** A digest as a package or a host states it: the algorithm's name as written, and the value. */
export interface StatedDigest {
  /** As written (`SM3`, `sha-256`, an OID …); parsed with `parseDigestAlgorithm` when compared. */
  readonly algorithm: string;
  /** Hex as written (compared case-insensitively). */
  readonly value: string;
}

/**
 * How far a file's structure was decoded (可读性探测结果):
 * - `readable`: the structure the probe knows decoded without a problem;
 * - `unreadable`: it did not (a finding says why);
 * - `partial`: what could be reached decoded, but the file was not seen whole (larger than the probe's
 *   window) and some of its structure was not checked — `checked` says what was;
 * - `unsupported`: no probe for this format (reported, never counted as readable).
 */
export interface ReadabilityFact {
  readonly status: 'readable' | 'unreadable' | 'partial' | 'unsupported';
  /** What was checked, in Chinese (e.g. `PDF 文件头、%%EOF、startxref 指向的交叉引用表`). */
  readonly checked: string;
  readonly checkedEn: string;
  readonly findings: readonly Finding[];
}

/** A ZIP container found inside an entry (OFD, DOCX …) and what its directory says (嵌套容器). */
export interface NestedContainerFact {
  readonly entries: number;
  /** Every entry was listed (the directory was reached whole). */
  readonly complete: boolean;
  /** Entries with the encryption bit. */
  readonly encrypted: readonly string[];
  /** Entries with a compression method other than STORE (0) and DEFLATE (8). */
  readonly nonPublicMethods: readonly { readonly name: string; readonly method: number }[];
}

/** OFD facts (GB/T 33190) read from an OFD entry: documents and the signatures it declares. */
export interface OfdFact {
  /** `DocBody` elements of `OFD.xml`. */
  readonly documents: number;
  /** Signature entries listed by the documents' `Signatures.xml` (电子签章), not verified. */
  readonly signatures: number;
  /** Paths of the `Signatures.xml` files found. */
  readonly signatureLists: readonly string[];
}

/** The verdict on one EEP's signatures (电子签名核验), as the packaging verifier reports it. */
export interface EepSignatureFact {
  /** Signature id, e.g. `修改0-签名1`, or `锁定签名`. */
  readonly id: string;
  readonly lock: boolean;
  /** `valid`, `invalid` (the bytes or the signature changed), or `cannot-verify` (no certificate, no trust anchor …). */
  readonly status: 'valid' | 'invalid' | 'cannot-verify';
  /** The certificate was valid (validity period) at the signing time, when that could be told. */
  readonly certificateValid?: boolean;
  /** The certificate chains to one of the trust anchors given, when anchors were given. */
  readonly chainTrusted?: boolean;
  readonly reason?: string;
  readonly reasonEn?: string;
}

/** What verifying an EEP found (封装包核验): structure, signatures and per-file digests. */
export interface EepFact {
  /** The EEP verifier ran to the end. */
  readonly verified: boolean;
  /** Structure problems against DA/T 48 (missing or misplaced elements, bad ids …). */
  readonly structureFindings: readonly Finding[];
  readonly signatures: readonly EepSignatureFact[];
  /** Embedded files whose recorded size or digest disagrees with the decoded data. */
  readonly fileFindings: readonly Finding[];
  /** Every finding of the verifier, as it reported them. */
  readonly findings: readonly Finding[];
  /** Embedded documents (编码) seen. */
  readonly files: number;
}

/** One entry of the package and what the single read of it learned (条目事实). */
export interface EntryFact {
  readonly path: string;
  readonly role: EntryRole;
  /** Bytes actually read; the listed size when the entry could not be read. */
  readonly size: number;
  /** Size the source listed (the ZIP directory's), when it listed one. */
  readonly listedSize?: number;
  /** The entry was read to its end. */
  readonly read: boolean;
  /** Why it could not be read (refused encrypted ZIP entry, CRC mismatch, I/O error …). */
  readonly readError?: Finding;
  /** Digests computed in the read, by algorithm (lowercase hex). */
  readonly digests: Readonly<Partial<Record<DigestAlgorithm, string>>>;
  /** The identified format (`identifyFormat`, magic bytes). */
  readonly format?: FormatInfo;
  /** 电子属性 read from the bytes (`captureAttributes`). */
  readonly attributes?: ElectronicAttributes;
  readonly photo?: PhotoAttributes;
  readonly media?: AudioVisualAttributes;
  /** Header warnings from capture (cut or unparseable headers). */
  readonly captureFindings: readonly Finding[];
  readonly readability?: ReadabilityFact;
  /** A ZIP-based format's own directory (OFD, OOXML). */
  readonly container?: NestedContainerFact;
  readonly ofd?: OfdFact;
  /** A PDF's trailer names an `/Encrypt` dictionary (seen whole or in the kept tail). */
  readonly pdfEncrypted?: boolean;
  /** The virus scanner's verdict, when a scanner was given. */
  readonly virus?: ScanResult;
  /** EEP verification, for EEP entries. */
  readonly eep?: EepFact;
  /** The package ZIP's own record of this entry, when the package is a ZIP. */
  readonly zip?: {
    readonly method: number;
    readonly encrypted: boolean;
    readonly findings: readonly Finding[];
  };
}

/** A file a package's manifest declares (清单条目). */
export interface ManifestEntryFact {
  readonly path: string;
  readonly size?: number;
  readonly kind?: string;
  readonly digests: readonly StatedDigest[];
  /** The 件 (record index in {@link PackageView.records}) the file belongs to. */
  readonly record?: number;
  /** The record's 电子属性 entry (0-based) it is. */
  readonly attribute?: number;
  /** The 计算机文件名 (M48) the file had before the package renamed it, when it did. */
  readonly originalName?: string;
}

/** The package's manifest (清单) as read. */
export interface ManifestFact {
  readonly path: string;
  readonly entries: readonly ManifestEntryFact[];
  /** Declared totals (汇总), when the manifest has them. */
  readonly declared?: {
    readonly items?: number;
    readonly files?: number;
    readonly bytes?: number;
    readonly contentFiles?: number;
    readonly contentBytes?: number;
  };
  /** Problems reading it; a manifest that could not be read has no entries and an error here. */
  readonly findings: readonly Finding[];
}

/** Registered totals (登记表: 件数, 字节数, the package digest) from the host or the package. */
export interface RegistrationFact {
  /** `host`: passed to `runChecks`; `package`: read from the registration form inside the package. */
  readonly source: 'host' | 'package';
  readonly path?: string;
  /** 件数. */
  readonly items?: number;
  /** Number of files (电子文件数). */
  readonly files?: number;
  /** 字节数 of the content. */
  readonly bytes?: number;
  /** The package digest recorded by the sender (交接单据 / 数字摘要 sheet). */
  readonly digest?: StatedDigest;
  readonly findings: readonly Finding[];
}

/** A document of the package's layout (说明文件, 目录文件) and whether it is well-formed. */
export interface LayoutDocumentFact {
  readonly path: string;
  readonly present: boolean;
  /** Problems: not well-formed, missing required fields, wrong encoding … */
  readonly findings: readonly Finding[];
  /** Rows (目录文件: 文件 entries), when counted. */
  readonly rows?: number;
}

/** One content file a record names in its 电子属性 (M46), and where it was found in the package. */
export interface RecordFileLink {
  /** Index of the 电子属性 entry in the record. */
  readonly attribute: number;
  /** 计算机文件名 (M48) as recorded. */
  readonly name?: string;
  /** 计算机文件大小 (M49) as recorded. */
  readonly size?: number;
  /** 格式信息 (M47) as recorded. */
  readonly format?: string;
  /** 文档创建程序 (M50) as recorded. */
  readonly creator?: string;
  /** 信息系统描述 (M51) as recorded. */
  readonly system?: string;
  /** Entry path of the file in the package, when the package links it (manifest) or it was found. */
  readonly path?: string;
  /** How the link was made: from the manifest, or by matching the recorded name. */
  readonly linkedBy?: 'manifest' | 'name' | 'eep';
}

/** A record with the files it names (记录与内容关联). */
export interface CheckRecordFact extends RecordFact {
  readonly files: readonly RecordFileLink[];
  /** 电子文件号 (M7), when present. */
  readonly id?: string;
  /** 档号 as written (formatted), when known. */
  readonly archivalCode?: string;
  /** Folder where the package keeps this record's content (from the manifest or the layout). */
  readonly folder?: string;
  /** 存储位置/当前位置 (M66) as recorded. */
  readonly recordedLocation?: string;
}

/** A metadata document read from the package (元数据文档) and how it read. */
export interface MetadataDocumentFact {
  readonly path: string;
  readonly records: number;
  /** Problems reading it (not well-formed, unknown root, values out of reach); empty when it read cleanly. */
  readonly findings: readonly Finding[];
}

/** What the package's layout check found (包结构). */
export interface LayoutFact {
  /** Layout id (e.g. `dangan-ywtb`, `transfer-附件2`). */
  readonly id: string;
  readonly name: string;
  /** Missing parts, misplaced files, unexpected folders … */
  readonly findings: readonly Finding[];
}

/**
 * What the engine understood of the package's structure (包视图): its kind, its layout documents and the
 * records — from the packaging readers (`readArchivalPackage`, `inventoryPackage`, `readEep`) or, for a
 * package no reader recognises, from what the entries themselves show.
 */
export interface PackageView {
  readonly kind: 'archival' | 'transfer' | 'eep' | 'unknown';
  readonly layout?: LayoutFact;
  readonly manifest?: ManifestFact;
  readonly registration?: RegistrationFact;
  readonly readme?: LayoutDocumentFact;
  readonly catalogue?: LayoutDocumentFact;
  readonly records: readonly CheckRecordFact[];
  readonly metadataDocuments: readonly MetadataDocumentFact[];
  /** Role of each entry path the structure accounts for; paths not here are `other` (extra files). */
  readonly roles: ReadonlyMap<string, EntryRole>;
  /** Findings of the readers that belong to no single document. */
  readonly findings: readonly Finding[];
}

/** The ZIP container a package came in, when it came as a ZIP (容器). */
export interface ContainerFact {
  readonly kind: 'zip' | 'source';
  /** The safe reader's findings (encryption, methods, names, links …). */
  readonly findings: readonly Finding[];
  /** Every ZIP entry (directories too) with its method and encryption bit. */
  readonly entries: readonly {
    readonly path: string;
    readonly method: number;
    readonly encrypted: boolean;
    readonly directory: boolean;
  }[];
  /** Digest of the container bytes, computed when a registered digest was to be compared. */
  readonly digest?: { readonly algorithm: DigestAlgorithm; readonly value: string };
  /** Size of the container in bytes, when known. */
  readonly size?: number;
}

/** What a backup copy showed (备份数据): compared entry by entry with the package (BC 3-4). */
export interface BackupFact {
  readonly entries: number;
  /** Entries of the package absent from the backup. */
  readonly missing: readonly string[];
  /** Entries whose digest in the backup differs from the package's. */
  readonly mismatched: readonly { readonly path: string; readonly algorithm: DigestAlgorithm }[];
  /** Entries the backup could not deliver (read errors). */
  readonly unreadable: readonly { readonly path: string; readonly finding: Finding }[];
}

/** Reference digests an audit compares with (taken at ingest), by entry path. */
export type ReferenceDigests = Readonly<Record<string, StatedDigest | readonly StatedDigest[]>>;

/**
 * Everything the engine's single pass learned about a package (检测事实), for the rules to judge. Rules
 * never read bytes: every byte was read once, here.
 */
export interface CheckFacts extends PackageFacts {
  readonly records: readonly CheckRecordFact[];
  readonly metadataDocuments: readonly MetadataDocumentFact[];
  /** Name for people. */
  readonly subjectName: string;
  readonly view: PackageView;
  readonly entries: readonly EntryFact[];
  /** Entry by path. */
  readonly entry: (path: string) => EntryFact | undefined;
  readonly container: ContainerFact;
  /** Registered totals: the host's, else the package's registration form; absent when neither exists. */
  readonly registered?: RegistrationFact;
  /** The scanner that ran, or absent (no scanner configured). */
  readonly scanner?: { readonly name: string; readonly version?: string };
  /** The backup comparison (BC 3-4), when a backup source was given. */
  readonly backup?: BackupFact;
  /** Reference digests for the fixity audit (BC), when given. */
  readonly reference?: ReferenceDigests;
  /** Number of trust anchors given for certificate chains. */
  readonly trustAnchors: number;
  /** The clock of the run, for certificate validity. */
  readonly now: Date;
}
