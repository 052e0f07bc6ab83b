import { type ArchivalDigestAlgorithm, digestLength, parseDigestAlgorithm } from '@dangan/core';
import { DEFAULT_ARRANGEMENT } from './arrangement.js';
import { digestAlgorithmName } from './digest-sheet.js';
import { checkLayout, TRANSFER_LAYOUT, type TransferLayout } from './layout.js';
import { OTHER_DOCUMENT_EXTENSIONS } from './other-documents.js';
import { checkTextEncoding, type TransferTextEncoding } from './text-encoding.js';
import type { ArrangementLevel, TransferOptions } from './types.js';

/**
 * Default test of which files of an item are metadata: names ending in `.xml` in any case (a DA/T 48 EEP, the
 * `基本信息元数据.xml` of a 归档信息包, a metadata file written by the builder). Content files in XML would count
 * too: pass `isMetadataFile` when a profile has them.
 *
 * @example
 * isXmlMetadataFile('件/基本信息元数据.XML'); // true
 */
export function isXmlMetadataFile(path: string): boolean {
  return /\.xml$/iu.test(path);
}

/**
 * The default carrier number: the index with three digits (`001`), or more digits when there are more carriers.
 *
 * @example
 * defaultCarrierNumber(7, 12); // '007'
 */
export function defaultCarrierNumber(index: number, total: number): string {
  return String(index).padStart(Math.max(3, String(total).length), '0');
}

/** {@link TransferOptions} with every default applied and checked. */
export interface ResolvedTransferOptions {
  readonly layout: TransferLayout;
  readonly levels: readonly ArrangementLevel[];
  readonly category: string;
  readonly level: '文件' | '案卷';
  readonly catalogueEncoding: TransferTextEncoding;
  readonly readmeEncoding: 'gb18030' | 'utf-8';
  readonly newline: '\r\n' | '\n';
  readonly documentEncoding: 'utf-8' | 'gb18030';
  readonly sheetFormat: 'xml' | 'txt';
  readonly algorithm: ArchivalDigestAlgorithm;
  readonly algorithmName: string;
  /** Length of a hex digest of {@link algorithm}. */
  readonly hexLength: number;
  readonly carrierNumber: (index: number, total: number) => string;
  readonly isMetadataFile: (path: string) => boolean;
  readonly otherExtensions: readonly string[];
}

/**
 * Applies the defaults of {@link TransferOptions}, throwing `RangeError`/`TypeError` naming a bad option.
 *
 * @example
 * resolveTransferOptions({}).readmeEncoding; // 'gb18030'
 */
export function resolveTransferOptions(options: TransferOptions): ResolvedTransferOptions {
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const level = options.catalogueLevel ?? '文件';
  if (level !== '文件' && level !== '案卷') throw new RangeError("catalogueLevel must be '文件' or '案卷'");
  const readmeEncoding = options.readmeEncoding ?? 'gb18030';
  if (readmeEncoding !== 'gb18030' && readmeEncoding !== 'utf-8')
    throw new RangeError("readmeEncoding must be 'gb18030' or 'utf-8'");
  const newline = options.newline ?? '\r\n';
  if (newline !== '\r\n' && newline !== '\n') throw new RangeError("newline must be '\\r\\n' or '\\n'");
  const documentEncoding = options.documentEncoding ?? 'utf-8';
  if (documentEncoding !== 'utf-8' && documentEncoding !== 'gb18030')
    throw new RangeError("documentEncoding must be 'utf-8' or 'gb18030'");
  const sheetFormat = options.digestSheetFormat ?? 'xml';
  if (sheetFormat !== 'xml' && sheetFormat !== 'txt')
    throw new RangeError("digestSheetFormat must be 'xml' or 'txt'");
  const algorithm = parseDigestAlgorithm(options.digestAlgorithm ?? 'sm3');
  if (algorithm !== 'sm3' && algorithm !== 'sha256' && algorithm !== 'sha512') {
    throw new RangeError(
      `digestAlgorithm must be an archival algorithm (sm3, sha256, sha512), got ${algorithm}`,
    );
  }
  const levels = options.levels ?? DEFAULT_ARRANGEMENT;
  if (!Array.isArray(levels as unknown)) throw new TypeError('levels must be an array');
  for (const l of levels) {
    const ok =
      l === '年度' ||
      l === '门类' ||
      l === '保管期限' ||
      (l !== null && typeof l === 'object' && typeof l.name === 'string' && typeof l.value === 'function');
    if (!ok) throw new RangeError(`unknown arrangement level: ${String(l)}`);
  }
  const category = options.category ?? 'WS';
  if (typeof category !== 'string') throw new TypeError('category must be a string');
  return {
    layout: checkLayout(options.layout ?? TRANSFER_LAYOUT),
    levels,
    category,
    level,
    catalogueEncoding: checkTextEncoding(options.catalogueEncoding ?? 'utf-8', 'catalogueEncoding'),
    readmeEncoding,
    newline,
    documentEncoding,
    sheetFormat,
    algorithm,
    algorithmName: digestAlgorithmName(algorithm),
    hexLength: digestLength(algorithm) * 2,
    carrierNumber: options.carrierNumber ?? defaultCarrierNumber,
    isMetadataFile: options.isMetadataFile ?? isXmlMetadataFile,
    otherExtensions: options.otherDocumentExtensions ?? OTHER_DOCUMENT_EXTENSIONS,
  };
}
