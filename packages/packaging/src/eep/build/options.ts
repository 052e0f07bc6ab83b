import type { ByteSource, DigestAlgorithm } from '@dangan/core';
import type { MetadataScheme, UnknownRecord } from '@dangan/metadata';
import type { EepSigner } from '../sign/signer.js';

/**
 * A file of a 修改型 layer that did not change (未变更的文件): its `编码数据` is written empty with
 * `引用编码数据ID` pointing at the data already in the earlier layer. `unchanged` names that data by its
 * `编码数据ID`, or by its position (0-based) among the `编码` of the earlier layer's current content
 * (its 封装内容, or its 修订内容 when it is itself 修改型), in document order. A reference to an empty
 * `编码数据` that itself refers further is followed to the data.
 */
export interface EepUnchangedFile {
  readonly unchanged: string | number;
}

/** One computer file to embed: its bytes (read once, streamed), or {@link EepUnchangedFile} in a 修改型 layer. */
export type EepFileInput = ByteSource | EepUnchangedFile;

/**
 * One `文档` (a logical document: the body, an attachment, a 收文处理单…) and its `文档数据` (稿本, versions),
 * each listing its computer files (`编码`) by index into `files`. Over all documents the indices must be
 * 0, 1, 2, … in order, so that `编码` in document order match the record's `电子属性` items.
 */
export interface EepDocumentSpec {
  /** The `文档数据` of this 文档, each a non-empty list of file indices. */
  readonly versions: readonly (readonly number[])[];
  /** `文档主从声明`. Default: 主文档 for the first 文档, 附属文档 for the others. */
  readonly role?: '主文档' | '附属文档';
  /** `题名` of the 文档. */
  readonly title?: string;
  /** `文档序号`. When no 文档 has one, the first takes the record's 档号/文档序号 (if any). */
  readonly sequence?: string;
}

/** Options of `buildEep`. */
export interface BuildEepOptions {
  /** The metadata record of the 件 (文件实体 with one 电子属性 per file, 业务实体, 机构人员实体). Validate it first. */
  readonly record: UnknownRecord;
  /** The record's scheme; default `schemes.dat46` (`schemes.ywtb` records work too). */
  readonly scheme?: MetadataScheme;
  /** One per `电子属性` item of the record, in order. */
  readonly files: readonly EepFileInput[];
  /** How files group into `文档`/`文档数据`. Default: one 文档 per file, the first 主文档, the rest 附属文档. */
  readonly documents?: readonly EepDocumentSpec[];
  /** `封装包创建时间`. Required unless `now` is given (dangan never reads the clock by itself). */
  readonly createdAt?: Date | string;
  /** Clock for `封装包创建时间` when `createdAt` is not given. */
  readonly now?: () => Date;
  /** UTC offset in minutes for writing `Date` values (default 480, +08:00). */
  readonly utcOffsetMinutes?: number;
  /** `封装包创建单位`. */
  readonly creator: string;
  /**
   * Who signs the `被签名对象` (0..n). Each gets an `电子签名` `修改R-签名S` (S = 1, 2 … in this order);
   * `签名时间` defaults to `封装包创建时间`. None: the EEP is written without 电子签名块 and 锁定签名.
   */
  readonly signers?: readonly EepSigner[];
  /** Index into `signers` of the signature that `锁定签名` locks, signed by that same signer. Default: the last. */
  readonly lock?: number;
  /**
   * The earlier EEP, for a 修改型 package: its `被签名对象` and `电子签名块` are copied byte for byte into
   * `原封装包` (its `锁定签名` is not: DA/T 48 keeps only those two), and the new ids use R = its layer
   * count. Read once, streamed.
   */
  readonly previous?: ByteSource;
  /** Indent the XML (default `false`). Never adds whitespace inside text, so signatures are unaffected. */
  readonly pretty?: boolean;
  /** Digests of each embedded file's bytes to report in the result (computed in the same pass). Default none. */
  readonly fileDigests?: readonly DigestAlgorithm[];
  /** Bytes read from each source at a time (default 1 MiB). Memory is bounded by a few chunks. */
  readonly chunkSize?: number;
  /** Aborts the build (`ABORTED`). */
  readonly signal?: AbortSignal;
}

/** A byte range of the output, `end` exclusive. */
export interface EepByteRange {
  readonly start: number;
  readonly end: number;
}

/** One embedded (or referenced) computer file, as written. */
export interface EepFileWritten {
  /** Index into `files`. */
  readonly index: number;
  /** `编码ID`. */
  readonly encodingId: string;
  /** `编码数据ID`. */
  readonly dataId: string;
  /** `引用编码数据ID` of an unchanged file (its data is in the earlier layer). */
  readonly referencedDataId?: string;
  /** `计算机文件名`. */
  readonly fileName: string;
  /** `反编码关键字` (the extension, without the dot; '' when the name has none). */
  readonly extension: string;
  /** Size in bytes (streamed, or the referenced data's decoded size). */
  readonly size: number;
  /** Hex digests requested with `fileDigests` (not for referenced files). */
  readonly digests: Readonly<Partial<Record<DigestAlgorithm, string>>>;
}

/** One `文档` as written. */
export interface EepDocumentWritten {
  /** `文档标识符`. */
  readonly documentId: string;
  /** `文档数据ID` of each version, with the indices of its files. */
  readonly versions: readonly { readonly versionId: string; readonly files: readonly number[] }[];
}

/** One `电子签名` as written. */
export interface EepSignatureWritten {
  /** `签名标识符` (`修改R-签名S`). */
  readonly id: string;
  /** The signer certificate's subject. */
  readonly subject: string;
  /** The SM2 user id used. */
  readonly userId: string;
  /** `签名时间`, if written. */
  readonly signedAt?: string;
  /** The DER signature (what `签名结果` holds in Base64). */
  readonly signature: Uint8Array;
}

/** What `buildEep` wrote, available once the last byte has been read. */
export interface EepBuildResult {
  /** `封装包类型`. */
  readonly packageType: '原始型' | '修改型';
  /** R: 0 for 原始型, the number of earlier layers for 修改型. */
  readonly modification: number;
  /** `修改标识符` of a 修改型 package. */
  readonly modificationId?: string;
  /** `封装包创建时间` as written. */
  readonly createdAt: string;
  /** Total bytes of the EEP. */
  readonly byteLength: number;
  /** Where `<被签名对象 …>…</被签名对象>` is: the bytes every `电子签名` signs. */
  readonly signedObject: EepByteRange;
  readonly documents: readonly EepDocumentWritten[];
  readonly files: readonly EepFileWritten[];
  readonly signatures: readonly EepSignatureWritten[];
  /** `被锁定签名标识符`, when signed. */
  readonly lockedSignature?: string;
}

/**
 * The EEP's bytes as an async iterable (a `ByteSource`: pass it to `sink.write('x.eep', build)`), read once,
 * with the result settling when the last byte has been read (or rejecting with the build's error).
 */
export interface EepBuild extends AsyncIterable<Uint8Array> {
  readonly result: Promise<EepBuildResult>;
}
