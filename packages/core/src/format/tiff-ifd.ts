import { u16be, u16le, u32be, u32le, u64be, u64le } from './binary.js';

/** One entry of a TIFF image file directory. */
export interface IfdEntry {
  readonly tag: number;
  readonly type: number;
  readonly count: number;
  /** The value or offset field as stored (4 bytes, 8 in BigTIFF). */
  readonly field: Uint8Array;
  /** The first value when it is an integer stored in the field itself (BYTE, SHORT, LONG, LONG8, IFD). */
  readonly value: number | undefined;
}

/** Byte order and width of a TIFF structure. */
export interface TiffLayout {
  readonly littleEndian: boolean;
  readonly big: boolean;
}

/** Reads bytes at an offset of the TIFF structure (a file, or the payload of a JPEG APP1 segment). */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>;

const MAX_IFD_ENTRIES = 4096;

/** The byte order and kind of a TIFF header (`II*\0`, `MM\0*`, BigTIFF `II+\0`, `MM\0+`), if it is one. */
export function tiffLayout(b: Uint8Array): TiffLayout | undefined {
  if (b.length < 8) return undefined;
  const little = b[0] === 0x49 && b[1] === 0x49;
  const bigEndian = b[0] === 0x4d && b[1] === 0x4d;
  if (!little && !bigEndian) return undefined;
  const magic = little ? u16le(b, 2) : u16be(b, 2);
  if (magic === 42) return { littleEndian: little, big: false };
  if (magic === 43 && (little ? u16le(b, 4) : u16be(b, 4)) === 8) return { littleEndian: little, big: true };
  return undefined;
}

/** Offset of the first IFD from the header. */
export function firstIfdOffset(b: Uint8Array, layout: TiffLayout): number {
  if (layout.big) return layout.littleEndian ? u64le(b, 8) : u64be(b, 8);
  return layout.littleEndian ? u32le(b, 4) : u32be(b, 4);
}

/** Entries of the IFD at `offset`, keyed by tag; empty when it is out of reach. */
export async function readIfd(
  read: ReadAt,
  offset: number,
  layout: TiffLayout,
): Promise<Map<number, IfdEntry>> {
  const entries = new Map<number, IfdEntry>();
  if (!Number.isSafeInteger(offset) || offset < 8) return entries;
  const { littleEndian: le, big } = layout;
  const countBytes = await read(offset, big ? 8 : 2);
  const count = big
    ? le
      ? u64le(countBytes, 0)
      : u64be(countBytes, 0)
    : le
      ? u16le(countBytes, 0)
      : u16be(countBytes, 0);
  const size = big ? 20 : 12;
  const n = Math.min(count, MAX_IFD_ENTRIES);
  const body = await read(offset + (big ? 8 : 2), n * size);
  for (let i = 0; (i + 1) * size <= body.length; i++) {
    const at = i * size;
    const tag = le ? u16le(body, at) : u16be(body, at);
    const type = le ? u16le(body, at + 2) : u16be(body, at + 2);
    const entryCount = big
      ? le
        ? u64le(body, at + 4)
        : u64be(body, at + 4)
      : le
        ? u32le(body, at + 4)
        : u32be(body, at + 4);
    const field = body.subarray(at + (big ? 12 : 8), at + size);
    entries.set(tag, { tag, type, count: entryCount, field, value: inlineValue(field, type, le) });
  }
  return entries;
}

function inlineValue(field: Uint8Array, type: number, le: boolean): number | undefined {
  switch (type) {
    case 1:
    case 7:
      return field[0];
    case 3:
      return le ? u16le(field, 0) : u16be(field, 0);
    case 4:
    case 13:
      return le ? u32le(field, 0) : u32be(field, 0);
    case 16:
    case 18:
      return field.length >= 8 ? (le ? u64le(field, 0) : u64be(field, 0)) : undefined;
    default:
      return undefined;
  }
}
