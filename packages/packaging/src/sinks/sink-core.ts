import { type ByteSource, chunks, DanganError, isByteSource } from '@dangan/core';
import { checkEntryPath, duplicatePathError, entryPathKey } from './entry-path.js';
import { sinkError } from './errors.js';
import type { EntryWritten, PackageSink, PackageWritten, WriteEntryOptions } from './types.js';

/**
 * The storage half of a {@link PackageSink}, for implementations built on {@link createPackageSink}: the
 * shared part checks paths, orders writes, tracks state and calls {@link discard} on any failure.
 */
export interface PackageSinkBackend<W extends PackageWritten> {
  /**
   * Stores one entry from `data` (already-validated `path`, called one at a time in write order) and
   * returns the number of bytes stored. Chunks may be views into the caller's memory: copy to keep them.
   */
  writeEntry(path: string, data: AsyncIterable<Uint8Array>, signal: AbortSignal): Promise<number>;
  /** Makes the package complete and visible. On a throw the sink discards. */
  commit(entries: readonly EntryWritten[], totalBytes: number): Promise<W>;
  /** Removes everything stored so far. Called at most once. */
  discard(): Promise<void>;
}

type State = 'open' | 'committing' | 'committed' | 'failed' | 'aborted';

/**
 * Builds a {@link PackageSink} from a storage backend: entry paths checked with `checkEntryPath` and for
 * case-insensitive duplicates, writes run in call order, a failed write discards everything, and the state
 * errors (`PACKAGE_SINK_CLOSED`, `PACKAGE_SINK_FAILED`) are the same for every implementation.
 *
 * @example
 * const sink = createPackageSink({ writeEntry, commit, discard });
 */
export function createPackageSink<W extends PackageWritten>(
  backend: PackageSinkBackend<W>,
): PackageSink & { commit(): Promise<W> } {
  let state: State = 'open';
  let failure: unknown;
  let queue: Promise<unknown> = Promise.resolve();
  let commitPromise: Promise<W> | undefined;
  let discarded: Promise<void> | undefined;
  const internal = new AbortController();
  const seen = new Map<string, string>();
  const entries: EntryWritten[] = [];
  let totalBytes = 0;

  const discard = (): Promise<void> => {
    discarded ??= backend.discard();
    return discarded;
  };

  const assertWritable = (): void => {
    if (state === 'failed') {
      throw sinkError(
        'PACKAGE_SINK_FAILED',
        '此前的写入已失败，包已丢弃，不能继续写入或提交',
        'An earlier write failed and the package was discarded; it cannot be written or committed',
        { cause: failure },
      );
    }
    if (state !== 'open') {
      const done = state === 'aborted' ? '已中止' : '已提交';
      throw sinkError(
        'PACKAGE_SINK_CLOSED',
        `包${done}，不能再写入或提交`,
        `The package was already ${state === 'aborted' ? 'aborted' : 'committed'}; it cannot be written or committed`,
      );
    }
  };

  const fail = async (cause: unknown): Promise<void> => {
    if (state === 'open' || state === 'committing') {
      state = 'failed';
      failure = cause;
    }
    internal.abort(cause);
    await discard().catch(() => undefined);
  };

  const write = (
    path: string,
    source: ByteSource,
    options: WriteEntryOptions = {},
  ): Promise<EntryWritten> => {
    try {
      if (!isByteSource(source)) {
        throw new TypeError(`source must be a ByteSource (Uint8Array, Blob, stream …), got ${typeof source}`);
      }
      assertWritable();
      checkEntryPath(path);
      const key = entryPathKey(path);
      const earlier = seen.get(key);
      if (earlier !== undefined) throw duplicatePathError(path, earlier);
      seen.set(key, path);
    } catch (e) {
      return Promise.reject(e);
    }
    const run = async (): Promise<EntryWritten> => {
      // Accepted before commit() was called, so it still runs while committing.
      if (state !== 'committing') assertWritable();
      const { signal, dispose } = anySignal(internal.signal, options.signal);
      try {
        const size = await backend.writeEntry(path, chunks(source, { signal }), signal);
        const written: EntryWritten = { path, size };
        entries.push(written);
        totalBytes += size;
        return written;
      } catch (cause) {
        const error = state === 'aborted' ? abortedError(cause) : cause;
        await fail(error);
        throw error;
      } finally {
        dispose();
      }
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  const commit = (): Promise<W> => {
    try {
      assertWritable();
    } catch (e) {
      return Promise.reject(e);
    }
    state = 'committing';
    commitPromise = queue.then(async () => {
      // A queued write failed meanwhile: the package is gone.
      if (state !== 'committing') assertWritable();
      try {
        const result = await backend.commit([...entries], totalBytes);
        state = 'committed';
        return result;
      } catch (cause) {
        await fail(cause);
        throw cause;
      }
    });
    return commitPromise;
  };

  const abort = async (reason?: unknown): Promise<void> => {
    if (state === 'committing' && commitPromise !== undefined) {
      // A commit in progress finishes one way or the other; a committed package stays.
      await commitPromise.catch(() => undefined);
    }
    if (state === 'committed') return;
    if (state === 'open') state = 'aborted';
    internal.abort(reason);
    await queue;
    await discard();
  };

  return { write, commit, abort };
}

function abortedError(cause: unknown): DanganError {
  if (cause instanceof DanganError && cause.code === 'ABORTED') return cause;
  return new DanganError('ABORTED', '包已中止，写入被取消', {
    messageEn: 'The package was aborted; the write was cancelled',
    cause,
  });
}

/** A signal aborted when any of the given ones is (AbortSignal.any is not everywhere yet). */
function anySignal(
  a: AbortSignal,
  b: AbortSignal | undefined,
): { readonly signal: AbortSignal; dispose(): void } {
  if (b === undefined) return { signal: a, dispose: () => undefined };
  const controller = new AbortController();
  const listeners = new AbortController();
  for (const s of [a, b]) {
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true, signal: listeners.signal });
  }
  return { signal: controller.signal, dispose: () => listeners.abort() };
}
