import { deflateRawSync } from 'node:zlib';
import { concat } from './media-builders.js';

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

/** Options of {@link buildPdf}. */
export interface PdfOptions {
  /** The Info dictionary's entries, written as given (`(text)` or `<FEFF…>`). */
  readonly info?: string;
  /** An XMP packet (uncompressed metadata stream). */
  readonly xmp?: string;
  /** An incremental update appending a second Info dictionary with these entries. */
  readonly update?: string;
  /** Bytes of filler content (to push the trailer past a small header limit). */
  readonly filler?: number;
}

/** A small PDF 1.7 with an Info dictionary, optional XMP and an optional incremental update. */
export function buildPdf(options: PdfOptions = {}): Uint8Array {
  // The XMP packet is UTF-8: carry its bytes one per character through the Latin-1 body.
  const xmp =
    options.xmp === undefined ? undefined : String.fromCharCode(...new TextEncoder().encode(options.xmp));
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R${xmp ? ' /Metadata 5 0 R' : ''} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< ${options.info ?? ''} >>`,
  ];
  if (xmp)
    objects.push(`<< /Type /Metadata /Subtype /XML /Length ${xmp.length} >>\nstream\n${xmp}\nendstream`);
  const filler = options.filler ?? 0;
  if (filler > 0) objects.push(`<< /Length ${filler} >>\nstream\n${'%'.repeat(filler)}\nendstream`);
  let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  if (options.update !== undefined) {
    const at = body.length;
    body += `4 0 obj\n<< ${options.update} >>\nendobj\n`;
    const x2 = body.length;
    body += `xref\n4 1\n${String(at).padStart(10, '0')} 00000 n \n`;
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R /Prev ${xref} >>\nstartxref\n${x2}\n%%EOF\n`;
  }
  return latin1(body);
}

/** A PDF text string as a hex string in UTF-16BE with BOM: `<FEFF…>`. */
export function pdfUtf16(text: string): string {
  let hex = 'FEFF';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (code > 0xffff) {
      const v = code - 0x10000;
      hex +=
        (0xd800 + (v >> 10)).toString(16).padStart(4, '0') +
        (0xdc00 + (v & 0x3ff)).toString(16).padStart(4, '0');
    } else hex += code.toString(16).padStart(4, '0');
  }
  return `<${hex.toUpperCase()}>`;
}

/** One entry of {@link buildZip}. */
export interface ZipInput {
  readonly name: string;
  readonly data: Uint8Array | string;
  /** Store instead of deflate. */
  readonly stored?: boolean;
}

/** A ZIP archive with local headers, a central directory and an end record; entries deflated by default. */
export function buildZip(inputs: readonly ZipInput[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const input of inputs) {
    const raw = typeof input.data === 'string' ? new TextEncoder().encode(input.data) : input.data;
    const data = input.stored ? raw : new Uint8Array(deflateRawSync(raw));
    const name = new TextEncoder().encode(input.name);
    const method = input.stored ? 0 : 8;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, method, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, raw.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, method, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, raw.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const directory = concat(...centrals);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, inputs.length, true);
  ev.setUint16(10, inputs.length, true);
  ev.setUint32(12, directory.length, true);
  ev.setUint32(16, offset, true);
  return concat(...locals, directory, end);
}

/** A minimal DOCX whose `docProps/app.xml` names `application` (and `version`). */
export function buildDocx(application: string, version?: string, padding = 0): Uint8Array {
  const app = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template><TotalTime>1</TotalTime><Application>${application}</Application>${version ? `<AppVersion>${version}</AppVersion>` : ''}</Properties>`;
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships/>' },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0"?><w:document>${'x'.repeat(padding)}</w:document>`,
      stored: true,
    },
    { name: 'docProps/app.xml', data: app },
  ]);
}

/** A minimal OFD whose `OFD.xml` DocInfo names `creator` and `version`. */
export function buildOfd(creator: string, version: string): Uint8Array {
  const ofd = `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>abc</ofd:DocID><ofd:Creator>${creator}</ofd:Creator><ofd:CreatorVersion>${version}</ofd:CreatorVersion></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;
  return buildZip([
    { name: 'OFD.xml', data: ofd },
    {
      name: 'Doc_0/Document.xml',
      data: '<?xml version="1.0"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>',
    },
  ]);
}
