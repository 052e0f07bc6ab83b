import type { FilingCodeInfo } from '../finding-code-info.js';

/**
 * The codes the catalogue (归档文件目录), its renderers and the 归档章 functions report or throw. Codes are
 * only ever added, never renamed.
 *
 * @example
 * CATALOGUE_FINDING_CODES.FILING_CATALOGUE_TITLE_SUPPLIED.severity; // 'info'
 */
export const CATALOGUE_FINDING_CODES = {
  FILING_CATALOGUE_INVALID: {
    severity: 'error',
    zh: '归档文件目录无法编制（thrown：findings 中是各条目的问题）',
    en: 'the catalogue cannot be built (thrown; the findings name each entry)',
  },
  FILING_CATALOGUE_ENTRY_INVALID: {
    severity: 'error',
    zh: '目录条目不是对象',
    en: 'a catalogue entry is not an object',
  },
  FILING_CATALOGUE_ARCHIVAL_CODE_MISSING: {
    severity: 'error',
    zh: '条目缺少档号（或档号的组成部分不全）',
    en: 'an entry has no archival code (or lacks parts to write one)',
  },
  FILING_CATALOGUE_ARCHIVAL_CODE_DUPLICATE: {
    severity: 'error',
    zh: '档号重复：归档文件目录一件一条',
    en: 'duplicate archival code: the catalogue has one entry per item',
  },
  FILING_CATALOGUE_DATE_INVALID: {
    severity: 'error',
    zh: '日期缺失或不是有效日期（应为 YYYY-MM-DD 或 YYYYMMDD）',
    en: 'the date is missing or invalid (expected YYYY-MM-DD or YYYYMMDD)',
  },
  FILING_CATALOGUE_TITLE_MISSING: {
    severity: 'error',
    zh: '题名缺失，也没有可拟写的题名',
    en: 'the title is missing and no title can be supplied',
  },
  FILING_CATALOGUE_TITLE_SUPPLIED: {
    severity: 'info',
    zh: '题名缺失，著录拟写的题名并加“[ ]”',
    en: 'the title is missing; a supplied title is written in [ ]',
  },
  FILING_CATALOGUE_FIELD_MISSING: {
    severity: 'warning',
    zh: '责任者或密级缺失，该栏留空',
    en: 'the author or security classification is missing; the cell is left blank',
  },
  FILING_CATALOGUE_CLASSIFICATION_UNKNOWN: {
    severity: 'warning',
    zh: '密级不在允许的取值中',
    en: 'the security classification is not one of the allowed values',
  },
  FILING_CATALOGUE_PAGES_INVALID: {
    severity: 'error',
    zh: '页数不是非负整数',
    en: 'the page count is not a non-negative integer',
  },
  ENCODING_UNMAPPABLE: {
    severity: 'error',
    zh: '文本中有无法用所选编码表示的字符',
    en: 'the text has a character the chosen encoding cannot represent',
  },
  ENCODING_UNSUPPORTED: {
    severity: 'error',
    zh: '当前 JavaScript 运行环境没有 GB18030 解码器（如未带完整 ICU 的 Node），无法输出 GB18030',
    en: 'this JavaScript runtime has no GB18030 decoder (e.g. Node without full ICU); GB18030 output is unavailable',
  },
  FILING_STAMP_FIELD_MISSING: {
    severity: 'error',
    zh: '归档章必备项缺失（全宗号、年度、保管期限、件号、页数）',
    en: 'a required archiving-stamp field is missing (fonds, year, retention, item number, pages)',
  },
  FILING_STAMP_FIELD_INVALID: {
    severity: 'error',
    zh: '归档章的某项取值无效（年度、保管期限、件号或页数）',
    en: 'an archiving-stamp field has an invalid value (year, retention, item number or pages)',
  },
} as const satisfies Record<string, FilingCodeInfo>;

/** A code of {@link CATALOGUE_FINDING_CODES}. */
export type CatalogueFindingCode = keyof typeof CATALOGUE_FINDING_CODES;
