export { classify } from './classify.js';
export { CLASSIFICATION_FINDING_CODES, type ClassificationFindingCode } from './codes.js';
export type {
  Classification,
  ClassificationFacts,
  ClassificationLevel,
  ClassificationScheme,
  ClassificationSource,
  ClassificationSourceRef,
  ClassifyOptions,
  ClassPathEntry,
} from './model.js';
export {
  classificationSchemes,
  defineClassificationScheme,
  safeDefineClassificationScheme,
} from './schemes.js';
export { defaultOrgSources, defaultRetentionSources, defaultYearRules } from './sources.js';
