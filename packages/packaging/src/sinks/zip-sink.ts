import { concatBytes, throwIfAborted } from '@dangan/core';
import { createZipWriter, type ZipOutput, type ZipWriterOptions } from '../zip/writer.js';
import { createPackageSink } from './sink-core.js';
import type { PackageSink, PackageWritten } from './types.js';

/**
 * Where a {@link zipSink} writes the archive: an object with an (optionally async) `write` and an optional
 * `abort` (called when the package is discarded, so the host can delete what it stored), or a web
 * `WritableStream` (aborted on discard, closed on commit).
 */
export type ZipSinkOutput =
  | WritableStream<Uint8Array>
  | {
      write(chunk: Uint8Array): void | Promise<void>;
      abort?(reason?: unknown): void | Promise<void>;
    };

/** What `commit()` of a {@link zipSink} returns. */
export interface ZipPackageWritten extends PackageWritten {
  /** Size of the ZIP archive in bytes. */
  readonly zipSize: number;
  /** The whole archive, when the sink was created without an output (in memory). */
  readonly bytes?: Uint8Array;
}

/** A {@link PackageSink} writing one ZIP archive (ZIP 写入端). */
export interface ZipSink extends PackageSink {
  commit(): Promise<ZipPackageWritten>;
}

/**
 * A package sink writing the entries as one streamed ZIP archive (ZIP64 when needed; STORE for formats that
 * are already compressed, DEFLATE for the rest, see `createZipWriter`). Without an `output` the archive is
 * kept in memory and returned by `commit()` as `bytes`.
 *
 * The archive is only complete once `commit()` resolves. A ZIP stream cannot be taken back, so on any
 * failure or `abort()` the sink aborts the output (`WritableStream.abort`, or the output's `abort`): the host
 * must then delete what it stored. In Node, `zipFileSink` (`@dangan/packaging/node`) writes a temporary file
 * and renames it on commit, so a failed build leaves nothing.
 *
 * @example
 * const sink = zipSink();
 * await sink.write('元数据.xml', utf8('<件/>'));
 * await sink.write('文件/0001.pdf', pdfBytes);
 * const { bytes } = await sink.commit(); // a valid .zip
 */
export function zipSink(output?: ZipSinkOutput, options: ZipWriterOptions = {}): ZipSink {
  let held: Uint8Array[] | undefined;
  let target: ZipOutput;
  if (output === undefined) {
    const parts: Uint8Array[] = [];
    held = parts;
    target = { write: (chunk) => void parts.push(chunk.slice()) };
  } else if (isWritableStream(output)) {
    target = output;
  } else if (output !== null && typeof output === 'object' && typeof output.write === 'function') {
    target = { write: (chunk) => output.write(chunk) };
  } else {
    throw new TypeError('output must be a WritableStream or an object with a write(chunk) method');
  }
  const zip = createZipWriter(target, options);

  return createPackageSink<ZipPackageWritten>({
    async writeEntry(path, data, signal) {
      const written = await zip.addEntry(path, guarded(data, signal));
      return written.size;
    },
    async commit(entries, totalBytes) {
      const { size } = await zip.close();
      const result = { entries, totalBytes, zipSize: size };
      if (held === undefined) return result;
      const bytes = concatBytes(held);
      held.length = 0;
      return { ...result, bytes };
    },
    async discard() {
      await zip.abort(new Error('package discarded')).catch(() => undefined);
      if (held !== undefined) held.length = 0;
      if (output !== undefined && !isWritableStream(output) && typeof output.abort === 'function') {
        await output.abort(new Error('package discarded'));
      }
    },
  });
}

function isWritableStream(value: unknown): value is WritableStream<Uint8Array> {
  return typeof WritableStream !== 'undefined' && value instanceof WritableStream;
}

// Checks the signal between chunks, so an abort stops a long entry.
async function* guarded(data: AsyncIterable<Uint8Array>, signal: AbortSignal): AsyncGenerator<Uint8Array> {
  for await (const chunk of data) {
    throwIfAborted(signal);
    yield chunk;
  }
}
