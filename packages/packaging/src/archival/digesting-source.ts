import {
  type ArchivalDigestAlgorithm,
  type ByteSource,
  chunks,
  createHasher,
  type Hasher,
} from '@dangan/core';
import { archivalError } from './codes.js';

/** The running state of one {@link digestingSource}: bytes seen so far and, when done, the digests. */
export interface DigestingState {
  size: number;
  digests: Partial<Record<ArchivalDigestAlgorithm, string>> | undefined;
}

/**
 * Wraps `source` so that the one read the sink makes also feeds a hasher per algorithm and counts the bytes:
 * each chunk is hashed, then handed on. With `declaredSize` the count is checked while streaming (too many
 * bytes fail at once, too few at the end) with `DanganError('ARCHIVAL_FILE_SIZE_MISMATCH')`, which fails the
 * sink's write. The digests are ready in `state` once the sink has consumed everything.
 */
export function digestingSource(
  source: ByteSource,
  algorithms: readonly ArchivalDigestAlgorithm[],
  options: {
    readonly path: string;
    readonly declaredSize?: number | undefined;
    readonly chunkSize?: number | undefined;
    readonly signal?: AbortSignal | undefined;
  },
): { readonly source: AsyncIterable<Uint8Array>; readonly state: DigestingState } {
  const state: DigestingState = { size: 0, digests: undefined };
  const { path, declaredSize } = options;
  const mismatch = (atLeast: boolean) =>
    archivalError(
      'ARCHIVAL_FILE_SIZE_MISMATCH',
      `文件“${path}”的实际字节数（${atLeast ? '至少 ' : ''}${state.size}）与电子属性中的计算机文件大小（${declaredSize}）不符，信息包已丢弃`,
      `File "${path}" has ${atLeast ? 'at least ' : ''}${state.size} bytes but 计算机文件大小 says ${declaredSize}; the package was discarded`,
      { path },
    );
  async function* run(): AsyncGenerator<Uint8Array> {
    const hashers: Hasher[] = algorithms.map((a) => createHasher(a));
    const chunkOptions = {
      ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    };
    for await (const chunk of chunks(source, chunkOptions)) {
      for (const h of hashers) h.update(chunk);
      state.size += chunk.length;
      if (declaredSize !== undefined && state.size > declaredSize) throw mismatch(true);
      yield chunk;
    }
    if (declaredSize !== undefined && state.size !== declaredSize) throw mismatch(false);
    const digests: Partial<Record<ArchivalDigestAlgorithm, string>> = {};
    algorithms.forEach((a, i) => {
      digests[a] = hashers[i]!.digestHex();
    });
    state.digests = digests;
  }
  return { source: run(), state };
}
