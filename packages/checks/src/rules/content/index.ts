/**
 * Content rules (内容数据): attributes, completeness, format, readability, environment, metadata ↔ content link.
 *
 * @module
 */
export { contentAttributesRule } from './attributes.js';
export { contentCompleteRule } from './complete.js';
export { environmentAllowed, environmentRule } from './environment.js';
export { contentFormatRule } from './format.js';
export { formatDisagreements, parseFormatInformation, type RecordedFormat } from './format-information.js';
export { isPackagePath, linkLocationRule } from './location.js';
export { contentReadableRule } from './readable.js';
