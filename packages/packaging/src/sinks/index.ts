/**
 * Package sinks and sources (包写入端与读取端): write and read a package's named entries as streams, in
 * memory here and in a folder from `@dangan/packaging/node`.
 *
 * @module
 */
export {
  checkEntryPath,
  entryPathKey,
  MAX_ENTRY_PATH_LENGTH,
  safeCheckEntryPath,
} from './entry-path.js';
export { SINK_ERROR_CODES, type SinkErrorCode, sinkError } from './errors.js';
export { isPackageSource } from './is-package-source.js';
export {
  type MemoryPackageWritten,
  type MemorySink,
  memorySink,
  memorySource,
} from './memory.js';
export {
  type OpenedPackage,
  type OpenPackageOptions,
  openPackage,
  safeOpenPackage,
} from './open-package.js';
export { createPackageSink, type PackageSinkBackend } from './sink-core.js';
export type {
  EntryWritten,
  PackageEntryInfo,
  PackageSink,
  PackageSource,
  PackageWritten,
  WriteEntryOptions,
} from './types.js';
export { type ZipPackageWritten, type ZipSink, type ZipSinkOutput, zipSink } from './zip-sink.js';
export { zipSource } from './zip-source.js';
