import type { Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DanganError, type Finding } from '@dangan/core';
import { fromFile } from '@dangan/core/node';
import { checkEntryPath } from '../sinks/entry-path.js';
import { sinkError } from '../sinks/errors.js';
import { entryNotFound, sourceClosed } from '../sinks/memory.js';
import type { PackageEntryInfo, PackageSource } from '../sinks/types.js';

/**
 * A folder on disk as a {@link PackageSource} (目录读取端; Node only, `@dangan/packaging/node`). `list()`
 * walks the folder recursively and returns every file, sorted by path (UTF-16 order, `/`-separated), with its
 * size. Symbolic links and special files (FIFOs, sockets, devices) are never followed: `list()` rejects with
 * `PACKAGE_LINK_REFUSED` carrying one finding per such item, and `read()` refuses a path whose file or any
 * parent is a link. Entries are read with `fromFile` (1 MiB chunks, re-readable).
 *
 * @example
 * const source = folderSource('/data/入库/EEP-0001');
 * for (const { path } of await source.list()) await digest(source.read(path), 'sm3');
 */
export function folderSource(dir: string): PackageSource {
  if (typeof dir !== 'string' || dir.length === 0) {
    throw new TypeError(`dir must be a non-empty string, got ${typeof dir === 'string' ? "''" : typeof dir}`);
  }
  const root = resolve(dir);
  let closed = false;
  const assertOpen = (): void => {
    if (closed) throw sourceClosed();
  };

  // lstat of the entry, after checking no parent is a link; undefined when something is missing.
  const statEntry = async (path: string): Promise<Stats | undefined> => {
    const segments = path.split('/');
    let current = root;
    for (const [index, segment] of segments.entries()) {
      current = join(current, segment);
      let stat: Stats;
      try {
        stat = await lstat(current);
      } catch (cause) {
        const code = (cause as { code?: unknown }).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw readFailed(current, cause);
      }
      if (stat.isSymbolicLink()) throw linkFound(path);
      if (index === segments.length - 1) return stat;
      if (!stat.isDirectory()) return undefined;
    }
    return undefined;
  };

  const entryFile = async (path: string): Promise<string> => {
    assertOpen();
    const stat = await statEntry(path);
    if (stat === undefined || stat.isDirectory()) throw entryNotFound(path);
    if (!stat.isFile()) throw linkFound(path);
    return join(root, ...path.split('/'));
  };

  return {
    async list() {
      assertOpen();
      const files: PackageEntryInfo[] = [];
      const refused: Finding[] = [];
      const walk = async (folder: string, prefix: string): Promise<void> => {
        let names: string[];
        try {
          names = await readdir(folder);
        } catch (cause) {
          throw readFailed(folder, cause);
        }
        for (const name of names) {
          const full = join(folder, name);
          const path = prefix === '' ? name : `${prefix}/${name}`;
          const stat = await lstat(full).catch((cause: unknown) => {
            throw readFailed(full, cause);
          });
          if (stat.isDirectory()) await walk(full, path);
          else if (stat.isFile()) files.push({ path, size: stat.size });
          else refused.push(linkFound(path).findings[0]!);
        }
      };
      const rootStat = await lstat(root).catch((cause: unknown) => {
        throw readFailed(root, cause);
      });
      if (rootStat.isSymbolicLink() || !rootStat.isDirectory()) {
        throw sinkError(
          'PACKAGE_LINK_REFUSED',
          `“${root}”不是目录（或是符号链接）`,
          `"${root}" is not a folder (or is a symbolic link)`,
          { path: root },
        );
      }
      await walk(root, '');
      if (refused.length > 0) {
        throw new DanganError(
          'PACKAGE_LINK_REFUSED',
          `目录中有 ${refused.length} 个符号链接或特殊文件，拒绝读取：${refused.map((f) => f.path).join('、')}`,
          {
            messageEn: `The folder holds ${refused.length} symbolic link(s) or special file(s); refusing to read it`,
            findings: refused,
          },
        );
      }
      files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      return files;
    },
    read(path) {
      assertOpen();
      checkEntryPath(path);
      return async () => fromFile(await entryFile(path))();
    },
    async has(path) {
      assertOpen();
      checkEntryPath(path);
      const stat = await statEntry(path);
      return stat?.isFile() === true;
    },
    async close() {
      closed = true;
    },
  };
}

function linkFound(path: string): DanganError {
  return sinkError(
    'PACKAGE_LINK_REFUSED',
    `“${path}”是符号链接或特殊文件，拒绝读取`,
    `"${path}" is a symbolic link or special file; refusing to read it`,
    { path },
  );
}

function readFailed(path: string, cause: unknown): DanganError {
  return new DanganError(
    'BYTES_READ_FAILED',
    `无法读取“${path}”：${String((cause as { code?: unknown }).code ?? cause)}`,
    {
      messageEn: `Cannot read "${path}": ${cause instanceof Error ? cause.message : String(cause)}`,
      cause,
      path,
    },
  );
}
