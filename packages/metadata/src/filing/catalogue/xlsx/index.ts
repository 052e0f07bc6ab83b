/**
 * `@dangan/metadata/xlsx`: the 归档文件目录 as an Excel workbook. A separate entry so hosts that do not export
 * XLSX do not bundle the XLSX writer (write-excel-file, ~20 KB gzipped with its fflate).
 *
 * @module
 */
export { type CatalogueXlsxOptions, catalogueToXlsx } from './catalogue-xlsx.js';
