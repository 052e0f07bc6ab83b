import type { MetadataScheme } from '@dangan/metadata';
import type { PackageEntryInfo } from '@dangan/packaging';
import type { CheckRecordFact, EntryRole, MetadataDocumentFact, PackageView } from '../facts.js';
import { EEP_ROOT, METADATA_ROOTS, readRecords } from './metadata-document.js';
import { checkRecordFact, recordFileLinks } from './record-values.js';

/**
 * The view of a package no layout reader recognises (通用视图): its metadata documents are the XML
 * entries whose root is dangan's `<dg:电子文件元数据>` or `<dg:元数据集>`; DA/T 48 EEPs (root
 * `<电子文件封装包>`, or the `.eep` extension) are EEPs; every other entry is content. A record's files
 * are found by their 计算机文件名 (M48): in the metadata document's folder first, else anywhere in the
 * package when the name is unique. The scheme is the one given, else the document's `方案` attribute when
 * it names a built-in scheme, else DA/T 46.
 *
 * @example
 * const view = await genericView(await source.list(), cachedDocuments);
 */
export async function genericView(
  listing: readonly PackageEntryInfo[],
  cache: ReadonlyMap<string, Uint8Array>,
  scheme?: MetadataScheme,
): Promise<PackageView> {
  const roles = new Map<string, EntryRole>();
  const metadataDocuments: MetadataDocumentFact[] = [];
  const records: CheckRecordFact[] = [];
  const byName = new Map<string, string[]>();
  for (const e of listing) {
    const name = e.path.slice(e.path.lastIndexOf('/') + 1).normalize('NFC');
    byName.set(name, [...(byName.get(name) ?? []), e.path]);
  }
  let eeps = 0;
  for (const e of listing) {
    const bytes = cache.get(e.path);
    const head = bytes === undefined ? '' : new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
    if (EEP_ROOT.test(head) || /\.eep$/i.test(e.path)) {
      roles.set(e.path, 'eep');
      eeps++;
      continue;
    }
    if (bytes === undefined || !METADATA_ROOTS.test(head)) {
      roles.set(e.path, 'content');
      continue;
    }
    roles.set(e.path, 'metadata');
    const { records: read, scheme: docScheme, document } = await readRecords(bytes, e.path, head, scheme);
    metadataDocuments.push(document);
    const folder = e.path.includes('/') ? e.path.slice(0, e.path.lastIndexOf('/') + 1) : '';
    read.forEach((record, index) => {
      const files = recordFileLinks(
        record,
        (_attribute, name) => {
          if (name === undefined) return undefined;
          const matches = byName.get(name.normalize('NFC')) ?? [];
          return (
            matches.find((p) => p === `${folder}${name}`) ?? (matches.length === 1 ? matches[0] : undefined)
          );
        },
        'name',
      );
      records.push(checkRecordFact(`${e.path}#${index + 1}`, record, docScheme, files));
    });
  }
  const kind = metadataDocuments.length === 0 && eeps > 0 && eeps === listing.length ? 'eep' : 'unknown';
  return { kind, records, metadataDocuments, roles, findings: [] };
}
