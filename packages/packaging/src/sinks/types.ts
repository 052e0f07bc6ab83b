import type { ByteSource } from '@dangan/core';

/** Options of {@link PackageSink.write}. */
export interface WriteEntryOptions {
  /** Stops the write with `DanganError('ABORTED')`; the sink is then failed and must be aborted. */
  readonly signal?: AbortSignal;
}

/** What one {@link PackageSink.write} wrote (已写入条目). */
export interface EntryWritten {
  /** The entry path, as given (validated, `/`-separated). */
  readonly path: string;
  /** Bytes written. */
  readonly size: number;
}

/** What {@link PackageSink.commit} completed (已完成的包). */
export interface PackageWritten {
  /** Every entry, in write order. */
  readonly entries: readonly EntryWritten[];
  /** Sum of the entry sizes. */
  readonly totalBytes: number;
  /** Where the package now is (a folder path, a file name …), when the sink has a location. */
  readonly location?: string;
}

/**
 * Where a package is written (包写入端): named entries written one after another as streams, then
 * {@link commit}ted — only then does the package become visible and complete — or {@link abort}ed, which
 * removes everything written. Implementations: `memorySink()`, `folderSink()` (Node, `@dangan/packaging/node`)
 * and `zipSink()`.
 *
 * Entry paths are relative, `/`-separated and must be safe on every system the package may travel to (see
 * `checkEntryPath`); a path equal to an earlier one ignoring case is refused, so packages survive Windows.
 *
 * Writes are performed in call order (a write called while another runs waits for it). If a write fails
 * for any reason other than a refused path (the source fails, the disk is full, the signal aborts), the sink
 * removes what it wrote and is failed: later writes and `commit()` reject with `PACKAGE_SINK_FAILED`.
 *
 * @example
 * const sink = memorySink();
 * await sink.write('metadata/件.xml', utf8('<件/>'));
 * await sink.write('content/0001.pdf', fromFile('0001.pdf'));
 * const written = await sink.commit();
 */
export interface PackageSink {
  /** Streams `source` into the entry `path`. Rejects with `PACKAGE_PATH_INVALID`/`PACKAGE_PATH_DUPLICATE` for bad paths. */
  write(path: string, source: ByteSource, options?: WriteEntryOptions): Promise<EntryWritten>;
  /** Completes the package after all pending writes; rejects with `PACKAGE_SINK_CLOSED` when called twice. */
  commit(): Promise<PackageWritten>;
  /**
   * Removes everything written and closes the sink. Idempotent; after a successful `commit()` it does
   * nothing (a complete package is not removed).
   */
  abort(reason?: unknown): Promise<void>;
}

/** One entry of a {@link PackageSource} (包条目). */
export interface PackageEntryInfo {
  /** The entry path, `/`-separated. */
  readonly path: string;
  /** Size in bytes, when known without reading. */
  readonly size?: number;
}

/**
 * A package to read (包读取端): its entries listed in a stable order and each read as a re-readable
 * {@link ByteSource}. Implementations: `memorySource()`, the source of a committed `memorySink()`,
 * `folderSource()` (Node).
 *
 * @example
 * for (const entry of await source.list()) console.log(entry.path, await digest(source.read(entry.path), 'sm3'));
 */
export interface PackageSource {
  /** Every entry (files only), in an order that is the same on every call. */
  list(): Promise<readonly PackageEntryInfo[]>;
  /** The entry's bytes as a source that may be read any number of times; `PACKAGE_ENTRY_NOT_FOUND` when absent. */
  read(path: string): ByteSource;
  /** Whether the entry exists. */
  has(path: string): Promise<boolean>;
  /** Releases resources; later calls reject with `PACKAGE_SOURCE_CLOSED`. Idempotent. */
  close(): Promise<void>;
}
