/**
 * A small baseline JPEG encoder for the demo's ID photo: greyscale, one DC value per 8×8 block (the AC
 * coefficients are zero, so each block is flat — a low-resolution but fully valid JPEG), with an EXIF APP1
 * segment (Make, Model, Software, DateTime, DateTimeOriginal with its offset, resolution) that capture reads
 * back. `djpeg` decodes it.
 */

/** EXIF fields written into the photo. */
export interface PhotoExif {
  readonly make: string;
  readonly model: string;
  /** `YYYY:MM:DD HH:MM:SS`, as EXIF writes dates (DateTime and DateTimeOriginal). */
  readonly dateTime: string;
  /** OffsetTimeOriginal, e.g. `+08:00` (EXIF 2.31); absent: not written. */
  readonly offset?: string;
  /** Software (the capturing application); absent: not written. */
  readonly software?: string;
  /** X/YResolution in dots per inch (default 300). */
  readonly dpi?: number;
}

// JPEG Annex K.3 table K.3: the standard luminance DC Huffman table.
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
// An AC table with the one symbol the encoder uses: end of block (0x00), code `0`.
const AC_BITS = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_VALUES = [0];

/**
 * Encodes a `width`×`height` greyscale picture (`shade(x, y)` → 0…255, sampled at each block's centre) as a
 * baseline JPEG with EXIF.
 */
export function makeJpeg(
  width: number,
  height: number,
  shade: (x: number, y: number) => number,
  exif: PhotoExif,
): Uint8Array {
  const out: number[] = [0xff, 0xd8];
  segment(out, 0xe1, exifPayload(exif, width, height));
  // DQT: table 0, all ones (no quantisation loss for the flat blocks).
  segment(out, 0xdb, [0x00, ...new Array<number>(64).fill(1)]);
  // SOF0: 8-bit, height, width, one component (id 1, 1×1 sampling, table 0).
  segment(out, 0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]);
  segment(out, 0xc4, [0x00, ...DC_BITS, ...DC_VALUES, 0x10, ...AC_BITS, ...AC_VALUES]);
  // SOS: one component, DC table 0 / AC table 0, spectral 0–63, no approximation.
  segment(out, 0xda, [1, 1, 0x00, 0, 63, 0]);
  const codes = huffmanCodes(DC_BITS, DC_VALUES);
  const bits = new BitWriter(out);
  let previous = 0;
  for (let by = 0; by < Math.ceil(height / 8); by++) {
    for (let bx = 0; bx < Math.ceil(width / 8); bx++) {
      const level = Math.max(0, Math.min(255, Math.round(shade(bx * 8 + 4, by * 8 + 4))));
      const dc = 8 * (level - 128); // F(0,0) of a flat block, quantised by 1
      const diff = dc - previous;
      previous = dc;
      const category = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
      const code = codes.get(category)!;
      bits.write(code.code, code.length);
      if (category > 0) bits.write(diff > 0 ? diff : diff + (1 << category) - 1, category);
      bits.write(0, 1); // EOB
    }
  }
  bits.flush();
  out.push(0xff, 0xd9);
  return Uint8Array.from(out);
}

function segment(out: number[], marker: number, payload: readonly number[]): void {
  const length = payload.length + 2;
  out.push(0xff, marker, length >> 8, length & 0xff, ...payload);
}

function huffmanCodes(
  bits: readonly number[],
  values: readonly number[],
): Map<number, { code: number; length: number }> {
  const codes = new Map<number, { code: number; length: number }>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < bits[length - 1]!; i++) codes.set(values[k++]!, { code: code++, length });
    code <<= 1;
  }
  return codes;
}

class BitWriter {
  private buffer = 0;
  private count = 0;
  constructor(private readonly out: number[]) {}
  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.buffer = (this.buffer << 1) | ((value >> i) & 1);
      if (++this.count === 8) this.emit();
    }
  }
  flush(): void {
    while (this.count !== 0) this.write(1, 1); // pad with ones
  }
  private emit(): void {
    this.out.push(this.buffer);
    if (this.buffer === 0xff) this.out.push(0x00); // byte stuffing
    this.buffer = 0;
    this.count = 0;
  }
}

/**
 * `Exif\0\0` + a little-endian TIFF: IFD0 (Make, Model, XResolution, YResolution, ResolutionUnit, Software,
 * DateTime, the EXIF IFD pointer) and the EXIF IFD (DateTimeOriginal, OffsetTimeOriginal, pixel dimensions).
 * Entries are in ascending tag order, as TIFF requires; values over 4 bytes go in a data area after the IFDs.
 */
function exifPayload(exif: PhotoExif, width: number, height: number): number[] {
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0) & 0x7f).concat(0);
  type Entry = { tag: number; type: number; count: number; bytes: number[] };
  const text = (tag: number, s: string): Entry => {
    const bytes = ascii(s);
    return { tag, type: 2, count: bytes.length, bytes };
  };
  const long = (tag: number, n: number): Entry => ({ tag, type: 4, count: 1, bytes: u32(n) });
  const short = (tag: number, n: number): Entry => ({ tag, type: 3, count: 1, bytes: u16(n) });
  const rational = (tag: number, n: number, d: number): Entry => ({
    tag,
    type: 5,
    count: 1,
    bytes: [...u32(n), ...u32(d)],
  });
  const ifd0: Entry[] = [
    text(0x010f, exif.make),
    text(0x0110, exif.model),
    rational(0x011a, exif.dpi ?? 300, 1),
    rational(0x011b, exif.dpi ?? 300, 1),
    short(0x0128, 2), // ResolutionUnit: inch
    ...(exif.software === undefined ? [] : [text(0x0131, exif.software)]),
    text(0x0132, exif.dateTime),
    long(0x8769, 0), // ExifIFD pointer, filled in below
  ];
  const exifIfd: Entry[] = [
    text(0x9003, exif.dateTime),
    ...(exif.offset === undefined ? [] : [text(0x9011, exif.offset)]),
    long(0xa002, width),
    long(0xa003, height),
  ];
  const ifdSize = (entries: Entry[]) => 2 + 12 * entries.length + 4;
  const ifd0At = 8;
  const exifAt = ifd0At + ifdSize(ifd0);
  ifd0[ifd0.length - 1] = long(0x8769, exifAt);
  let dataAt = exifAt + ifdSize(exifIfd);
  const area: number[] = [];
  const write = (entries: Entry[]): number[] => {
    const out = [...u16(entries.length)];
    for (const e of entries) {
      out.push(...u16(e.tag), ...u16(e.type), ...u32(e.count));
      if (e.bytes.length <= 4) out.push(...[...e.bytes, 0, 0, 0, 0].slice(0, 4));
      else {
        out.push(...u32(dataAt));
        area.push(...e.bytes);
        dataAt += e.bytes.length;
      }
    }
    out.push(...u32(0)); // no next IFD
    return out;
  };
  const tiff = [0x49, 0x49, 0x2a, 0x00, ...u32(ifd0At), ...write(ifd0), ...write(exifIfd)];
  return [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff, ...area];
}

const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
