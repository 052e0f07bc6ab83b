import { openAsBlob } from 'node:fs';
import { fileReadFailed } from './from-file.js';

/**
 * A file on disk as a `Blob` (Node only, `@dangan/core/node`): a {@link ByteSource} with random access, so
 * readers that need the end of a file (a ZIP's central directory, a PDF's trailer) get it without reading
 * the whole file. For a plain sequential read (digests), `fromFile` is faster.
 *
 * @example
 * await identifyFormat(await fileBlob('/data/决定书.ofd'), { fileName: '决定书.ofd' });
 */
export async function fileBlob(path: string): Promise<Blob> {
  if (typeof path !== 'string' || path.length === 0) throw new TypeError('path must be a non-empty string');
  try {
    return await openAsBlob(path);
  } catch (cause) {
    throw fileReadFailed(path, cause);
  }
}
