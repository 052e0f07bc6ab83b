import { DanganError, type Finding } from '@dangan/core';
import {
  type MetadataScheme,
  recordsFromXml,
  schemeById,
  schemes,
  type UnknownRecord,
} from '@dangan/metadata';
import type { MetadataDocumentFact } from '../facts.js';

/** The root of a dangan metadata document (`<dg:电子文件元数据>` or `<dg:元数据集>`), any prefix. */
export const METADATA_ROOTS = /<(?:[A-Za-z_][\w.-]*:)?(电子文件元数据|元数据集)[\s>/]/u;

/** The root of a DA/T 48 EEP (`<电子文件封装包>`), any prefix. */
export const EEP_ROOT = /<(?:[A-Za-z_][\w.-]*:)?电子文件封装包[\s>/]/u;

/**
 * Reads the records of one metadata document (读取元数据文件) with the scheme given, else the one its `方案`
 * attribute names (looked for in `head`, the document's first bytes as text) when built in, else DA/T 46.
 * Problems in the document (malformed XML, unknown elements) become the document's findings, each with a
 * `path` (the document's when it has none); an abort is rethrown.
 *
 * @example
 * const { records, document } = await readRecords(bytes, '元数据.xml', head, undefined);
 * document.findings.length; // 0 for a clean document
 */
export async function readRecords(
  bytes: Uint8Array,
  path: string,
  head: string,
  scheme: MetadataScheme | undefined,
): Promise<{ records: UnknownRecord[]; scheme: MetadataScheme; document: MetadataDocumentFact }> {
  const docScheme = scheme ?? schemeById(/\s方案="([^"]+)"/u.exec(head)?.[1]) ?? schemes.dat46;
  const findings: Finding[] = [];
  const records: UnknownRecord[] = [];
  try {
    for await (const r of recordsFromXml(bytes, docScheme, {
      name: path,
      onFinding: (f) => findings.push(f),
    }))
      records.push(r);
  } catch (e) {
    if (!(e instanceof DanganError) || e.code === 'ABORTED') throw e;
    findings.push(...e.findings.map((f) => ({ ...f, path: f.path ?? path })));
  }
  return { records, scheme: docScheme, document: { path, records: records.length, findings } };
}
