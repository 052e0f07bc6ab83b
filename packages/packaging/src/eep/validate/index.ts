/**
 * DA/T 48 EEP structure validation (封装包结构校验): the schema as a data table (`DAT48_SCHEMA`) checked as
 * the document streams, with dangan's rules beyond it, findings with element paths in Chinese and English.
 *
 * @module
 */
export { EEP_FINDING_CODES, type EepFindingCode, type EepFindingCodeInfo } from './codes.js';
export {
  DAT48_SCHEMA,
  type Dat48AttributeDecl,
  type Dat48ElementDecl,
  type Dat48Particle,
  type Dat48Schema,
  type Dat48SimpleType,
} from './dat48-schema.js';
export {
  type EepStructureValidation,
  isSchemaError,
  safeValidateEepStructure,
  type ValidateEepOptions,
  validateEepStructure,
} from './validate-eep.js';
export { isDat48NcName } from './xml-names.js';
