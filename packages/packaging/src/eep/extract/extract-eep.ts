import {
  type ByteSource,
  createHasher,
  DanganError,
  type DigestAlgorithm,
  type Finding,
  type Hasher,
  isByteSource,
  parseDigestAlgorithm,
  type SafeResult,
  safelyAsync,
} from '@dangan/core';
import { checkEntryPath } from '../../sinks/entry-path.js';
import type { EntryWritten, PackageSink, PackageWritten } from '../../sinks/types.js';
import type { EncodingModel } from '../read/collector.js';
import { eepError } from '../read/errors.js';
import { type DataConsumer, type EepReadOptions, runEepPass } from '../read/pass.js';
import { isRereadable } from '../read/source.js';
import { eepFinding } from '../validate/codes.js';
import { encodingsOf, resolveEncoding } from '../validate/rules.js';
import { EntryNames } from './file-name.js';
import { PushSource } from './push-source.js';

/** Options of {@link extractEep}. */
export interface ExtractEepOptions extends EepReadOptions {
  /** A folder inside the sink to write the files under (default: the sink's top level). */
  readonly folder?: string;
  /** Digests of each file besides SM3 (`sha256` …). */
  readonly digests?: readonly DigestAlgorithm[];
  /** Largest decoded file accepted, in bytes (default: no limit; files stream, whatever their size). */
  readonly maxFileSize?: number;
  /** Commit the sink when every file is written (default `true`); `false` leaves that to the caller. */
  readonly commit?: boolean;
}

/** One extracted file (提取的文件). */
export interface EepExtractedFile {
  /** The entry path it was written to. */
  readonly path: string;
  /** `计算机文件名` as the package gives it. */
  readonly fileName: string | undefined;
  readonly encodingId: string | undefined;
  readonly dataId: string | undefined;
  /** The earlier layer's 编码数据 its bytes came from (修改型). */
  readonly referencedDataId: string | undefined;
  /** Bytes written. */
  readonly size: number;
  /** `计算机文件大小` as written. */
  readonly declaredSize: string | undefined;
  /** Whether 计算机文件大小 equals `size` (`undefined` when it is not a number). */
  readonly sizeMatches: boolean | undefined;
  /** Digests of the bytes (lowercase hex): SM3 always, others on request. */
  readonly digests: Readonly<Partial<Record<DigestAlgorithm, string>>>;
}

/** What {@link extractEep} did. */
export interface EepExtraction {
  /** The files of the current layer, in document order. */
  readonly files: readonly EepExtractedFile[];
  /** Structure findings and extraction notes (renamed files …); none is an extraction error. */
  readonly findings: readonly Finding[];
  /** The sink's commit result (`undefined` with `commit: false`). */
  readonly written: PackageWritten | undefined;
  /** How many times the source was read (2 or more when a 修改型 layer reuses earlier data). */
  readonly reads: number;
}

interface Planned {
  readonly encoding: EncodingModel;
  readonly path: string;
  size: number;
  digests: Partial<Record<DigestAlgorithm, string>>;
}

/** Thrown inside a pass to stop it with findings. */
class ExtractStop extends Error {
  constructor(readonly findings: readonly Finding[]) {
    super('extraction stopped');
  }
}

function checkOptions(source: unknown, sink: unknown, options: ExtractEepOptions): void {
  if (!isByteSource(source)) throw new TypeError('source must be a ByteSource (Uint8Array, Blob, stream …)');
  if (
    sink === null ||
    typeof sink !== 'object' ||
    typeof (sink as PackageSink).write !== 'function' ||
    typeof (sink as PackageSink).abort !== 'function'
  ) {
    throw new TypeError('sink must be a PackageSink');
  }
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  if (options.folder !== undefined && options.folder !== '') checkEntryPath(options.folder);
  const max = options.maxFileSize;
  if (max !== undefined && !(Number.isSafeInteger(max) && max >= 0)) {
    throw new RangeError(`maxFileSize must be a non-negative integer, got ${String(max)}`);
  }
}

/**
 * Extracts the files of an EEP (提取封装包中的文件) into a {@link PackageSink}, streaming: each 编码数据 of
 * the current layer is Base64-decoded piece by piece and written under its 计算机文件名, the extension
 * restored from 反编码关键字, the name made safe by the sink's `checkEntryPath` rules (a `../` or a device
 * name never leaves the sink; a changed name is a `EEP_FILE_NAME_CHANGED` warning) and made unique. In a
 * 修改型 package, a 编码数据 that reuses earlier data (引用编码数据ID) gets the referenced bytes, read on a
 * further pass over the source (which must then be re-readable). Each file gets its size and SM3 (and other)
 * digests.
 *
 * Hostile or broken input never half-writes: bad Base64, an unresolvable reference, a file over
 * `maxFileSize`, a source that changes between reads, unreadable XML or a sink failure aborts the sink and
 * throws `DanganError('EEP_EXTRACT_FAILED')` (or `EEP_SOURCE_NOT_REREADABLE`) with findings. The sink is
 * committed at the end unless `commit: false`.
 *
 * @example
 * const { files } = await extractEep(fromFile('件.eep'), folderSink('/归档/件0001'));
 * for (const f of files) console.log(f.path, f.size, f.digests.sm3);
 */
export async function extractEep(
  source: ByteSource,
  sink: PackageSink,
  options: ExtractEepOptions = {},
): Promise<EepExtraction> {
  checkOptions(source, sink, options);
  const algorithms = [
    ...new Set<DigestAlgorithm>(['sm3', ...(options.digests ?? []).map(parseDigestAlgorithm)]),
  ];
  const names = new EntryNames(options.folder ?? '');
  const notes: Finding[] = [];
  const planned: Planned[] = [];
  /** SM3 of every 编码数据 as the first pass saw it, by 编码数据ID (to check later passes). */
  const firstSeen = new Map<string, string>();
  let reads = 1;
  let writeError: unknown;

  const writeFile = (plan: Planned): DataConsumer => {
    const stream = new PushSource();
    const hashers: Hasher[] = algorithms.map((a) => createHasher(a));
    const write: Promise<EntryWritten> = sink.write(plan.path, stream, {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    write.catch((error: unknown) => {
      writeError ??= error;
      stream.cancel(error);
    });
    return {
      bytes(bytes) {
        plan.size += bytes.length;
        if (options.maxFileSize !== undefined && plan.size > options.maxFileSize) {
          const finding = eepFinding(
            'EEP_FILE_TOO_LARGE',
            `文件“${plan.path}”超过允许的大小（${options.maxFileSize} 字节）`,
            `File "${plan.path}" exceeds the allowed ${options.maxFileSize} bytes`,
            { path: plan.encoding.dataPath ?? plan.encoding.path },
          );
          stream.fail(new ExtractStop([finding]));
          throw new ExtractStop([finding]);
        }
        for (const h of hashers) h.update(bytes);
        return stream.push(bytes);
      },
      async end(ok) {
        if (!ok) {
          const finding = eepFinding(
            'EEP_FILE_BASE64',
            `文件“${plan.path}”的编码数据无法解码（不是有效的 Base64，或不在 DA/T 48 结构中），无法提取`,
            `The 编码数据 of "${plan.path}" cannot be decoded (not valid Base64, or outside the DA/T 48 structure) and cannot be extracted`,
            { path: plan.encoding.dataPath ?? plan.encoding.path },
          );
          stream.fail(new ExtractStop([finding]));
          await write.catch(() => undefined);
          throw new ExtractStop([finding]);
        }
        stream.close();
        await write;
        algorithms.forEach((a, i) => {
          plan.digests[a] = hashers[i]!.digestHex();
        });
      },
    };
  };

  const fail = async (
    findings: readonly Finding[],
    cause?: unknown,
    code: 'EEP_EXTRACT_FAILED' | 'EEP_SOURCE_NOT_REREADABLE' = 'EEP_EXTRACT_FAILED',
  ): Promise<never> => {
    await sink.abort(cause).catch(() => undefined);
    throw eepError(
      code,
      '封装包中的文件提取失败，已中止写入',
      'Extracting the files of the EEP failed; the sink was aborted',
      findings,
      cause,
    );
  };

  const run = async (onData: (encoding: EncodingModel, level: number) => DataConsumer | undefined) => {
    try {
      return await runEepPass(source, { ...options, onData });
    } catch (error) {
      if (error instanceof ExtractStop) return fail([...notes, ...error.findings], error);
      if (writeError !== undefined) {
        const findings = writeError instanceof DanganError ? writeError.findings : [];
        return fail([...notes, ...findings], writeError);
      }
      return fail(error instanceof DanganError ? [...notes, ...error.findings] : notes, error);
    }
  };

  // First pass: the current layer's own data is written as it streams; every 编码数据 is digested.
  const first = await run((encoding, level) => {
    const sm3 = createHasher('sm3');
    const check: DataConsumer = {
      bytes: (b) => void sm3.update(b),
      end: (ok) => {
        if (ok && encoding.dataId !== undefined) firstSeen.set(encoding.dataId, sm3.digestHex());
      },
    };
    if (level !== 0) return check;
    const fallback = `${encoding.id ?? `文件${planned.length + 1}`}`;
    const name = names.allocate(encoding.fileName, encoding.extensionKey, fallback);
    if (name.changed) {
      notes.push(
        eepFinding(
          'EEP_FILE_NAME_CHANGED',
          `计算机文件名“${encoding.fileName ?? ''}”不能直接用作条目路径，已写为“${name.path}”`,
          `计算机文件名 "${encoding.fileName ?? ''}" cannot be an entry path as it is; written as "${name.path}"`,
          { path: encoding.path },
        ),
      );
    }
    const plan: Planned = { encoding, path: name.path, size: 0, digests: {} };
    planned.push(plan);
    if (encoding.referencedDataId !== undefined) return check;
    const file = writeFile(plan);
    return {
      bytes: (b) => {
        sm3.update(b);
        return file.bytes(b);
      },
      end: async (ok) => {
        await file.end(ok);
        check.end(ok);
      },
    };
  });
  if (first.xmlError !== undefined) return fail([...first.findings, ...notes], first.xmlError);

  // References: the bytes of earlier layers' 编码数据, one further pass per distinct set of targets.
  const layers = first.model.layers;
  const byDataId = new Map<string, EncodingModel>();
  for (const layer of layers) {
    for (const c of encodingsOf(layer))
      if (c.dataId !== undefined && !byDataId.has(c.dataId)) byDataId.set(c.dataId, c);
  }
  let waiting = planned.filter((p) => p.encoding.referencedDataId !== undefined);
  const unresolved = waiting.filter((p) => resolveEncoding(p.encoding, byDataId)?.decodedSize === undefined);
  if (unresolved.length > 0) {
    return fail([
      ...first.findings,
      ...notes,
      ...unresolved.map((p) =>
        eepFinding(
          'EEP_FILE_REFERENCE_UNRESOLVED',
          `“${p.path}”引用的编码数据“${p.encoding.referencedDataId}”不存在于更早的层中，或无法解码`,
          `"${p.path}" refers to 编码数据 "${p.encoding.referencedDataId}", which no earlier layer has (or which cannot be decoded)`,
          { path: p.encoding.dataPath ?? p.encoding.path },
        ),
      ),
    ]);
  }
  if (waiting.length > 0 && !isRereadable(source)) {
    return fail(
      [
        ...first.findings,
        ...notes,
        eepFinding(
          'EEP_SOURCE_NOT_REREADABLE',
          '修改型封装包引用了原封装包中的数据，提取需要再读一次封装包，但来源只能读一次（请传入函数、Uint8Array 或 Blob）',
          'the 修改型 package reuses earlier data, so extraction needs another read, but the source is a one-shot stream (pass a function, Uint8Array or Blob)',
          { path: waiting[0]!.encoding.dataPath ?? waiting[0]!.encoding.path },
        ),
      ],
      undefined,
      'EEP_SOURCE_NOT_REREADABLE',
    );
  }
  while (waiting.length > 0) {
    // One write at a time per target: two entries cannot be fed from one stream.
    const batch = new Map<string, Planned>();
    for (const p of waiting) {
      const target = resolveEncoding(p.encoding, byDataId)!.dataId!;
      if (!batch.has(target)) batch.set(target, p);
    }
    waiting = waiting.filter((p) => ![...batch.values()].includes(p));
    reads++;
    await run((encoding, level) => {
      const plan = level > 0 && encoding.dataId !== undefined ? batch.get(encoding.dataId) : undefined;
      if (plan === undefined) return undefined;
      const file = writeFile(plan);
      const sm3 = createHasher('sm3');
      return {
        bytes: (b) => {
          sm3.update(b);
          return file.bytes(b);
        },
        end: async (ok) => {
          await file.end(ok);
          if (sm3.digestHex() !== firstSeen.get(encoding.dataId!)) {
            throw new ExtractStop([
              eepFinding(
                'EEP_SOURCE_CHANGED',
                '再次读取封装包时引用的编码数据与第一次不同：来源在提取期间被改动',
                'the referenced 编码数据 differed on a later read: the source changed during extraction',
                { path: encoding.dataPath ?? encoding.path },
              ),
            ]);
          }
        },
      };
    });
    const missing = [...batch.values()].filter((p) => p.digests.sm3 === undefined);
    if (missing.length > 0) {
      return fail([
        ...notes,
        ...missing.map((p) =>
          eepFinding(
            'EEP_SOURCE_CHANGED',
            `再次读取封装包时没有找到“${p.path}”引用的编码数据：来源在提取期间被改动`,
            `the 编码数据 "${p.path}" refers to was not found on a later read: the source changed during extraction`,
            { path: p.encoding.dataPath ?? p.encoding.path },
          ),
        ),
      ]);
    }
  }

  let written: PackageWritten | undefined;
  if (options.commit !== false) {
    try {
      written = await sink.commit();
    } catch (error) {
      return fail([...notes, ...(error instanceof DanganError ? error.findings : [])], error);
    }
  }
  const files: EepExtractedFile[] = planned.map((p) => {
    const c = p.encoding;
    const declared = c.declaredSize?.trim();
    return {
      path: p.path,
      fileName: c.fileName,
      encodingId: c.id,
      dataId: c.dataId,
      referencedDataId: c.referencedDataId,
      size: p.size,
      declaredSize: c.declaredSize,
      sizeMatches:
        declared === undefined || !/^[0-9]+$/.test(declared)
          ? undefined
          : BigInt(declared) === BigInt(p.size),
      digests: p.digests,
    };
  });
  return { files, findings: [...first.findings, ...notes], written, reads };
}

/**
 * {@link extractEep} returning a {@link SafeResult}: a failed extraction (sink aborted) gives `ok: false`
 * with its findings.
 *
 * @example
 * const r = await safeExtractEep(bytes, memorySink());
 * if (!r.ok) console.log(r.findings);
 */
export function safeExtractEep(
  source: ByteSource,
  sink: PackageSink,
  options: ExtractEepOptions = {},
): Promise<SafeResult<EepExtraction>> {
  return safelyAsync(() => extractEep(source, sink, options));
}
