/**
 * The streaming ZIP64 engine (压缩包引擎): a writer with bounded memory and a safe random-access reader.
 *
 * @module
 */
export { ZIP_FINDING_CODES, type ZipFindingCode } from './codes.js';
export { DOS_EPOCH, type DosDateTime, toDosDateTime } from './dos-time.js';
export { checkEntryName, type NameProblem } from './names.js';
export { type RandomAccessSource, randomAccess, type ZipSource } from './random-access.js';
export {
  type OpenZipOptions,
  openZip,
  safeOpenZip,
  type ZipArchive,
  type ZipEntry,
  type ZipLimits,
} from './reader.js';
export { ALREADY_COMPRESSED_EXTENSIONS } from './store-extensions.js';
export {
  createZipWriter,
  type ZipEntryOptions,
  type ZipMethod,
  type ZipOutput,
  type ZipWriter,
  type ZipWriterOptions,
  type ZipWrittenEntry,
} from './writer.js';
