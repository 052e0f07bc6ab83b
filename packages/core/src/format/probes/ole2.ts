import { u16le } from '../binary.js';
import {
  type CfbDirectory,
  type CfbEntry,
  isCfb,
  readCfbDirectory,
  readCfbStreamStart,
} from '../cfb-entries.js';
import type { FormatId } from '../format-info.js';
import type { InspectReader } from '../inspect-reader.js';
import type { Draft, Probe } from './probe.js';

const MAX_ENTRIES = 10_000;

/**
 * OLE2 compound files (CFB): the root streams decide the family — `WordDocument` (DOC, or WPS when the
 * file name says `.wps`), `Workbook`/`Book` (XLS or ET), `PowerPoint Document` (PPT or DPS),
 * `EncryptedPackage` (an encrypted OOXML file). Kingsoft writes the same streams as Microsoft, so only
 * the extension tells WPS/ET/DPS apart. Anything else stays `ole2` with the extension as a hint.
 */
export const probeOle2: Probe = async ({ reader, head, extension }) => {
  if (!isCfb(head)) return undefined;
  const directory = await readCfbDirectory(reader, MAX_ENTRIES);
  if (directory === undefined)
    return { id: 'ole2', pronom: 'fmt/111', flags: { truncated: head.length < 512 || undefined } };
  // A broken root tree still leaves a flat list; names found there are better than none.
  const top = directory.rootEntries.length > 0 ? directory.rootEntries : directory.entries.slice(1);
  const find = (name: string) => top.find((e) => e.type === 2 && e.name.toLowerCase() === name.toLowerCase());
  const has = (name: string) => top.some((e) => e.name.toLowerCase() === name.toLowerCase());
  const streams = top.slice(0, 32).map((e) => e.name);
  if (has('EncryptedPackage')) {
    const id: FormatId =
      extension === 'docx' || extension === 'xlsx' || extension === 'pptx' ? extension : 'ole2';
    return { id, pronom: 'fmt/494', flags: { encrypted: true }, details: { streams } };
  }
  if (has('WordDocument'))
    return word(reader, directory, find('WordDocument'), extension === 'wps' ? 'wps' : 'doc', streams);
  if (has('Workbook') || has('Book')) {
    const entry = find('Workbook') ?? find('Book');
    return workbook(reader, directory, entry, extension === 'et' ? 'et' : 'xls', streams);
  }
  if (has('PowerPoint Document')) {
    const id = extension === 'dps' ? 'dps' : 'ppt';
    // PowerPoint writes `EncryptedSummary` when it encrypts; without it encryption needs the edit atoms.
    return {
      id,
      pronom: id === 'ppt' ? 'fmt/126' : undefined,
      flags: { encrypted: has('EncryptedSummary') ? true : undefined },
      details: { streams },
    };
  }
  const hint = extensionHint(extension);
  return {
    id: 'ole2',
    pronom: 'fmt/111',
    flags: { truncated: directory.complete ? undefined : true },
    details: { streams, extensionHint: hint },
  };
};

/** Word binary: the FIB at the start of `WordDocument` has `nFib` and the fEncrypted bit (0x0100 at 0x0A). */
async function word(
  reader: InspectReader,
  directory: CfbDirectory,
  entry: CfbEntry | undefined,
  id: 'doc' | 'wps',
  streams: string[],
): Promise<Draft> {
  const fib = entry ? await readCfbStreamStart(reader, directory, entry) : new Uint8Array(0);
  const valid = fib.length >= 12 && (u16le(fib, 0) === 0xa5ec || u16le(fib, 0) === 0xa5dc);
  const nFib = valid ? u16le(fib, 2) : undefined;
  // nFib 0x00C1 and later is Word 97–2003 (PRONOM fmt/40); earlier ones are Word 6/95.
  const pronom = id === 'doc' && (nFib === undefined || nFib >= 0xc1) ? 'fmt/40' : undefined;
  return {
    id,
    pronom,
    flags: { encrypted: valid ? (u16le(fib, 10) & 0x0100) !== 0 : undefined },
    details: { nFib, streams },
  };
}

/** Excel binary: BOF then, only in encrypted workbooks, FILEPASS (0x002F) as the very next record. */
async function workbook(
  reader: InspectReader,
  directory: CfbDirectory,
  entry: CfbEntry | undefined,
  id: 'xls' | 'et',
  streams: string[],
): Promise<Draft> {
  const start = entry ? await readCfbStreamStart(reader, directory, entry) : new Uint8Array(0);
  const bofSize = u16le(start, 2);
  const isBof = start.length >= 8 && (u16le(start, 0) === 0x0809 || u16le(start, 0) === 0x0409);
  const biffVersion = isBof ? u16le(start, 4) : undefined;
  const nextAt = 4 + bofSize;
  const encrypted = isBof && start.length >= nextAt + 2 ? u16le(start, nextAt) === 0x002f : undefined;
  const pronom = id === 'xls' && (biffVersion === undefined || biffVersion === 0x0600) ? 'fmt/61' : undefined;
  return { id, pronom, flags: { encrypted }, details: { biffVersion, streams } };
}

const HINTS: Readonly<Record<string, FormatId>> = {
  doc: 'doc',
  dot: 'doc',
  xls: 'xls',
  xlt: 'xls',
  ppt: 'ppt',
  pps: 'ppt',
  wps: 'wps',
  et: 'et',
  dps: 'dps',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
};

function extensionHint(extension: string | undefined): FormatId | undefined {
  return extension === undefined ? undefined : HINTS[extension];
}
