import { hasBytes } from '../binary.js';
import type { FormatId } from '../format-info.js';
import type { InspectReader } from '../inspect-reader.js';
import { byteOrderMark, decodeLoosely } from '../text-encoding.js';
import { readXmlHead } from '../xml-head.js';
import { readZipEntryPrefix, readZipListing, type ZipEntry } from '../zip-entries.js';
import type { Probe } from './probe.js';

const MAX_ENTRIES = 10_000;
const PART_PREFIX = 64 * 1024;

// Main-part content types of OOXML packages (transitional, strict and macro-enabled variants).
const OOXML_MAIN: readonly [RegExp, FormatId][] = [
  [/wordprocessingml\.(document|template)\.main\+xml|ms-word\.(document|template)\.macroEnabled/i, 'docx'],
  [/spreadsheetml\.(sheet|template)\.main\+xml|ms-excel\.(sheet|template)\.macroEnabled/i, 'xlsx'],
  [
    /presentationml\.(presentation|slideshow|template)\.main\+xml|ms-powerpoint\.(presentation|slideshow|template)\.macroEnabled/i,
    'pptx',
  ],
];

/**
 * ZIP and the formats built on it: OFD (`OFD.xml` at the root; version and DocType read from it),
 * DOCX/XLSX/PPTX (`[Content_Types].xml` names the main part; `word/`, `xl/`, `ppt/` folders as a
 * fallback), else plain ZIP. Any entry with the encryption bit makes the file encrypted.
 */
export const probeZipBased: Probe = async ({ reader, head }) => {
  const isZip =
    hasBytes(head, [0x50, 0x4b, 0x03, 0x04]) ||
    hasBytes(head, [0x50, 0x4b, 0x05, 0x06]) ||
    (hasBytes(head, [0x50, 0x4b, 0x07, 0x08]) && hasBytes(head, [0x50, 0x4b, 0x03, 0x04], 4));
  if (!isZip) return undefined;
  const listing = await readZipListing(reader, MAX_ENTRIES);
  if (listing === undefined) return undefined;
  const { entries } = listing;
  const encrypted = entries.some((e) => e.encrypted) ? true : listing.complete ? false : undefined;
  const flags = { encrypted, truncated: listing.truncated ? true : listing.complete ? false : undefined };
  const details = { entryCount: entries.length, entriesComplete: listing.complete };
  const ofd = entries.find((e) => e.name.toLowerCase() === 'ofd.xml');
  if (ofd !== undefined) {
    const root = await partHead(reader, ofd);
    return {
      id: 'ofd',
      version: root?.rootAttributes.Version,
      flags,
      details: {
        ...details,
        docType: root?.rootAttributes.DocType,
        rootElement: root?.rootName,
        rootNamespace: root?.rootNamespace,
      },
    };
  }
  const office = await ooxmlKind(reader, entries, listing.complete);
  if (office !== undefined) {
    return { id: office, pronom: PUID[office], flags, details };
  }
  return { id: 'zip', pronom: 'x-fmt/263', flags, details };
};

const PUID: Partial<Record<FormatId, string>> = { docx: 'fmt/412', xlsx: 'fmt/214', pptx: 'fmt/215' };
const FOLDER_KIND = { 'word/': 'docx', 'xl/': 'xlsx', 'ppt/': 'pptx' } as const;

async function ooxmlKind(
  reader: InspectReader,
  entries: readonly ZipEntry[],
  complete: boolean,
): Promise<FormatId | undefined> {
  const contentTypes = entries.find((e) => e.name === '[Content_Types].xml');
  if (contentTypes === undefined) return undefined;
  // With the whole directory, one part folder settles it without inflating anything.
  const folders = (['word/', 'xl/', 'ppt/'] as const).filter((f) =>
    entries.some((e) => e.name.startsWith(f)),
  );
  if (complete && folders.length === 1) return FOLDER_KIND[folders[0]!];
  const bytes = await readZipEntryPrefix(reader, contentTypes, PART_PREFIX);
  const text = bytes === undefined ? '' : (decodeLoosely(bytes, 'utf-8') ?? '');
  for (const [pattern, id] of OOXML_MAIN) if (pattern.test(text)) return id;
  if (entries.some((e) => e.name.startsWith('word/'))) return 'docx';
  if (entries.some((e) => e.name.startsWith('xl/'))) return 'xlsx';
  if (entries.some((e) => e.name.startsWith('ppt/'))) return 'pptx';
  return undefined;
}

async function partHead(reader: InspectReader, entry: ZipEntry): Promise<ReturnType<typeof readXmlHead>> {
  const bytes = await readZipEntryPrefix(reader, entry, PART_PREFIX);
  if (bytes === undefined) return undefined;
  const bom = byteOrderMark(bytes);
  const text = decodeLoosely(bytes.subarray(bom?.length ?? 0), bom?.encoding ?? 'utf-8');
  return text === undefined ? undefined : readXmlHead(text);
}
