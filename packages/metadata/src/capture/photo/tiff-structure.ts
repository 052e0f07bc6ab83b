import { u16be, u16le, u32be, u32le, u64be, u64le } from '../binary.js';

/** Bytes at an offset of a TIFF structure: the bytes, or why there are none. */
export type TiffRead = (
  offset: number,
  length: number,
) => { readonly bytes: Uint8Array } | 'past-end' | 'out-of-reach';

/** One entry of an image file directory (IFD). */
export interface TiffEntry {
  readonly tag: number;
  readonly type: number;
  readonly count: number;
  /** Where the value lies: the entry's own value field (inline) or the offset it names. */
  readonly inline: Uint8Array | undefined;
  readonly offset: number;
}

/** Why part of a TIFF structure could not be read. */
export interface TiffProblem {
  readonly kind: 'invalid' | 'out-of-reach';
  readonly message: string;
  readonly messageEn: string;
}

const TYPE_SIZES: Readonly<Record<number, number>> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
  16: 8,
  17: 8,
  18: 8,
};
const MAX_ENTRIES = 1024;
const MAX_VALUE_BYTES = 64 * 1024;

/**
 * A TIFF structure (a TIFF or BigTIFF file, a JPEG APP1 EXIF payload, a PNG eXIf chunk) read through a
 * bounded byte view. Only the directories asked for are read, each once, so pointer loops cannot hang.
 * Unreadable parts become {@link TiffProblem}s, never exceptions.
 */
export class TiffStructure {
  readonly littleEndian: boolean;
  readonly big: boolean;
  readonly firstIfd: number;
  readonly problems: TiffProblem[] = [];
  readonly #read: TiffRead;

  private constructor(read: TiffRead, littleEndian: boolean, big: boolean, firstIfd: number) {
    this.#read = read;
    this.littleEndian = littleEndian;
    this.big = big;
    this.firstIfd = firstIfd;
  }

  /** The structure whose header is at offset 0 of `read`, or `undefined` when there is no TIFF header. */
  static open(read: TiffRead): TiffStructure | undefined {
    const head = read(0, 16);
    const b = typeof head === 'object' ? head.bytes : undefined;
    if (b === undefined || b.length < 8) return undefined;
    const le = b[0] === 0x49 && b[1] === 0x49;
    if (!le && !(b[0] === 0x4d && b[1] === 0x4d)) return undefined;
    const magic = le ? u16le(b, 2) : u16be(b, 2);
    if (magic === 42) return new TiffStructure(read, le, false, le ? u32le(b, 4) : u32be(b, 4));
    if (magic === 43 && b.length >= 16 && (le ? u16le(b, 4) : u16be(b, 4)) === 8)
      return new TiffStructure(read, le, true, le ? u64le(b, 8) : u64be(b, 8));
    return undefined;
  }

  /** The entries of the IFD at `offset` keyed by tag, or `undefined` (with a problem noted) when unreadable. */
  ifd(offset: number, name: string): Map<number, TiffEntry> | undefined {
    const big = this.big;
    if (!Number.isSafeInteger(offset) || offset < 8) {
      this.#problem('invalid', `${name} 的偏移量无效（${offset}）`, `${name} offset is invalid (${offset})`);
      return undefined;
    }
    const countBytes = this.#bytes(offset, big ? 8 : 2, name);
    if (countBytes === undefined) return undefined;
    const count = big ? this.#u64(countBytes, 0) : this.#u16(countBytes, 0);
    if (count === 0 || count > MAX_ENTRIES) {
      this.#problem(
        'invalid',
        `${name} 的条目数无效（${count}）`,
        `${name} has an invalid entry count (${count})`,
      );
      return undefined;
    }
    const size = big ? 20 : 12;
    const body = this.#bytes(offset + (big ? 8 : 2), count * size, name);
    if (body === undefined) return undefined;
    const entries = new Map<number, TiffEntry>();
    for (let i = 0; i < count; i++) {
      const at = i * size;
      const tag = this.#u16(body, at);
      const type = this.#u16(body, at + 2);
      const n = big ? this.#u64(body, at + 4) : this.#u32(body, at + 4);
      const field = body.subarray(at + (big ? 12 : 8), at + size);
      const width = TYPE_SIZES[type];
      if (width === undefined || entries.has(tag)) continue;
      const inline = n * width <= field.length ? field.subarray(0, n * width) : undefined;
      const valueOffset = inline ? 0 : big ? this.#u64(field, 0) : this.#u32(field, 0);
      entries.set(tag, { tag, type, count: n, inline, offset: valueOffset });
    }
    return entries;
  }

  /** The raw value bytes of an entry (at most 64 KiB), or `undefined` when out of the structure. */
  valueBytes(entry: TiffEntry, name: string): Uint8Array | undefined {
    if (entry.inline !== undefined) return entry.inline;
    const length = entry.count * (TYPE_SIZES[entry.type] ?? 1);
    if (length > MAX_VALUE_BYTES) {
      this.#problem(
        'invalid',
        `${name} 的值过长（${length} 字节）`,
        `${name} value is too long (${length} bytes)`,
      );
      return undefined;
    }
    return this.#bytes(entry.offset, length, name);
  }

  /**
   * The values of a numeric entry (rationals as quotients; a zero denominator gives `NaN`), at most 64;
   * `undefined` when the entry is not numeric or unreadable.
   */
  numbers(entry: TiffEntry | undefined, name: string): number[] | undefined {
    if (entry === undefined || entry.type === 2) return undefined;
    const bytes = this.valueBytes(entry, name);
    if (bytes === undefined) return undefined;
    const width = TYPE_SIZES[entry.type]!;
    const out: number[] = [];
    for (let i = 0; i < Math.min(entry.count, 64) && (i + 1) * width <= bytes.length; i++) {
      out.push(this.#number(bytes, i * width, entry.type));
    }
    return out;
  }

  /** The first value of a numeric entry, when finite. */
  number(entry: TiffEntry | undefined, name: string): number | undefined {
    const v = this.numbers(entry, name)?.[0];
    return v !== undefined && Number.isFinite(v) ? v : undefined;
  }

  /** The bytes of an ASCII, BYTE or UNDEFINED entry, for the caller to decode. */
  textBytes(entry: TiffEntry | undefined, name: string): Uint8Array | undefined {
    if (entry === undefined || (entry.type !== 2 && entry.type !== 1 && entry.type !== 7)) return undefined;
    return this.valueBytes(entry, name);
  }

  #number(b: Uint8Array, at: number, type: number): number {
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const le = this.littleEndian;
    switch (type) {
      case 1:
      case 7:
        return b[at]!;
      case 6:
        return dv.getInt8(at);
      case 3:
        return this.#u16(b, at);
      case 8:
        return dv.getInt16(at, le);
      case 4:
      case 13:
        return this.#u32(b, at);
      case 9:
        return dv.getInt32(at, le);
      case 5:
        return this.#u32(b, at) / this.#u32(b, at + 4);
      case 10:
        return dv.getInt32(at, le) / dv.getInt32(at + 4, le);
      case 11:
        return dv.getFloat32(at, le);
      case 12:
        return dv.getFloat64(at, le);
      case 16:
      case 18:
        return this.#u64(b, at);
      case 17:
        return Number(dv.getBigInt64(at, le));
      default:
        return Number.NaN;
    }
  }

  #bytes(offset: number, length: number, name: string): Uint8Array | undefined {
    const r = this.#read(offset, length);
    if (typeof r === 'object' && r.bytes.length === length) return r.bytes;
    if (r === 'out-of-reach') {
      this.#problem(
        'out-of-reach',
        `${name} 位于偏移量 ${offset}，超出保留的头部范围`,
        `${name} at offset ${offset} is outside the header bytes kept`,
      );
    } else {
      this.#problem(
        'invalid',
        `${name} 超出数据末尾（偏移量 ${offset}）`,
        `${name} runs past the end (offset ${offset})`,
      );
    }
    return undefined;
  }

  #problem(kind: TiffProblem['kind'], message: string, messageEn: string): void {
    if (this.problems.length < 16) this.problems.push({ kind, message, messageEn });
  }

  #u16(b: Uint8Array, at: number): number {
    return this.littleEndian ? u16le(b, at) : u16be(b, at);
  }

  #u32(b: Uint8Array, at: number): number {
    return this.littleEndian ? u32le(b, at) : u32be(b, at);
  }

  #u64(b: Uint8Array, at: number): number {
    return this.littleEndian ? u64le(b, at) : u64be(b, at);
  }
}

/** A {@link TiffRead} over bytes held in memory (a JPEG APP1 payload, a PNG eXIf chunk). */
export function readFromBytes(bytes: Uint8Array): TiffRead {
  return (offset, length) => {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset >= bytes.length) return 'past-end';
    return { bytes: bytes.subarray(offset, Math.min(bytes.length, offset + length)) };
  };
}
