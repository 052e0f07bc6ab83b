import { type ByteSource, chunks, createCrc32, DanganError, knownSize, utf8 } from '@dangan/core';
import {
  LeWriter,
  MAX16,
  MAX32,
  SIG_CENTRAL,
  SIG_DESCRIPTOR,
  SIG_EOCD,
  SIG_EOCD64,
  SIG_LOCAL,
  SIG_LOCATOR64,
} from './binary.js';
import { DOS_EPOCH, toDosDateTime } from './dos-time.js';
import { checkEntryName, collisionKey } from './names.js';
import { ALREADY_COMPRESSED_EXTENSIONS, autoMethod } from './store-extensions.js';

/** Where the archive bytes go: anything with an (optionally async) `write`, or a web `WritableStream`. */
export type ZipOutput = { write(chunk: Uint8Array): void | Promise<void> } | WritableStream<Uint8Array>;

/** Compression of one entry: `auto` stores already-compressed formats (by extension) and deflates others. */
export type ZipMethod = 'store' | 'deflate' | 'auto';

/** Options of {@link createZipWriter}. */
export interface ZipWriterOptions {
  /** Modification time for entries that give none. Default 1980-01-01 00:00 (no clock is read). */
  readonly now?: Date;
  /** Default method for entries. Default `auto`. */
  readonly method?: ZipMethod;
  /** Extensions `auto` stores; default {@link ALREADY_COMPRESSED_EXTENSIONS}. */
  readonly storeExtensions?: readonly string[];
  /** Archive comment (UTF-8). */
  readonly comment?: string;
  /** Read chunk size for sources. Default 1 MiB. */
  readonly chunkSize?: number;
}

/** Options of {@link ZipWriter.addEntry}. */
export interface ZipEntryOptions {
  readonly method?: ZipMethod;
  /** Stored as DOS time from the UTC fields (see `toDosDateTime`). */
  readonly modified?: Date;
  readonly comment?: string;
  /** Unix permission bits stored in the external attributes. Default `0o644`. */
  readonly mode?: number;
}

/** What was written for one entry. */
export interface ZipWrittenEntry {
  readonly name: string;
  readonly method: 'store' | 'deflate';
  readonly crc32: number;
  readonly size: number;
  readonly compressedSize: number;
  readonly offset: number;
}

/**
 * A streaming ZIP64 writer (流式 ZIP64 写入器). Entries are written one after another, each read once,
 * with sizes and CRC-32 in a data descriptor, so memory stays bounded whatever the entry size.
 *
 * If a source fails or the output rejects, the writer enters an error state: every later call rejects
 * with `ZIP_WRITER_FAILED`. **The output is then incomplete and must be discarded** — sinks should write
 * to a temporary name and rename only after `close()` resolves.
 */
export interface ZipWriter {
  /** Streams one file entry. Calls are queued in order; await each for backpressure. */
  addEntry(name: string, source: ByteSource, options?: ZipEntryOptions): Promise<ZipWrittenEntry>;
  /** Adds an empty directory entry (`name` gets a trailing `/`). */
  addDirectory(name: string, options?: Pick<ZipEntryOptions, 'modified' | 'comment' | 'mode'>): Promise<void>;
  /** Writes the central directory (ZIP64 where needed) and closes a `WritableStream` output. */
  close(): Promise<{ readonly entries: number; readonly size: number }>;
  /** Gives up: later calls reject; a `WritableStream` output is aborted. */
  abort(reason?: unknown): Promise<void>;
  /** Bytes written so far. */
  readonly bytesWritten: number;
}

interface CentralRecord {
  readonly nameBytes: Uint8Array;
  readonly commentBytes: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly date: number;
  readonly time: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
  readonly versionNeeded: number;
  readonly external: number;
}

const FLAG_DESCRIPTOR = 1 << 3;
const FLAG_UTF8 = 1 << 11;
/** Version made by: Unix (3) << 8 | 4.5. */
const MADE_BY = (3 << 8) | 45;
/** Sizes this far below 4 GiB still use 32-bit fields (DEFLATE may expand incompressible input a little). */
const SMALL_LIMIT = 0xffff_0000;

function misuse(message: string, messageEn: string): DanganError {
  return new DanganError('ZIP_WRITER_MISUSE', message, { messageEn });
}

/**
 * Creates a streaming ZIP64 writer over `output`.
 *
 * @example
 * const chunks: Uint8Array[] = [];
 * const zip = createZipWriter({ write: (c) => { chunks.push(c.slice()); } });
 * await zip.addEntry('元数据.xml', utf8('<a/>'));
 * await zip.addEntry('正文.pdf', pdfBytes); // stored: already compressed
 * await zip.close();
 */
export function createZipWriter(output: ZipOutput, options: ZipWriterOptions = {}): ZipWriter {
  const write = outputWriter(output);
  const defaultTime = options.now ?? DOS_EPOCH;
  const storeExtensions = options.storeExtensions ?? ALREADY_COMPRESSED_EXTENSIONS;
  const records: CentralRecord[] = [];
  const seen = new Map<string, string>();
  let offset = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let failure: unknown;
  let closed = false;

  const emit = async (bytes: Uint8Array): Promise<void> => {
    if (bytes.length === 0) return;
    await write.write(bytes);
    offset += bytes.length;
  };

  const run = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(async () => {
      if (failure !== undefined) {
        throw new DanganError('ZIP_WRITER_FAILED', '压缩包写入器已出错，输出不完整，必须丢弃', {
          messageEn: 'The ZIP writer failed earlier; its output is incomplete and must be discarded',
          cause: failure,
        });
      }
      if (closed) throw misuse('压缩包已关闭，不能再写入', 'The ZIP writer is closed');
      try {
        return await task();
      } catch (e) {
        failure = e;
        throw e;
      }
    });
    queue = next.catch(() => undefined);
    return next;
  };

  const claimName = (name: string): void => {
    const problem = checkEntryName(name);
    if (problem !== undefined)
      throw new DanganError(problem.code, problem.message, { messageEn: problem.messageEn, path: name });
    const key = collisionKey(name);
    const previous = seen.get(key);
    if (previous !== undefined) {
      const same = previous === name;
      throw new DanganError(
        same ? 'ZIP_NAME_DUPLICATE' : 'ZIP_NAME_CASE_COLLISION',
        same ? `条目名“${name}”重复` : `条目名“${name}”与“${previous}”仅大小写不同`,
        {
          messageEn: same
            ? `Duplicate entry name "${name}"`
            : `Entry "${name}" collides with "${previous}" by case`,
          path: name,
        },
      );
    }
    seen.set(key, name);
  };

  const addEntry = (
    name: string,
    source: ByteSource,
    entryOptions: ZipEntryOptions = {},
  ): Promise<ZipWrittenEntry> => {
    // Name problems are misuse, not a broken archive: reject without poisoning the writer.
    try {
      if (closed) throw misuse('压缩包已关闭，不能再写入', 'The ZIP writer is closed');
      if (name.endsWith('/'))
        throw misuse(`文件条目名“${name}”不能以“/”结尾`, `File entry "${name}" ends with "/"`);
      claimName(name);
    } catch (e) {
      return Promise.reject(e);
    }
    return run(async () => {
      const requested = entryOptions.method ?? options.method ?? 'auto';
      const method = requested === 'auto' ? autoMethod(name, storeExtensions) : requested;
      const known = knownSize(source);
      const zip64 = known === undefined || known >= SMALL_LIMIT;
      const nameBytes = utf8(name);
      const { date, time } = toDosDateTime(entryOptions.modified ?? defaultTime);
      const flags = FLAG_DESCRIPTOR | FLAG_UTF8;
      const methodCode = method === 'deflate' ? 8 : 0;
      const versionNeeded = zip64 ? 45 : 20;
      const entryOffset = offset;
      await emit(localHeader(nameBytes, flags, methodCode, date, time, versionNeeded, zip64));
      const crc = createCrc32();
      let size = 0;
      let compressedSize = 0;
      const chunkOptions = options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize };
      if (method === 'store') {
        for await (const chunk of chunks(source, chunkOptions)) {
          crc.update(chunk);
          size += chunk.length;
          await emit(chunk);
        }
        compressedSize = size;
      } else {
        const counted = await deflateInto(source, chunkOptions, crc, emit);
        size = counted.size;
        compressedSize = counted.compressedSize;
      }
      if (!zip64 && (size >= MAX32 || compressedSize >= MAX32)) {
        throw new DanganError('ZIP_WRITER_FAILED', `条目“${name}”的大小与声明不符`, {
          messageEn: `Entry "${name}" grew beyond its known size`,
          path: name,
        });
      }
      const digest = crc.digest();
      const descriptor = new LeWriter(zip64 ? 24 : 16).u32(SIG_DESCRIPTOR).u32(digest);
      if (zip64) descriptor.u64(compressedSize).u64(size);
      else descriptor.u32(compressedSize).u32(size);
      await emit(descriptor.bytes);
      records.push({
        nameBytes,
        commentBytes: utf8(entryOptions.comment ?? ''),
        flags,
        method: methodCode,
        date,
        time,
        crc: digest,
        compressedSize,
        size,
        offset: entryOffset,
        versionNeeded,
        external: ((0o100000 | (entryOptions.mode ?? 0o644)) << 16) >>> 0,
      });
      return { name, method, crc32: digest, size, compressedSize, offset: entryOffset };
    });
  };

  const addDirectory = (
    name: string,
    dirOptions: Pick<ZipEntryOptions, 'modified' | 'comment' | 'mode'> = {},
  ): Promise<void> => {
    const dirName = name.endsWith('/') ? name : `${name}/`;
    try {
      if (closed) throw misuse('压缩包已关闭，不能再写入', 'The ZIP writer is closed');
      claimName(dirName);
    } catch (e) {
      return Promise.reject(e);
    }
    return run(async () => {
      const nameBytes = utf8(dirName);
      const { date, time } = toDosDateTime(dirOptions.modified ?? defaultTime);
      const entryOffset = offset;
      await emit(localHeader(nameBytes, FLAG_UTF8, 0, date, time, 20, false));
      records.push({
        nameBytes,
        commentBytes: utf8(dirOptions.comment ?? ''),
        flags: FLAG_UTF8,
        method: 0,
        date,
        time,
        crc: 0,
        compressedSize: 0,
        size: 0,
        offset: entryOffset,
        versionNeeded: 20,
        external: (((0o040000 | (dirOptions.mode ?? 0o755)) << 16) | 0x10) >>> 0,
      });
    });
  };

  const close = (): Promise<{ entries: number; size: number }> =>
    run(async () => {
      const cdOffset = offset;
      for (const r of records) await emit(centralHeader(r));
      const cdSize = offset - cdOffset;
      const needs64 = records.length >= MAX16 || cdOffset >= MAX32 || cdSize >= MAX32;
      if (needs64) {
        const eocd64Offset = offset;
        await emit(
          new LeWriter(56 + 20)
            .u32(SIG_EOCD64)
            .u64(44)
            .u16(MADE_BY)
            .u16(45)
            .u32(0)
            .u32(0)
            .u64(records.length)
            .u64(records.length)
            .u64(cdSize)
            .u64(cdOffset)
            .u32(SIG_LOCATOR64)
            .u32(0)
            .u64(eocd64Offset)
            .u32(1).bytes,
        );
      }
      const comment = utf8(options.comment ?? '');
      if (comment.length > MAX16) throw misuse('压缩包注释过长', 'Archive comment too long');
      const count = Math.min(records.length, MAX16);
      await emit(
        new LeWriter(22 + comment.length)
          .u32(SIG_EOCD)
          .u16(0)
          .u16(0)
          .u16(count)
          .u16(count)
          .u32(Math.min(cdSize, MAX32))
          .u32(Math.min(cdOffset, MAX32))
          .u16(comment.length)
          .raw(comment).bytes,
      );
      closed = true;
      await write.close();
      return { entries: records.length, size: offset };
    });

  const abort = async (reason?: unknown): Promise<void> => {
    failure ??= reason ?? new Error('aborted');
    await write.abort(reason);
  };

  return {
    addEntry,
    addDirectory,
    close,
    abort,
    get bytesWritten() {
      return offset;
    },
  };
}

function localHeader(
  nameBytes: Uint8Array,
  flags: number,
  method: number,
  date: number,
  time: number,
  versionNeeded: number,
  zip64: boolean,
): Uint8Array {
  const h = new LeWriter(30 + nameBytes.length + (zip64 ? 20 : 0))
    .u32(SIG_LOCAL)
    .u16(versionNeeded)
    .u16(flags)
    .u16(method)
    .u16(time)
    .u16(date)
    .u32(0)
    // APPNOTE 4.4.8/4.5.3: with ZIP64 the sizes are 0xFFFFFFFF here and zero in the extra (bit 3: unknown yet).
    .u32(zip64 ? MAX32 : 0)
    .u32(zip64 ? MAX32 : 0)
    .u16(nameBytes.length)
    .u16(zip64 ? 20 : 0)
    .raw(nameBytes);
  if (zip64) h.u16(0x0001).u16(16).u64(0).u64(0);
  return h.bytes;
}

function centralHeader(r: CentralRecord): Uint8Array {
  const bigSize = r.size >= MAX32;
  const bigCompressed = r.compressedSize >= MAX32;
  const bigOffset = r.offset >= MAX32;
  const extraLength =
    bigSize || bigCompressed || bigOffset ? 4 + 8 * (+bigSize + +bigCompressed + +bigOffset) : 0;
  const versionNeeded = extraLength > 0 ? 45 : r.versionNeeded;
  const h = new LeWriter(46 + r.nameBytes.length + extraLength + r.commentBytes.length)
    .u32(SIG_CENTRAL)
    .u16(MADE_BY)
    .u16(versionNeeded)
    .u16(r.flags)
    .u16(r.method)
    .u16(r.time)
    .u16(r.date)
    .u32(r.crc)
    .u32(bigCompressed ? MAX32 : r.compressedSize)
    .u32(bigSize ? MAX32 : r.size)
    .u16(r.nameBytes.length)
    .u16(extraLength)
    .u16(r.commentBytes.length)
    .u16(0)
    .u16(0)
    .u32(r.external)
    .u32(bigOffset ? MAX32 : r.offset)
    .raw(r.nameBytes);
  if (extraLength > 0) {
    h.u16(0x0001).u16(extraLength - 4);
    if (bigSize) h.u64(r.size);
    if (bigCompressed) h.u64(r.compressedSize);
    if (bigOffset) h.u64(r.offset);
  }
  return h.raw(r.commentBytes).bytes;
}

async function deflateInto(
  source: ByteSource,
  chunkOptions: { chunkSize?: number },
  crc: ReturnType<typeof createCrc32>,
  emit: (bytes: Uint8Array) => Promise<void>,
): Promise<{ size: number; compressedSize: number }> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let size = 0;
  let feedError: unknown;
  const feed = (async () => {
    for await (const chunk of chunks(source, chunkOptions)) {
      crc.update(chunk);
      size += chunk.length;
      await writer.write(chunk as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  })().catch(async (e: unknown) => {
    feedError = e;
    await writer.abort(e).catch(() => undefined);
  });
  let compressedSize = 0;
  try {
    for (;;) {
      const step = await reader.read();
      if (step.done) break;
      compressedSize += step.value.length;
      await emit(step.value);
    }
  } catch (e) {
    await feed;
    throw feedError ?? e;
  }
  await feed;
  if (feedError !== undefined) throw feedError;
  return { size, compressedSize };
}

interface OutputWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(reason: unknown): Promise<void>;
}

function outputWriter(output: ZipOutput): OutputWriter {
  if (typeof (output as WritableStream<Uint8Array>).getWriter === 'function') {
    const w = (output as WritableStream<Uint8Array>).getWriter();
    return {
      write: (chunk) => w.write(chunk),
      close: () => w.close(),
      abort: (reason) => w.abort(reason).catch(() => undefined),
    };
  }
  const sink = output as { write(chunk: Uint8Array): void | Promise<void> };
  return {
    write: async (chunk) => {
      await sink.write(chunk);
    },
    close: async () => undefined,
    abort: async () => undefined,
  };
}
