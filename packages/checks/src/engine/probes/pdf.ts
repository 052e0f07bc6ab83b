import type { Finding } from '@dangan/core';
import type { ReadabilityFact } from '../facts.js';
import { latin1 } from './ascii-window.js';

/** The parts of a file the single read kept for probes. */
export interface KeptBytes {
  /** The first bytes (all of them when `complete`). */
  readonly head: Uint8Array;
  /** The last bytes (ending at `size`). */
  readonly tail: Uint8Array;
  /** Size of the whole file. */
  readonly size: number;
  /** `head` is the whole file. */
  readonly complete: boolean;
}

/** What the PDF probe found: readability and whether the trailer names an `/Encrypt` dictionary. */
export interface PdfProbe {
  readonly readability: ReadabilityFact;
  readonly encrypted?: boolean;
}

const CHECKED = 'PDF 文件头、结尾的 %%EOF、startxref 及其指向的交叉引用表（或交叉引用流）与 /Root';
const CHECKED_EN =
  'PDF header, final %%EOF, startxref and the cross-reference table (or stream) it points to, /Root';

/**
 * Probes a PDF's structure from the kept bytes (PDF 可读性探测). **Depth, honestly:** this checks the file
 * frame a reader needs to open the document — the `%PDF-n.m` header, `%%EOF` within the last 1,024 bytes,
 * `startxref` with an offset inside the file, and at that offset a cross-reference table (`xref`) or a
 * cross-reference stream object, and a trailer naming `/Root`. It does not parse the object graph, fonts,
 * content streams or page tree and renders nothing; a deep check needs a PDF validator (veraPDF, a
 * renderer) as a plug-in. When the file is larger than the kept head and tail and `startxref` points
 * between them, the result is `partial`.
 *
 * @example
 * pdfProbe({ head, tail, size, complete: true }, '内容/1.pdf').readability.status; // 'readable'
 */
export function pdfProbe(kept: KeptBytes, path: string): PdfProbe {
  const findings: Finding[] = [];
  const bad = (code: string, message: string, messageEn: string): PdfProbe => ({
    readability: {
      status: 'unreadable',
      checked: CHECKED,
      checkedEn: CHECKED_EN,
      findings: [...findings, { code, severity: 'error', message, messageEn, path }],
    },
  });
  const head = latin1(kept.head.subarray(0, 1024));
  if (!/%PDF-\d\.\d/.test(head)) {
    return bad(
      'CHECK_PDF_HEADER',
      'PDF 文件头（%PDF-n.m）缺失或损坏',
      'PDF header (%PDF-n.m) missing or damaged',
    );
  }
  const tailBytes = kept.complete ? kept.head : kept.tail;
  const tailOffset = kept.size - tailBytes.length;
  const tail = latin1(tailBytes);
  const last1k = tail.slice(Math.max(0, tail.length - 1024));
  if (!last1k.includes('%%EOF')) {
    return bad(
      'CHECK_PDF_EOF',
      '文件末尾 1024 字节内没有 %%EOF：文件可能被截断',
      'No %%EOF in the last 1,024 bytes: the file may be truncated',
    );
  }
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail.slice(Math.max(0, tail.length - 2048)));
  if (sx === null) {
    return bad(
      'CHECK_PDF_STARTXREF',
      '文件尾缺少 startxref 偏移',
      'startxref offset missing at the end of the file',
    );
  }
  const offset = Number(sx[1]);
  if (!(offset > 0 && offset < kept.size)) {
    return bad(
      'CHECK_PDF_STARTXREF',
      `startxref 偏移 ${offset} 超出文件范围（${kept.size} 字节）`,
      `startxref offset ${offset} lies outside the file (${kept.size} bytes)`,
    );
  }
  const encrypted = /\/Encrypt\s*\d+\s+\d+\s+R|\/Encrypt\s*<</.test(tail);
  // The bytes at the offset, from the head or the tail window (or the whole file).
  let at: string | undefined;
  if (offset + 16 <= kept.head.length) at = latin1(kept.head.subarray(offset, offset + 8192));
  else if (offset >= tailOffset) at = tail.slice(offset - tailOffset, offset - tailOffset + 8192);
  if (at === undefined) {
    return {
      readability: {
        status: 'partial',
        checked: `${CHECKED}（startxref 指向的位置在读取窗口之外，未核对交叉引用表）`,
        checkedEn: `${CHECKED_EN} (the startxref target lies outside the kept windows and was not checked)`,
        findings,
      },
      ...(encrypted ? { encrypted } : {}),
    };
  }
  const isTable = /^\s*xref\b/.test(at);
  const isStream = /^\s*\d+\s+\d+\s+obj\b[\s\S]*?\/Type\s*\/XRef/.test(at);
  if (!isTable && !isStream) {
    return bad(
      'CHECK_PDF_XREF',
      `startxref 偏移 ${offset} 处不是交叉引用表或交叉引用流`,
      `No cross-reference table or stream at the startxref offset ${offset}`,
    );
  }
  const trailerAt = tail.lastIndexOf('trailer');
  const dictionary = isTable && trailerAt >= 0 ? tail.slice(trailerAt) : at;
  if (!/\/Root\s*\d+\s+\d+\s+R/.test(dictionary)) {
    return bad(
      'CHECK_PDF_ROOT',
      'PDF 文件尾字典缺少 /Root（文档目录）',
      'The PDF trailer has no /Root (document catalog)',
    );
  }
  return {
    readability: { status: 'readable', checked: CHECKED, checkedEn: CHECKED_EN, findings },
    ...(encrypted ? { encrypted } : {}),
  };
}
