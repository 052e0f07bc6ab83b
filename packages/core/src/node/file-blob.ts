import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { DanganError } from '../errors/dangan-error.js';
import { fileReadFailed } from './from-file.js';

/**
 * A file on disk as a `Blob` (Node only, `@dangan/core/node`): a `ByteSource` of `@dangan/core` with random
 * access, so readers that need the end of a file (a ZIP's central directory, a PDF's trailer) get it without
 * reading the whole file. For a plain sequential read (digests), `fromFile` is faster.
 *
 * Node 20's `fs.openAsBlob` reports the size of a file of 4 GiB or more modulo 2³² (measured: a 4.25 GiB ZIP
 * came back as 256 MiB), which would make its end unreachable. Such files are refused with
 * `DanganError('BYTES_TOO_LARGE')` rather than read wrongly; read them sequentially with `fromFile`, or with a
 * file-handle random-access reader (`fileRandomAccess` in `@dangan/packaging/node`).
 *
 * @example
 * await identifyFormat(await fileBlob('/data/决定书.ofd'), { fileName: '决定书.ofd' });
 */
export async function fileBlob(path: string): Promise<Blob> {
  if (typeof path !== 'string' || path.length === 0) throw new TypeError('path must be a non-empty string');
  let blob: Blob;
  let size: number;
  try {
    [blob, { size }] = await Promise.all([openAsBlob(path), stat(path)]);
  } catch (cause) {
    throw fileReadFailed(path, cause);
  }
  if (blob.size !== size) {
    throw new DanganError(
      'BYTES_TOO_LARGE',
      `文件“${path}”有 ${size} 字节，本运行环境的 Blob 无法正确表示（Node 20 的 openAsBlob 对 4 GiB 以上文件大小出错）；请改用 fromFile 顺序读取或按文件句柄随机读取`,
      {
        messageEn: `File "${path}" (${size} bytes) cannot be represented as a Blob here (Node 20's openAsBlob misreports sizes of 4 GiB and more); read it with fromFile or a file-handle reader`,
        path,
      },
    );
  }
  return blob;
}
