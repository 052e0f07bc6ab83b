/** What the demo's application form says. */
export interface PdfDocument {
  /** Title (Info /Title, UTF-16BE so Chinese survives). */
  readonly title: string;
  readonly author: string;
  /** Lines of text on the page (ASCII: the standard Helvetica font has no Chinese glyphs). */
  readonly lines: readonly string[];
  /** Creation time, for /CreationDate. */
  readonly created: Date;
}

/**
 * A small, valid PDF 1.7: one A4 page of text, an Info dictionary with a Chinese title, and a correct
 * cross-reference table — made at run time so the demo needs no binary fixture.
 */
export function makePdf(doc: PdfDocument): Uint8Array {
  const text = doc.lines
    .map(
      (line, i) => `BT /F1 12 Tf 72 ${770 - i * 18} Td (${line.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj ET`,
    )
    .join('\n');
  const d = doc.created;
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `D:${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Title <${utf16Hex(doc.title)}> /Author <${utf16Hex(doc.author)}> /Producer (dangan demo) /CreationDate (${date}) >>`,
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
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(pdf, (c) => c.charCodeAt(0) & 0xff);
}

/** A text string as `FEFF` + UTF-16BE hex (PDF's way to write non-Latin text). */
function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return hex;
}
