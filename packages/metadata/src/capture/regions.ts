/** Bytes kept from one stretch of a file. */
export interface Region {
  /** Offset of `bytes[0]` in the file. */
  readonly start: number;
  readonly bytes: Uint8Array;
}

/** The answer of {@link ByteRegions.read}. */
export type RegionRead =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  /** The range starts at or after the end of the file (or runs past it and was cut). */
  | { readonly kind: 'past-end'; readonly bytes: Uint8Array }
  /** The range is in the file but not in any kept region. */
  | { readonly kind: 'out-of-reach' };

/**
 * The parts of a file kept during the capture pass (the start, the end, a few windows), read by offset.
 * Parsers see the file as if whole, and learn plainly when a range was not kept or lies past the end.
 */
export class ByteRegions {
  readonly size: number;
  readonly #regions: readonly Region[];

  constructor(size: number, regions: readonly Region[]) {
    this.size = size;
    this.#regions = regions;
  }

  /** The first region (the file's prefix). */
  get prefix(): Uint8Array {
    return this.#regions[0]?.bytes ?? new Uint8Array(0);
  }

  /** Whether the whole file is in the prefix. */
  get complete(): boolean {
    return this.prefix.length >= this.size;
  }

  /** The longest kept stretch that ends where the file ends (the kept tail), other than the prefix. */
  get suffix(): Uint8Array | undefined {
    let best: Region | undefined;
    for (const r of this.#regions.slice(1)) {
      if (r.start + r.bytes.length === this.size && (best === undefined || r.start < best.start)) best = r;
    }
    return best?.bytes;
  }

  /** The last `length` bytes of the file, when kept. */
  tail(length: number): Uint8Array | undefined {
    const n = Math.min(length, this.size);
    const r = this.read(this.size - n, n);
    return r.kind === 'bytes' ? r.bytes : undefined;
  }

  /** The kept regions (prefix first). */
  get regions(): readonly Region[] {
    return this.#regions;
  }

  /**
   * The bytes of `[offset, offset + length)` when one kept region holds them all; a range running past
   * the end of the file gives what there is as `past-end`.
   */
  read(offset: number, length: number): RegionRead {
    if (!Number.isSafeInteger(offset) || offset < 0 || !(length >= 0)) return { kind: 'out-of-reach' };
    const stop = Math.min(this.size, offset + length);
    const cut = offset + length > this.size;
    if (stop <= offset) return { kind: 'past-end', bytes: new Uint8Array(0) };
    for (const r of this.#regions) {
      if (offset >= r.start && stop <= r.start + r.bytes.length) {
        const bytes = r.bytes.subarray(offset - r.start, stop - r.start);
        return cut ? { kind: 'past-end', bytes } : { kind: 'bytes', bytes };
      }
    }
    return { kind: 'out-of-reach' };
  }
}
