export { checkRecord, safeValidateRecord, validateRecord } from './check-record.js';
export { METADATA_FINDING_CODES, type MetadataFindingCode, type MetadataFindingCodeInfo } from './codes.js';
export type { MetadataFinding, RecordValidation, ValidateRecordOptions } from './types.js';
