import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { sinkError } from '../sinks/errors.js';
import { type ZipPackageWritten, type ZipSink, zipSink } from '../sinks/zip-sink.js';
import type { ZipWriterOptions } from '../zip/writer.js';
import { exists, linkRefused, writeFailed } from './fs-util.js';

/** Options of {@link zipFileSink}. */
export interface ZipFileSinkOptions extends ZipWriterOptions {
  /** Replace an existing file on commit (default `false`: commit fails with `PACKAGE_TARGET_EXISTS`). */
  readonly overwrite?: boolean;
  /** Random suffix of the temporary file; default `crypto.randomUUID`. For tests. */
  readonly randomId?: () => string;
}

const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * A {@link zipSink} writing the archive to the file `path` (Node only, `@dangan/packaging/node`). The archive
 * is written to a temporary sibling `${path}.partial-<random>` and renamed to `path` only when `commit()`
 * completes it; a failed write, a failed commit or `abort()` deletes the temporary file, so nothing that
 * looks like a complete package is ever left. `location` in the commit result is the absolute path.
 *
 * @example
 * const sink = zipFileSink('/data/出库/办件-0001.zip');
 * await sink.write('元数据.xml', xmlBytes);
 * await sink.write('文件/0001.pdf', fromFile('/data/办件/0001.pdf'));
 * const { location, zipSize } = await sink.commit();
 */
export function zipFileSink(path: string, options: ZipFileSinkOptions = {}): ZipSink {
  if (typeof path !== 'string' || path.length === 0) {
    throw new TypeError(
      `path must be a non-empty string, got ${typeof path === 'string' ? "''" : typeof path}`,
    );
  }
  const target = resolve(path);
  if (basename(target) === '') throw new RangeError(`path must name a file, got ${path}`);
  const partial = `${target}.partial-${(options.randomId ?? randomUUID)()}`;
  const overwrite = options.overwrite ?? false;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  let opened: Promise<Awaited<ReturnType<typeof open>>> | undefined;

  const assertTargetFree = async (): Promise<void> => {
    if (!overwrite && (await exists(target))) {
      throw sinkError(
        'PACKAGE_TARGET_EXISTS',
        `目标文件“${target}”已存在；如需替换请设置 overwrite`,
        `Target "${target}" already exists; set overwrite to replace it`,
        { path: target },
      );
    }
  };

  const file = (): Promise<Awaited<ReturnType<typeof open>>> => {
    opened ??= (async () => {
      await assertTargetFree();
      await mkdir(dirname(target), { recursive: true }).catch((cause) => {
        throw writeFailed(dirname(target), cause);
      });
      try {
        handle = await open(partial, WRITE_FLAGS, 0o644);
      } catch (cause) {
        const code = (cause as { code?: unknown }).code;
        if (code === 'ELOOP' || code === 'EEXIST') throw linkRefused(partial, cause);
        throw writeFailed(partial, cause);
      }
      return handle;
    })();
    return opened;
  };

  const inner = zipSink(
    {
      async write(chunk) {
        const h = await file();
        let offset = 0;
        while (offset < chunk.length) {
          const { bytesWritten } = await h.write(chunk, offset, chunk.length - offset).catch((cause) => {
            throw writeFailed(partial, cause);
          });
          offset += bytesWritten;
        }
      },
      async abort() {
        await opened?.catch(() => undefined);
        await handle?.close().catch(() => undefined);
        await rm(partial, { force: true });
      },
    },
    options,
  );

  const commit = async (): Promise<ZipPackageWritten> => {
    try {
      const written = await inner.commit();
      const h = await file(); // an empty package still gets its (empty-archive) file
      await h.sync().catch(() => undefined);
      await h.close();
      await assertTargetFree();
      await rename(partial, target).catch((cause) => {
        throw writeFailed(target, cause);
      });
      return { ...written, location: target };
    } catch (cause) {
      await handle?.close().catch(() => undefined);
      await rm(partial, { force: true });
      throw cause;
    }
  };

  return { write: inner.write, abort: inner.abort, commit };
}
