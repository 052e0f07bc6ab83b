import type { ByteSource } from '../bytes/byte-source.js';
import { isByteSource } from '../bytes/byte-source.js';
import { DanganError } from '../errors/dangan-error.js';
import { u16le, u32le, u64le } from './binary.js';
import { crc32 } from './crc32.js';
import { inflateRawPrefix } from './inflate.js';
import { type InspectReader, openInspectReader } from './inspect-reader.js';

/** One entry of a ZIP directory as {@link listZipEntries} saw it. */
export interface ZipEntry {
  /** Entry name, decoded: UTF-8 when flagged or valid, else GB 18030 (Chinese tools write GBK names unflagged). */
  readonly name: string;
  /** Whether the name came from UTF-8 (the flag, the Info-ZIP Unicode path field, or valid UTF-8 bytes). */
  readonly utf8: boolean;
  /** General-purpose bit 0: the entry is encrypted. */
  readonly encrypted: boolean;
  /** Compression method (0 stored, 8 deflated, 99 AES…). */
  readonly method: number;
  readonly crc32: number;
  /** Sizes; `-1` when a streamed entry's sizes sit in a data descriptor that was not reached. */
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Offset of the entry's local header from the start of the archive. */
  readonly localHeaderOffset: number;
  /** Name ends with `/`. */
  readonly directory: boolean;
}

/** The result of {@link listZipEntries}. */
export interface ZipListing {
  readonly entries: readonly ZipEntry[];
  /** Every entry of the archive is in `entries` (no limit hit, nothing cut or unreadable). */
  readonly complete: boolean;
  /** Where the list came from: the central directory (random-access sources) or local headers (streams). */
  readonly from: 'central-directory' | 'local-headers';
  /** ZIP64 records were used. */
  readonly zip64: boolean;
  /** The archive is cut short: no end-of-central-directory record, or a header runs past the end. */
  readonly truncated: boolean;
}

/** Options of {@link listZipEntries}. */
export interface ListZipEntriesOptions {
  /** Most entries to list; default 10 000. */
  readonly maxEntries?: number;
  /** Most bytes to read from the source; default 4 MiB. */
  readonly maxInspectBytes?: number;
  readonly signal?: AbortSignal;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;
const MAX32 = 0xffffffff;
const DEFAULT_MAX_ENTRIES = 10_000;
const DEFAULT_BUDGET = 4 * 1024 * 1024;

/**
 * Lists the entries of a ZIP archive without reading it whole. Random-access sources (bytes, Blob) are
 * listed from the central directory found at the end (ZIP64 and comments up to 64 KiB handled); streams
 * by walking local headers from the start within `maxInspectBytes`. Limits are never exceeded: past
 * them the listing is returned with `complete: false`. Throws `DanganError('FORMAT_ZIP_INVALID')` when
 * the bytes are not a ZIP archive at all.
 *
 * @example
 * const { entries } = await listZipEntries(blob); entries.some((e) => e.name === 'OFD.xml');
 */
export async function listZipEntries(
  source: ByteSource,
  options: ListZipEntriesOptions = {},
): Promise<ZipListing> {
  if (!isByteSource(source)) throw new TypeError('source must be a ByteSource');
  const maxEntries = positiveInteger(options.maxEntries ?? DEFAULT_MAX_ENTRIES, 'maxEntries');
  const budget = positiveInteger(options.maxInspectBytes ?? DEFAULT_BUDGET, 'maxInspectBytes');
  const reader = await openInspectReader(source, { budget, signal: options.signal });
  try {
    const listing = await readZipListing(reader, maxEntries);
    if (listing === undefined) {
      throw new DanganError('FORMAT_ZIP_INVALID', '不是 ZIP 文件：找不到 ZIP 文件头或中央目录', {
        messageEn: 'Not a ZIP archive: no local header or central directory found',
      });
    }
    return listing;
  } finally {
    await reader.close();
  }
}

/**
 * The ZIP listing of an opened reader, or `undefined` when the bytes are no ZIP archive. Central
 * directory first when the reader has random access, local headers otherwise or as a fallback.
 */
export async function readZipListing(
  reader: InspectReader,
  maxEntries: number,
): Promise<ZipListing | undefined> {
  const head = await reader.read(0, 4);
  const sig = u32le(head, 0);
  const startsLikeZip =
    head.length === 4 && (sig === SIG_LOCAL || sig === SIG_EOCD || sig === SIG_DESCRIPTOR);
  if (!reader.randomAccess) return startsLikeZip ? fromLocalHeaders(reader, maxEntries) : undefined;
  const central = await fromCentralDirectory(reader, maxEntries);
  if (typeof central === 'object') return central;
  // Archives with a prefix (self-extracting executables) are listed only through their central directory.
  if (!startsLikeZip) return undefined;
  const local = await fromLocalHeaders(reader, maxEntries);
  // With random access the end record is always in reach: its absence means the file is cut short.
  return { ...local, complete: false, truncated: local.truncated || central === 'no-end-record' };
}

interface EndRecord {
  readonly entries: number;
  readonly cdSize: number;
  readonly cdOffset: number;
  readonly cdEnd: number;
  readonly zip64: boolean;
}

async function findEndRecord(
  reader: InspectReader,
  size: number,
): Promise<EndRecord | 'out-of-reach' | undefined> {
  const tailLength = Math.min(size, 22 + 0xffff + 20);
  const tailStart = size - tailLength;
  const tail = await reader.read(tailStart, tailLength);
  // A budget too small for the tail: the end record may be there, unseen.
  if (tail.length < tailLength) return 'out-of-reach';
  if (tail.length < 22) return undefined;
  // Prefer a record whose comment ends exactly at the end of the file; accept trailing junk otherwise.
  let loose = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32le(tail, i) !== SIG_EOCD) continue;
    const commentLength = u16le(tail, i + 20);
    if (i + 22 + commentLength === tail.length) return parseEnd(reader, tail, i, tailStart);
    if (loose < 0 && i + 22 + commentLength <= tail.length) loose = i;
  }
  return loose < 0 ? undefined : parseEnd(reader, tail, loose, tailStart);
}

async function parseEnd(
  reader: InspectReader,
  tail: Uint8Array,
  at: number,
  tailStart: number,
): Promise<EndRecord> {
  let entries = u16le(tail, at + 10);
  let cdSize = u32le(tail, at + 12);
  let cdOffset = u32le(tail, at + 16);
  let cdEnd = tailStart + at;
  let zip64 = false;
  if (at >= 20 && u32le(tail, at - 20) === SIG_LOCATOR64) {
    const recordOffset = u64le(tail, at - 20 + 8);
    const record = Number.isSafeInteger(recordOffset)
      ? await reader.read(recordOffset, 56)
      : new Uint8Array(0);
    if (record.length === 56 && u32le(record, 0) === SIG_EOCD64) {
      entries = u64le(record, 32);
      cdSize = u64le(record, 40);
      cdOffset = u64le(record, 48);
      cdEnd = recordOffset;
      zip64 = true;
    }
  }
  return { entries, cdSize, cdOffset, cdEnd, zip64 };
}

async function fromCentralDirectory(
  reader: InspectReader,
  maxEntries: number,
): Promise<ZipListing | 'no-end-record' | 'out-of-reach' | 'bad-directory'> {
  const size = reader.size ?? 0;
  const end = await findEndRecord(reader, size);
  if (end === undefined) return 'no-end-record';
  if (end === 'out-of-reach') return end;
  if (![end.entries, end.cdSize, end.cdOffset].every(Number.isSafeInteger)) return 'bad-directory';
  if (end.entries === 0)
    return { entries: [], complete: true, from: 'central-directory', zip64: end.zip64, truncated: false };
  let { cdOffset } = end;
  // Data prepended to the archive (self-extractors) shifts every offset by the same amount.
  const shift = end.cdEnd - (end.cdOffset + end.cdSize);
  if (shift > 0 && u32le(await reader.read(cdOffset, 4), 0) !== SIG_CENTRAL) {
    if (u32le(await reader.read(cdOffset + shift, 4), 0) === SIG_CENTRAL) cdOffset += shift;
  }
  const cd = await reader.read(cdOffset, Math.min(end.cdSize, Math.max(0, size - cdOffset)));
  const entries: ZipEntry[] = [];
  let pos = 0;
  let complete = true;
  while (entries.length < end.entries) {
    if (entries.length >= maxEntries || pos + 46 > cd.length || u32le(cd, pos) !== SIG_CENTRAL) {
      complete = false;
      break;
    }
    const nameLength = u16le(cd, pos + 28);
    const extraLength = u16le(cd, pos + 30);
    const commentLength = u16le(cd, pos + 32);
    const next = pos + 46 + nameLength + extraLength + commentLength;
    if (next > cd.length) {
      complete = false;
      break;
    }
    const extra = cd.subarray(pos + 46 + nameLength, pos + 46 + nameLength + extraLength);
    const wide = zip64Fields(extra, [u32le(cd, pos + 24), u32le(cd, pos + 20), u32le(cd, pos + 42)]);
    entries.push(
      makeEntry({
        flags: u16le(cd, pos + 8),
        method: u16le(cd, pos + 10),
        crc: u32le(cd, pos + 16),
        compressedSize: wide[1]!,
        uncompressedSize: wide[0]!,
        localHeaderOffset: wide[2]! + (cdOffset - end.cdOffset),
        nameBytes: cd.subarray(pos + 46, pos + 46 + nameLength),
        extra,
      }),
    );
    pos = next;
  }
  if (entries.length === 0) return 'bad-directory';
  const truncated = cdOffset + end.cdSize > size;
  return { entries, complete, from: 'central-directory', zip64: end.zip64, truncated };
}

async function fromLocalHeaders(reader: InspectReader, maxEntries: number): Promise<ZipListing> {
  const entries: ZipEntry[] = [];
  let pos = 0;
  let complete = false;
  let truncated = false;
  let zip64 = false;
  while (true) {
    const header = await reader.read(pos, 30);
    const sig = u32le(header, 0);
    if (header.length >= 4 && (sig === SIG_CENTRAL || sig === SIG_EOCD || sig === SIG_EOCD64)) {
      complete = true;
      break;
    }
    if (pos === 0 && sig === SIG_DESCRIPTOR) {
      pos = 4; // spanned-archive marker written before the first local header
      continue;
    }
    if (sig !== SIG_LOCAL || entries.length >= maxEntries) {
      truncated = header.length < 30 && reader.size !== undefined && pos + header.length >= reader.size;
      break;
    }
    if (header.length < 30) {
      truncated = reader.size !== undefined;
      break;
    }
    const flags = u16le(header, 6);
    const nameLength = u16le(header, 26);
    const extraLength = u16le(header, 28);
    const rest = await reader.read(pos + 30, nameLength + extraLength);
    if (rest.length < nameLength + extraLength) {
      truncated = reader.size !== undefined;
      break;
    }
    const extra = rest.subarray(nameLength);
    const wide = zip64Fields(extra, [u32le(header, 22), u32le(header, 18)]);
    const wideEntry = u32le(header, 22) === MAX32 || u32le(header, 18) === MAX32;
    if (wideEntry) zip64 = true;
    const dataStart = pos + 30 + nameLength + extraLength;
    let compressedSize = wide[1]!;
    let uncompressedSize = wide[0]!;
    let crc = u32le(header, 14);
    let next: number;
    if (flags & 0x08 && compressedSize === 0) {
      // Sizes follow the data in a descriptor: find where the data ends by the descriptor that agrees.
      const found = await findDescriptor(reader, dataStart);
      if (found === undefined) {
        entries.push(entryAt(header, rest, nameLength, extra, pos, crc, -1, -1));
        truncated = reader.size !== undefined;
        break;
      }
      ({ next, crc, compressedSize, uncompressedSize } = found);
    } else {
      next = dataStart + compressedSize;
      next = await stepOverDescriptor(reader, next, (flags & 0x08) !== 0, wideEntry);
    }
    entries.push(entryAt(header, rest, nameLength, extra, pos, crc, compressedSize, uncompressedSize));
    if (!Number.isSafeInteger(next) || next <= pos) break;
    pos = next;
  }
  return { entries, complete, from: 'local-headers', zip64, truncated };
}

function entryAt(
  header: Uint8Array,
  rest: Uint8Array,
  nameLength: number,
  extra: Uint8Array,
  offset: number,
  crc: number,
  compressedSize: number,
  uncompressedSize: number,
): ZipEntry {
  return makeEntry({
    flags: u16le(header, 6),
    method: u16le(header, 8),
    crc,
    compressedSize,
    uncompressedSize,
    localHeaderOffset: offset,
    nameBytes: rest.subarray(0, nameLength),
    extra,
  });
}

interface Found {
  readonly next: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

/**
 * Finds the data descriptor after streamed entry data starting at `dataStart`: the first place where a
 * descriptor (with or without its signature, 32- or 64-bit sizes) is followed by a ZIP record and gives
 * a compressed size equal to the distance travelled. Searches only what the reader can reach.
 */
async function findDescriptor(reader: InspectReader, dataStart: number): Promise<Found | undefined> {
  const WINDOW = 64 * 1024;
  for (let from = dataStart; ; from += WINDOW) {
    const bytes = await reader.read(from, WINDOW + 28);
    if (bytes.length < 12) return undefined;
    const limit = Math.min(bytes.length - 3, WINDOW);
    for (let i = 0; i < limit; i++) {
      if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b) continue;
      const at = from + i;
      const sig = u32le(bytes, i);
      if (sig === SIG_DESCRIPTOR) {
        for (const wide of [false, true]) {
          const length = wide ? 24 : 16;
          const compressed = wide ? u64le(bytes, i + 8) : u32le(bytes, i + 8);
          if (compressed === at - dataStart && (await isRecordAt(reader, at + length))) {
            const uncompressed = wide ? u64le(bytes, i + 16) : u32le(bytes, i + 12);
            return {
              next: at + length,
              crc: u32le(bytes, i + 4),
              compressedSize: compressed,
              uncompressedSize: uncompressed,
            };
          }
        }
      } else if (sig === SIG_LOCAL || sig === SIG_CENTRAL) {
        // Descriptor without its signature: crc, sizes, then the next record right here.
        for (const length of [12, 20]) {
          const start = at - length;
          if (start < dataStart) continue;
          // Usually inside the window already; only a descriptor straddling two windows needs a read.
          const d =
            start >= from
              ? bytes.subarray(start - from, start - from + length)
              : await reader.read(start, length);
          const compressed = length === 12 ? u32le(d, 4) : u64le(d, 4);
          if (d.length === length && compressed === start - dataStart) {
            const uncompressed = length === 12 ? u32le(d, 8) : u64le(d, 12);
            return { next: at, crc: u32le(d, 0), compressedSize: compressed, uncompressedSize: uncompressed };
          }
        }
      }
    }
    if (bytes.length < WINDOW + 28) return undefined;
  }
}

/** Past a data descriptor that follows entry data whose size was known (flagged or not, signed or not). */
async function stepOverDescriptor(
  reader: InspectReader,
  at: number,
  flagged: boolean,
  wide: boolean,
): Promise<number> {
  const after = await reader.read(at, 4);
  if (after.length === 4 && u32le(after, 0) === SIG_DESCRIPTOR) return at + (wide ? 24 : 16);
  if (flagged && !(await isRecordAt(reader, at))) {
    const unsigned = at + (wide ? 20 : 12);
    if (await isRecordAt(reader, unsigned)) return unsigned;
  }
  return at;
}

async function isRecordAt(reader: InspectReader, offset: number): Promise<boolean> {
  const b = await reader.read(offset, 4);
  if (b.length < 4) return reader.size !== undefined && offset === reader.size;
  const sig = u32le(b, 0);
  return sig === SIG_LOCAL || sig === SIG_CENTRAL || sig === SIG_EOCD || sig === SIG_EOCD64;
}

/** ZIP64 extended information: replaces each 0xFFFFFFFF field, in order, with the next 64-bit value. */
function zip64Fields(extra: Uint8Array, fields: number[]): number[] {
  const out = [...fields];
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = u16le(extra, p);
    const length = u16le(extra, p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      for (let i = 0; i < out.length; i++) {
        if (out[i] !== MAX32) continue;
        if (q + 8 > p + 4 + length || q + 8 > extra.length) break;
        out[i] = u64le(extra, q);
        q += 8;
      }
      break;
    }
    p += 4 + length;
  }
  return out;
}

interface RawEntry {
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  readonly nameBytes: Uint8Array;
  readonly extra: Uint8Array;
}

function makeEntry(raw: RawEntry): ZipEntry {
  const { name, utf8 } = decodeName(raw.nameBytes, (raw.flags & 0x0800) !== 0, raw.extra);
  return {
    name,
    utf8,
    encrypted: (raw.flags & 0x0001) !== 0,
    method: raw.method,
    crc32: raw.crc,
    compressedSize: raw.compressedSize,
    uncompressedSize: raw.uncompressedSize,
    localHeaderOffset: raw.localHeaderOffset,
    directory: name.endsWith('/'),
  };
}

const utf8Strict = /* @__PURE__ */ lazyDecoder('utf-8', true);
const utf8Loose = /* @__PURE__ */ lazyDecoder('utf-8', false);
const gbLoose = /* @__PURE__ */ lazyDecoder('gb18030', false);

function lazyDecoder(label: string, fatal: boolean): () => TextDecoder | undefined {
  let decoder: TextDecoder | undefined | null = null;
  return () => {
    if (decoder === null) {
      try {
        decoder = new TextDecoder(label, { fatal });
      } catch {
        decoder = undefined;
      }
    }
    return decoder;
  };
}

function decodeName(
  bytes: Uint8Array,
  flaggedUtf8: boolean,
  extra: Uint8Array,
): { name: string; utf8: boolean } {
  if (flaggedUtf8) return { name: utf8Loose()!.decode(bytes), utf8: true };
  const unicodePath = unicodePathField(extra, bytes);
  if (unicodePath !== undefined) return { name: unicodePath, utf8: true };
  try {
    return { name: utf8Strict()!.decode(bytes), utf8: true };
  } catch {
    // Not UTF-8: Chinese Windows tools write GBK names without the flag. GB 18030 decodes GBK too.
    const gb = gbLoose();
    return { name: gb ? gb.decode(bytes) : utf8Loose()!.decode(bytes), utf8: false };
  }
}

/** The Info-ZIP Unicode Path field (0x7075), used only when its CRC matches the header name. */
function unicodePathField(extra: Uint8Array, nameBytes: Uint8Array): string | undefined {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = u16le(extra, p);
    const length = u16le(extra, p + 2);
    if (id === 0x7075 && length >= 5 && p + 4 + length <= extra.length && extra[p + 4] === 1) {
      if (u32le(extra, p + 5) !== crc32(nameBytes)) return undefined;
      try {
        return utf8Strict()?.decode(extra.subarray(p + 9, p + 4 + length));
      } catch {
        return undefined;
      }
    }
    p += 4 + length;
  }
  return undefined;
}

/**
 * The first `maxBytes` of an entry's content (stored or deflated), or `undefined` when it is encrypted,
 * uses another method, or lies out of reach. Inflation is bounded the same way.
 */
export async function readZipEntryPrefix(
  reader: InspectReader,
  entry: ZipEntry,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  if (entry.encrypted || (entry.method !== 0 && entry.method !== 8)) return undefined;
  const header = await reader.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || u32le(header, 0) !== SIG_LOCAL) return undefined;
  const dataStart = entry.localHeaderOffset + 30 + u16le(header, 26) + u16le(header, 28);
  // Deflate rarely grows data by more than a few bytes per 16 KiB; 2× plus slack covers the prefix wanted.
  const want =
    entry.compressedSize >= 0 ? Math.min(entry.compressedSize, maxBytes * 2 + 1024) : maxBytes * 2 + 1024;
  const data = await reader.read(dataStart, want);
  if (entry.method === 0) return data.subarray(0, maxBytes);
  return inflateRawPrefix(data, maxBytes);
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new RangeError(`${name} must be a positive integer, got ${String(value)}`);
  return value;
}
