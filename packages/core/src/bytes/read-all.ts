import { DanganError } from '../errors/dangan-error.js';
import { type ByteSource, type ChunkOptions, chunks, knownSize } from './byte-source.js';

/** Options of {@link readAll}. */
export interface ReadAllOptions extends ChunkOptions {
  /**
   * Most bytes to accept. Past it, reading stops at once with `DanganError('BYTES_TOO_LARGE')`, so an
   * unexpectedly large input cannot exhaust memory. Required: there is no safe default for every use.
   */
  readonly maxBytes: number;
}

/**
 * Reads a whole {@link ByteSource} into one `Uint8Array`, refusing more than `maxBytes`.
 *
 * @example
 * const bytes = await readAll(file, { maxBytes: 16 * 1024 * 1024 });
 */
export async function readAll(source: ByteSource, options: ReadAllOptions): Promise<Uint8Array> {
  const { maxBytes } = options;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new RangeError(`maxBytes must be a non-negative integer, got ${String(maxBytes)}`);
  }
  const size = knownSize(source);
  if (size !== undefined && size > maxBytes) throw tooLarge(maxBytes);
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks(source, options)) {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge(maxBytes);
    parts.push(chunk);
  }
  return concatBytes(parts, total);
}

/**
 * Reads at most the first `length` bytes of a source (fewer if it is shorter), and stops reading there.
 *
 * @example
 * const head = await readPrefix(file, 8); // magic bytes
 */
export async function readPrefix(
  source: ByteSource,
  length: number,
  options: ChunkOptions = {},
): Promise<Uint8Array> {
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new RangeError(`length must be a non-negative integer, got ${String(length)}`);
  }
  if (length === 0) return new Uint8Array(0);
  if (source instanceof Uint8Array) return source.slice(0, length);
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    return new Uint8Array(await source.slice(0, length).arrayBuffer());
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks(source, options)) {
    const take = Math.min(chunk.length, length - total);
    parts.push(chunk.slice(0, take));
    total += take;
    if (total >= length) break;
  }
  return concatBytes(parts, total);
}

/**
 * Concatenates byte arrays into a new one.
 *
 * @example
 * concatBytes([a, b]);
 */
export function concatBytes(parts: readonly Uint8Array[], totalLength?: number): Uint8Array {
  const out = new Uint8Array(totalLength ?? parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function tooLarge(maxBytes: number): DanganError {
  return new DanganError('BYTES_TOO_LARGE', `数据超过允许的大小上限（${maxBytes} 字节）`, {
    messageEn: `Data exceeds the size limit (${maxBytes} bytes)`,
  });
}
