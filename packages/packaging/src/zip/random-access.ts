/** Random access to archive bytes: what the reader needs from its source. */
export interface RandomAccessSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** What {@link openZip} accepts: a `Blob`/`File`, bytes in memory, or any random-access source. */
export type ZipSource = Blob | Uint8Array | RandomAccessSource;

/**
 * Normalises a {@link ZipSource} (bytes, a `Blob`/`File`, or a random-access source) to random access.
 *
 * @example
 * const source = randomAccess(new Blob([zipBytes]));
 * const head = await source.read(0, 4); // 'PK\x03\x04'
 */
export function randomAccess(source: ZipSource): RandomAccessSource {
  if (source instanceof Uint8Array) {
    return { size: source.length, read: async (o, l) => source.subarray(o, Math.min(o + l, source.length)) };
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    return {
      size: source.size,
      read: async (o, l) => new Uint8Array(await source.slice(o, o + l).arrayBuffer()),
    };
  }
  return source as RandomAccessSource;
}
