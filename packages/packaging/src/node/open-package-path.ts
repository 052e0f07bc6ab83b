import { lstat } from 'node:fs/promises';
import { DanganError } from '@dangan/core';
import { type OpenedPackage, type OpenPackageOptions, openPackage } from '../sinks/open-package.js';
import { fileRandomAccess } from './file-random-access.js';
import { folderSource } from './folder-source.js';

/**
 * Opens the package at `path` (Node only): a folder as a `folderSource`, a file as a ZIP archive through the
 * safe reader (read through a file handle, so any size works). Symbolic links are refused. Close the
 * returned `source` when done; it closes the file.
 *
 * @example
 * const { source, findings } = await openPackagePath('/data/接收/办件-0001.zip');
 * try { console.log(await source.list()); } finally { await source.close(); }
 */
export async function openPackagePath(
  path: string,
  options: Omit<OpenPackageOptions, 'onClose'> = {},
): Promise<OpenedPackage> {
  let stat: Awaited<ReturnType<typeof lstat>>;
  try {
    stat = await lstat(path);
  } catch (cause) {
    throw new DanganError('BYTES_READ_FAILED', `无法打开“${path}”`, {
      messageEn: `Cannot open "${path}"`,
      cause,
      path,
    });
  }
  if (stat.isSymbolicLink()) {
    throw new DanganError('PACKAGE_LINK_REFUSED', `“${path}”是符号链接，拒绝打开`, {
      messageEn: `"${path}" is a symbolic link; refusing to open it`,
      path,
    });
  }
  if (stat.isDirectory()) return openPackage(folderSource(path), options);
  const file = await fileRandomAccess(path);
  try {
    return await openPackage(file, { ...options, onClose: () => file.close() });
  } catch (cause) {
    await file.close();
    throw cause;
  }
}
