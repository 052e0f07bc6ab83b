/**
 * Format identification (格式识别): what a file is from its bytes — PDF (version, PDF/A claim, encryption),
 * OFD, OOXML and legacy Office/WPS, images, audio, video, XML and text with their encodings — plus the
 * table of known formats and a small bounded ZIP directory lister.
 *
 * @module
 */
export { extensionMatchesFormat, fileExtension } from './extension.js';
export {
  FORMAT_IDS,
  type FormatCategory,
  type FormatDetails,
  type FormatFlags,
  type FormatId,
  type FormatInfo,
  type PdfAClaim,
  type TextEncodingName,
} from './format-info.js';
export { FORMATS, type FormatDescriptor, formatDescriptor } from './formats.js';
export {
  DEFAULT_MAX_INSPECT_BYTES,
  type IdentifyFormatOptions,
  identifyFormat,
  safeIdentifyFormat,
} from './identify.js';
export { inflateRawPrefix } from './inflate.js';
export { type MpegFrame, parseMpegFrame } from './mpeg-audio-frame.js';
export { type ListZipEntriesOptions, listZipEntries, type ZipEntry, type ZipListing } from './zip-entries.js';
