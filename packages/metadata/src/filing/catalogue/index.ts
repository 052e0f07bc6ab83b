/**
 * The 归档文件目录 (catalogue) and the 归档章 (archiving stamp): building the rows from entries or records,
 * rendering them as 文件目录.XML (UTF-8 or GB18030) and CSV, and filling the stamp. The XLSX renderer is the
 * separate entry `@dangan/metadata/xlsx`.
 *
 * @module
 */
export { compareArchivalCodes } from './archival-code-order.js';
export {
  ARCHIVING_STAMP_LAYOUT,
  type ArchivingStampCell,
  type ArchivingStampFields,
  type ArchivingStampInput,
  type ArchivingStampOptions,
  archivingStampFields,
  archivingStampGrid,
  safeArchivingStampFields,
} from './archiving-stamp.js';
export {
  type BuildCatalogueOptions,
  buildCatalogue,
  CATALOGUE_CLASSIFICATIONS,
  type Catalogue,
  type CatalogueInput,
  safeBuildCatalogue,
} from './build-catalogue.js';
export { CATALOGUE_COLUMNS, type CatalogueColumn } from './catalogue-columns.js';
export {
  type CatalogueCsvOptions,
  catalogueCsvText,
  catalogueToCsv,
  csvCell,
  safeCatalogueToCsv,
} from './catalogue-csv.js';
export { catalogueDate } from './catalogue-date.js';
export {
  CATALOGUE_XML_FIELDS,
  type CatalogueXmlOptions,
  catalogueToXml,
  safeCatalogueToXml,
} from './catalogue-xml.js';
export { CATALOGUE_FINDING_CODES, type CatalogueFindingCode } from './codes.js';
export { dat22ArchivalCode } from './record-fields.js';
export { type CatalogueEncoding, encodeText } from './text-encoding.js';
export type { CatalogueEntry, CatalogueRow } from './types.js';
