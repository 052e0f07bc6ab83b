import { DanganError, type Finding, type SafeResult, safely } from '@dangan/core';
import { parseRetention, type Retention } from '../retention-period.js';
import { isMetadataRecord, objectAt, textAt } from './record-fields.js';

/**
 * The fields of the 归档章 (archiving stamp, DA/T 22-2015 §5.4.5, filing-rules §7.1; medium): 必备项 全宗号,
 * 年度, 保管期限, 件号, 页数; 选择项 机构(问题).
 */
export interface ArchivingStampFields {
  readonly 全宗号: string;
  readonly 年度: string;
  /** 保管期限 as words (`永久`, `定期30年`) or, with `retention: 'code'`, as the code (`Y`, `D30`). */
  readonly 保管期限: string;
  /** 件号, zero-padded to `itemWidth` (default 4, as in the 档号). */
  readonly 件号: string;
  readonly 页数: number;
  /** 机构(问题) code or name, when the scheme classifies by it. */
  readonly 机构或问题?: string;
}

/** The facts a 归档章 is filled from, when not taken from a record. */
export interface ArchivingStampInput {
  readonly 全宗号?: string | undefined;
  readonly 年度?: string | number | undefined;
  readonly 保管期限?: string | undefined;
  readonly 件号?: string | number | undefined;
  readonly 页数?: number | undefined;
  readonly 机构或问题?: string | undefined;
}

/** Options of {@link archivingStampFields}. */
export interface ArchivingStampOptions {
  /** Digits of 件号, zero-padded (default 4; `0` writes the number as it is). */
  readonly itemWidth?: number;
  /** Write 保管期限 as words (default) or as its 档号 code. */
  readonly retention?: 'words' | 'code';
}

/** One cell of the stamp's 2 × 3 grid. */
export interface ArchivingStampCell {
  /** Which field (`机构或问题` for the optional one). */
  readonly field: keyof ArchivingStampFields;
  /** Label printed in the cell (`机构(问题)`). */
  readonly label: string;
}

/**
 * The 归档章 layout (DA/T 22-2015 §5.4.5; medium): two rows of three cells, 全宗号 · 年度 · 件号 over
 * 机构(问题) · 保管期限 · 页数. The 45 mm × 16 mm size of older practice is low confidence and left to the host.
 *
 * @example
 * ARCHIVING_STAMP_LAYOUT[0]?.map((c) => c.label); // ['全宗号', '年度', '件号']
 */
export const ARCHIVING_STAMP_LAYOUT: readonly (readonly ArchivingStampCell[])[] = [
  [
    { field: '全宗号', label: '全宗号' },
    { field: '年度', label: '年度' },
    { field: '件号', label: '件号' },
  ],
  [
    { field: '机构或问题', label: '机构(问题)' },
    { field: '保管期限', label: '保管期限' },
    { field: '页数', label: '页数' },
  ],
];

function readInput(input: unknown): ArchivingStampInput {
  if (isMetadataRecord(input)) {
    const parts = objectAt(input, '文件实体', '档号');
    const pages = objectAt(input, '文件实体', '形式特征')?.页数;
    return {
      全宗号: textAt(parts, '全宗号'),
      年度: textAt(parts, '年度'),
      保管期限: textAt(parts, '保管期限'),
      件号: textAt(parts, '室编件号') ?? textAt(parts, '馆编件号'),
      页数: typeof pages === 'number' ? pages : undefined,
      机构或问题: textAt(parts, '机构或问题'),
    };
  }
  if (input === null || typeof input !== 'object') throw new TypeError('input must be a record or an object');
  return input as ArchivingStampInput;
}

/**
 * The values to print on the 归档章 of a 件, from a DA/T 46 / 一网通办 record (文件实体.档号's 全宗号, 年度,
 * 保管期限, 机构或问题, 室编件号 or 馆编件号; 形式特征.页数) or from the facts given directly. Throws
 * `DanganError('FILING_STAMP_FIELD_MISSING')` / `'FILING_STAMP_FIELD_INVALID'` naming each missing or invalid
 * 必备项 (use {@link safeArchivingStampFields} for the findings).
 *
 * @example
 * archivingStampFields({ 全宗号: 'Z109', 年度: 2011, 保管期限: 'Y', 件号: 1, 页数: 10, 机构或问题: '办公室' });
 * // { 全宗号: 'Z109', 年度: '2011', 保管期限: '永久', 件号: '0001', 页数: 10, 机构或问题: '办公室' }
 */
export function archivingStampFields(
  input: ArchivingStampInput | Readonly<Record<string, unknown>>,
  options: ArchivingStampOptions = {},
): ArchivingStampFields {
  const width = options.itemWidth ?? 4;
  if (!Number.isInteger(width) || width < 0 || width > 9)
    throw new RangeError('itemWidth must be an integer from 0 to 9');
  const f = readInput(input);
  const problems: Finding[] = [];
  const missing = (field: string, element: string) =>
    problems.push({
      code: 'FILING_STAMP_FIELD_MISSING',
      severity: 'error',
      message: `归档章必备项“${field}”缺失`,
      messageEn: `The archiving stamp lacks ${field}`,
      path: `/${field}`,
      element,
    });
  const invalid = (field: string, value: unknown, element: string, expected: string) =>
    problems.push({
      code: 'FILING_STAMP_FIELD_INVALID',
      severity: 'error',
      message: `归档章“${field}”的值“${String(value)}”无效（应为${expected}）`,
      messageEn: `The archiving stamp's ${field} "${String(value)}" is invalid`,
      path: `/${field}`,
      element,
    });
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

  const fonds = text(f.全宗号);
  if (fonds === '') missing('全宗号', 'M9');
  const year = text(f.年度);
  if (year === '') missing('年度', 'M11');
  else if (!/^\d{4}$/u.test(year)) invalid('年度', f.年度, 'M11', '4 位数字');
  let retention: Retention | undefined;
  const retentionText = text(f.保管期限);
  if (retentionText === '') missing('保管期限', 'M12');
  else {
    try {
      retention = parseRetention(retentionText);
    } catch {
      invalid('保管期限', f.保管期限, 'M12', '永久、定期N年或 Y、DN');
    }
  }
  const itemText = text(f.件号);
  if (itemText === '') missing('件号', 'M17');
  else if (!/^\d+$/u.test(itemText) || Number(itemText) < 1) invalid('件号', f.件号, 'M17', '正整数');
  const pages = f.页数;
  if (pages === undefined || pages === null) missing('页数', 'M43');
  else if (typeof pages !== 'number' || !Number.isSafeInteger(pages) || pages < 1) {
    invalid('页数', pages, 'M43', '正整数');
  }
  if (problems.length > 0) {
    throw new DanganError(
      problems.some((p) => p.code === 'FILING_STAMP_FIELD_MISSING')
        ? 'FILING_STAMP_FIELD_MISSING'
        : 'FILING_STAMP_FIELD_INVALID',
      `归档章无法填写：${problems.map((p) => p.message).join('；')}`,
      { messageEn: 'The archiving stamp cannot be filled in', findings: problems },
    );
  }
  const org = text(f.机构或问题);
  const item = String(Number(itemText)).padStart(width, '0');
  return {
    全宗号: fonds,
    年度: year,
    保管期限: options.retention === 'code' ? retention!.code : retention!.period,
    件号: item,
    页数: pages as number,
    ...(org === '' ? {} : { 机构或问题: org }),
  };
}

/**
 * {@link archivingStampFields} as a result.
 *
 * @example
 * safeArchivingStampFields({ 全宗号: 'Z109' }).ok; // false — 年度, 保管期限, 件号, 页数 missing
 */
export function safeArchivingStampFields(
  input: ArchivingStampInput | Readonly<Record<string, unknown>>,
  options: ArchivingStampOptions = {},
): SafeResult<ArchivingStampFields> {
  return safely(() => archivingStampFields(input, options));
}

/**
 * The stamp as its 2 × 3 grid of `{ label, value }` ({@link ARCHIVING_STAMP_LAYOUT}); the optional 机构(问题)
 * cell is `''` when absent.
 *
 * @example
 * archivingStampGrid(fields)[1]?.[1]; // { label: '保管期限', value: '永久' }
 */
export function archivingStampGrid(fields: ArchivingStampFields): { label: string; value: string }[][] {
  return ARCHIVING_STAMP_LAYOUT.map((row) =>
    row.map((cell) => ({ label: cell.label, value: String(fields[cell.field] ?? '') })),
  );
}
