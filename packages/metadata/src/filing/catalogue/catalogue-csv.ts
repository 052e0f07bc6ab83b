import { type SafeResult, safely } from '@dangan/core';
import { cellText, resolveColumns } from './catalogue-columns.js';
import { type CatalogueEncoding, checkEncoding, encodeText } from './text-encoding.js';
import type { CatalogueRow } from './types.js';

/** Options of {@link catalogueToCsv}. */
export interface CatalogueCsvOptions {
  /** Output encoding (default `utf-8`). */
  readonly encoding?: CatalogueEncoding;
  /**
   * Start UTF-8 output with a byte order mark (default `true`: Excel on Chinese Windows reads BOM-less UTF-8
   * CSV as GBK). Not written for GB18030.
   */
  readonly bom?: boolean;
  /** Write the header row (default `true`). */
  readonly header?: boolean;
  /** Line end (default `\r\n`, RFC 4180). */
  readonly newline?: '\r\n' | '\n';
  /** Columns, as row keys (default the DA/T 22-2015 columns, see `CATALOGUE_COLUMNS`). */
  readonly columns?: readonly (keyof CatalogueRow)[];
  /**
   * Guard against formula injection (default `true`): a text cell that starts with `=`, `+`, `-`, `@`, a tab or a
   * carriage return gets a leading `'`, so spreadsheet programs show it as text instead of running it (OWASP
   * "CSV injection"). The apostrophe is visible to programs that read the CSV as data; turn the guard off for
   * machine-only exchange.
   */
  readonly formulaGuard?: boolean;
  /** For GB18030: what to do with a character it cannot represent (default `error`; `replace` writes `?`). */
  readonly unmappable?: 'error' | 'replace';
}

const FORMULA_START = /^[=+\-@\t\r]/u;
const NEEDS_QUOTES = /[",\r\n]/u;

/**
 * The cell as CSV: formula-guarded (see {@link CatalogueCsvOptions.formulaGuard}) and quoted per RFC 4180 when
 * it holds a comma, a quote or a line break (quotes doubled).
 *
 * @example
 * csvCell('=HYPERLINK("x")'); // '"\'=HYPERLINK(""x"")"'
 */
export function csvCell(text: string, formulaGuard = true): string {
  const guarded = formulaGuard && FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/gu, '""')}"` : guarded;
}

/**
 * The catalogue as CSV text (no byte order mark); see {@link catalogueToCsv}.
 *
 * @example
 * catalogueCsvText(rows, { newline: '\n' }).split('\n')[0]; // '序号,档号,文号,责任者,题名,日期,密级,页数,备注'
 */
export function catalogueCsvText(rows: readonly CatalogueRow[], options: CatalogueCsvOptions = {}): string {
  if (!Array.isArray(rows)) throw new TypeError('rows must be an array');
  const columns = resolveColumns(options.columns);
  const newline = options.newline ?? '\r\n';
  if (newline !== '\r\n' && newline !== '\n') throw new RangeError("newline must be '\\r\\n' or '\\n'");
  const guard = options.formulaGuard ?? true;
  const lines: string[] = [];
  if (options.header ?? true) lines.push(columns.map((c) => csvCell(c.label, guard)).join(','));
  for (const row of rows) {
    if (row === null || typeof row !== 'object') throw new TypeError('each row must be a CatalogueRow');
    lines.push(
      columns
        .map((c) => {
          const v = row[c.key];
          // Numbers (序号, 页数) are written as they are; text is guarded.
          return typeof v === 'number' ? String(v) : csvCell(cellText(row, c.key), guard);
        })
        .join(','),
    );
  }
  return lines.length === 0 ? '' : lines.join(newline) + newline;
}

/**
 * The 归档文件目录 as CSV bytes (RFC 4180: comma-separated, `\r\n` line ends, fields with `,` `"` or line breaks
 * quoted), UTF-8 with a byte order mark by default or GB18030, with a formula-injection guard (cells starting
 * with `= + - @` get a leading `'`; see the option).
 *
 * @example
 * const bytes = catalogueToCsv(buildCatalogue(items).rows, { encoding: 'gb18030' });
 */
export function catalogueToCsv(rows: readonly CatalogueRow[], options: CatalogueCsvOptions = {}): Uint8Array {
  const encoding = checkEncoding(options.encoding ?? 'utf-8');
  const text = catalogueCsvText(rows, options);
  const bom = encoding === 'utf-8' && (options.bom ?? true);
  return encodeText(
    bom ? `\ufeff${text}` : text,
    encoding,
    options.unmappable === 'replace' ? { fallback: () => '?' } : {},
  );
}

/**
 * {@link catalogueToCsv} as a result (fails on a character GB18030 cannot represent, or a runtime without a
 * GB18030 decoder).
 *
 * @example
 * const r = safeCatalogueToCsv(rows, { encoding: 'gb18030' });
 */
export function safeCatalogueToCsv(
  rows: readonly CatalogueRow[],
  options: CatalogueCsvOptions = {},
): SafeResult<Uint8Array> {
  return safely(() => catalogueToCsv(rows, options));
}
