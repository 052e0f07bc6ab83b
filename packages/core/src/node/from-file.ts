import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { DEFAULT_CHUNK_SIZE } from '../bytes/byte-source.js';
import { DanganError } from '../errors/dangan-error.js';

/** Options of {@link fromFile}. */
export interface FromFileOptions {
  /**
   * Bytes per read, default 1 MiB. Smaller reads hash measurably slower (64 KiB reads cost about 10 % on
   * SM3); larger ones only raise memory use.
   */
  readonly chunkSize?: number;
}

/**
 * A file on disk as a re-readable `ByteSource` of `@dangan/core` (Node only, `@dangan/core/node`). Nothing is
 * opened until the source is read, and each read opens the file afresh, so one source can be digested, probed
 * and packaged in turn. Chunks are fresh buffers the caller may keep. While the caller works on one chunk the
 * next is already being read, so disk and hashing overlap.
 *
 * A file that cannot be opened or read fails the read with `DanganError('BYTES_READ_FAILED')` naming it.
 *
 * @example
 * await digest(fromFile('/data/办件/0001.pdf'), 'sm3');
 */
export function fromFile(path: string, options: FromFileOptions = {}): () => AsyncIterable<Uint8Array> {
  if (typeof path !== 'string' || path.length === 0) {
    throw new TypeError(
      `path must be a non-empty string, got ${typeof path === 'string' ? "''" : typeof path}`,
    );
  }
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isSafeInteger(chunkSize) || chunkSize <= 0) {
    throw new RangeError(`chunkSize must be a positive integer, got ${String(chunkSize)}`);
  }
  return () => readChunks(path, chunkSize);
}

const EMPTY = /* @__PURE__ */ new Uint8Array(0);

async function* readChunks(path: string, chunkSize: number): AsyncGenerator<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    throw fileReadFailed(path, cause);
  }
  // For a regular file, buffers are sized to what is left (a 10 KiB file costs 10 KiB, not 1 MiB) and reading
  // stops at the size seen at open, without a final empty read. Pipes and devices report no size: read to EOF.
  let size = Number.POSITIVE_INFINITY;
  try {
    const stat = await handle.stat();
    if (stat.isFile()) size = stat.size;
  } catch (cause) {
    await handle.close().catch(() => undefined);
    throw fileReadFailed(path, cause);
  }
  const readAt = async (position: number): Promise<Uint8Array> => {
    const want = Math.min(chunkSize, size - position);
    if (want <= 0) return EMPTY;
    const buffer = new Uint8Array(want);
    const { bytesRead } = await handle.read(buffer, 0, want, position);
    return bytesRead === want ? buffer : buffer.subarray(0, bytesRead);
  };
  let pending: Promise<Uint8Array> | undefined = readAt(0);
  try {
    let position = 0;
    while (true) {
      let chunk: Uint8Array;
      try {
        chunk = await pending;
      } catch (cause) {
        pending = undefined;
        throw fileReadFailed(path, cause);
      }
      if (chunk.length === 0) {
        pending = undefined;
        return;
      }
      position += chunk.length;
      // Start the next read before handing this chunk over: the thread pool reads while we hash.
      pending = readAt(position);
      yield chunk;
    }
  } finally {
    // An early exit (break, abort, error) must not leave a read running on a closed handle.
    if (pending !== undefined) await pending.catch(() => undefined);
    await handle.close().catch(() => undefined);
  }
}

/** The `BYTES_READ_FAILED` error for a file that cannot be opened or read, with the reason in Chinese. */
export function fileReadFailed(path: string, cause: unknown): DanganError {
  const code = (cause as { code?: unknown } | null)?.code;
  const reason =
    typeof code === 'string' ? (Object.hasOwn(REASONS, code) ? REASONS[code] : code) : String(cause);
  const reasonEn = cause instanceof Error ? cause.message : String(cause);
  return new DanganError('BYTES_READ_FAILED', `无法读取文件“${path}”：${reason}`, {
    messageEn: `Cannot read file "${path}": ${reasonEn}`,
    cause,
    path,
  });
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: '文件不存在',
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
  EISDIR: '这是目录，不是文件',
  EMFILE: '打开的文件过多',
  EIO: '磁盘读取错误',
};
