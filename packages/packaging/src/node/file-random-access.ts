import { open } from 'node:fs/promises';
import { DanganError } from '@dangan/core';
import type { RandomAccessSource } from '../zip/random-access.js';

/** A file opened for random access; close it when done. */
export interface FileRandomAccess extends RandomAccessSource {
  close(): Promise<void>;
}

/**
 * A file as a random-access source for `openZip` (Node only), read through a file handle: works for files of
 * any size, where Node 20's `openAsBlob` misreports sizes of 4 GiB and more.
 *
 * @example
 * const file = await fileRandomAccess('/data/移交信息包.zip');
 * try {
 *   const zip = await openZip(file);
 *   console.log(zip.entries.length);
 * } finally {
 *   await file.close();
 * }
 */
export async function fileRandomAccess(path: string): Promise<FileRandomAccess> {
  let handle: Awaited<ReturnType<typeof open>>;
  let size: number;
  try {
    handle = await open(path, 'r');
    size = (await handle.stat()).size;
  } catch (cause) {
    throw new DanganError('BYTES_READ_FAILED', `无法打开文件：${path}`, {
      messageEn: `Cannot open file: ${path}`,
      cause,
      path,
    });
  }
  return {
    size,
    async read(offset, length) {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      let done = 0;
      while (done < buffer.length) {
        const { bytesRead } = await handle.read(buffer, done, buffer.length - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === buffer.length ? buffer : buffer.subarray(0, done);
    },
    close: () => handle.close(),
  };
}
