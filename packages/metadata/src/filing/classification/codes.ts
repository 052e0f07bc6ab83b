import type { FilingCodeInfo } from '../finding-code-info.js';

/**
 * Every code {@link classify} and {@link defineClassificationScheme} report or throw, as data. Codes are only
 * ever added, never renamed.
 *
 * @example
 * CLASSIFICATION_FINDING_CODES.FILING_CLASSIFICATION_VALUE_MISSING.severity; // 'error'
 */
export const CLASSIFICATION_FINDING_CODES = {
  FILING_CLASSIFICATION_VALUE_MISSING: {
    severity: 'error',
    zh: '分类方案某一级所需的值（年度、保管期限、机构或问题）缺失',
    en: 'a value a level of the classification scheme needs (year, retention, organisation or subject) is missing',
  },
  FILING_CLASSIFICATION_VALUE_INVALID: {
    severity: 'error',
    zh: '分类所用的值无法读取（年度不是 4 位年份、保管期限无法识别等）',
    en: 'a value used to classify cannot be read (year not 4 digits, unknown retention …)',
  },
  FILING_CLASSIFICATION_FONDS_MISMATCH: {
    severity: 'error',
    zh: '记录的全宗号与分类方案所属全宗不一致（一个全宗使用一个分类方案）',
    en: 'the record belongs to another fonds than the scheme (one scheme per fonds)',
  },
  FILING_CLASSIFICATION_CODE_UNMAPPED: {
    severity: 'warning',
    zh: '机构（问题）不在分类方案的代码表中，按原值使用',
    en: 'the organisation or subject is not in the scheme’s code table and is used as given',
  },
  FILING_CLASSIFICATION_INCOMPLETE: {
    severity: 'error',
    zh: '无法完成分类，不能编制档号（thrown：findings 中是缺失或无法读取的值）',
    en: 'the record cannot be classified, so no archival code can be assigned (thrown)',
  },
  FILING_CLASSIFICATION_SCHEME_INVALID: {
    severity: 'error',
    zh: '分类方案不合格（级别未知或重复、机构与问题同时使用等）',
    en: 'the classification scheme is invalid (unknown or repeated levels, both organisation and subject …)',
  },
} as const satisfies Record<string, FilingCodeInfo>;

/** A code of a classification finding (see {@link CLASSIFICATION_FINDING_CODES}). */
export type ClassificationFindingCode = keyof typeof CLASSIFICATION_FINDING_CODES;
