import { hasBytes, latin1, u16be } from '../binary.js';
import { firstIfdOffset, readIfd, tiffLayout } from '../tiff-ifd.js';
import type { Probe } from './probe.js';

const JFIF_PUID: Readonly<Record<string, string>> = { '1.00': 'fmt/42', '1.01': 'fmt/43', '1.02': 'fmt/44' };
const EXIF_PUID: Readonly<Record<string, string>> = {
  '0200': 'x-fmt/398',
  '0210': 'x-fmt/390',
  '0220': 'x-fmt/391',
  '0221': 'fmt/645',
};
const MAX_SEGMENTS = 512;

/**
 * JPEG (`FF D8 FF`): walks the marker segments up to the first scan, noting JFIF (APP0) and EXIF (APP1)
 * with their versions and the frame header's size, precision, components and coding process. The PRONOM
 * PUID follows the first APP segment (JFIF 1.00–1.02, EXIF 2.0–2.21), else Raw JPEG Stream.
 */
export const probeJpeg: Probe = async ({ reader, head }) => {
  if (!hasBytes(head, [0xff, 0xd8, 0xff])) return undefined;
  let jfifVersion: string | undefined;
  let exifVersion: string | undefined;
  let exif = false;
  let first: 'jfif' | 'exif' | 'other' | undefined;
  let frame:
    | { width: number; height: number; bitDepth: number; components: number; progressive: boolean }
    | undefined;
  let pos = 2;
  let sawScan = false;
  for (let n = 0; n < MAX_SEGMENTS; n++) {
    const marker = await reader.read(pos, 4);
    if (marker.length < 2 || marker[0] !== 0xff) break;
    const code = marker[1]!;
    if (code === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (code === 0xd8 || code === 0x01 || (code >= 0xd0 && code <= 0xd7)) {
      pos += 2;
      continue;
    }
    if (code === 0xd9 || marker.length < 4) break;
    const length = u16be(marker, 2);
    if (length < 2) break;
    if (code === 0xda) {
      sawScan = true;
      break;
    }
    if (code === 0xe0 || code === 0xe1) {
      const payload = await reader.read(pos + 4, Math.min(length - 2, 64 * 1024));
      if (code === 0xe0 && hasBytes(payload, 'JFIF\0')) {
        jfifVersion = `${payload[5] ?? 0}.${String(payload[6] ?? 0).padStart(2, '0')}`;
        first ??= 'jfif';
      } else if (code === 0xe1 && hasBytes(payload, 'Exif\0\0')) {
        exif = true;
        exifVersion ??= await exifVersionOf(payload.subarray(6));
        first ??= 'exif';
      } else first ??= 'other';
    }
    first ??= 'other';
    if (code >= 0xc0 && code <= 0xcf && code !== 0xc4 && code !== 0xc8 && code !== 0xcc) {
      const sof = await reader.read(pos + 4, 6);
      if (sof.length === 6) {
        frame = {
          bitDepth: sof[0]!,
          height: u16be(sof, 1),
          width: u16be(sof, 3),
          components: sof[5]!,
          progressive: code === 0xc2 || code === 0xc6 || code === 0xca || code === 0xce,
        };
      }
    }
    pos += 2 + length;
  }
  const pronom =
    first === 'jfif' && jfifVersion
      ? JFIF_PUID[jfifVersion]
      : first === 'exif' && exifVersion
        ? EXIF_PUID[exifVersion]
        : first === 'other'
          ? 'fmt/41'
          : undefined;
  return {
    id: 'jpeg',
    version: jfifVersion,
    pronom,
    flags: { exif: frame !== undefined || sawScan ? exif : exif || undefined },
    details: {
      jfifVersion,
      exifVersion,
      width: frame?.width,
      height: frame?.height,
      bitDepth: frame?.bitDepth,
      components: frame?.components,
      progressive: frame?.progressive,
    },
  };
};

/** ExifVersion (tag 0x9000) from the EXIF sub-IFD (pointer tag 0x8769) of an APP1 TIFF structure. */
async function exifVersionOf(tiff: Uint8Array): Promise<string | undefined> {
  const layout = tiffLayout(tiff);
  if (layout === undefined || layout.big) return undefined;
  const read = async (o: number, n: number) => tiff.subarray(o, o + n);
  const ifd0 = await readIfd(read, firstIfdOffset(tiff, layout), layout);
  const pointer = ifd0.get(0x8769)?.value;
  if (pointer === undefined) return undefined;
  const sub = await readIfd(read, pointer, layout);
  const version = sub.get(0x9000);
  if (version === undefined || version.count !== 4) return undefined;
  const text = latin1(version.field, 0, 4);
  return /^\d{4}$/.test(text) ? text : undefined;
}
