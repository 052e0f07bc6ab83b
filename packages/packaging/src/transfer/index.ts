/**
 * The 移交信息包 (transfer package, 《电子档案移交与接收办法》 附件2–3): selection by retention, the carrier layout
 * (说明文件.TXT, 文件目录.XML, 电子档案/, 其他/), online transfer as one package or offline transfer split across
 * carriers, the 移交与接收登记表 and the 数字摘要 sheet, and the carrier digest; the items of a 归档信息包
 * (`transferItemsFromArchivalPackage`: one per 件, under the files' own names, without the 归档 documents).
 *
 * @module
 */
export { DEFAULT_ARRANGEMENT } from './arrangement.js';
export { buildTransferPackage, safeBuildTransferPackage } from './build.js';
export {
  allocatedBytes,
  CARRIER_CAPACITIES,
  formatCapacity,
  formatGigabytes,
  parseCarrierCapacity,
  safeParseCarrierCapacity,
} from './capacity.js';
export {
  type CarrierDigest,
  type CarrierDigestOptions,
  carrierDigest,
  carrierListingText,
  compareUtf8,
  type ListingLine,
  listingDigest,
  type ParsedListing,
  parseCarrierListing,
  safeCarrierDigest,
} from './carrier-listing.js';
export { catalogueFileBytes } from './catalogue-file.js';
export {
  TRANSFER_FINDING_CODES,
  type TransferCodeInfo,
  type TransferFindingCode,
} from './codes.js';
export {
  type DigestSheet,
  type DigestSheetRow,
  digestAlgorithmName,
  digestSheetTxt,
  digestSheetXml,
  type ParsedDigestSheet,
  parseDigestSheet,
} from './digest-sheet.js';
export {
  ARCHIVAL_ITEM_METADATA_FILE,
  type ArchivalTransferItemsOptions,
  safeTransferItemsFromArchivalPackage,
  transferItemsFromArchivalPackage,
} from './from-archival.js';
export { type ArchivalCodeFacts, archivalCodeFacts } from './item-facts.js';
export { handoverPaths, TRANSFER_LAYOUT, type TransferLayout } from './layout.js';
export { OTHER_DOCUMENT_EXTENSIONS } from './other-documents.js';
export { planTransferPackage, safePlanTransferPackage, type TransferPlan } from './plan.js';
export {
  type ParsedTransferReadme,
  parseTransferReadme,
  TRANSFER_README_FIELDS,
  type TransferReadmeFields,
} from './readme-file.js';
export {
  type ParsedTransferRegistrationForm,
  parseTransferRegistrationForm,
  type RegisteredCarrier,
  type RegisteredCounts,
  TRANSFER_REGISTRATION_CHECKS,
  type TransferRegistrationCheck,
  type TransferRegistrationDetails,
  type TransferRegistrationForm,
  type TransferRegistrationSignOff,
  transferRegistrationFormXml,
} from './registration-form.js';
export { defaultCarrierNumber, isXmlMetadataFile } from './resolve-options.js';
export {
  DEFAULT_MIN_RETENTION_YEARS,
  type SelectedItem,
  selectTransferItems,
  type TransferSelection,
} from './selection.js';
export { packageSubSource } from './sub-source.js';
export { decodeTransferText, isGb2312Code, type TransferTextEncoding } from './text-encoding.js';
export type {
  ArrangementLevel,
  CarrierSinkFactory,
  CarrierWritten,
  ExcludedItem,
  ExclusionReason,
  OfflineTransferTarget,
  OnlineTransferTarget,
  OtherDocument,
  TransferCounts,
  TransferEntry,
  TransferGroup,
  TransferGroupCounts,
  TransferInput,
  TransferItem,
  TransferOptions,
  TransferPackageResult,
  TransferRecord,
  TransferTarget,
} from './types.js';
