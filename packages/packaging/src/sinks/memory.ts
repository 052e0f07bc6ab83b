import { concatBytes, throwIfAborted } from '@dangan/core';
import { checkEntryPath, duplicatePathError, entryPathKey } from './entry-path.js';
import { sinkError } from './errors.js';
import { createPackageSink } from './sink-core.js';
import type { PackageEntryInfo, PackageSink, PackageSource, PackageWritten } from './types.js';

/** What `commit()` of a {@link memorySink} returns: the summary plus the package to read back. */
export interface MemoryPackageWritten extends PackageWritten {
  /** The committed package as a {@link PackageSource}, entries in write order. */
  readonly source: PackageSource;
  /** The committed entries' bytes by path, in write order. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/** A {@link PackageSink} kept in memory (内存写入端); `commit()` also gives the package back as a source. */
export interface MemorySink extends PackageSink {
  commit(): Promise<MemoryPackageWritten>;
}

/**
 * A package sink that keeps entries in memory — for tests, small packages and browsers without a file
 * system. Entries are copied, so the caller's buffers may change afterwards. Memory use is the package size.
 *
 * @example
 * const sink = memorySink();
 * await sink.write('说明.txt', utf8('归档信息包'));
 * const { source } = await sink.commit();
 * await readAll(source.read('说明.txt'), { maxBytes: 1024 });
 */
export function memorySink(): MemorySink {
  let files = new Map<string, Uint8Array>();
  return createPackageSink<MemoryPackageWritten>({
    async writeEntry(path, data, signal) {
      const parts: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        throwIfAborted(signal);
        parts.push(chunk.slice());
        size += chunk.length;
      }
      files.set(path, parts.length === 1 ? parts[0]! : concatBytes(parts));
      return size;
    },
    async commit(entries, totalBytes) {
      const frozen: ReadonlyMap<string, Uint8Array> = files;
      return { entries, totalBytes, files: frozen, source: memorySource(frozen) };
    },
    async discard() {
      files = new Map();
    },
  });
}

/**
 * A package source over entries held in memory (内存读取端), listed in the given order. Paths are checked
 * like a sink's (`PACKAGE_PATH_INVALID`, `PACKAGE_PATH_DUPLICATE`). Reads return the stored bytes themselves
 * (no copy): do not change them.
 *
 * @example
 * const source = memorySource({ 'metadata.xml': utf8('<a/>'), '内容/1.pdf': pdfBytes });
 * await source.has('metadata.xml'); // true
 */
export function memorySource(
  entries: Iterable<readonly [string, Uint8Array]> | Readonly<Record<string, Uint8Array>>,
): PackageSource {
  const files = new Map<string, Uint8Array>();
  const keys = new Map<string, string>();
  const pairs: Iterable<readonly [string, Uint8Array]> =
    Symbol.iterator in entries
      ? (entries as Iterable<readonly [string, Uint8Array]>)
      : Object.entries(entries as Readonly<Record<string, Uint8Array>>);
  for (const [path, bytes] of pairs) {
    checkEntryPath(path);
    if (!(bytes instanceof Uint8Array)) {
      throw new TypeError(`entry "${path}" must be a Uint8Array, got ${typeof bytes}`);
    }
    const key = entryPathKey(path);
    const earlier = keys.get(key);
    if (earlier !== undefined) throw duplicatePathError(path, earlier);
    keys.set(key, path);
    files.set(path, bytes);
  }
  const list: readonly PackageEntryInfo[] = [...files].map(([path, bytes]) => ({ path, size: bytes.length }));
  let closed = false;
  const assertOpen = (): void => {
    if (closed) throw sourceClosed();
  };
  return {
    async list() {
      assertOpen();
      return list;
    },
    read(path) {
      assertOpen();
      const bytes = files.get(path);
      if (bytes === undefined) throw entryNotFound(path);
      return () => {
        assertOpen();
        return bytes;
      };
    },
    async has(path) {
      assertOpen();
      return files.has(path);
    },
    async close() {
      closed = true;
    },
  };
}

/** The `PACKAGE_ENTRY_NOT_FOUND` error. */
export function entryNotFound(path: string) {
  return sinkError('PACKAGE_ENTRY_NOT_FOUND', `包中没有条目“${path}”`, `No entry "${path}" in the package`, {
    path,
  });
}

/** The `PACKAGE_SOURCE_CLOSED` error. */
export function sourceClosed() {
  return sinkError('PACKAGE_SOURCE_CLOSED', '包读取端已关闭', 'The package source is closed');
}
