import type { CatalogueRow } from './types.js';

/** A column of the printed or exported 归档文件目录. */
export interface CatalogueColumn {
  /** The row field it shows. */
  readonly key: keyof CatalogueRow;
  /** Header text. */
  readonly label: string;
  /** Width in characters (XLSX column width). */
  readonly width: number;
}

/**
 * The columns of the 归档文件目录 in DA/T 22-2015 §5.5 order — 序号, 档号, 文号, 责任者, 题名, 日期, 密级, 页数,
 * 备注 (columns: high confidence) — with widths sized for A4 landscape (a proposal). 电子档案名称 is not a
 * printed column; it is written to 文件目录.XML only.
 *
 * @example
 * CATALOGUE_COLUMNS.map((c) => c.label).join(','); // '序号,档号,文号,责任者,题名,日期,密级,页数,备注'
 */
export const CATALOGUE_COLUMNS: readonly CatalogueColumn[] = [
  { key: '序号', label: '序号', width: 6 },
  { key: '档号', label: '档号', width: 26 },
  { key: '文号', label: '文号', width: 18 },
  { key: '责任者', label: '责任者', width: 20 },
  { key: '题名', label: '题名', width: 48 },
  { key: '日期', label: '日期', width: 11 },
  { key: '密级', label: '密级', width: 6 },
  { key: '页数', label: '页数', width: 6 },
  { key: '备注', label: '备注', width: 12 },
];

/** Resolves a `columns` option (row keys) to column definitions; `RangeError` for an unknown key. */
export function resolveColumns(
  keys: readonly (keyof CatalogueRow)[] | undefined,
): readonly CatalogueColumn[] {
  if (keys === undefined) return CATALOGUE_COLUMNS;
  if (!Array.isArray(keys) || keys.length === 0)
    throw new RangeError('columns must be a non-empty array of row keys');
  return keys.map((key) => {
    const known = CATALOGUE_COLUMNS.find((c) => c.key === key);
    if (known !== undefined) return known;
    if (key === '电子档案名称') return { key, label: '电子档案名称', width: 30 };
    throw new RangeError(`unknown catalogue column: ${String(key)}`);
  });
}

/** The text of one cell (`''` for an unknown 页数). */
export function cellText(row: CatalogueRow, key: keyof CatalogueRow): string {
  const v = row[key];
  return v === undefined ? '' : String(v);
}
