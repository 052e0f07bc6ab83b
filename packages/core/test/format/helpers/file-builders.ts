import { crc32, deflateSync } from 'node:zlib';
import { concat } from './zip-builder.js';

const te = new TextEncoder();
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

/** Options of {@link buildPdf}. */
export interface PdfOptions {
  readonly version?: string;
  /** PDF/A claim written into an XMP metadata stream. */
  readonly pdfa?: { part: number; conformance?: string; form: 'attribute' | 'element'; prefix?: string };
  /** Reference an /Encrypt dictionary from the trailer. */
  readonly encrypted?: boolean;
  /** Use a cross-reference stream (PDF 1.5) instead of a classic table and trailer. */
  readonly xrefStream?: boolean;
  /** Bytes of filler content stream (to make big files). */
  readonly filler?: number;
  /** Bytes before `%PDF-`. */
  readonly junk?: string;
}

/**
 * A small, well-formed PDF: catalog, one empty page, optional XMP metadata with a PDF/A claim, optional
 * /Encrypt reference (standard security handler dictionary; content is not actually encrypted), with a
 * correct classic xref table or an uncompressed cross-reference stream.
 */
export function buildPdf(options: PdfOptions = {}): Uint8Array {
  const version = options.version ?? '1.4';
  const objects: string[] = [];
  const xmp = options.pdfa ? xmpPacket(options.pdfa) : undefined;
  objects.push(`<< /Type /Catalog /Pages 2 0 R${xmp ? ' /Metadata 4 0 R' : ''} >>`);
  objects.push('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>');
  objects.push(
    xmp ? `<< /Type /Metadata /Subtype /XML /Length ${xmp.length} >>\nstream\n${xmp}\nendstream` : '<< >>',
  );
  const filler = '% filler\n'.repeat(Math.ceil((options.filler ?? 0) / 9)).slice(0, options.filler ?? 0);
  objects.push(`<< /Length ${filler.length} >>\nstream\n${filler}\nendstream`);
  if (options.encrypted) {
    objects.push(
      '<< /Filter /Standard /V 2 /R 3 /Length 128 /P -44 /O (0123456789abcdef0123456789abcdef) /U (0123456789abcdef0123456789abcdef) >>',
    );
  }
  let body = `${options.junk ?? ''}%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const id = '<00112233445566778899aabbccddeeff>';
  const encrypt = options.encrypted ? ` /Encrypt ${objects.length} 0 R` : '';
  if (options.xrefStream) {
    const n = objects.length + 1;
    const rows = [[0, 0, 255], ...offsets.map((o) => [1, o, 0]), [1, body.length, 0]];
    const data = rows.map(([t, o, g]) => String.fromCharCode(t!, (o! >> 8) & 0xff, o! & 0xff, g!)).join('');
    const xrefAt = body.length;
    body += `${n} 0 obj\n<< /Type /XRef /Size ${n + 1} /W [1 2 1] /Root 1 0 R /ID [${id} ${id}]${encrypt} /Length ${data.length} >>\nstream\n${data}\nendstream\nendobj\n`;
    body += `startxref\n${xrefAt}\n%%EOF\n`;
  } else {
    const xrefAt = body.length;
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /ID [${id} ${id}]${encrypt} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  }
  return latin1(body);
}

function xmpPacket(pdfa: NonNullable<PdfOptions['pdfa']>): string {
  const p = pdfa.prefix ?? 'pdfaid';
  const conformance = pdfa.conformance === undefined ? '' : pdfa.conformance;
  const description =
    pdfa.form === 'attribute'
      ? `<rdf:Description rdf:about="" xmlns:${p}="http://www.aiim.org/pdfa/ns/id/" ${p}:part="${pdfa.part}"${conformance ? ` ${p}:conformance="${conformance}"` : ''}/>`
      : `<rdf:Description rdf:about="" xmlns:${p}="http://www.aiim.org/pdfa/ns/id/">\n <${p}:part>${pdfa.part}</${p}:part>\n${conformance ? ` <${p}:conformance>${conformance}</${p}:conformance>\n` : ''}</rdf:Description>`;
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/">\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n${description}\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end="w"?>`
    .split('')
    .map((c) => (c.charCodeAt(0) > 0x7f ? String.fromCharCode(...te.encode(c)) : c))
    .join('');
}

/** Options of {@link buildJpeg}. */
export interface JpegOptions {
  readonly jfif?: boolean;
  /** EXIF APP1 with this ExifVersion (e.g. '0230'). */
  readonly exifVersion?: string;
  readonly exifFirst?: boolean;
  readonly progressive?: boolean;
}

/**
 * A valid 8×8 grey baseline JPEG: one quantisation table, one-code Huffman tables and a single block
 * whose DC difference is 0 and whose AC coefficients end at once (EOB): decoders show mid-grey.
 */
export function buildJpeg(options: JpegOptions = {}): Uint8Array {
  const seg = (marker: number, payload: Uint8Array) =>
    concat([Uint8Array.of(0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff), payload]);
  const jfif = seg(0xe0, Uint8Array.of(0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 0, 0, 1, 0, 1, 0, 0));
  const exif = options.exifVersion ? seg(0xe1, exifPayload(options.exifVersion)) : new Uint8Array(0);
  const app = options.exifFirst
    ? [exif, options.jfif === false ? new Uint8Array(0) : jfif]
    : [options.jfif === false ? new Uint8Array(0) : jfif, exif];
  const dqt = seg(0xdb, Uint8Array.from([0, ...new Array(64).fill(1)]));
  const sof = seg(options.progressive ? 0xc2 : 0xc0, Uint8Array.of(8, 0, 8, 0, 8, 1, 1, 0x11, 0));
  const dhtDc = seg(0xc4, Uint8Array.from([0x00, 1, ...new Array(15).fill(0), 0x00]));
  const dhtAc = seg(0xc4, Uint8Array.from([0x10, 1, ...new Array(15).fill(0), 0x00]));
  const sos = seg(0xda, Uint8Array.of(1, 1, 0x00, 0, 63, 0));
  // DC code '0' (category 0), AC code '0' (EOB), padded with ones.
  return concat([
    Uint8Array.of(0xff, 0xd8),
    ...app,
    dqt,
    sof,
    dhtDc,
    dhtAc,
    sos,
    Uint8Array.of(0x3f, 0xff, 0xd9),
  ]);
}

/** `Exif\0\0` + a little-endian TIFF: IFD0 with an ExifIFD pointer, Exif IFD with ExifVersion. */
function exifPayload(version: string): Uint8Array {
  const tiff = new DataView(new ArrayBuffer(8 + 2 + 12 + 4 + 2 + 12 + 4));
  tiff.setUint8(0, 0x49);
  tiff.setUint8(1, 0x49);
  tiff.setUint16(2, 42, true);
  tiff.setUint32(4, 8, true);
  tiff.setUint16(8, 1, true);
  tiff.setUint16(10, 0x8769, true);
  tiff.setUint16(12, 4, true);
  tiff.setUint32(14, 1, true);
  tiff.setUint32(18, 26, true);
  tiff.setUint32(22, 0, true);
  tiff.setUint16(26, 1, true);
  tiff.setUint16(28, 0x9000, true);
  tiff.setUint16(30, 7, true);
  tiff.setUint32(32, 4, true);
  for (let i = 0; i < 4; i++) tiff.setUint8(36 + i, version.charCodeAt(i));
  tiff.setUint32(40, 0, true);
  return concat([latin1('Exif\0\0'), new Uint8Array(tiff.buffer)]);
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const head = new DataView(new ArrayBuffer(8));
  head.setUint32(0, data.length);
  const typeBytes = latin1(type);
  const crc = new DataView(new ArrayBuffer(4));
  crc.setUint32(0, crc32(concat([typeBytes, data])));
  return concat([new Uint8Array(head.buffer, 0, 4), typeBytes, data, new Uint8Array(crc.buffer)]);
}

/** A valid RGB PNG of the given size (all black), with correct CRCs; optional extra chunks before IDAT. */
export function buildPng(width = 3, height = 2, extra: readonly string[] = []): Uint8Array {
  const ihdr = new DataView(new ArrayBuffer(13));
  ihdr.setUint32(0, width);
  ihdr.setUint32(4, height);
  ihdr.setUint8(8, 8);
  ihdr.setUint8(9, 2);
  const raw = new Uint8Array(height * (1 + width * 3));
  const extras = extra.map((t) => pngChunk(t, t === 'sRGB' ? Uint8Array.of(0) : latin1('k\0\0\0\0\0v')));
  return concat([
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    pngChunk('IHDR', new Uint8Array(ihdr.buffer)),
    ...extras,
    pngChunk('IDAT', new Uint8Array(deflateSync(raw))),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** The classic 1×1 transparent GIF (GIF89a) or its GIF87a variant. */
export function buildGif(version: '87a' | '89a' = '89a'): Uint8Array {
  return concat([
    latin1(`GIF${version}`),
    Uint8Array.of(1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff),
    version === '89a' ? Uint8Array.of(0x21, 0xf9, 4, 1, 0, 0, 0, 0) : new Uint8Array(0),
    Uint8Array.of(0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b),
  ]);
}

/** A 2×2 24-bit BMP with a 40-byte BITMAPINFOHEADER. */
export function buildBmp(): Uint8Array {
  const rowSize = 8;
  const v = new DataView(new ArrayBuffer(54 + rowSize * 2));
  v.setUint8(0, 0x42);
  v.setUint8(1, 0x4d);
  v.setUint32(2, v.byteLength, true);
  v.setUint32(10, 54, true);
  v.setUint32(14, 40, true);
  v.setInt32(18, 2, true);
  v.setInt32(22, 2, true);
  v.setUint16(26, 1, true);
  v.setUint16(28, 24, true);
  v.setUint32(34, rowSize * 2, true);
  return new Uint8Array(v.buffer);
}

/** A 1×1 8-bit grey uncompressed TIFF (`II`, or `MM` big-endian), or the same as BigTIFF. */
export function buildTiff(kind: 'II' | 'MM' | 'bigtiff' = 'II'): Uint8Array {
  const le = kind !== 'MM';
  if (kind === 'bigtiff') {
    const v = new DataView(new ArrayBuffer(16 + 8 + 20 * 4 + 8 + 1));
    v.setUint8(0, 0x49);
    v.setUint8(1, 0x49);
    v.setUint16(2, 43, true);
    v.setUint16(4, 8, true);
    v.setBigUint64(8, 16n, true);
    v.setBigUint64(16, 4n, true);
    const tags: [number, number, bigint][] = [
      [256, 3, 1n],
      [257, 3, 1n],
      [259, 3, 1n],
      [273, 16, BigInt(16 + 8 + 80 + 8)],
    ];
    tags.forEach(([tag, type, value], i) => {
      const at = 24 + i * 20;
      v.setUint16(at, tag, true);
      v.setUint16(at + 2, type, true);
      v.setBigUint64(at + 4, 1n, true);
      if (type === 3) v.setUint16(at + 12, Number(value), true);
      else v.setBigUint64(at + 12, value, true);
    });
    return new Uint8Array(v.buffer);
  }
  const count = 8;
  const v = new DataView(new ArrayBuffer(8 + 2 + count * 12 + 4 + 1));
  v.setUint8(0, le ? 0x49 : 0x4d);
  v.setUint8(1, le ? 0x49 : 0x4d);
  v.setUint16(2, 42, le);
  v.setUint32(4, 8, le);
  v.setUint16(8, count, le);
  const dataAt = 8 + 2 + count * 12 + 4;
  const tags: [number, number, number][] = [
    [256, 3, 1],
    [257, 3, 1],
    [258, 3, 8],
    [259, 3, 1],
    [262, 3, 1],
    [273, 4, dataAt],
    [278, 3, 1],
    [279, 4, 1],
  ];
  tags.forEach(([tag, type, value], i) => {
    const at = 10 + i * 12;
    v.setUint16(at, tag, le);
    v.setUint16(at + 2, type, le);
    v.setUint32(at + 4, 1, le);
    if (type === 3) v.setUint16(at + 8, value, le);
    else v.setUint32(at + 8, value, le);
  });
  return new Uint8Array(v.buffer);
}

/** PCM WAVE, mono 16-bit 8 kHz, `samples` samples; `extensible` writes WAVE_FORMAT_EXTENSIBLE. */
export function buildWav(samples = 16, extensible = false): Uint8Array {
  const fmtSize = extensible ? 40 : 16;
  const v = new DataView(new ArrayBuffer(12 + 8 + fmtSize + 8 + samples * 2));
  const put = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) v.setUint8(at + i, s.charCodeAt(i));
  };
  put(0, 'RIFF');
  v.setUint32(4, v.byteLength - 8, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  v.setUint32(16, fmtSize, true);
  v.setUint16(20, extensible ? 0xfffe : 1, true);
  v.setUint16(22, 1, true);
  v.setUint32(24, 8000, true);
  v.setUint32(28, 16000, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  if (extensible) v.setUint16(36, 22, true);
  put(20 + fmtSize, 'data');
  v.setUint32(24 + fmtSize, samples * 2, true);
  return new Uint8Array(v.buffer);
}

/** MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, 417 bytes each), optionally after an ID3v2.3 tag. */
export function buildMp3(frames = 3, id3 = false, layer: 1 | 2 | 3 = 3): Uint8Array {
  const layerBits = 4 - layer;
  const b1 = 0xe0 | (3 << 3) | (layerBits << 1) | 1;
  // Bitrate index 9 is 128 kbit/s in layer III, 160 in layer II, 288 in layer I.
  const kbps = layer === 3 ? 128 : layer === 2 ? 160 : 288;
  const length =
    layer === 1 ? Math.floor((12 * kbps * 1000) / 44100) * 4 : Math.floor((144 * kbps * 1000) / 44100);
  const frame = new Uint8Array(length);
  frame.set([0xff, b1, 0x90, 0x44]);
  const tag = id3
    ? concat([latin1('ID3'), Uint8Array.of(3, 0, 0, 0, 0, 0, 10), new Uint8Array(10)])
    : new Uint8Array(0);
  return concat([tag, ...new Array(frames).fill(frame)]);
}

function box(type: string, ...payload: Uint8Array[]): Uint8Array {
  const body = concat(payload);
  const head = new DataView(new ArrayBuffer(8));
  head.setUint32(0, body.length + 8);
  for (let i = 0; i < 4; i++) head.setUint8(4 + i, type.charCodeAt(i));
  return concat([new Uint8Array(head.buffer), body]);
}

/** `ftyp` + `moov(mvhd)`: an MP4 (`isom`) or a QuickTime movie (`qt  `) skeleton. */
export function buildIsoMedia(
  major = 'isom',
  compatible: readonly string[] = ['isom', 'iso2', 'mp41'],
): Uint8Array {
  const mvhd = box('mvhd', new Uint8Array(100));
  return concat([
    box('ftyp', latin1(major), new Uint8Array(4), ...compatible.map(latin1)),
    box('moov', mvhd),
  ]);
}

/** RIFF AVI with `hdrl/avih` (width × height) and an empty `movi` list. */
export function buildAvi(width = 320, height = 240): Uint8Array {
  const avih = new DataView(new ArrayBuffer(56));
  avih.setUint32(32, width, true);
  avih.setUint32(36, height, true);
  const chunk = (id: string, data: Uint8Array) => {
    const h = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 4; i++) h.setUint8(i, id.charCodeAt(i));
    h.setUint32(4, data.length, true);
    return concat([new Uint8Array(h.buffer), data]);
  };
  const hdrl = chunk('LIST', concat([latin1('hdrl'), chunk('avih', new Uint8Array(avih.buffer))]));
  const movi = chunk('LIST', latin1('movi'));
  const body = concat([latin1('AVI '), hdrl, movi]);
  return chunk('RIFF', body);
}

/** An FLV header with audio and video flags and the first PreviousTagSize. */
export function buildFlv(): Uint8Array {
  return concat([latin1('FLV'), Uint8Array.of(1, 5, 0, 0, 0, 9, 0, 0, 0, 0)]);
}

/** An MPEG-2 (or MPEG-1) program stream pack header followed by the end code. */
export function buildMpegPs(mpeg2 = true): Uint8Array {
  const pack = mpeg2
    ? Uint8Array.of(0, 0, 1, 0xba, 0x44, 0, 4, 0, 4, 1, 0x01, 0x89, 0xc3, 0xf8)
    : Uint8Array.of(0, 0, 1, 0xba, 0x21, 0, 1, 0, 1, 0x80, 0x1b, 0x91);
  return concat([pack, Uint8Array.of(0, 0, 1, 0xb9)]);
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return te.encode(text);
}

/** GB 18030 bytes of '档案' (B5 B5 B0 B8). */
export const DANGAN_GB18030 = Uint8Array.of(0xb5, 0xb5, 0xb0, 0xb8);

/** UTF-16 with a BOM. */
export function utf16(text: string, bigEndian = false): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const v = new DataView(out.buffer);
  v.setUint16(0, 0xfeff, !bigEndian);
  for (let i = 0; i < text.length; i++) v.setUint16(2 + i * 2, text.charCodeAt(i), !bigEndian);
  return out;
}
