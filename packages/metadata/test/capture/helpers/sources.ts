import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ByteSource } from '@dangan/core';

/** A committed fixture under `test/fixtures/capture/`. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)));
}

/** The path of a committed fixture. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/capture/${name}`, import.meta.url));
}

/** An async iterable yielding `bytes` in pieces of `size` bytes. */
export async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let o = 0; o < bytes.length; o += size) yield bytes.slice(o, o + size);
}

/** A web ReadableStream of `bytes` in pieces of `size` bytes. */
export function webStream(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let o = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (o >= bytes.length) controller.close();
      else {
        controller.enqueue(bytes.slice(o, o + size));
        o += size;
      }
    },
  });
}

/** Every kind of ByteSource over the same bytes, named for test titles. */
export function everySource(bytes: Uint8Array): [string, () => ByteSource][] {
  return [
    ['Uint8Array', () => bytes],
    ['ArrayBuffer', () => bytes.slice().buffer],
    ['Blob', () => new Blob([bytes.slice()])],
    ['ReadableStream (4 KiB)', () => webStream(bytes, 4096)],
    ['AsyncIterable (7 B)', () => pieces(bytes, 7)],
    ['AsyncIterable (1 MiB)', () => pieces(bytes, 1 << 20)],
    ['Iterable (one chunk)', () => [bytes]],
    ['function → stream', () => () => pieces(bytes, 1000)],
    ['function → Blob', () => async () => new Blob([bytes.slice()])],
  ];
}

/** A function source that counts how often it is opened. */
export function countingSource(bytes: Uint8Array, size = 65536): { source: ByteSource; opens: () => number } {
  let opens = 0;
  return {
    source: () => {
      opens++;
      return pieces(bytes, size);
    },
    opens: () => opens,
  };
}
