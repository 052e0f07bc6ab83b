import type { PackageSource } from './types.js';

/**
 * Whether a value is a {@link PackageSource} (是否为包读取端): an object with the four functions `list`, `read`,
 * `has` and `close`. Lets a function that takes either a package source or ZIP bytes (a `Uint8Array`, a
 * `Blob`, a random-access source) tell the two apart without opening anything.
 *
 * @example
 * isPackageSource(memorySource({ 'a.txt': new Uint8Array([1]) })); // true
 * isPackageSource(new Uint8Array([0x50, 0x4b, 0x05, 0x06])); // false: ZIP bytes
 */
export function isPackageSource(value: unknown): value is PackageSource {
  const v = value as Partial<PackageSource> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.list === 'function' &&
    typeof v.read === 'function' &&
    typeof v.has === 'function' &&
    typeof v.close === 'function'
  );
}
