import { latin1, u32be } from '../binary.js';
import type { InspectReader } from '../inspect-reader.js';
import type { Probe } from './probe.js';

const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso7',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'mp71',
  'avc1',
  'M4V ',
  'M4VH',
  'M4VP',
  'M4A ',
  'M4B ',
  'M4P ',
  'F4V ',
  'F4P ',
  'f4v ',
  'dash',
  'msdh',
  'msix',
  'mmp4',
  'MSNV',
  'NDAS',
  'NDSC',
  'NDSH',
  'NDSM',
  'NDSP',
  'NDSS',
  'NDXC',
  'NDXH',
  'NDXM',
  'NDXP',
  'NDXS',
  'XAVC',
]);
// Brands PRONOM's MPEG-4 signature (fmt/199) looks for.
const PRONOM_MP4 = new Set(['isom', 'iso2', 'mp41', 'mp42']);
// Still-image and other non-video families that share the box structure.
const NOT_VIDEO = new Set([
  'heic',
  'heix',
  'hevc',
  'heim',
  'heis',
  'mif1',
  'msf1',
  'avif',
  'avis',
  'crx ',
  'jp2 ',
  'jpx ',
  'mjp2',
]);
// Top-level atoms QuickTime files may open with when they have no ftyp.
const QT_FIRST = new Set(['moov', 'mdat', 'wide', 'pnot']);

/**
 * ISO base media and QuickTime: the `ftyp` box at offset 4 — major brand `qt  ` is MOV, MP4 brands
 * (major or compatible) are MP4; still-image brands (HEIF, AVIF) are not claimed. Old QuickTime files
 * without `ftyp` open with a `moov`, `mdat`, `wide` or `pnot` atom (or `free`/`skip` then one of those).
 */
export const probeIsoBmff: Probe = async ({ reader, head }) => {
  if (head.length < 12) return undefined;
  const type = latin1(head, 4, 4);
  if (type === 'ftyp') {
    const size = u32be(head, 0);
    if (size < 16 || size > 4096) return undefined;
    const box = await reader.read(0, size);
    const major = latin1(box, 8, 4);
    const compatible: string[] = [];
    for (let at = 16; at + 4 <= box.length && compatible.length < 64; at += 4)
      compatible.push(latin1(box, at, 4));
    const brands = [major, ...compatible];
    const details = { majorBrand: major, compatibleBrands: compatible };
    if (major === 'qt  ') return { id: 'mov', pronom: 'x-fmt/384', details };
    if (NOT_VIDEO.has(major)) return undefined;
    if (brands.some((b) => MP4_BRANDS.has(b))) {
      return { id: 'mp4', pronom: brands.some((b) => PRONOM_MP4.has(b)) ? 'fmt/199' : undefined, details };
    }
    if (compatible.includes('qt  ')) return { id: 'mov', pronom: 'x-fmt/384', details };
    return undefined;
  }
  if (QT_FIRST.has(type) && atomSizeOk(head)) return { id: 'mov', pronom: 'x-fmt/384' };
  if ((type === 'free' || type === 'skip') && atomSizeOk(head)) {
    const next = await nextAtomType(reader, u32be(head, 0));
    if (next !== undefined && (QT_FIRST.has(next) || next === 'ftyp'))
      return { id: 'mov', pronom: 'x-fmt/384' };
  }
  return undefined;
};

function atomSizeOk(head: Uint8Array): boolean {
  const size = u32be(head, 0);
  return size === 0 || size === 1 || size >= 8;
}

async function nextAtomType(reader: InspectReader, at: number): Promise<string | undefined> {
  if (at < 8) return undefined;
  const b = await reader.read(at, 8);
  return b.length === 8 ? latin1(b, 4, 4) : undefined;
}
