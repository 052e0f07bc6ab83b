import type { CellObject, Row } from 'write-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import { type CatalogueColumn, cellText, resolveColumns } from '../catalogue-columns.js';
import type { CatalogueRow } from '../types.js';

/** Options of {@link catalogueToXlsx}. */
export interface CatalogueXlsxOptions {
  /** Worksheet name (default `归档文件目录`; at most 31 characters, no `[ ] : * ? / \`). */
  readonly sheetName?: string;
  /** A title row above the header, spanning all columns (e.g. `2024年度 永久 归档文件目录`); none by default. */
  readonly title?: string;
  /** Columns, as row keys (default the DA/T 22-2015 columns, see `CATALOGUE_COLUMNS`). */
  readonly columns?: readonly (keyof CatalogueRow)[];
  /** Column widths in characters, by row key, overriding the defaults. */
  readonly widths?: Partial<Readonly<Record<keyof CatalogueRow, number>>>;
  /**
   * Font for every cell (e.g. `宋体`); default the workbook's own (Excel: 等线/Calibri 11). Setting a font or
   * size styles each cell, which about doubles write-excel-file's time on large sheets (8.6 s vs 4.5 s for
   * 100,000 rows).
   */
  readonly fontFamily?: string;
  /** Font size in points (e.g. 10.5, 五号); default the workbook's own. */
  readonly fontSize?: number;
  /** Thin borders around every cell, as printed catalogues have (default `true`). */
  readonly borders?: boolean;
}

// Characters XML 1.0 forbids (the writer would drop them silently; show them as U+FFFD instead).
// OOXML strings (ST_Xstring) read `_xHHHH_` as the character U+HHHH. So a literal `_xHHHH_` is written
// `_x005F_xHHHH_`, and a character XML 1.0 cannot hold (a control character, a lone surrogate) — or U+FFFD,
// which write-excel-file would drop — is written as its escape: Excel and openpyxl read the original back.
const OOXML_SPECIAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to escape
  /_x([0-9A-Fa-f]{4})_|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd\ufffe\uffff\ud800-\udfff]/gu;

function cleanText(text: string): string {
  return text.replace(OOXML_SPECIAL, (match, hex: string | undefined) =>
    hex !== undefined
      ? `_x005F_x${hex}_`
      : `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

function checkSheetName(name: string): string {
  if (
    typeof name !== 'string' ||
    name === '' ||
    name.length > 31 ||
    /[[\]:*?/\\]/u.test(name) ||
    /^'|'$/u.test(name)
  ) {
    throw new RangeError(
      "sheetName must be 1–31 characters without [ ] : * ? / \\ and not start or end with '",
    );
  }
  return name;
}

/**
 * The 归档文件目录 as an XLSX workbook (bytes): one sheet, an optional title row, a bold header row, one row per
 * 件, A4 landscape page setup (paper size 9), column widths for A4 landscape, the header row frozen, thin
 * borders. Cells are typed: 序号 and 页数 as numbers, everything else as text — so a title starting with `=`
 * stays text (no formula is ever written; XLSX needs no formula-injection guard). Works in browsers and Node
 * (uses `Blob`); built with write-excel-file.
 *
 * Note: for sheets over about 160 kB of XML (≈ 1,000 rows), write-excel-file's ZIP step (fflate) compresses in
 * a Web Worker created from a `blob:` URL in browsers — a Content-Security-Policy must allow `worker-src blob:`
 * — and in a `worker_threads` worker in Node.
 *
 * @example
 * import { catalogueToXlsx } from '@dangan/metadata/xlsx';
 * const bytes = await catalogueToXlsx(buildCatalogue(items).rows, { title: '2024年度 永久 归档文件目录' });
 */
export async function catalogueToXlsx(
  rows: readonly CatalogueRow[],
  options: CatalogueXlsxOptions = {},
): Promise<Uint8Array> {
  if (!Array.isArray(rows)) throw new TypeError('rows must be an array');
  const columns: readonly CatalogueColumn[] = resolveColumns(options.columns);
  const sheet = checkSheetName(options.sheetName ?? '归档文件目录');
  const { fontFamily, fontSize } = options;
  if (fontSize !== undefined && (typeof fontSize !== 'number' || !(fontSize > 0 && fontSize <= 409))) {
    throw new RangeError('fontSize must be a number in (0, 409]');
  }
  if (fontFamily !== undefined && (typeof fontFamily !== 'string' || fontFamily === '')) {
    throw new RangeError('fontFamily must be a non-empty string');
  }
  const border: CellObject = options.borders === false ? {} : { borderStyle: 'thin', borderColor: '#000000' };
  const data: Row[] = [];
  if (options.title !== undefined) {
    data.push([
      {
        value: cleanText(String(options.title)),
        fontWeight: 'bold',
        fontSize: (fontSize ?? 11) + 4,
        align: 'center',
        columnSpan: columns.length,
      },
      ...columns.slice(1).map(() => null),
    ]);
  }
  data.push(
    columns.map((c) => ({ value: c.label, type: String, fontWeight: 'bold', align: 'center', ...border })),
  );
  for (const row of rows) {
    if (row === null || typeof row !== 'object') throw new TypeError('each row must be a CatalogueRow');
    data.push(
      columns.map((c): CellObject => {
        const v = row[c.key];
        if (typeof v === 'number') return { value: v, type: Number, ...border };
        // Only the long column wraps: every extra style property costs write-excel-file time per cell.
        const cell: CellObject = { value: cleanText(cellText(row, c.key)), type: String, ...border };
        return c.key === '题名' ? { ...cell, wrap: true } : cell;
      }),
    );
  }
  const blob = await writeXlsxFile(
    data,
    {
      sheet,
      orientation: 'landscape',
      stickyRowsCount: options.title === undefined ? 1 : 2,
      columns: columns.map((c) => ({ width: options.widths?.[c.key] ?? c.width })),
    },
    { ...(fontFamily === undefined ? {} : { fontFamily }), ...(fontSize === undefined ? {} : { fontSize }) },
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
