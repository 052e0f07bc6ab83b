import type { ByteSource } from '../../../src/bytes/byte-source.js';

/** Every kind of ByteSource over the same bytes, named, each fresh (streams are single-use). */
export function everySourceKind(bytes: Uint8Array): [string, () => ByteSource][] {
  return [
    ['Uint8Array', () => bytes],
    ['ArrayBuffer', () => bytes.slice().buffer],
    ['Blob', () => new Blob([bytes.slice()])],
    ['ReadableStream', () => streamOf(bytes, 7)],
    ['async iterable', () => iterableOf(bytes, 1000)],
    ['function → Blob', () => () => new Blob([bytes.slice()])],
  ];
}

/** A web ReadableStream yielding `bytes` in chunks of `size`. */
export function streamOf(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

/** An async iterable yielding `bytes` in chunks of `size`. */
export async function* iterableOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

/** A stream that counts how many bytes were pulled from it. */
export function countingStream(
  bytes: Uint8Array,
  size: number,
): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let at = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (at >= bytes.length) {
          controller.close();
          return;
        }
        controller.enqueue(bytes.slice(at, at + size));
        at += size;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => Math.min(at, bytes.length) };
}

/** A Blob that records the byte ranges sliced from it. */
export class CountingBlob extends Blob {
  readonly ranges: [number, number][];
  constructor(parts: BlobPart[], ranges: [number, number][] = []) {
    super(parts);
    this.ranges = ranges;
  }
  override slice(start?: number, end?: number, contentType?: string): Blob {
    this.ranges.push([start ?? 0, Math.min(end ?? this.size, this.size)]);
    return super.slice(start, end, contentType);
  }
  get sliced(): number {
    return this.ranges.reduce((n, [a, b]) => n + Math.max(0, b - a), 0);
  }
}
