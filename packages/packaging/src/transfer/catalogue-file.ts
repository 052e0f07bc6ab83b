import type { Finding } from '@dangan/core';
import { buildCatalogue, type CatalogueRow, catalogueToXml } from '@dangan/metadata';
import { encodeTransferText, type TransferTextEncoding } from './text-encoding.js';
import type { TransferOptions, TransferRecord } from './types.js';

/** The rows of the transfer's catalogue, in order, and the catalogue's warnings and notes. */
export interface TransferCatalogue {
  readonly rows: readonly CatalogueRow[];
  readonly findings: readonly Finding[];
}

/**
 * The catalogue rows of the records in transfer order (items in arrangement order, records in 档号 order within
 * an item), numbered 顺序号 1… across the whole transfer (so a carrier's rows continue its predecessor's), with
 * 电子档案名称 = the item's folder name. Throws `FILING_CATALOGUE_INVALID` (from `buildCatalogue`) for records
 * that cannot be catalogued.
 *
 * @example
 * const { rows } = transferCatalogueRows([{ record, itemName: 'Z109-WS·2024-Y-0001' }], { category: 'WS' });
 */
export function transferCatalogueRows(
  entries: readonly { readonly record: TransferRecord; readonly itemName: string }[],
  options: Pick<TransferOptions, 'catalogue' | 'category'> = {},
): TransferCatalogue {
  const { rows, findings } = buildCatalogue(
    entries.map((e) => e.record),
    {
      ...options.catalogue,
      ...(options.category === undefined ? {} : { category: options.category }),
      sort: false,
    },
  );
  return {
    rows: rows.map((row, i) => Object.assign({}, row, { 电子档案名称: entries[i]!.itemName })),
    findings,
  };
}

/**
 * 文件目录.XML (or 案卷目录.XML) of some rows, in UTF-8, GB18030 or GB 2312: `catalogueToXml` from
 * `@dangan/metadata` for the first two; for GB 2312 the same document declared `GB2312`, with every character
 * outside GB 2312 written as a character reference (`&#x4DB5;`), so a strict GB 2312 reader accepts the bytes and
 * an XML parser reads the same text.
 *
 * @example
 * new TextDecoder('gb18030').decode(catalogueFileBytes(rows, 'gb2312', '文件')).split('\r\n')[0];
 * // '<?xml version="1.0" encoding="GB2312"?>'
 */
export function catalogueFileBytes(
  rows: readonly CatalogueRow[],
  encoding: TransferTextEncoding,
  level: '文件' | '案卷',
): Uint8Array {
  if (encoding !== 'gb2312') return catalogueToXml(rows, { encoding, level });
  const text = new TextDecoder().decode(catalogueToXml(rows, { encoding: 'utf-8', level }));
  const declared = text.replace(
    /^<\?xml version="1\.0" encoding="UTF-8"\?>/u,
    '<?xml version="1.0" encoding="GB2312"?>',
  );
  return encodeTransferText(declared, 'gb2312', {
    what: level === '案卷' ? '案卷目录.XML' : '文件目录.XML',
    fallback: (cp) => `&#x${cp.toString(16).toUpperCase()};`,
  });
}

/**
 * Bytes each row adds to the catalogue file (its `<文件>` element with indentation), for planning carriers.
 *
 * @example
 * catalogueRowBytes(rows, 'utf-8', '文件')[0]; // e.g. 412
 */
export function catalogueRowBytes(
  rows: readonly CatalogueRow[],
  encoding: TransferTextEncoding,
  level: '文件' | '案卷',
): number[] {
  const empty = catalogueFileBytes([], encoding, level).length;
  return rows.map((row) => catalogueFileBytes([row], encoding, level).length - empty);
}
