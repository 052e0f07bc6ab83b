import { type ByteSource, chunks, createHasher, DanganError, type DigestAlgorithm } from '@dangan/core';
import { Base64Encoder } from '../base64/index.js';
import { eepError } from './errors.js';
import type { ByteOutput } from './output.js';

/** What streaming one file found. */
export interface StreamedFile {
  readonly size: number;
  readonly digests: Partial<Record<DigestAlgorithm, string>>;
}

/**
 * Streams one file into `编码数据` as Base64 (编码数据流式写入): reads it once in chunks, encodes each (carrying
 * partial groups), digests the raw bytes, and yields the output's ready chunks as it goes, so memory stays
 * within a few chunks. Then checks the byte count against the record's 计算机文件大小: a mismatch throws
 * `EEP_FILE_SIZE_MISMATCH` before anything after the data is written, so the output is never complete. A
 * source that fails throws `EEP_FILE_READ_FAILED` (aborting throws `ABORTED`).
 *
 * @example
 * const { size, digests } = yield* streamFile(fromFile('a.pdf'), out, { index: 0, fileName: 'a.pdf', declaredSize: 1024 }, { digests: ['sm3'], chunkSize: undefined, signal: undefined });
 */
export async function* streamFile(
  source: ByteSource,
  out: ByteOutput,
  file: { readonly index: number; readonly fileName: string; readonly declaredSize: number },
  options: {
    readonly digests: readonly DigestAlgorithm[];
    readonly chunkSize: number | undefined;
    readonly signal: AbortSignal | undefined;
  },
): AsyncGenerator<Uint8Array, StreamedFile> {
  const encoder = new Base64Encoder();
  const hashers = options.digests.map((a) => createHasher(a));
  const label = `第 ${file.index + 1} 个文件（${file.fileName}）`;
  const labelEn = `file ${file.index + 1} (${file.fileName})`;
  let size = 0;
  try {
    for await (const chunk of chunks(source, {
      ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    })) {
      size += chunk.length;
      for (const h of hashers) h.update(chunk);
      out.write(encoder.push(chunk));
      yield* out.ready();
    }
  } catch (e) {
    if (e instanceof DanganError && e.code === 'ABORTED') throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw eepError(
      'EEP_FILE_READ_FAILED',
      `读取${label}失败：${detail}；封装包不完整，必须丢弃`,
      `Reading ${labelEn} failed: ${detail}; the EEP is incomplete and must be discarded`,
      { path: `文件实体/电子属性[${file.index}]`, cause: e },
    );
  }
  out.write(encoder.end());
  if (size !== file.declaredSize) {
    throw eepError(
      'EEP_FILE_SIZE_MISMATCH',
      `${label}实际为 ${size} 字节，记录的计算机文件大小为 ${file.declaredSize}；封装包作废`,
      `${labelEn} has ${size} bytes but 计算机文件大小 says ${file.declaredSize}; the EEP is void`,
      { path: `文件实体/电子属性[${file.index}]/计算机文件大小` },
    );
  }
  const digests: Partial<Record<DigestAlgorithm, string>> = {};
  options.digests.forEach((a, i) => {
    digests[a] = hashers[i]!.digestHex();
  });
  return { size, digests };
}
