import { lstat, open } from 'node:fs/promises';
import { basename } from 'node:path';
import { DanganError } from '@dangan/core';
import { fromFile } from '@dangan/core/node';
import type { PackageEntryInfo, PackageSource } from '@dangan/packaging';
import { type GlobalOptions, t } from './io.js';

/** What a path given to check, inspect or transfer is: a package folder, a ZIP archive, or one other file. */
export type InputKind = 'folder' | 'zip' | 'file';

/**
 * Tells a folder, a ZIP archive (its first bytes are a ZIP signature, or its name ends in `.zip`) and any
 * other file (an EEP, an XML document) apart. A missing path is `BYTES_READ_FAILED` and a symbolic link
 * `PACKAGE_LINK_REFUSED` (received packages are never followed through links).
 *
 * @example
 * await inputKind('办件.zip', global); // 'zip'
 */
export async function inputKind(path: string, global: GlobalOptions): Promise<InputKind> {
  let stat: Awaited<ReturnType<typeof lstat>>;
  try {
    stat = await lstat(path);
  } catch (cause) {
    throw new DanganError('BYTES_READ_FAILED', t(global, `无法打开“${path}”`, `Cannot open "${path}"`), {
      messageEn: `Cannot open "${path}"`,
      cause,
      path,
    });
  }
  if (stat.isSymbolicLink()) {
    throw new DanganError(
      'PACKAGE_LINK_REFUSED',
      t(global, `“${path}”是符号链接，拒绝打开`, `"${path}" is a symbolic link; refusing to open it`),
      { messageEn: `"${path}" is a symbolic link; refusing to open it`, path },
    );
  }
  if (stat.isDirectory()) return 'folder';
  if (!stat.isFile()) {
    throw new DanganError(
      'BYTES_READ_FAILED',
      t(global, `“${path}”不是文件或文件夹`, `"${path}" is not a file or folder`),
      {
        messageEn: `"${path}" is not a file or folder`,
        path,
      },
    );
  }
  if (/\.zip$/i.test(path)) return 'zip';
  const head = new Uint8Array(4);
  const handle = await open(path, 'r');
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)
    ? 'zip'
    : 'file';
}

/**
 * One file as a {@link PackageSource} with a single entry named by its base name — how a lone EEP is handed
 * to the checks. Read with `fromFile` (streamed, re-readable).
 *
 * @example
 * await runChecks({ stage: 'archiving', source: singleFileSource('0001.eep', size) });
 */
export function singleFileSource(path: string, size: number): PackageSource {
  const name = basename(path).normalize('NFC');
  let closed = false;
  const assertOpen = () => {
    if (closed)
      throw new DanganError('PACKAGE_SOURCE_CLOSED', '信息包读取端已关闭', {
        messageEn: 'The package source is closed',
      });
  };
  return {
    async list(): Promise<readonly PackageEntryInfo[]> {
      assertOpen();
      return [{ path: name, size }];
    },
    read(entry) {
      assertOpen();
      if (entry !== name) {
        throw new DanganError('PACKAGE_ENTRY_NOT_FOUND', `信息包中没有“${entry}”`, {
          messageEn: `The package has no entry "${entry}"`,
          path: entry,
        });
      }
      return fromFile(path);
    },
    async has(entry) {
      assertOpen();
      return entry === name;
    },
    async close() {
      closed = true;
    },
  };
}
