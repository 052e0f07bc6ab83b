/** A TIFF field value for {@link buildTiff}. Rationals are `[numerator, denominator]` pairs. */
export type TiffValue =
  | { readonly type: 'byte' | 'undefined'; readonly value: readonly number[] }
  | { readonly type: 'ascii'; readonly value: string }
  | { readonly type: 'short' | 'long'; readonly value: readonly number[] }
  | { readonly type: 'rational' | 'srational'; readonly value: readonly (readonly [number, number])[] };

/** An image file directory: tag → value, and tag → sub-IFD for pointer tags (Exif, GPS, Interop). */
export interface IfdSpec {
  readonly entries: ReadonlyMap<number, TiffValue>;
  readonly sub?: Readonly<Record<number, IfdSpec>>;
}

const TYPE_CODE = { byte: 1, ascii: 2, short: 3, long: 4, rational: 5, undefined: 7, srational: 10 } as const;

function encode(v: TiffValue, le: boolean): { type: number; count: number; bytes: Uint8Array } {
  const type = TYPE_CODE[v.type];
  if (v.type === 'ascii') {
    const text = new TextEncoder().encode(v.value);
    const bytes = new Uint8Array(text.length + 1);
    bytes.set(text);
    return { type, count: bytes.length, bytes };
  }
  if (v.type === 'byte' || v.type === 'undefined')
    return { type, count: v.value.length, bytes: Uint8Array.from(v.value) };
  if (v.type === 'short') {
    const bytes = new Uint8Array(v.value.length * 2);
    const dv = new DataView(bytes.buffer);
    v.value.forEach((n, i) => {
      dv.setUint16(i * 2, n, le);
    });
    return { type, count: v.value.length, bytes };
  }
  if (v.type === 'long') {
    const bytes = new Uint8Array(v.value.length * 4);
    const dv = new DataView(bytes.buffer);
    v.value.forEach((n, i) => {
      dv.setUint32(i * 4, n, le);
    });
    return { type, count: v.value.length, bytes };
  }
  const bytes = new Uint8Array(v.value.length * 8);
  const dv = new DataView(bytes.buffer);
  const pairs = v.value as readonly (readonly [number, number])[];
  pairs.forEach(([n, d], i) => {
    if (v.type === 'rational') {
      dv.setUint32(i * 8, n, le);
      dv.setUint32(i * 8 + 4, d, le);
    } else {
      dv.setInt32(i * 8, n, le);
      dv.setInt32(i * 8 + 4, d, le);
    }
  });
  return { type, count: pairs.length, bytes };
}

/**
 * A classic TIFF structure (header, IFD0, sub-IFDs placed after their parent with LONG pointers), in
 * either byte order: the payload of a JPEG APP1 `Exif` segment or a PNG eXIf chunk, or a TIFF file when
 * image data is appended with {@link buildTiffFile}.
 */
export function buildTiff(root: IfdSpec, littleEndian = true): Uint8Array {
  const buf = new Uint8Array(1 << 20);
  const dv = new DataView(buf.buffer);
  const le = littleEndian;
  buf.set(le ? [0x49, 0x49, 42, 0] : [0x4d, 0x4d, 0, 42]);
  dv.setUint32(4, 8, le);
  const writeIfd = (spec: IfdSpec, at: number): number => {
    const subTags = Object.keys(spec.sub ?? {}).map(Number);
    const tags = [...new Set([...spec.entries.keys(), ...subTags])].sort((a, b) => a - b);
    dv.setUint16(at, tags.length, le);
    let data = at + 2 + 12 * tags.length + 4;
    dv.setUint32(at + 2 + 12 * tags.length, 0, le);
    const pending: [number, IfdSpec][] = [];
    tags.forEach((tag, i) => {
      const e = at + 2 + 12 * i;
      dv.setUint16(e, tag, le);
      const sub = spec.sub?.[tag];
      if (sub !== undefined) {
        dv.setUint16(e + 2, 4, le);
        dv.setUint32(e + 4, 1, le);
        pending.push([e + 8, sub]);
        return;
      }
      const raw = encode(spec.entries.get(tag)!, le);
      dv.setUint16(e + 2, raw.type, le);
      dv.setUint32(e + 4, raw.count, le);
      if (raw.bytes.length <= 4) buf.set(raw.bytes, e + 8);
      else {
        dv.setUint32(e + 8, data, le);
        buf.set(raw.bytes, data);
        data += raw.bytes.length + (raw.bytes.length & 1);
      }
    });
    for (const [pointer, sub] of pending) {
      dv.setUint32(pointer, data, le);
      data = writeIfd(sub, data);
    }
    return data;
  };
  return buf.slice(0, writeIfd(root, 8));
}

/** What {@link exifIfd} writes: a camera's usual EXIF, TIFF and GPS fields. */
export interface ExifSpec {
  readonly make?: string;
  readonly model?: string;
  readonly software?: string;
  readonly orientation?: number;
  readonly xResolution?: readonly [number, number];
  readonly yResolution?: readonly [number, number];
  readonly resolutionUnit?: number;
  readonly dateTimeOriginal?: string;
  readonly offsetTimeOriginal?: string;
  readonly colorSpace?: number;
  readonly pixelX?: number;
  readonly pixelY?: number;
  readonly sensingMethod?: number;
  readonly fileSource?: number;
  readonly bodySerialNumber?: string;
  readonly interopIndex?: string;
  readonly gps?: {
    readonly version?: readonly number[];
    readonly latitudeRef?: string;
    readonly latitude?: readonly (readonly [number, number])[];
    readonly longitudeRef?: string;
    readonly longitude?: readonly (readonly [number, number])[];
    readonly altitudeRef?: number;
    readonly altitude?: readonly [number, number];
    readonly imgDirectionRef?: string;
    readonly imgDirection?: readonly [number, number];
    readonly dateStamp?: string;
    readonly timeStamp?: readonly (readonly [number, number])[];
  };
  /** Extra IFD0 entries (e.g. image width for TIFF files). */
  readonly ifd0?: ReadonlyMap<number, TiffValue>;
}

/** IFD0 with its Exif, Interop and GPS sub-IFDs as a camera writes them. */
export function exifIfd(spec: ExifSpec): IfdSpec {
  const ifd0 = new Map<number, TiffValue>(spec.ifd0 ?? []);
  const ascii = (m: Map<number, TiffValue>, tag: number, v: string | undefined) => {
    if (v !== undefined) m.set(tag, { type: 'ascii', value: v });
  };
  ascii(ifd0, 0x010f, spec.make);
  ascii(ifd0, 0x0110, spec.model);
  ascii(ifd0, 0x0131, spec.software);
  if (spec.orientation !== undefined) ifd0.set(0x0112, { type: 'short', value: [spec.orientation] });
  if (spec.xResolution) ifd0.set(0x011a, { type: 'rational', value: [spec.xResolution] });
  if (spec.yResolution) ifd0.set(0x011b, { type: 'rational', value: [spec.yResolution] });
  if (spec.resolutionUnit !== undefined) ifd0.set(0x0128, { type: 'short', value: [spec.resolutionUnit] });
  const exif = new Map<number, TiffValue>();
  exif.set(0x9000, { type: 'undefined', value: [0x30, 0x32, 0x33, 0x32] });
  ascii(exif, 0x9003, spec.dateTimeOriginal);
  ascii(exif, 0x9011, spec.offsetTimeOriginal);
  ascii(exif, 0xa431, spec.bodySerialNumber);
  if (spec.colorSpace !== undefined) exif.set(0xa001, { type: 'short', value: [spec.colorSpace] });
  if (spec.pixelX !== undefined) exif.set(0xa002, { type: 'long', value: [spec.pixelX] });
  if (spec.pixelY !== undefined) exif.set(0xa003, { type: 'long', value: [spec.pixelY] });
  if (spec.sensingMethod !== undefined) exif.set(0xa217, { type: 'short', value: [spec.sensingMethod] });
  if (spec.fileSource !== undefined) exif.set(0xa300, { type: 'undefined', value: [spec.fileSource] });
  const exifSub: Record<number, IfdSpec> = {};
  if (spec.interopIndex !== undefined) {
    exifSub[0xa005] = { entries: new Map([[0x0001, { type: 'ascii', value: spec.interopIndex }]]) };
  }
  const sub: Record<number, IfdSpec> = { 34665: { entries: exif, sub: exifSub } };
  const g = spec.gps;
  if (g !== undefined) {
    const gps = new Map<number, TiffValue>();
    if (g.version) gps.set(0x00, { type: 'byte', value: g.version });
    ascii(gps, 0x01, g.latitudeRef);
    if (g.latitude) gps.set(0x02, { type: 'rational', value: g.latitude });
    ascii(gps, 0x03, g.longitudeRef);
    if (g.longitude) gps.set(0x04, { type: 'rational', value: g.longitude });
    if (g.altitudeRef !== undefined) gps.set(0x05, { type: 'byte', value: [g.altitudeRef] });
    if (g.altitude) gps.set(0x06, { type: 'rational', value: [g.altitude] });
    if (g.timeStamp) gps.set(0x07, { type: 'rational', value: g.timeStamp });
    ascii(gps, 0x10, g.imgDirectionRef);
    if (g.imgDirection) gps.set(0x11, { type: 'rational', value: [g.imgDirection] });
    ascii(gps, 0x1d, g.dateStamp);
    sub[0x8825] = { entries: gps };
  }
  return { entries: ifd0, sub };
}

/** A camera-like EXIF used across tests (Shanghai, 2024-05-01 08:30:15 +08:00). */
export const SAMPLE_EXIF: ExifSpec = {
  make: 'Canon',
  model: 'EOS R5',
  software: 'Firmware 1.8.1',
  orientation: 6,
  xResolution: [300, 1],
  yResolution: [300, 1],
  resolutionUnit: 2,
  dateTimeOriginal: '2024:05:01 08:30:15',
  offsetTimeOriginal: '+08:00',
  colorSpace: 1,
  pixelX: 64,
  pixelY: 48,
  sensingMethod: 2,
  fileSource: 3,
  bodySerialNumber: '012345678901',
  gps: {
    version: [2, 3, 0, 0],
    latitudeRef: 'N',
    latitude: [
      [31, 1],
      [13, 1],
      [4512, 100],
    ],
    longitudeRef: 'E',
    longitude: [
      [121, 1],
      [28, 1],
      [1234, 100],
    ],
    altitudeRef: 0,
    altitude: [125, 10],
    imgDirectionRef: 'T',
    imgDirection: [9050, 100],
    dateStamp: '2024:05:01',
    timeStamp: [
      [0, 1],
      [30, 1],
      [15, 1],
    ],
  },
};

/** `jpeg` with an APP1 `Exif` segment holding `tiff` inserted right after SOI. */
export function jpegWithExif(jpeg: Uint8Array, tiff: Uint8Array): Uint8Array {
  const length = 2 + 6 + tiff.length;
  const app1 = new Uint8Array(4 + 6 + tiff.length);
  app1.set([0xff, 0xe1, length >> 8, length & 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0]);
  app1.set(tiff, 10);
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2));
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  return out;
}

/**
 * A baseline TIFF file: RGB 8-bit uncompressed strips of `width`×`height`, IFD0 with the image tags, plus
 * the EXIF of `spec`. `ifdAtEnd` writes the pixels first and IFD0 after them (as libtiff does).
 */
export function buildTiffFile(
  width: number,
  height: number,
  spec: ExifSpec,
  littleEndian = true,
  pixelsFirst = false,
): Uint8Array {
  const pixels = new Uint8Array(width * height * 3).fill(0x80);
  const imageTags = (stripOffset: number) =>
    new Map<number, TiffValue>([
      ...(spec.ifd0 ?? []),
      [0x0100, { type: 'long', value: [width] }],
      [0x0101, { type: 'long', value: [height] }],
      [0x0102, { type: 'short', value: [8, 8, 8] }],
      [0x0103, { type: 'short', value: [1] }],
      [0x0106, { type: 'short', value: [2] }],
      [0x0111, { type: 'long', value: [stripOffset] }],
      [0x0115, { type: 'short', value: [3] }],
      [0x0116, { type: 'long', value: [height] }],
      [0x0117, { type: 'long', value: [pixels.length] }],
    ]);
  if (!pixelsFirst) {
    // Structure first, pixels after it: lay out once to learn the structure's size.
    const size = buildTiff(exifIfd({ ...spec, ifd0: imageTags(0) }), littleEndian).length;
    const tiff = buildTiff(exifIfd({ ...spec, ifd0: imageTags(size) }), littleEndian);
    const out = new Uint8Array(tiff.length + pixels.length);
    out.set(tiff);
    out.set(pixels, tiff.length);
    return out;
  }
  // Pixels at offset 8, IFD0 after them: build the structure, then move its IFDs past the pixels.
  const shift = pixels.length;
  const tiff = buildTiff(exifIfd({ ...spec, ifd0: imageTags(8) }), littleEndian);
  const relocated = relocate(tiff, shift, littleEndian);
  const out = new Uint8Array(8 + pixels.length + (relocated.length - 8));
  out.set(relocated.subarray(0, 8));
  out.set(pixels, 8);
  out.set(relocated.subarray(8), 8 + pixels.length);
  return out;
}

/** Adds `shift` to every offset of a structure built by {@link buildTiff} (IFD pointers, value offsets). */
function relocate(tiff: Uint8Array, shift: number, le: boolean): Uint8Array {
  const out = tiff.slice();
  const dv = new DataView(out.buffer);
  const sizes: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 10: 8 };
  const visit = (at: number) => {
    const n = dv.getUint16(at, le);
    for (let i = 0; i < n; i++) {
      const e = at + 2 + 12 * i;
      const tag = dv.getUint16(e, le);
      const type = dv.getUint16(e + 2, le);
      const count = dv.getUint32(e + 4, le);
      if (tag === 0x8769 || tag === 0x8825 || tag === 0xa005) {
        const target = dv.getUint32(e + 8, le);
        dv.setUint32(e + 8, target + shift, le);
        visit(target);
      } else if (tag === 0x0111) {
        // strip offset: stays at 8
      } else if (count * (sizes[type] ?? 1) > 4) dv.setUint32(e + 8, dv.getUint32(e + 8, le) + shift, le);
    }
  };
  visit(8);
  dv.setUint32(4, 8 + shift, le);
  return out;
}
