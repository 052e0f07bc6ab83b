import type { FilingCodeInfo } from '../finding-code-info.js';

/**
 * Every code {@link findSequenceGaps} reports, as data (DA/T 70 GD-2-6 连续性元数据项检测: 归档号, 件号 and
 * 件内顺序号 start at the configured number, with no gaps and no duplicates). Codes are only ever added.
 *
 * @example
 * SEQUENCE_FINDING_CODES.FILING_SEQUENCE_GAP.severity; // 'error'
 */
export const SEQUENCE_FINDING_CODES = {
  FILING_SEQUENCE_GAP: {
    severity: 'error',
    zh: '编号不连续（有断号），或不从起始号开始',
    en: 'numbers are missing from the sequence, or it does not begin at the start number',
  },
  FILING_SEQUENCE_DUPLICATE: {
    severity: 'error',
    zh: '编号重复（重号）',
    en: 'a number appears more than once',
  },
  FILING_SEQUENCE_OUT_OF_ORDER: {
    severity: 'warning',
    zh: '编号未按顺序排列（小于同一类别中前一个编号）',
    en: 'a number is smaller than the one before it in the same class',
  },
  FILING_SEQUENCE_VALUE_INVALID: {
    severity: 'error',
    zh: '无法读取的编号或档号，或编号小于起始号',
    en: 'a number or archival code cannot be read, or is below the start number',
  },
} as const satisfies Record<string, FilingCodeInfo>;

/** A code of a sequence finding (see {@link SEQUENCE_FINDING_CODES}). */
export type SequenceFindingCode = keyof typeof SEQUENCE_FINDING_CODES;
