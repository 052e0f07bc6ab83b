import { hasAscii, u16be } from '../binary.js';
import type { ByteRegions } from '../regions.js';

/** One colour component of a JPEG frame with its sampling factors. */
export interface JpegComponent {
  readonly id: number;
  readonly h: number;
  readonly v: number;
}

/** What the marker segments before the first scan say about a JPEG image. */
export interface JpegHeaders {
  readonly width?: number;
  readonly height?: number;
  /** Sample precision in bits (8 or 12; 2–16 lossless). */
  readonly precision?: number;
  readonly components?: readonly JpegComponent[];
  /** The SOF marker (0xC0 baseline, 0xC2 progressive …). */
  readonly sofMarker?: number;
  /** JFIF APP0 density: units 0 (aspect only), 1 (per inch), 2 (per centimetre). */
  readonly jfif?: { readonly units: number; readonly x: number; readonly y: number };
  /** The TIFF structure of the first EXIF APP1 segment (after `Exif\0\0`). */
  readonly exif?: Uint8Array;
  /** How reading stopped short, if it did. */
  readonly stop?: 'truncated' | 'out-of-reach' | 'invalid';
}

const MAX_SEGMENTS = 4096;

/**
 * Walks the marker segments of a JPEG from SOI to the first SOS (start of scan): the frame header (SOFn),
 * JFIF APP0 and the EXIF APP1 segment. Only the kept bytes are read; a file that ends inside its headers
 * is `truncated`, headers past the kept prefix are `out-of-reach`.
 */
export function readJpegHeaders(regions: ByteRegions): JpegHeaders {
  const b = regions.prefix;
  if (b.length < 2 || b[0] !== 0xff || b[1] !== 0xd8) return { stop: 'invalid' };
  const out: {
    -readonly [K in keyof JpegHeaders]: JpegHeaders[K];
  } = {};
  let pos = 2;
  for (let n = 0; n < MAX_SEGMENTS; n++) {
    while (pos < b.length && b[pos] === 0xff && b[pos + 1] === 0xff) pos++;
    if (pos + 2 > b.length) return { ...out, stop: endKind(regions, pos) };
    if (b[pos] !== 0xff) return { ...out, stop: 'invalid' };
    const marker = b[pos + 1]!;
    if (marker === 0xd9 || marker === 0xda) return out;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2;
      continue;
    }
    if (pos + 4 > b.length) return { ...out, stop: endKind(regions, pos) };
    const length = u16be(b, pos + 2);
    if (length < 2) return { ...out, stop: 'invalid' };
    const end = pos + 2 + length;
    if (end > b.length) {
      // A cut EXIF segment still has its first directories: read what there is.
      if (marker === 0xe1 && out.exif === undefined && hasAscii(b, 'Exif\0', pos + 4))
        out.exif = b.subarray(pos + 10);
      return { ...out, stop: endKind(regions, end) };
    }
    const data = b.subarray(pos + 4, end);
    if (marker === 0xe0 && hasAscii(data, 'JFIF\0') && data.length >= 12 && out.jfif === undefined) {
      out.jfif = { units: data[7]!, x: u16be(data, 8), y: u16be(data, 10) };
    } else if (marker === 0xe1 && hasAscii(data, 'Exif\0') && data.length > 6 && out.exif === undefined) {
      out.exif = data.subarray(6);
    } else if (isSof(marker) && out.sofMarker === undefined && data.length >= 6) {
      const count = data[5]!;
      const components: JpegComponent[] = [];
      for (let i = 0; i < count && 6 + i * 3 + 3 <= data.length; i++) {
        const f = data[7 + i * 3]!;
        components.push({ id: data[6 + i * 3]!, h: f >> 4, v: f & 15 });
      }
      out.sofMarker = marker;
      out.precision = data[0]!;
      out.height = u16be(data, 1);
      out.width = u16be(data, 3);
      out.components = components;
    }
    pos = end;
  }
  return { ...out, stop: 'invalid' };
}

function isSof(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function endKind(regions: ByteRegions, at: number): 'truncated' | 'out-of-reach' {
  return at >= regions.size || regions.complete ? 'truncated' : 'out-of-reach';
}

const SOF_NAMES: Readonly<Record<number, string>> = {
  192: 'JPEG（基线 DCT）',
  193: 'JPEG（扩展顺序 DCT）',
  194: 'JPEG（渐进 DCT）',
  195: 'JPEG（无损）',
  197: 'JPEG（分层，差分顺序 DCT）',
  198: 'JPEG（分层，差分渐进 DCT）',
  199: 'JPEG（分层，差分无损）',
  201: 'JPEG（扩展顺序 DCT，算术编码）',
  202: 'JPEG（渐进 DCT，算术编码）',
  203: 'JPEG（无损，算术编码）',
  205: 'JPEG（分层，差分顺序 DCT，算术编码）',
  206: 'JPEG（分层，差分渐进 DCT，算术编码）',
  207: 'JPEG（分层，差分无损，算术编码）',
};

/** The coding process of a SOF marker in words, e.g. `JPEG（基线 DCT）`. */
export function jpegCompressionName(marker: number): string | undefined {
  return SOF_NAMES[marker];
}

/** Chroma subsampling (`4:2:0` …) from the sampling factors of a three-component frame. */
export function jpegSubsampling(components: readonly JpegComponent[] | undefined): string | undefined {
  if (components === undefined || components.length !== 3) return undefined;
  const [y, cb, cr] = components as [JpegComponent, JpegComponent, JpegComponent];
  if (cb.h !== cr.h || cb.v !== cr.v || cb.h === 0 || cb.v === 0) return undefined;
  return subsamplingName(y.h / cb.h, y.v / cb.v);
}

/** `4:2:0`-style name of horizontal and vertical luma/chroma sampling ratios. */
export function subsamplingName(horizontal: number, vertical: number): string | undefined {
  const key = `${horizontal}x${vertical}`;
  const names: Readonly<Record<string, string>> = {
    '1x1': '4:4:4',
    '2x1': '4:2:2',
    '2x2': '4:2:0',
    '4x1': '4:1:1',
    '1x2': '4:4:0',
    '4x2': '4:1:0',
  };
  return names[key];
}
