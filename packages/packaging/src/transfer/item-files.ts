import { type ByteSource, chunks, type Finding, isByteSource, knownSize } from '@dangan/core';
import { entryPathKey, safeCheckEntryPath } from '../sinks/entry-path.js';
import type { PackageSource } from '../sinks/types.js';
import { transferFinding } from './codes.js';
import type { TransferEntry, TransferItem } from './types.js';

/** One file to put on a carrier. */
export interface PlannedFile {
  /** Path from the carrier root. */
  readonly path: string;
  /** Size in bytes, when known before writing. */
  size: number | undefined;
  /** The bytes (re-readable unless `once`). */
  readonly source: () => ByteSource;
  /** The source can be read only once (a stream given directly). */
  readonly once: boolean;
  /** Counted as a metadata file. */
  readonly metadata: boolean;
}

function isPackageSource(value: unknown): value is PackageSource {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as PackageSource).list === 'function' &&
    typeof (value as PackageSource).read === 'function'
  );
}

/**
 * The files of one item, placed under `folder` (a carrier path such as `电子档案/2024/WS/<name>`), with sizes
 * where the source knows them, and findings for unsafe or duplicate paths. Generated files (`extra`: metadata
 * XML) come first.
 *
 * @example
 * const { files, findings } = await itemFiles(item, '电子档案/2024/WS/件1', (p) => p.endsWith('.xml'));
 */
export async function itemFiles(
  item: TransferItem,
  folder: string,
  isMetadataFile: (path: string) => boolean,
  extra: readonly { readonly path: string; readonly bytes: Uint8Array }[] = [],
): Promise<{ files: PlannedFile[]; findings: Finding[] }> {
  const files: PlannedFile[] = [];
  const findings: Finding[] = [];
  const seen = new Map<string, string>();
  const add = (relative: string, file: Omit<PlannedFile, 'path' | 'metadata'>) => {
    const full = `${folder}/${relative}`;
    const check = typeof relative === 'string' ? safeCheckEntryPath(full) : undefined;
    if (check === undefined || !check.ok) {
      findings.push(
        transferFinding(
          'TRANSFER_ENTRY_INVALID',
          `件“${item.name}”的文件路径“${String(relative)}”不安全：${check?.ok === false ? check.error.message : '不是字符串'}`,
          `Item "${item.name}": unsafe file path "${String(relative)}"`,
          { path: full },
        ),
      );
      return;
    }
    const key = entryPathKey(relative);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      findings.push(
        transferFinding(
          'TRANSFER_ENTRY_INVALID',
          `件“${item.name}”的文件“${relative}”与“${earlier}”重复（不区分大小写）`,
          `Item "${item.name}": file "${relative}" duplicates "${earlier}" (ignoring case)`,
          { path: full },
        ),
      );
      return;
    }
    seen.set(key, relative);
    files.push({ ...file, path: full, metadata: isMetadataFile(relative) });
  };
  for (const { path, bytes } of extra) add(path, { size: bytes.length, source: () => bytes, once: false });
  const entries = item.entries;
  if (isPackageSource(entries)) {
    for (const e of await entries.list()) {
      add(e.path, { size: e.size, source: () => entries.read(e.path), once: false });
    }
  } else if (Array.isArray(entries as unknown)) {
    (entries as readonly TransferEntry[]).forEach((e, i) => {
      if (e === null || typeof e !== 'object' || !isByteSource(e.source)) {
        findings.push(
          transferFinding(
            'TRANSFER_ENTRY_INVALID',
            `件“${item.name}”的第 ${i + 1} 个文件条目不是 { path, source }`,
            `Item "${item.name}": entry ${i + 1} is not { path, source }`,
            { path: item.name },
          ),
        );
        return;
      }
      if (e.size !== undefined && (!Number.isSafeInteger(e.size) || e.size < 0)) {
        throw new RangeError(`item "${item.name}" entry "${e.path}": size must be a non-negative integer`);
      }
      const source = e.source;
      const reReadable =
        typeof source === 'function' || knownSize(source) !== undefined || Array.isArray(source);
      add(e.path, {
        size: e.size ?? knownSize(source),
        source: () => source,
        once: !reReadable,
      });
    });
  } else {
    throw new TypeError(
      `item "${item.name}": entries must be a PackageSource or an array of { path, source }`,
    );
  }
  return { files, findings };
}

/**
 * Counts the bytes of a source by reading it (for re-readable sources whose size is not known up front).
 *
 * @example
 * await measureSource(() => fetchBody()); // 48213
 */
export async function measureSource(source: ByteSource, signal?: AbortSignal): Promise<number> {
  let n = 0;
  for await (const c of chunks(source, signal === undefined ? {} : { signal })) n += c.length;
  return n;
}
