export {
  type AssignArchivalCodeOptions,
  type AssignedArchivalCode,
  assignArchivalCode,
  safeAssignArchivalCode,
} from './assign.js';
export {
  ARCHIVAL_CODE_FINDING_CODES,
  type ArchivalCodeFinding,
  type ArchivalCodeFindingCode,
  type ArchivalCodeSegmentRef,
} from './codes.js';
export {
  type ArchivalCodeSegmentOverride,
  type ArchivalCodeTemplateInput,
  type ArchivalCodeTemplateText,
  defineArchivalCodeTemplate,
  safeDefineArchivalCodeTemplate,
} from './define-template.js';
export { archivalCodeSequenceKey, formatArchivalCode, safeFormatArchivalCode } from './format.js';
export type {
  ArchivalCodeCodeSegment,
  ArchivalCodeNumberKind,
  ArchivalCodeNumberSegment,
  ArchivalCodeParts,
  ArchivalCodeSegment,
  ArchivalCodeSegmentKind,
  ArchivalCodeTemplate,
  ArchivalCodeTemplateStatus,
  FormatArchivalCodeOptions,
  ParseArchivalCodeOptions,
  ParsedArchivalCodeParts,
} from './model.js';
export { type NormalizedArchivalCode, normalizeArchivalCode } from './normalize.js';
export {
  type ParsedArchivalCode,
  parseArchivalCode,
  safeParseArchivalCode,
  validateArchivalCode,
} from './parse.js';
export {
  archivalCodePartsToRecord,
  type RecordArchivalCode,
  type RecordArchivalCodeOptions,
  recordArchivalCodeParts,
} from './record-parts.js';
export {
  ARCHIVAL_CODE_DEFAULT_PATTERNS,
  ARCHIVAL_CODE_PART_ELEMENTS,
  ARCHIVAL_CODE_PART_KINDS,
} from './segment-defaults.js';
export { archivalCodeTemplateToString, parseArchivalCodeTemplateSyntax } from './template-syntax.js';
export { type ArchivalCodeTemplateId, archivalCodeTemplates } from './templates.js';
