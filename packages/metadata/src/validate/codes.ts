import type { Severity } from '@dangan/core';

/** What one metadata finding code means, and where DA/T 70 puts it. */
export interface MetadataFindingCodeInfo {
  /** Severity unless the caller changes it (`ValidateRecordOptions.severity`, `unknownElements`). */
  readonly severity: Severity;
  /** What the code means, in Chinese. */
  readonly zh: string;
  /** What the code means, in English. */
  readonly en: string;
  /** The DA/T 70 检测项目 group (`1-2` 电子文件元数据准确性, `2-2` 电子文件元数据完整性). */
  readonly dat70Group: string;
  /**
   * The 归档 (GD) check item the finding belongs to. Items GD-1-2…GD-1-6, GD-2-3 and GD-2-4 are the
   * reconstruction in `checks-dat70.md` §4 (high / medium confidence); which item a structural problem
   * (not an object, repeatability, unknown element) falls under is dangan's reading (low confidence).
   */
  readonly gdItem: string;
}

/**
 * Every code {@link checkRecord} reports, as data: default severity, meaning, and the DA/T 70 group and GD
 * item the checks package files it under. Codes are only ever added, never renamed.
 *
 * Each finding also carries its item in `Finding.item` (usually `gdItem`; a page count of 0 reports
 * `METADATA_TYPE_INVALID` under the plausibility item GD-1-5).
 *
 * @example
 * METADATA_FINDING_CODES.METADATA_REQUIRED_MISSING.gdItem; // 'GD-2-4'
 */
export const METADATA_FINDING_CODES = {
  METADATA_NOT_AN_OBJECT: {
    severity: 'error',
    zh: '元数据记录不是对象',
    en: 'the record is not an object',
    dat70Group: '2-2',
    gdItem: 'GD-2-3',
  },
  METADATA_REQUIRED_MISSING: {
    severity: 'error',
    zh: '必选元素缺失',
    en: 'mandatory element missing',
    dat70Group: '2-2',
    gdItem: 'GD-2-4',
  },
  METADATA_CONDITION_UNMET: {
    severity: 'error',
    zh: '条件选元素在条件成立时缺失',
    en: 'conditional element missing while its condition holds',
    dat70Group: '2-2',
    gdItem: 'GD-2-4',
  },
  METADATA_EMPTY_VALUE: {
    severity: 'error',
    zh: '元素存在但值为空',
    en: 'element present with an empty or blank value',
    dat70Group: '2-2',
    gdItem: 'GD-2-4',
  },
  METADATA_TYPE_INVALID: {
    severity: 'error',
    zh: '数据类型不符',
    en: 'wrong data type',
    dat70Group: '1-2',
    gdItem: 'GD-1-3',
  },
  METADATA_FORMAT_INVALID: {
    severity: 'error',
    zh: '数据格式不符',
    en: 'wrong format',
    dat70Group: '1-2',
    gdItem: 'GD-1-3',
  },
  METADATA_OUT_OF_DOMAIN: {
    severity: 'error',
    zh: '值不在值域内',
    en: 'value outside the value domain',
    dat70Group: '1-2',
    gdItem: 'GD-1-4',
  },
  METADATA_LEGACY_VALUE: {
    severity: 'warning',
    zh: '使用了旧值',
    en: 'legacy value',
    dat70Group: '1-2',
    gdItem: 'GD-1-4',
  },
  METADATA_TOO_LONG: {
    severity: 'error',
    zh: '值超过长度上限',
    en: 'value longer than allowed',
    dat70Group: '1-2',
    gdItem: 'GD-1-2',
  },
  METADATA_NOT_REPEATABLE: {
    severity: 'error',
    zh: '不可重复的元素写成了数组',
    en: 'array given for a non-repeatable element',
    dat70Group: '2-2',
    gdItem: 'GD-2-3',
  },
  METADATA_EXPECTED_LIST: {
    severity: 'error',
    zh: '可重复元素应写作数组',
    en: 'repeatable element must be an array',
    dat70Group: '2-2',
    gdItem: 'GD-2-3',
  },
  METADATA_ILLEGAL_CHARACTER: {
    severity: 'error',
    zh: '含非法字符',
    en: 'illegal character',
    dat70Group: '1-2',
    gdItem: 'GD-1-6',
  },
  METADATA_PRIVATE_USE_CHARACTER: {
    severity: 'warning',
    zh: '含私用区字符',
    en: 'private-use character',
    dat70Group: '1-2',
    gdItem: 'GD-1-6',
  },
  METADATA_FUTURE_DATE: {
    severity: 'error',
    zh: '日期晚于当前时间',
    en: 'date in the future',
    dat70Group: '1-2',
    gdItem: 'GD-1-5',
  },
  METADATA_YEAR_MISMATCH: {
    severity: 'error',
    zh: '年度与日期不一致',
    en: 'year does not match the date',
    dat70Group: '1-2',
    gdItem: 'GD-1-5',
  },
  METADATA_DATE_ORDER: {
    severity: 'error',
    zh: '日期先后顺序不合理',
    en: 'dates out of order',
    dat70Group: '1-2',
    gdItem: 'GD-1-5',
  },
  METADATA_UNKNOWN_ELEMENT: {
    severity: 'error',
    zh: '方案中没有的元素',
    en: 'element not in the scheme',
    dat70Group: '2-2',
    gdItem: 'GD-2-3',
  },
} as const satisfies { readonly [code: string]: MetadataFindingCodeInfo };

/** A code of a metadata validation finding (see {@link METADATA_FINDING_CODES}). */
export type MetadataFindingCode = keyof typeof METADATA_FINDING_CODES;
