import { lstat } from 'node:fs/promises';
import { sinkError } from '../sinks/errors.js';

/** Whether `path` exists (without following a final link). */
export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (cause) {
    if ((cause as { code?: unknown }).code === 'ENOENT') return false;
    throw writeFailed(path, cause);
  }
}

/** The error for a link or unexpected item met while writing. */
export function linkRefused(path: string, cause: unknown) {
  return sinkError(
    'PACKAGE_LINK_REFUSED',
    `“${path}”是符号链接或已存在的非目录项，拒绝写入`,
    `"${path}" is a symbolic link or an unexpected existing item; refusing to write through it`,
    { path, cause },
  );
}

/** The error for a failed file-system write. */
export function writeFailed(path: string, cause: unknown) {
  const reason = (cause as { code?: unknown } | null)?.code;
  return sinkError(
    'PACKAGE_WRITE_FAILED',
    `无法写入“${path}”：${typeof reason === 'string' ? reason : String(cause)}`,
    `Cannot write "${path}": ${cause instanceof Error ? cause.message : String(cause)}`,
    { path, cause },
  );
}
