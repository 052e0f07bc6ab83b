import type { PackageSource } from '@dangan/packaging';

/** A {@link PackageSource} that serves some entries from memory, and counts the reads it had to pass on. */
export interface CachedSource extends PackageSource {
  /** Paths read from the underlying source because they were not cached (second reads of the bytes). */
  readonly passedThrough: readonly string[];
}

/**
 * Wraps a package source so that the structural documents the engine already read once (manifest,
 * metadata, registration form, catalogue, readme) are served from memory to the package readers
 * (读取缓存): no entry is read from the host's storage twice. `close()` does not close the underlying source.
 *
 * @example
 * const reader = cachedSource(source, new Map([['归档信息包清单.xml', bytes]]));
 */
export function cachedSource(source: PackageSource, cache: ReadonlyMap<string, Uint8Array>): CachedSource {
  const passed: string[] = [];
  return {
    list: () => source.list(),
    read(path) {
      const bytes = cache.get(path);
      if (bytes !== undefined) return () => bytes;
      passed.push(path);
      return source.read(path);
    },
    has: (path) => source.has(path),
    close: async () => undefined,
    get passedThrough() {
      return passed;
    },
  };
}
