/**
 * Building DA/T 48 EEPs (封装包构建): `buildEep` streams a 原始型 or 修改型 电子文件封装包, signed or not, in
 * one pass with bounded memory.
 *
 * @module
 */
export { buildEep } from './build-eep.js';
export { EEP_BUILD_ERROR_CODES, type EepBuildErrorCode } from './errors.js';
export type {
  BuildEepOptions,
  EepBuild,
  EepBuildResult,
  EepByteRange,
  EepDocumentSpec,
  EepDocumentWritten,
  EepFileInput,
  EepFileWritten,
  EepSignatureWritten,
  EepUnchangedFile,
} from './options.js';
export type { StreamWithResult } from './settle.js';
export { EEP_DEFAULT_UTC_OFFSET_MINUTES, eepDateTime } from './time.js';
