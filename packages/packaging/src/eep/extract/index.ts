/**
 * Extracting the files of DA/T 48 EEPs (封装包文件提取) into a package sink, streaming, with safe names and
 * 修改型 references resolved.
 *
 * @module
 */
export {
  type EepExtractedFile,
  type EepExtraction,
  type ExtractEepOptions,
  extractEep,
  safeExtractEep,
} from './extract-eep.js';
