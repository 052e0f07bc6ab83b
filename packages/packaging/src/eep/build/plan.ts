import {
  type ByteSource,
  DanganError,
  type DigestAlgorithm,
  isByteSource,
  parseDigestAlgorithm,
} from '@dangan/core';
import { type MetadataScheme, recordToXml, schemes, type UnknownRecord } from '@dangan/metadata';
import { type ResolvedSigner, resolveSigner } from '../sign/signer.js';
import { type ResolvedDocument, resolveDocuments } from './documents.js';
import { eepError } from './errors.js';
import type { BuildEepOptions, EepFileInput, EepUnchangedFile } from './options.js';
import { eepDateTime } from './time.js';

/** One computer file of the plan: its source (or reference) and what the record says about it. */
export interface PlannedFile {
  readonly input: ByteSource | EepUnchangedFile;
  readonly unchanged: string | number | undefined;
  readonly fileName: string;
  readonly extension: string;
  readonly declaredSize: number;
}

/** {@link BuildEepOptions} checked and resolved, before any byte is read. */
export interface BuildPlan {
  readonly record: UnknownRecord;
  readonly scheme: MetadataScheme;
  readonly files: readonly PlannedFile[];
  readonly documents: readonly ResolvedDocument[];
  readonly createdAt: string;
  readonly creator: string;
  readonly signers: readonly ResolvedSigner[];
  readonly lock: number;
  readonly previous: ByteSource | undefined;
  readonly pretty: boolean;
  readonly fileDigests: readonly DigestAlgorithm[];
  readonly chunkSize: number | undefined;
  readonly signal: AbortSignal | undefined;
}

type Obj = Record<string, unknown>;

function recordError(zh: string, en: string, path: string, cause?: unknown): DanganError {
  return eepError('EEP_RECORD_INVALID', `记录不能封装：${zh}`, `The record cannot be packaged: ${en}`, {
    path,
    ...(cause === undefined ? {} : { cause }),
  });
}

function isUnchanged(input: unknown): input is EepUnchangedFile {
  return (
    input !== null &&
    typeof input === 'object' &&
    'unchanged' in input &&
    !isByteSource(input) &&
    (typeof (input as EepUnchangedFile).unchanged === 'string' ||
      Number.isInteger((input as EepUnchangedFile).unchanged))
  );
}

function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A 计算机文件大小 as a byte count: a non-negative integer or its decimal text. */
function sizeOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/**
 * The extension (反编码关键字) of a file name: what follows the last dot of its last path segment, as written
 * (case kept); '' when there is none (or the name starts with its only dot).
 *
 * @example
 * extensionOf('批复.PDF'); // 'PDF'
 * extensionOf('a.tar.gz'); // 'gz'
 */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1);
}

/**
 * Checks build options before anything is read: argument shapes (`TypeError`/`RangeError`), the record
 * (`EEP_RECORD_INVALID`: it must write as DA/T 48 and have a 文件实体 with one 电子属性 per file, each with
 * 计算机文件名 and 计算机文件大小, at least one 业务实体 and one 机构人员实体), the files against the record
 * (`EEP_FILES_MISMATCH`) and the signers (`EEP_SIGNER_INVALID`).
 *
 * @example
 * const plan = planBuild({ record, files: [pdf], creator: '某区政务服务中心', createdAt: new Date() });
 */
export function planBuild(options: BuildEepOptions): BuildPlan {
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const scheme = options.scheme ?? schemes.dat46;
  const record = options.record;
  if (record === null || typeof record !== 'object' || Array.isArray(record))
    throw new TypeError('options.record must be a metadata record object');
  if (!Array.isArray(options.files)) throw new TypeError('options.files must be an array');
  if (typeof options.creator !== 'string' || options.creator.trim() === '')
    throw new RangeError('options.creator (封装包创建单位) must be a non-empty string');
  if (options.createdAt === undefined && typeof options.now !== 'function')
    throw new TypeError('options.createdAt (封装包创建时间) is required, or give options.now');
  const createdAt = eepDateTime(options.createdAt ?? options.now!(), 'createdAt', options.utcOffsetMinutes);
  const chunkSize = options.chunkSize;
  if (chunkSize !== undefined && (!Number.isSafeInteger(chunkSize) || chunkSize < 1))
    throw new RangeError(`options.chunkSize must be a positive integer, got ${String(chunkSize)}`);
  const fileDigests = (options.fileDigests ?? []).map((a) => parseDigestAlgorithm(a));
  if (options.previous !== undefined && !isByteSource(options.previous))
    throw new TypeError('options.previous must be a ByteSource (the earlier EEP)');

  const file = (record as Obj).文件实体;
  if (file === null || typeof file !== 'object' || Array.isArray(file))
    throw recordError('没有（单个）文件实体', 'it has no (single) 文件实体', '文件实体');
  for (const [key, name] of [
    ['业务实体', '业务实体'],
    ['机构人员实体', '机构人员实体'],
  ] as const) {
    if (asList((record as Obj)[key]).length === 0) {
      throw recordError(
        `DA/T 48 要求至少一个${name}（${key === '业务实体' ? '业务实体块' : '机构人员实体块'}不能为空）`,
        `DA/T 48 requires at least one ${name}`,
        key,
      );
    }
  }
  try {
    recordToXml(record, scheme, { layout: 'eep' });
  } catch (e) {
    if (e instanceof DanganError)
      throw recordError(e.message, e.messageEn ?? e.message, e.findings[0]?.path ?? '文件实体', e);
    throw e;
  }
  const attributes = asList((file as Obj).电子属性);
  if (attributes.length !== options.files.length) {
    throw eepError(
      'EEP_FILES_MISMATCH',
      `给出了 ${options.files.length} 个文件，记录有 ${attributes.length} 个电子属性：应一一对应`,
      `${options.files.length} files were given for ${attributes.length} 电子属性: they must match one to one`,
      { path: '文件实体/电子属性' },
    );
  }
  const files = options.files.map((input: EepFileInput, i): PlannedFile => {
    const path = `文件实体/电子属性[${i}]`;
    const item = attributes[i] as Obj | undefined;
    const fileName = item?.计算机文件名;
    if (typeof fileName !== 'string' || fileName.trim() === '')
      throw recordError(
        `第 ${i + 1} 个电子属性缺少计算机文件名`,
        `电子属性 ${i + 1} has no 计算机文件名`,
        path,
      );
    const declaredSize = sizeOf(item?.计算机文件大小);
    if (declaredSize === undefined) {
      throw recordError(
        `第 ${i + 1} 个电子属性（${fileName}）的计算机文件大小缺失或不是字节数`,
        `电子属性 ${i + 1} (${fileName}) has no 计算机文件大小 in bytes`,
        path,
      );
    }
    const unchanged = isUnchanged(input) ? input.unchanged : undefined;
    if (unchanged !== undefined && options.previous === undefined)
      throw new TypeError(`files[${i}] is { unchanged }, which needs options.previous (a 修改型 build)`);
    if (unchanged === undefined && !isByteSource(input))
      throw new TypeError(`files[${i}] must be a ByteSource or { unchanged: 编码数据ID | index }`);
    return { input, unchanged, fileName, extension: extensionOf(fileName), declaredSize };
  });
  const sequence = ((file as Obj).档号 as Obj | undefined)?.文档序号;
  const documents = resolveDocuments(
    options.documents,
    files.length,
    typeof sequence === 'string' || typeof sequence === 'number' ? String(sequence) : undefined,
  );
  if (options.signers !== undefined && !Array.isArray(options.signers))
    throw new TypeError('options.signers must be an array');
  const signers = (options.signers ?? []).map((s, i) =>
    resolveSigner(s, `第 ${i + 1} 个签名人`, createdAt, options.utcOffsetMinutes),
  );
  const lock = options.lock ?? signers.length - 1;
  if (
    signers.length === 0
      ? options.lock !== undefined
      : !Number.isInteger(lock) || lock < 0 || lock >= signers.length
  )
    throw new RangeError(
      `options.lock must index options.signers (0–${signers.length - 1}), got ${String(options.lock)}`,
    );
  return {
    record,
    scheme,
    files,
    documents,
    createdAt,
    creator: options.creator,
    signers,
    lock,
    previous: options.previous,
    pretty: options.pretty ?? false,
    fileDigests,
    chunkSize,
    signal: options.signal,
  };
}
