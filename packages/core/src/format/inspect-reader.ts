import { type ByteSource, type ByteSourceValue, chunks, throwIfAborted } from '../bytes/byte-source.js';
import { concatBytes } from '../bytes/read-all.js';
import { DanganError } from '../errors/dangan-error.js';

/**
 * Bounded access to the bytes of a source for format probes. In-memory data and Blobs are read at any
 * offset (random access); streams only from the start, up to the budget. Either way no more than
 * `budget` bytes are ever fetched, so a 5 GiB file costs at most `budget` of memory and I/O.
 *
 * `read` never throws for ranges past the end or past the budget: it returns the bytes it has (maybe
 * none). Reading failures of the source itself are `DanganError`s.
 */
export interface InspectReader {
  /** Whether `read` can reach any offset (in-memory data, Blob) or only a prefix (streams). */
  readonly randomAccess: boolean;
  /** Size of the whole source if known now: always for random access, for streams once their end was read. */
  readonly size: number | undefined;
  /** The bytes in `[offset, offset + length)` that are available, possibly fewer. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** The size of the source, reading a stream to its end if that fits the budget; else `undefined`. */
  end(): Promise<number | undefined>;
  /** Releases the source (cancels a stream). */
  close(): Promise<void>;
}

/** Options of {@link openInspectReader}. */
export interface InspectReaderOptions {
  readonly budget: number;
  readonly signal?: AbortSignal | undefined;
}

const BLOCK = 64 * 1024;

/** Opens a {@link InspectReader} on a source, calling a source function once. */
export async function openInspectReader(
  source: ByteSource,
  options: InspectReaderOptions,
): Promise<InspectReader> {
  throwIfAborted(options.signal);
  const value: ByteSourceValue = typeof source === 'function' ? await source() : source;
  if (value instanceof Uint8Array)
    return new RandomReader(value.length, async (o, n) => value.subarray(o, o + n), options);
  if (value instanceof ArrayBuffer) {
    const bytes = new Uint8Array(value);
    return new RandomReader(bytes.length, async (o, n) => bytes.subarray(o, o + n), options);
  }
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    return new RandomReader(value.size, (o, n) => readBlob(value, o, n), options);
  }
  return new StreamReader(value, options);
}

class RandomReader implements InspectReader {
  readonly randomAccess = true;
  readonly size: number;
  readonly #fetch: (offset: number, length: number) => Promise<Uint8Array>;
  readonly #blocks = new Map<number, Uint8Array>();
  readonly #signal: AbortSignal | undefined;
  #left: number;

  constructor(
    size: number,
    fetch: (offset: number, length: number) => Promise<Uint8Array>,
    options: InspectReaderOptions,
  ) {
    this.size = size;
    this.#fetch = fetch;
    this.#left = options.budget;
    this.#signal = options.signal;
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    throwIfAborted(this.#signal);
    const start = Math.max(0, Math.floor(offset));
    const stop = Math.min(this.size, start + Math.max(0, Math.floor(length)));
    if (!(stop > start)) return new Uint8Array(0);
    const first = Math.floor(start / BLOCK);
    const last = Math.floor((stop - 1) / BLOCK);
    await this.#load(first, last);
    const parts: Uint8Array[] = [];
    for (let b = first; b <= last; b++) {
      const block = this.#blocks.get(b);
      if (block === undefined) break;
      parts.push(block.subarray(Math.max(start - b * BLOCK, 0), Math.min(stop - b * BLOCK, block.length)));
    }
    if (parts.length <= 1) return parts[0] ?? new Uint8Array(0);
    return contiguousView(parts) ?? concatBytes(parts);
  }

  async end(): Promise<number> {
    return this.size;
  }

  async close(): Promise<void> {
    this.#blocks.clear();
  }

  /** Fetches the missing blocks of `first..last` in as few reads as possible, while the budget lasts. */
  async #load(first: number, last: number): Promise<void> {
    for (let b = first; b <= last; ) {
      if (this.#blocks.has(b)) {
        b++;
        continue;
      }
      // A run of missing blocks, cut where the budget ends: one read for the run.
      let end = b;
      let bytes = 0;
      while (end <= last && !this.#blocks.has(end)) {
        const length = Math.min(BLOCK, this.size - end * BLOCK);
        // Spending the budget block by block keeps every source kind to the same bytes: what a stream
        // of the same data would have buffered, plus the tail a stream cannot reach.
        if (length <= 0 || bytes + length > this.#left) break;
        bytes += length;
        end++;
      }
      if (end === b) return;
      this.#left -= bytes;
      const run = await this.#fetch(b * BLOCK, bytes);
      for (let i = b; i < end; i++) this.#blocks.set(i, run.subarray((i - b) * BLOCK, (i - b + 1) * BLOCK));
      b = end;
    }
  }
}

class StreamReader implements InspectReader {
  readonly randomAccess = false;
  readonly #iterator: AsyncGenerator<Uint8Array>;
  readonly #budget: number;
  #buffer = new Uint8Array(0);
  #length = 0;
  #ended = false;
  #overflowed = false;
  #closed = false;

  constructor(value: ByteSourceValue, options: InspectReaderOptions) {
    this.#budget = options.budget;
    this.#iterator = chunks(value, {
      chunkSize: BLOCK,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  get size(): number | undefined {
    return this.#ended ? this.#length : undefined;
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    const start = Math.max(0, Math.floor(offset));
    const stop = start + Math.max(0, Math.floor(length));
    await this.#fill(stop);
    return this.#buffer.subarray(Math.min(start, this.#length), Math.min(stop, this.#length));
  }

  async end(): Promise<number | undefined> {
    await this.#fill(this.#budget + 1);
    return this.size;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#iterator.return(undefined);
  }

  async #fill(want: number): Promise<void> {
    while (!this.#ended && !this.#closed && this.#length < want && this.#length < this.#budget) {
      const step = await this.#iterator.next();
      if (step.done) {
        this.#ended = true;
        break;
      }
      this.#append(step.value);
    }
    // Exactly at the budget the stream may still end right here; one more look settles it cheaply.
    if (
      !this.#ended &&
      !this.#closed &&
      !this.#overflowed &&
      this.#length === this.#budget &&
      want > this.#budget
    ) {
      const step = await this.#iterator.next();
      if (step.done) this.#ended = true;
      else await this.close();
    }
  }

  #append(chunk: Uint8Array): void {
    const take = Math.min(chunk.length, this.#budget - this.#length);
    if (take < chunk.length) this.#overflowed = true;
    if (this.#length + take > this.#buffer.length) {
      const grown = new Uint8Array(
        Math.min(this.#budget, Math.max(this.#buffer.length * 2, this.#length + take, BLOCK)),
      );
      grown.set(this.#buffer.subarray(0, this.#length));
      this.#buffer = grown;
    }
    this.#buffer.set(chunk.subarray(0, take), this.#length);
    this.#length += take;
  }
}

/** One view over `parts` when they lie back to back in the same buffer (blocks fetched in one run). */
function contiguousView(parts: readonly Uint8Array[]): Uint8Array | undefined {
  const first = parts[0]!;
  let end = first.byteOffset + first.length;
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.buffer !== first.buffer || p.byteOffset !== end) return undefined;
    end += p.length;
  }
  return new Uint8Array(first.buffer, first.byteOffset, end - first.byteOffset);
}

async function readBlob(blob: Blob, offset: number, length: number): Promise<Uint8Array> {
  try {
    return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
  } catch (cause) {
    const text = cause instanceof Error ? cause.message : String(cause);
    throw new DanganError('BYTES_READ_FAILED', `读取字节来源失败：${text}`, {
      messageEn: `Reading the byte source failed: ${text}`,
      cause,
    });
  }
}
