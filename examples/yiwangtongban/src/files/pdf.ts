/** What the demo's application form says. */
export interface PdfDocument {
  /** Title (Info /Title, UTF-16BE so Chinese survives). */
  readonly title: string;
  readonly author: string;
  /**
   * Lines of text on the page, Chinese allowed (characters of the Basic Multilingual Plane): they are set in
   * the Adobe standard CJK font `STSong-Light` with the `UniGB-UCS2-H` encoding, which PDF readers supply.
   */
  readonly lines: readonly string[];
  /** Creation time, for /CreationDate. */
  readonly created: Date;
}

/**
 * A small, valid PDF 1.7: one A4 page of Chinese text, an Info dictionary with a Chinese title, and a correct
 * cross-reference table — made at run time so the demo needs no binary fixture. The font is not embedded:
 * `STSong-Light` is one of the Adobe-GB1 fonts every CJK-capable reader provides (pdf.js, Poppler, Acrobat);
 * Latin characters (CIDs 1–95) are given a half-em width.
 */
export function makePdf(doc: PdfDocument): Uint8Array {
  const text = doc.lines
    .map((line, i) => `BT /F1 12 Tf 72 ${770 - i * 20} Td <${utf16Hex(line)}> Tj ET`)
    .join('\n');
  const d = doc.created;
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `D:${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    `<< /Title <${utf16Hex(doc.title, true)}> /Author <${utf16Hex(doc.author, true)}> /Producer (dangan demo) /CreationDate (${date}) >>`,
  ];
  let pdf = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(pdf, (c) => c.charCodeAt(0) & 0xff);
}

/** A text string as UTF-16BE hex (with the `FEFF` byte-order mark for PDF text strings such as /Title). */
function utf16Hex(text: string, bom = false): string {
  let hex = bom ? 'FEFF' : '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return hex;
}
