export { type ElementOverride, extendScheme, type SchemeChanges } from './extend.js';
export { assertSchemeIntegrity, checkSchemeIntegrity, conditionRefs } from './integrity.js';
export type {
  Condition,
  Confidence,
  ConsistencyRule,
  ElementConfidence,
  ElementEntity,
  ElementType,
  MetadataElement,
  MetadataScheme,
  Obligation,
  ValueDomain,
} from './model.js';
export type { ElementId, ElementValue, MetadataRecord, RecordPart, UnknownRecord } from './record-type.js';
export { type SchemeIndex, schemeIndex } from './scheme-index.js';
