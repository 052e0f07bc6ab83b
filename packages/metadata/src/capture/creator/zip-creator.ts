import { inflateRawPrefix } from '@dangan/core';
import { hasAscii, latin1, u16le, u32le, u64le, utf8Loose } from '../binary.js';
import type { ByteRegions } from '../regions.js';
import { xmlElementText } from './xml-text.js';

const MAX_COMPRESSED = 4 * 1024 * 1024;
const MAX_INFLATED = 1024 * 1024;
const MAX_CENTRAL_ENTRIES = 100_000;

/**
 * 文档创建程序 of an OOXML document (`docProps/app.xml` `Application` and `AppVersion`) or an OFD
 * (`OFD.xml` `DocInfo/Creator` and `CreatorVersion`), when the central directory and the entry lie in the
 * kept bytes. Deflated entries are inflated with the platform's `DecompressionStream('deflate-raw')`
 * (browsers, Node ≥ 20.12); where there is none the value is left absent.
 */
export async function zipCreator(regions: ByteRegions, kind: 'ooxml' | 'ofd'): Promise<string | undefined> {
  const entryName = kind === 'ooxml' ? 'docProps/app.xml' : 'OFD.xml';
  const entry = findEntry(regions, entryName);
  if (entry === undefined) return undefined;
  const text = await entryText(regions, entry);
  if (text === undefined) return undefined;
  const [nameTag, versionTag] =
    kind === 'ooxml' ? ['Application', 'AppVersion'] : ['Creator', 'CreatorVersion'];
  const name = xmlElementText(text, nameTag);
  if (name === undefined) return undefined;
  const version = xmlElementText(text, versionTag);
  return version === undefined || name.includes(version) ? name : `${name} ${version}`;
}

interface Entry {
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

function findEntry(regions: ByteRegions, name: string): Entry | undefined {
  const tail = regions.tail(64 * 1024 + 22);
  if (tail === undefined) return undefined;
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && hasAscii(tail, 'PK\x05\x06', i)) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = u16le(tail, eocd + 10);
  let size = u32le(tail, eocd + 12);
  let offset = u32le(tail, eocd + 16);
  if (offset === 0xffffffff || count === 0xffff || size === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || !hasAscii(tail, 'PK\x06\x07', locator)) return undefined;
    const record = regions.read(u64le(tail, locator + 8), 56);
    if (record.kind !== 'bytes' || !hasAscii(record.bytes, 'PK\x06\x06')) return undefined;
    count = u64le(record.bytes, 32);
    size = u64le(record.bytes, 40);
    offset = u64le(record.bytes, 48);
  }
  const directory = regions.read(offset, size);
  if (directory.kind !== 'bytes') return undefined;
  const cd = directory.bytes;
  let pos = 0;
  for (let n = 0; n < Math.min(count, MAX_CENTRAL_ENTRIES) && pos + 46 <= cd.length; n++) {
    if (!hasAscii(cd, 'PK\x01\x02', pos)) return undefined;
    const nameLength = u16le(cd, pos + 28);
    const extraLength = u16le(cd, pos + 30);
    const commentLength = u16le(cd, pos + 32);
    if (latin1(cd, pos + 46, nameLength) === name) {
      let compressedSize = u32le(cd, pos + 20);
      let localOffset = u32le(cd, pos + 42);
      const extra = cd.subarray(pos + 46 + nameLength, pos + 46 + nameLength + extraLength);
      for (let e = 0; e + 4 <= extra.length; e += 4 + u16le(extra, e + 2)) {
        if (u16le(extra, e) !== 1) continue;
        let f = e + 4;
        if (u32le(cd, pos + 24) === 0xffffffff) f += 8;
        if (compressedSize === 0xffffffff) {
          compressedSize = u64le(extra, f);
          f += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64le(extra, f);
      }
      return { method: u16le(cd, pos + 10), compressedSize, localOffset };
    }
    pos += 46 + nameLength + extraLength + commentLength;
  }
  return undefined;
}

async function entryText(regions: ByteRegions, entry: Entry): Promise<string | undefined> {
  if (entry.compressedSize > MAX_COMPRESSED) return undefined;
  const local = regions.read(entry.localOffset, 30);
  if (local.kind !== 'bytes' || !hasAscii(local.bytes, 'PK\x03\x04')) return undefined;
  const start = entry.localOffset + 30 + u16le(local.bytes, 26) + u16le(local.bytes, 28);
  const data = regions.read(start, entry.compressedSize);
  if (data.kind !== 'bytes') return undefined;
  if (entry.method === 0) return utf8Loose(data.bytes.subarray(0, MAX_INFLATED));
  if (entry.method !== 8) return undefined;
  const inflated = await inflateRawPrefix(data.bytes, MAX_INFLATED);
  return inflated === undefined || inflated.length === 0 ? undefined : utf8Loose(inflated);
}
