import { hasBytes, u16le, u32le } from './binary.js';
import type { InspectReader } from './inspect-reader.js';

/** One directory entry of an OLE2 compound file (CFB, MS-CFB). */
export interface CfbEntry {
  readonly name: string;
  /** 1 storage, 2 stream, 5 root. */
  readonly type: number;
  readonly startSector: number;
  readonly size: number;
  readonly left: number;
  readonly right: number;
  readonly child: number;
}

/** The directory of a compound file, as far as it could be read. */
export interface CfbDirectory {
  readonly entries: readonly CfbEntry[];
  /** The streams and storages directly under the root (where DOC/XLS/PPT keep their main stream). */
  readonly rootEntries: readonly CfbEntry[];
  /** Every directory sector was read. */
  readonly complete: boolean;
  /** The header, needed to read stream contents. */
  readonly header: CfbHeader;
}

/** The fields of the 512-byte CFB header that reading needs. */
export interface CfbHeader {
  readonly sectorSize: number;
  readonly miniSectorSize: number;
  readonly miniStreamCutoff: number;
  readonly firstDirectorySector: number;
  readonly firstMiniFatSector: number;
  readonly firstDifatSector: number;
  readonly difatSectorCount: number;
  readonly difat: readonly number[];
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;
const MAX_REGULAR_SECTOR = 0xfffffffa;

/** Whether bytes start with the OLE2 / CFB signature `D0 CF 11 E0 A1 B1 1A E1`. */
export function isCfb(head: Uint8Array): boolean {
  return hasBytes(head, SIGNATURE);
}

/** Parses the CFB header, or `undefined` when it is not a plausible one. */
export function parseCfbHeader(h: Uint8Array): CfbHeader | undefined {
  if (h.length < 512 || !isCfb(h)) return undefined;
  const shift = u16le(h, 30);
  const miniShift = u16le(h, 32);
  if ((shift !== 9 && shift !== 12) || miniShift !== 6) return undefined;
  const difat: number[] = [];
  for (let i = 0; i < 109; i++) difat.push(u32le(h, 76 + i * 4));
  return {
    sectorSize: 1 << shift,
    miniSectorSize: 1 << miniShift,
    miniStreamCutoff: u32le(h, 56),
    firstDirectorySector: u32le(h, 48),
    firstMiniFatSector: u32le(h, 60),
    firstDifatSector: u32le(h, 68),
    difatSectorCount: u32le(h, 72),
    difat,
  };
}

/**
 * Reads the directory of a compound file: follows the FAT chain of the directory stream (through the
 * DIFAT when the FAT is large), with a visited set against loops and at most `maxEntries` entries.
 */
export async function readCfbDirectory(
  reader: InspectReader,
  maxEntries: number,
): Promise<CfbDirectory | undefined> {
  const header = parseCfbHeader(await reader.read(0, 512));
  if (header === undefined) return undefined;
  const cfb = new Cfb(reader, header);
  const entries: CfbEntry[] = [];
  const perSector = header.sectorSize / 128;
  let complete = true;
  const maxSectors = Math.ceil(maxEntries / perSector);
  const chain = await cfb.chain(header.firstDirectorySector, maxSectors);
  for (const sector of chain.sectors) {
    const bytes = await reader.read(cfb.offset(sector), header.sectorSize);
    if (bytes.length < header.sectorSize) {
      complete = false;
      break;
    }
    for (let i = 0; i < perSector && entries.length < maxEntries; i++)
      entries.push(parseEntry(bytes, i * 128));
  }
  if (!chain.complete) complete = false;
  return { entries, rootEntries: rootChildren(entries), complete, header };
}

function parseEntry(b: Uint8Array, at: number): CfbEntry {
  const nameBytes = Math.min(64, u16le(b, at + 64));
  let name = '';
  for (let i = 0; i + 1 < nameBytes - 1; i += 2) {
    const unit = u16le(b, at + i);
    if (unit === 0) break;
    name += String.fromCharCode(unit);
  }
  return {
    name,
    type: b[at + 66] ?? 0,
    left: u32le(b, at + 68),
    right: u32le(b, at + 72),
    child: u32le(b, at + 76),
    startSector: u32le(b, at + 116),
    // Version 3 files may leave garbage in the high half of the size; the low half is what counts.
    size: u32le(b, at + 120),
  };
}

/** The root storage's children: walk the red-black tree from the root's child, guarding loops. */
function rootChildren(entries: readonly CfbEntry[]): CfbEntry[] {
  const root = entries[0];
  if (root === undefined || root.type !== 5) return [];
  const children: CfbEntry[] = [];
  const seen = new Set<number>();
  const stack = [root.child];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === NO_STREAM || seen.has(id) || id >= entries.length) continue;
    seen.add(id);
    const entry = entries[id]!;
    if (entry.type === 1 || entry.type === 2) children.push(entry);
    stack.push(entry.left, entry.right);
  }
  return children;
}

/**
 * The first bytes of a stream: from its first regular sector, or for streams under the mini-stream
 * cutoff from its first 64-byte mini sector. Enough for the FIB of a Word file or the first BIFF records.
 */
export async function readCfbStreamStart(
  reader: InspectReader,
  directory: CfbDirectory,
  entry: CfbEntry,
): Promise<Uint8Array> {
  const { header } = directory;
  const cfb = new Cfb(reader, header);
  if (entry.startSector > MAX_REGULAR_SECTOR) return new Uint8Array(0);
  if (entry.size >= header.miniStreamCutoff) {
    return reader.read(cfb.offset(entry.startSector), Math.min(entry.size, header.sectorSize));
  }
  const root = directory.entries[0];
  if (root === undefined) return new Uint8Array(0);
  const position = entry.startSector * header.miniSectorSize;
  const hops = Math.floor(position / header.sectorSize);
  const chain = await cfb.chain(root.startSector, hops + 1);
  const sector = chain.sectors[hops];
  if (sector === undefined) return new Uint8Array(0);
  const within = position % header.sectorSize;
  return reader.read(cfb.offset(sector) + within, Math.min(entry.size, header.miniSectorSize));
}

class Cfb {
  readonly #reader: InspectReader;
  readonly #header: CfbHeader;
  readonly #difatSectors: number[] = [];
  readonly #difatSeen = new Set<number>();

  constructor(reader: InspectReader, header: CfbHeader) {
    this.#reader = reader;
    this.#header = header;
  }

  offset(sector: number): number {
    return (sector + 1) * this.#header.sectorSize;
  }

  /** Sectors of the chain starting at `start`, at most `max`; `complete` when it reached END_OF_CHAIN. */
  async chain(start: number, max: number): Promise<{ sectors: number[]; complete: boolean }> {
    const sectors: number[] = [];
    const seen = new Set<number>();
    let sector = start;
    while (sectors.length < max) {
      if (sector === END_OF_CHAIN) return { sectors, complete: true };
      if (sector > MAX_REGULAR_SECTOR || seen.has(sector)) return { sectors, complete: false };
      if (this.#reader.size !== undefined && this.offset(sector) >= this.#reader.size)
        return { sectors, complete: false };
      seen.add(sector);
      sectors.push(sector);
      const next = await this.#next(sector);
      if (next === undefined) return { sectors, complete: false };
      sector = next;
    }
    return { sectors, complete: sector === END_OF_CHAIN };
  }

  async #next(sector: number): Promise<number | undefined> {
    const perSector = this.#header.sectorSize / 4;
    const fatSector = await this.#fatSector(Math.floor(sector / perSector));
    if (fatSector === undefined || fatSector > MAX_REGULAR_SECTOR) return undefined;
    const b = await this.#reader.read(this.offset(fatSector) + (sector % perSector) * 4, 4);
    return b.length === 4 ? u32le(b, 0) : undefined;
  }

  /** Location of the `index`-th FAT sector: from the header's 109 DIFAT slots, then the DIFAT chain. */
  async #fatSector(index: number): Promise<number | undefined> {
    if (index < 109) return this.#header.difat[index];
    const perDifat = this.#header.sectorSize / 4 - 1;
    const hop = Math.floor((index - 109) / perDifat);
    if (hop >= this.#header.difatSectorCount || hop > 1 << 16) return undefined;
    while (this.#difatSectors.length <= hop) {
      const previous = this.#difatSectors.at(-1);
      let next = this.#header.firstDifatSector;
      if (previous !== undefined) {
        const b = await this.#reader.read(this.offset(previous) + perDifat * 4, 4);
        if (b.length < 4) return undefined;
        next = u32le(b, 0);
      }
      if (next > MAX_REGULAR_SECTOR || this.#difatSeen.has(next)) return undefined;
      this.#difatSeen.add(next);
      this.#difatSectors.push(next);
    }
    const b = await this.#reader.read(
      this.offset(this.#difatSectors[hop]!) + ((index - 109) % perDifat) * 4,
      4,
    );
    return b.length === 4 ? u32le(b, 0) : undefined;
  }
}
