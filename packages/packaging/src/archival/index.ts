/**
 * 归档信息包 (archival information package): layouts as data (provisional 一网通办 per-办件 and per-件
 * profiles), the streaming builder (content, EEPs, metadata, catalogue, 归档登记表, 说明文件, and the SM3
 * manifest written last), the registration form, and the reader the checks and the transfer code use.
 *
 * @module
 */
export { buildArchivalPackage, safeBuildArchivalPackage } from './build.js';
export { ARCHIVAL_FINDING_CODES, type ArchivalCodeInfo, type ArchivalFindingCode } from './codes.js';
export {
  ARCHIVAL_LAYOUTS,
  type ArchivalFileNameRule,
  type ArchivalLayoutId,
  type ArchivalLayoutProfile,
  type ArchivalTextEncoding,
} from './profile.js';
export { safeValidateArchivalLayoutProfile, validateArchivalLayoutProfile } from './profile-validate.js';
export {
  type ArchivalFileReading,
  type ArchivalItemReading,
  type ArchivalPackageReading,
  type ArchivalPartReading,
  type ReadArchivalPackageOptions,
  readArchivalPackage,
} from './read-package.js';
export {
  type ReadRegistrationFormOptions,
  readRegistrationForm,
  safeReadRegistrationForm,
} from './read-registration-form.js';
export { README_FIELDS, type ReadmeField } from './readme.js';
export {
  type ArchivalRegistrationForm,
  type ArchivingMethod,
  REGISTRATION_CHECK_COLUMNS,
  REGISTRATION_FORM_NAMESPACE,
  REGISTRATION_FORM_ROOT,
  REGISTRATION_PENDING,
  type RegistrationCheckColumn,
  registrationFormToXml,
} from './registration-form.js';
export { NAME_TEMPLATE_FIELDS, type NameTemplateField } from './template.js';
export type {
  ArchivalFileInput,
  ArchivalItemInput,
  ArchivalItemWritten,
  ArchivalPackageInput,
  ArchivalPackageResult,
  ArchivalPackageTotals,
  ArchivalRegistrationHeader,
  BuildArchivalPackageOptions,
  EepBuilder,
  EepContext,
} from './types.js';
