import type { FilingCodeInfo } from '../finding-code-info.js';

/**
 * The codes the component file-naming functions throw. Codes are only ever added, never renamed.
 *
 * @example
 * NAMING_FINDING_CODES.FILING_FILE_NAME_TOO_LONG.severity; // 'error'
 */
export const NAMING_FINDING_CODES = {
  FILING_FILE_NAME_INVALID: {
    severity: 'error',
    zh: '无法生成文件名：档号为空（或只剩不可用字符）',
    en: 'no file name can be made: the archival code is empty (or has only unusable characters)',
  },
  FILING_FILE_NAME_TOO_LONG: {
    severity: 'error',
    zh: '文件名超出长度上限：档号、序号和扩展名本身已放不下',
    en: 'the file name exceeds its length budget even with only the archival code, number and extension',
  },
} as const satisfies Record<string, FilingCodeInfo>;

/** A code of {@link NAMING_FINDING_CODES}. */
export type NamingFindingCode = keyof typeof NAMING_FINDING_CODES;
