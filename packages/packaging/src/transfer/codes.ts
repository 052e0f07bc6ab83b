import { DanganError, type Finding, type Severity } from '@dangan/core';

/** What one 移交信息包 finding or error code means. */
export interface TransferCodeInfo {
  /** Severity of the finding (`error` for codes that are thrown). */
  readonly severity: Severity;
  /** What the code means, in Chinese. */
  readonly zh: string;
  /** What the code means, in English. */
  readonly en: string;
  /**
   * The DA/T 70 移交与接收 (YJ) check group the finding feeds, where one applies. The YJ item numbers are not
   * public (checks-dat70 §5, low confidence), so only the group is named; the checks package decides the item.
   */
  readonly group?: '1-5' | '2-1' | '2-4' | '3-2' | '4-2';
}

/**
 * The codes the 移交信息包 builder (`buildTransferPackage`) throws or reports and the 清点 (`inventoryPackage`)
 * reports, with the DA/T 70 YJ group each feeds. Codes are only ever added, never renamed.
 *
 * @example
 * TRANSFER_FINDING_CODES.TRANSFER_FILE_CHANGED.group; // '1-5'
 */
export const TRANSFER_FINDING_CODES = {
  // building
  TRANSFER_INPUT_INVALID: { severity: 'error', zh: '移交输入无效', en: 'the transfer input is invalid' },
  TRANSFER_NOTHING_SELECTED: {
    severity: 'error',
    zh: '没有符合移交范围的件',
    en: 'no item is in the transfer scope',
  },
  TRANSFER_ITEM_EXCLUDED: {
    severity: 'info',
    zh: '件不在移交范围内（保管期限不足、缺失或无法识别，或宿主排除）',
    en: 'an item is outside the transfer scope',
  },
  TRANSFER_ITEM_NAME_INVALID: {
    severity: 'error',
    zh: '件的名称不能用作文件夹名',
    en: 'an item name cannot be used as a folder name',
  },
  TRANSFER_ITEM_NAME_DUPLICATE: {
    severity: 'error',
    zh: '件的名称重复（不区分大小写）',
    en: 'two items have the same name (ignoring case)',
  },
  TRANSFER_ITEM_GROUP_UNKNOWN: {
    severity: 'error',
    zh: '无法确定件的年度、门类或保管期限，无法排列',
    en: "an item's year, category or retention cannot be determined for the arrangement",
  },
  TRANSFER_ENTRY_INVALID: {
    severity: 'error',
    zh: '件的文件条目无效（路径不安全或重复）',
    en: "an item's file entry is invalid (unsafe or duplicate path)",
  },
  TRANSFER_ENTRY_SIZE_UNKNOWN: {
    severity: 'error',
    zh: '离线移交需要预先知道文件大小，但该来源只能读取一次且未给出大小',
    en: 'offline transfer needs the size up front, but the source can be read only once and gives none',
  },
  TRANSFER_ENTRY_SIZE_CHANGED: {
    severity: 'error',
    zh: '写入的字节数与规划时的大小不一致（来源在移交过程中被改动）',
    en: 'the bytes written differ from the size planned (the source changed during the transfer)',
  },
  TRANSFER_ITEM_TOO_LARGE: {
    severity: 'error',
    zh: '一件（或一个办件）的大小超过单张载体的容量，不能拆分到多张载体',
    en: 'an item is larger than one carrier and may not be split across carriers',
  },
  TRANSFER_CAPACITY_INVALID: {
    severity: 'error',
    zh: '载体容量无法识别',
    en: 'the carrier capacity cannot be read',
  },
  TRANSFER_PLAN_FAILED: {
    severity: 'error',
    zh: '无法把移交内容排入给定容量的载体',
    en: 'the content cannot be fitted onto carriers of the given capacity',
  },
  TRANSFER_ARCHIVAL_PACKAGE_INVALID: {
    severity: 'error',
    zh: '归档信息包不完整、无法读取，或其中的件无法作为移交单位件（缺记录、文件重名），不能据以移交',
    en: 'an archival package is incomplete or unreadable, or one of its items cannot become a transfer item',
  },
  TRANSFER_ARCHIVAL_FILE_CHANGED: {
    severity: 'error',
    zh: '移交时归档信息包中的文件与其清单记录的大小或摘要不符（归档后被改动）',
    en: "a file of an archival package no longer matches its manifest's size or digest",
    group: '1-5',
  },
  TRANSFER_OTHER_DOCUMENT_REFUSED: {
    severity: 'error',
    zh: '“其他”文件夹只能存放 TXT、XML 或长期保存格式的文件',
    en: 'the 其他 folder accepts only TXT, XML or long-term preservation formats',
    group: '3-2',
  },
  TRANSFER_TEXT_UNENCODABLE: {
    severity: 'error',
    zh: '文本含有所选编码无法表示的字符',
    en: 'the text has a character the chosen encoding cannot represent',
  },
  TRANSFER_WRITE_FAILED: {
    severity: 'error',
    zh: '写入移交信息包失败，已中止全部载体',
    en: 'writing the transfer package failed; every carrier was aborted',
  },
  TRANSFER_README_FIELD_EMPTY: {
    severity: 'warning',
    zh: '说明文件的字段为空，移交前应补全',
    en: 'a field of 说明文件.TXT is empty; fill it in before the transfer',
  },
  // 清点 (inventory)
  TRANSFER_LAYOUT_MISSING: {
    severity: 'error',
    zh: '载体缺少规定的组成部分（说明文件、目录文件、电子档案或其他文件夹）',
    en: 'the carrier lacks a required part of the layout',
    group: '1-5',
  },
  TRANSFER_LAYOUT_NAME_CASE: {
    severity: 'warning',
    zh: '组成部分的名称大小写与规定不同',
    en: 'a part of the layout is named with different letter case',
    group: '1-5',
  },
  TRANSFER_EXTRA_FILE: {
    severity: 'error',
    zh: '载体上有规定结构以外的文件（或未列入目录的电子档案）',
    en: 'a file on the carrier is outside the layout (or not in the catalogue)',
    group: '4-2',
  },
  TRANSFER_README_UNREADABLE: {
    severity: 'error',
    zh: '说明文件无法读取（既不是 UTF-8 也不是 GB18030，或过大）',
    en: '说明文件.TXT cannot be read (neither UTF-8 nor GB18030, or too large)',
    group: '1-5',
  },
  TRANSFER_README_FIELD_MISSING: {
    severity: 'warning',
    zh: '说明文件缺少字段',
    en: '说明文件.TXT lacks a field',
    group: '1-5',
  },
  TRANSFER_CATALOGUE_MALFORMED: {
    severity: 'error',
    zh: '目录文件（文件目录.XML / 案卷目录.XML）不是格式良好的 XML 或结构不符',
    en: 'the catalogue XML is not well-formed or has the wrong structure',
    group: '1-5',
  },
  TRANSFER_CATALOGUE_ENTRY_INVALID: {
    severity: 'error',
    zh: '目录条目缺少档号或电子档案名称，或重复',
    en: 'a catalogue entry lacks its archival code or record name, or repeats one',
    group: '1-5',
  },
  TRANSFER_CATALOGUE_ITEM_MISSING: {
    severity: 'error',
    zh: '目录中的电子档案在“电子档案”文件夹中找不到',
    en: 'a catalogued record is not found in the 电子档案 folder',
    group: '2-4',
  },
  TRANSFER_CATALOGUE_ITEM_AMBIGUOUS: {
    severity: 'warning',
    zh: '目录中的电子档案名称对应多个文件夹',
    en: 'a catalogued record name matches several folders',
    group: '2-4',
  },
  TRANSFER_GROUP_UNKNOWN: {
    severity: 'info',
    zh: '无法从档号推得门类、年度或保管期限，分类统计未与登记表比较',
    en: 'category, year or retention cannot be read from an archival code; the breakdown was not compared',
  },
  TRANSFER_REGISTRATION_MISSING: {
    severity: 'error',
    zh: '其他文件夹中没有移交与接收登记表',
    en: 'the 其他 folder has no 移交与接收登记表',
    group: '2-1',
  },
  TRANSFER_REGISTRATION_MALFORMED: {
    severity: 'error',
    zh: '移交与接收登记表无法读取或数值无效',
    en: 'the 移交与接收登记表 cannot be read or has invalid numbers',
    group: '2-1',
  },
  TRANSFER_REGISTRATION_CARRIER_UNKNOWN: {
    severity: 'error',
    zh: '登记表中没有本载体的编号',
    en: "the registration form does not list this carrier's number",
    group: '2-1',
  },
  TRANSFER_COUNT_MISMATCH: {
    severity: 'error',
    zh: '登记的件数、文件数、元数据数或字节数与实际不符',
    en: 'a registered count or byte total differs from the actual one',
    group: '2-1',
  },
  TRANSFER_DIGEST_SHEET_MISSING: {
    severity: 'error',
    zh: '其他文件夹中没有数字摘要表',
    en: 'the 其他 folder has no 数字摘要 sheet',
    group: '1-5',
  },
  TRANSFER_DIGEST_SHEET_MALFORMED: {
    severity: 'error',
    zh: '数字摘要表无法读取，或未注明算法',
    en: 'the 数字摘要 sheet cannot be read or names no algorithm',
    group: '1-5',
  },
  TRANSFER_DIGEST_MISMATCH: {
    severity: 'error',
    zh: '重新计算的载体数字摘要或实际容量与数字摘要表不符',
    en: "the recomputed carrier digest or size differs from the 数字摘要 sheet's",
    group: '1-5',
  },
  TRANSFER_LISTING_MISSING: {
    severity: 'error',
    zh: '其他文件夹中没有载体文件清单，无法逐个文件核对',
    en: 'the 其他 folder has no carrier file listing; files cannot be checked one by one',
    group: '1-5',
  },
  TRANSFER_LISTING_MALFORMED: {
    severity: 'error',
    zh: '载体文件清单的行格式不符',
    en: 'a line of the carrier file listing is malformed',
    group: '1-5',
  },
  TRANSFER_FILE_MISSING: {
    severity: 'error',
    zh: '清单中的文件不在载体上',
    en: 'a listed file is not on the carrier',
    group: '2-4',
  },
  TRANSFER_FILE_CHANGED: {
    severity: 'error',
    zh: '文件的字节数或数字摘要与清单不符',
    en: "a file's size or digest differs from the listing",
    group: '1-5',
  },
  TRANSFER_FILE_UNLISTED: {
    severity: 'error',
    zh: '载体上的文件未列入清单',
    en: 'a file on the carrier is not in the listing',
    group: '4-2',
  },
  TRANSFER_ENTRY_UNREADABLE: {
    severity: 'error',
    zh: '载体上的文件无法读取',
    en: 'a file on the carrier cannot be read',
    group: '1-5',
  },
  TRANSFER_CARRIER_DUPLICATE: {
    severity: 'error',
    zh: '多张载体的编号相同，或同一件出现在多张载体上',
    en: 'two carriers have the same number, or one item is on two carriers',
    group: '2-1',
  },
} as const satisfies Record<string, TransferCodeInfo>;

/** A code of {@link TRANSFER_FINDING_CODES}. */
export type TransferFindingCode = keyof typeof TRANSFER_FINDING_CODES;

/** Extra fields of a transfer finding. */
export interface TransferFindingExtra {
  readonly path?: string | undefined;
  readonly element?: string | undefined;
}

/**
 * A {@link Finding} with the code's default severity (or the one given).
 *
 * @example
 * transferFinding('TRANSFER_EXTRA_FILE', '多余文件“a.exe”', 'Extra file "a.exe"', { path: 'a.exe' });
 */
export function transferFinding(
  code: TransferFindingCode,
  message: string,
  messageEn: string,
  extra: TransferFindingExtra = {},
  severity: Severity = TRANSFER_FINDING_CODES[code].severity,
): Finding {
  const f: { -readonly [K in keyof Finding]: Finding[K] } = { code, severity, message, messageEn };
  if (extra.path !== undefined) f.path = extra.path;
  if (extra.element !== undefined) f.element = extra.element;
  return f;
}

/**
 * The {@link DanganError} for a transfer code; `findings` default to one finding made from the message.
 *
 * @example
 * throw transferError('TRANSFER_ITEM_TOO_LARGE', '件“X”超过载体容量', 'Item "X" exceeds the carrier capacity');
 */
export function transferError(
  code: TransferFindingCode,
  message: string,
  messageEn: string,
  options: {
    readonly path?: string;
    readonly cause?: unknown;
    readonly findings?: readonly Finding[];
  } = {},
): DanganError {
  return new DanganError(code, message, {
    messageEn,
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.cause === undefined ? {} : { cause: options.cause }),
    ...(options.findings === undefined ? {} : { findings: options.findings }),
  });
}
