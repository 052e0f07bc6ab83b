import type { ZipArchive, ZipEntry } from '../zip/reader.js';
import { sinkError } from './errors.js';
import type { PackageEntryInfo, PackageSource } from './types.js';

/**
 * A {@link PackageSource} over an opened ZIP archive (ZIP 读取端): its file entries in central-directory
 * order (directories are not listed). Reading an entry with error findings (traversal, link, encryption …)
 * rejects with that finding's code; CRC-32 and size are verified at the end of every read.
 *
 * @example
 * const source = zipSource(await openZip(bytes));
 * for (const { path } of await source.list()) console.log(path, await digest(source.read(path), 'sm3'));
 */
export function zipSource(archive: ZipArchive, onClose?: () => Promise<void>): PackageSource {
  const files: ZipEntry[] = archive.entries.filter((e) => !e.isDirectory);
  const byPath = new Map<string, ZipEntry>();
  for (const entry of files) if (!byPath.has(entry.name)) byPath.set(entry.name, entry);
  const listing: readonly PackageEntryInfo[] = files.map((e) => ({ path: e.name, size: e.size }));
  let closed: Promise<void> | undefined;
  const assertOpen = (): void => {
    if (closed !== undefined) {
      throw sinkError('PACKAGE_SOURCE_CLOSED', '包读取端已关闭', 'The package source is closed');
    }
  };
  const entry = (path: string): ZipEntry => {
    assertOpen();
    const found = byPath.get(path);
    if (found === undefined) {
      throw sinkError(
        'PACKAGE_ENTRY_NOT_FOUND',
        `包中没有条目“${path}”`,
        `No entry "${path}" in the package`,
        {
          path,
        },
      );
    }
    return found;
  };
  return {
    async list() {
      assertOpen();
      return listing;
    },
    read(path) {
      const found = entry(path);
      return () => {
        assertOpen();
        return found.open();
      };
    },
    async has(path) {
      assertOpen();
      return byPath.has(path);
    },
    close() {
      closed ??= onClose === undefined ? Promise.resolve() : onClose();
      return closed;
    },
  };
}
