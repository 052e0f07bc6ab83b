import { XmlWriter, xmlToString } from '@dangan/core';
import type { MetadataScheme } from '../scheme/model.js';
import type { UnknownRecord } from '../scheme/record-type.js';
import {
  DAT48_NAMESPACE,
  METADATA_EXT_NAMESPACE,
  METADATA_EXT_PREFIX,
  METADATA_SET_ROOT,
} from './namespaces.js';
import {
  assertWritable,
  type WriteRecordXmlOptions,
  writeMetadataRecord,
  writeRecordXmlSync,
} from './write-record.js';

/** Options of {@link recordToXml} and {@link recordsToXml}. */
export interface RecordToXmlOptions extends Omit<WriteRecordXmlOptions, 'declareNamespaces'> {
  /** Indent the document (default `true`). Text content is never touched, so both forms read back alike. */
  readonly pretty?: boolean;
  /** One level of indentation when pretty (default two spaces). */
  readonly indent?: string;
  /** Start with `<?xml version="1.0" encoding="UTF-8"?>` (default `true`). */
  readonly declaration?: boolean;
}

function writerOptions(options: RecordToXmlOptions) {
  return {
    pretty: options.pretty ?? true,
    ...(options.indent === undefined ? {} : { indent: options.indent }),
  };
}

/**
 * A record as an XML document (UTF-8 text). Layout `'metadata'` (default) gives dangan's standalone metadata
 * document:
 *
 * ```xml
 * <dg:电子文件元数据 xmlns="http://www.saac.gov.cn/standards/ERM/encapsulation" xmlns:dg="urn:dangan:metadata:ext"
 *     方案="dat46" 方案版本="2026.11" 标准="DA/T 46-2009">
 *   <文件实体><聚合层次>文件</聚合层次>…<形式特征>…<dg:件数>3</dg:件数>…</形式特征>…</文件实体>
 *   <机构人员实体块><机构人员实体>…</机构人员实体></机构人员实体块>
 *   <业务实体块><业务实体>…</业务实体></业务实体块>
 *   <文件实体关系><文件标识符>…</文件标识符><被关联文件标识符>…</被关联文件标识符></文件实体关系>
 * </dg:电子文件元数据>
 * ```
 *
 * Every element of the record is written, in the scheme table's order; DA/T 48 elements in the DA/T 48
 * namespace, others (件数, 办件 …) in dangan's extension namespace (see `namespaces.ts`); numbers as plain
 * decimals. {@link recordFromXml} reads it back to an equal record. Layout `'eep'` gives a bare DA/T 48
 * `<文件实体>` (see {@link writeRecordXml}). The same record always gives the same bytes.
 *
 * Throws `DanganError('METADATA_XML_UNWRITABLE')` with a finding per problem when the record does not fit
 * the scheme's shape (unknown key, a repeatable element that is not an array, a value that is neither text
 * nor a finite number, a character XML 1.0 forbids). A `TypeError` if `writeFileData` returns a promise
 * (use `writeRecordXml` with an asynchronous sink for that).
 *
 * @example
 * const xml = recordToXml(record, schemes.dat46);
 * const again = await recordFromXml(xml, schemes.dat46); // deep-equal to record
 */
export function recordToXml(
  record: UnknownRecord,
  scheme: MetadataScheme,
  options: RecordToXmlOptions = {},
): string {
  return xmlToString((w) => {
    if (options.declaration ?? true) w.declaration();
    const result = writeRecordXmlSync(w, record, scheme, options);
    if (result !== undefined) {
      throw new TypeError('writeFileData returned a promise: use writeRecordXml for asynchronous output');
    }
  }, writerOptions(options));
}

/**
 * Many records as one batch document, `<dg:元数据集>` holding one `<dg:电子文件元数据>` per record (metadata
 * layout). The namespaces and the scheme attributes (方案, 方案版本, 标准) are written once on the set. This is
 * dangan's batch format (PROVISIONAL, like the single-record document): a catalogue or manifest of a
 * package, read back record by record with {@link recordsFromXml}.
 *
 * @example
 * const xml = recordsToXml([a, b], schemes.dat46);
 * for await (const r of recordsFromXml(xml, schemes.dat46)) console.log(r);
 */
export function recordsToXml(
  records: Iterable<UnknownRecord>,
  scheme: MetadataScheme,
  options: Omit<RecordToXmlOptions, 'layout' | 'writeFileData' | 'onFinding'> = {},
): string {
  return xmlToString((w) => {
    if (options.declaration ?? true) w.declaration();
    startSet(w, scheme);
    for (const record of records) {
      assertWritable(scheme, '', record, '');
      writeMetadataRecord(w, record, scheme, false, false);
    }
    w.endElement();
  }, writerOptions(options));
}

/**
 * Streams a batch (`<dg:元数据集>`, see {@link recordsToXml}) into a writer, from records that may arrive
 * asynchronously; flushes after each record so an asynchronous sink applies backpressure. Each record is
 * checked before it is written (`DanganError('METADATA_XML_UNWRITABLE')`).
 *
 * @example
 * const w = new XmlWriter(sink, { pretty: true });
 * w.declaration();
 * await writeRecordSetXml(w, recordsFromDatabase(), schemes.dat46);
 * await w.end();
 */
export async function writeRecordSetXml(
  writer: XmlWriter,
  records: Iterable<UnknownRecord> | AsyncIterable<UnknownRecord>,
  scheme: MetadataScheme,
): Promise<void> {
  if (!(writer instanceof XmlWriter)) throw new TypeError('writer must be an XmlWriter');
  startSet(writer, scheme);
  for await (const record of records) {
    assertWritable(scheme, '', record, '');
    writeMetadataRecord(writer, record, scheme, false, false);
    await writer.flush();
  }
  writer.endElement();
}

function startSet(w: XmlWriter, scheme: MetadataScheme): void {
  w.startElement(`${METADATA_EXT_PREFIX}:${METADATA_SET_ROOT}`, {
    xmlns: DAT48_NAMESPACE,
    [`xmlns:${METADATA_EXT_PREFIX}`]: METADATA_EXT_NAMESPACE,
    方案: scheme.id,
    方案版本: scheme.version,
    标准: scheme.standard,
  });
}
