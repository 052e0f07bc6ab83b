/**
 * Check reports (检测报告): the report shape, its summary, its JSON Schema, the HTML report for people and
 * the check columns of the registration forms (登记表).
 *
 * @module
 */

export { type HtmlReportOptions, renderHtmlReport } from './html/render-html.js';
export { REPORT_JSON_SCHEMA_ID, reportJsonSchema } from './json-schema.js';
export {
  type Bilingual,
  PROPERTY_LABELS,
  type ReportLang,
  SEVERITY_LABELS,
  STAGE_LABELS,
  STATUS_LABELS,
  SUBJECT_KIND_LABELS,
} from './labels.js';
export {
  ARCHIVING_REGISTRATION_MAPPING,
  type ItemSelector,
  type RegistrationColumnRule,
  type RegistrationFormMapping,
  type RegistrationResult,
  TRANSFER_REGISTRATION_MAPPING,
} from './registration/mapping.js';
export {
  type RegistrationCheckColumn,
  type RegistrationCheckColumns,
  type RegistrationColumnsOptions,
  registrationCheckColumns,
} from './registration/registration-columns.js';
export { summarise } from './summarise.js';
export {
  type Attestation,
  CHECK_STATUSES,
  type CheckItemResult,
  type CheckReport,
  type CheckStatus,
  type CheckSubject,
  type CheckSummary,
  type StatusCounts,
} from './types.js';
