import { decodeText, hasAscii, latin1, u32be } from '../binary.js';
import type { ByteRegions } from '../regions.js';

/** What the chunks of a PNG say, as far as the kept bytes reach. */
export interface PngHeaders {
  readonly width?: number;
  readonly height?: number;
  readonly bitDepth?: number;
  readonly colorType?: number;
  /** pHYs: pixels per unit; unit 1 is the metre, 0 only an aspect ratio. */
  readonly phys?: { readonly x: number; readonly y: number; readonly unit: number };
  /** `sRGB` chunk present. */
  readonly srgb?: boolean;
  /** iCCP profile name. */
  readonly iccName?: string;
  /** eXIf chunk payload (a TIFF structure). */
  readonly exif?: Uint8Array;
  /** `Software` from a tEXt or uncompressed iTXt chunk. */
  readonly software?: string;
  readonly stop?: 'truncated' | 'out-of-reach' | 'invalid';
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MAX_CHUNKS = 100_000;

/**
 * Walks the chunks of a PNG in the kept prefix: IHDR, pHYs, sRGB, iCCP, eXIf and `Software` text. Stops
 * at IEND, at the end of the kept bytes (a note only when that is before the first IDAT), or at a chunk
 * header that is not one.
 */
export function readPngHeaders(regions: ByteRegions): PngHeaders {
  const b = regions.prefix;
  if (b.length < 8 || SIGNATURE.some((v, i) => b[i] !== v)) return { stop: 'invalid' };
  const out: { -readonly [K in keyof PngHeaders]: PngHeaders[K] } = {};
  let pos = 8;
  let sawImageData = false;
  for (let n = 0; n < MAX_CHUNKS; n++) {
    if (pos + 8 > b.length) return stopAt(out, regions, pos, sawImageData);
    const length = u32be(b, pos);
    const type = latin1(b, pos + 4, 4);
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) return { ...out, stop: 'invalid' };
    if (n === 0 && type !== 'IHDR') return { ...out, stop: 'invalid' };
    if (type === 'IEND') return out;
    if (type === 'IDAT') sawImageData = true;
    const end = pos + 12 + length;
    if (type !== 'IDAT' && pos + 8 + length > b.length) return stopAt(out, regions, end, sawImageData);
    const data = b.subarray(pos + 8, Math.min(b.length, pos + 8 + length));
    chunk(out, type, data);
    pos = end;
  }
  return { ...out, stop: 'invalid' };
}

function chunk(out: { -readonly [K in keyof PngHeaders]: PngHeaders[K] }, type: string, data: Uint8Array) {
  switch (type) {
    case 'IHDR':
      if (data.length >= 13) {
        out.width = u32be(data, 0);
        out.height = u32be(data, 4);
        out.bitDepth = data[8]!;
        out.colorType = data[9]!;
      }
      break;
    case 'pHYs':
      if (data.length >= 9) out.phys = { x: u32be(data, 0), y: u32be(data, 4), unit: data[8]! };
      break;
    case 'sRGB':
      out.srgb = true;
      break;
    case 'iCCP': {
      const nul = data.indexOf(0);
      const name = latin1(data, 0, nul > 0 ? Math.min(nul, 79) : 0).trim();
      if (name) out.iccName = name;
      break;
    }
    case 'eXIf':
      if (out.exif === undefined) out.exif = data;
      break;
    case 'tEXt':
      if (out.software === undefined && hasAscii(data, 'Software\0')) {
        const text = decodeText(data.subarray(9));
        if (text !== undefined) out.software = text;
      }
      break;
    case 'iTXt':
      // keyword \0 compression-flag compression-method language \0 translated-keyword \0 text
      if (out.software === undefined && hasAscii(data, 'Software\0') && data[9] === 0) {
        const lang = data.indexOf(0, 11);
        const translated = lang < 0 ? -1 : data.indexOf(0, lang + 1);
        const text = translated >= 0 ? decodeText(data.subarray(translated + 1)) : undefined;
        if (text !== undefined) out.software = text;
      }
      break;
  }
}

function stopAt(out: PngHeaders, regions: ByteRegions, at: number, sawImageData: boolean): PngHeaders {
  if (at > regions.size || regions.complete) return { ...out, stop: 'truncated' };
  return sawImageData ? out : { ...out, stop: 'out-of-reach' };
}
