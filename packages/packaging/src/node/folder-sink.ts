import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { throwIfAborted } from '@dangan/core';
import { sinkError } from '../sinks/errors.js';
import { createPackageSink } from '../sinks/sink-core.js';
import type { PackageSink, PackageWritten } from '../sinks/types.js';
import { exists, linkRefused, writeFailed } from './fs-util.js';

/** Options of {@link folderSink}. */
export interface FolderSinkOptions {
  /** Replace an existing `dir` on commit (default `false`: commit fails with `PACKAGE_TARGET_EXISTS`). */
  readonly overwrite?: boolean;
  /** Random suffix of the temporary sibling folders; default `crypto.randomUUID`. For tests. */
  readonly randomId?: () => string;
}

/** What `commit()` of a {@link folderSink} returns; `location` is the absolute folder path. */
export interface FolderPackageWritten extends PackageWritten {
  readonly location: string;
}

/** A {@link PackageSink} writing a folder (目录写入端). */
export interface FolderSink extends PackageSink {
  commit(): Promise<FolderPackageWritten>;
}

const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * A package sink writing the entries as files under the folder `dir` (Node only, `@dangan/packaging/node`).
 *
 * Nothing appears at `dir` until `commit()`: entries go to a temporary sibling `${dir}.partial-<random>`,
 * renamed to `dir` on commit. `abort()` and any failed write or commit delete the partial folder, so a failed
 * build never leaves something that looks complete. An existing `dir` makes commit fail with
 * `PACKAGE_TARGET_EXISTS` unless `overwrite` — then the old folder is renamed away, the new one renamed in, and
 * the old one deleted (the window without a `dir` is two renames long; the old one is restored if the second
 * rename fails). Files are written chunk by chunk with backpressure, created exclusively and never through a
 * symbolic link; a parent that turns out to be a link is refused with `PACKAGE_LINK_REFUSED`. Files are not
 * fsync'ed.
 *
 * @example
 * const sink = folderSink('/data/出库/EEP-0001');
 * await sink.write('元数据.xml', xmlBytes);
 * await sink.write('内容/0001.pdf', fromFile('/data/办件/0001.pdf'));
 * const { location } = await sink.commit();
 */
export function folderSink(dir: string, options: FolderSinkOptions = {}): FolderSink {
  if (typeof dir !== 'string' || dir.length === 0) {
    throw new TypeError(`dir must be a non-empty string, got ${typeof dir === 'string' ? "''" : typeof dir}`);
  }
  const target = resolve(dir);
  if (basename(target) === '') throw new RangeError(`dir must not be a file system root, got ${dir}`);
  const randomId = options.randomId ?? randomUUID;
  const overwrite = options.overwrite ?? false;
  const partial = `${target}.partial-${randomId()}`;
  let created: Promise<void> | undefined;
  const madeDirs = new Set<string>();

  const assertTargetFree = async (): Promise<void> => {
    if (overwrite) return;
    if (await exists(target)) {
      throw sinkError(
        'PACKAGE_TARGET_EXISTS',
        `目标目录“${target}”已存在；如需替换请设置 overwrite`,
        `Target "${target}" already exists; set overwrite to replace it`,
        { path: target },
      );
    }
  };

  const ensurePartial = (): Promise<void> => {
    created ??= (async () => {
      await assertTargetFree();
      try {
        await mkdir(dirname(target), { recursive: true });
        await mkdir(partial);
      } catch (cause) {
        throw writeFailed(partial, cause);
      }
    })();
    return created;
  };

  // Creates each parent folder of an entry inside the partial folder, refusing anything that is not a real folder.
  const ensureParents = async (segments: readonly string[]): Promise<void> => {
    let current = partial;
    for (const segment of segments) {
      current = join(current, segment);
      if (madeDirs.has(current)) continue;
      try {
        await mkdir(current);
      } catch (cause) {
        if ((cause as { code?: unknown }).code !== 'EEXIST') throw writeFailed(current, cause);
        const stat = await lstat(current);
        if (stat.isSymbolicLink() || !stat.isDirectory()) throw linkRefused(current, cause);
      }
      madeDirs.add(current);
    }
  };

  return createPackageSink<FolderPackageWritten>({
    async writeEntry(path, data, signal) {
      await ensurePartial();
      const segments = path.split('/');
      const name = segments.pop()!;
      await ensureParents(segments);
      const file = join(partial, ...segments, name);
      let handle: Awaited<ReturnType<typeof open>>;
      try {
        handle = await open(file, WRITE_FLAGS, 0o644);
      } catch (cause) {
        const code = (cause as { code?: unknown }).code;
        if (code === 'ELOOP' || code === 'EEXIST') throw linkRefused(file, cause);
        throw writeFailed(file, cause);
      }
      let size = 0;
      try {
        for await (const chunk of data) {
          throwIfAborted(signal);
          let offset = 0;
          while (offset < chunk.length) {
            const { bytesWritten } = await handle
              .write(chunk, offset, chunk.length - offset)
              .catch((cause) => {
                throw writeFailed(file, cause);
              });
            offset += bytesWritten;
          }
          size += chunk.length;
        }
      } finally {
        await handle.close().catch(() => undefined);
      }
      return size;
    },
    async commit(entries, totalBytes) {
      await ensurePartial();
      await assertTargetFree();
      if (overwrite && (await exists(target))) {
        const old = `${target}.old-${randomId()}`;
        await rename(target, old);
        try {
          await rename(partial, target);
        } catch (cause) {
          await rename(old, target).catch(() => undefined);
          throw writeFailed(target, cause);
        }
        await rm(old, { recursive: true, force: true });
      } else {
        await rename(partial, target).catch((cause) => {
          const code = (cause as { code?: unknown }).code;
          if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') {
            throw sinkError(
              'PACKAGE_TARGET_EXISTS',
              `目标目录“${target}”已存在`,
              `Target "${target}" already exists`,
              { path: target, cause },
            );
          }
          throw writeFailed(target, cause);
        });
      }
      return { entries, totalBytes, location: target };
    },
    async discard() {
      if (created === undefined) return;
      await created.catch(() => undefined);
      await rm(partial, { recursive: true, force: true, maxRetries: 3 });
    },
  });
}
