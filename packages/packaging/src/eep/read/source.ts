import type { ByteSource } from '@dangan/core';

/**
 * Whether a source can be read more than once: bytes in memory, a `Blob`, or a function returning a fresh
 * source (what `fromFile` gives). Streams and iterators can be read once only.
 */
export function isRereadable(source: ByteSource): boolean {
  return (
    typeof source === 'function' ||
    source instanceof Uint8Array ||
    source instanceof ArrayBuffer ||
    (typeof Blob !== 'undefined' && source instanceof Blob)
  );
}
