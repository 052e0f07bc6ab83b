import { DanganError, type Finding, readAll } from '@dangan/core';
import type { PackageSource } from '../sinks/types.js';
import { transferFinding } from '../transfer/codes.js';

/**
 * Largest handover document or 说明文件 read into memory (16 MiB).
 *
 * @example
 * MAX_DOCUMENT_BYTES; // 16777216
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/**
 * Reads a small document of the package into memory, or records why it could not be read (a
 * `TRANSFER_ENTRY_UNREADABLE` finding naming the path: the source failed, or the file is over `maxBytes`).
 *
 * @example
 * const bytes = await readDocument(source, '说明文件.TXT', findings);
 */
export async function readDocument(
  source: PackageSource,
  path: string,
  findings: Finding[],
  options: { readonly maxBytes?: number; readonly signal?: AbortSignal } = {},
): Promise<Uint8Array | undefined> {
  try {
    return await readAll(source.read(path), {
      maxBytes: options.maxBytes ?? MAX_DOCUMENT_BYTES,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (e) {
    if (!(e instanceof DanganError) || e.code === 'ABORTED') throw e;
    findings.push(
      transferFinding(
        'TRANSFER_ENTRY_UNREADABLE',
        `“${path}”无法读取：${e.message}`,
        `"${path}" cannot be read`,
        {
          path,
        },
      ),
    );
    return undefined;
  }
}
