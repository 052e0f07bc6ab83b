import { DanganError, type Finding, type Severity } from '@dangan/core';

/** What one 归档信息包 finding or error code means. */
export interface ArchivalCodeInfo {
  /** Severity of the finding (`error` for codes that are thrown or fail a package). */
  readonly severity: Severity;
  /** What the code means, in Chinese. */
  readonly zh: string;
  /** What the code means, in English. */
  readonly en: string;
}

/**
 * The finding and error codes of the 归档信息包 (archival information package) code: building, reading,
 * the manifest (清单) and the registration form (归档登记表). Codes are only ever added, never renamed.
 *
 * @example
 * ARCHIVAL_FINDING_CODES.ARCHIVAL_FILE_SIZE_MISMATCH.zh; // '文件实际字节数与 计算机文件大小（M49）或清单不符'
 */
export const ARCHIVAL_FINDING_CODES = {
  // errors thrown as DanganError codes
  ARCHIVAL_PROFILE_INVALID: {
    severity: 'error',
    zh: '信息包布局（profile）无效',
    en: 'the package layout profile is invalid',
  },
  ARCHIVAL_INPUT_INVALID: {
    severity: 'error',
    zh: '归档信息包的输入有误，未写入任何内容',
    en: 'the package input is invalid; nothing was written',
  },
  ARCHIVAL_BUILD_FAILED: {
    severity: 'error',
    zh: '写入归档信息包失败，已写入的内容已丢弃',
    en: 'writing the package failed; what was written was discarded',
  },
  ARCHIVAL_MANIFEST_INVALID: {
    severity: 'error',
    zh: '清单无法读取或不符合格式',
    en: 'the manifest cannot be read or does not follow its format',
  },
  ARCHIVAL_REGISTRATION_FORM_INVALID: {
    severity: 'error',
    zh: '归档登记表无法读取或不符合格式',
    en: 'the registration form cannot be read or does not follow its format',
  },
  // input problems (findings of ARCHIVAL_INPUT_INVALID, beside the METADATA_* findings of record validation)
  ARCHIVAL_ARCHIVAL_CODE_MISSING: {
    severity: 'error',
    zh: '无法得到件的档号',
    en: 'no archival code can be made for an item',
  },
  ARCHIVAL_ARCHIVAL_CODE_DUPLICATE: {
    severity: 'error',
    zh: '信息包中两件的档号相同',
    en: 'two items of the package have the same archival code',
  },
  ARCHIVAL_ATTRIBUTE_FILE_MISSING: {
    severity: 'error',
    zh: '电子属性（M46）所述的计算机文件没有提供内容',
    en: 'an 电子属性 (M46) entry has no content file',
  },
  ARCHIVAL_ATTRIBUTE_INDEX_INVALID: {
    severity: 'error',
    zh: '文件所属的电子属性序号无效或重复',
    en: 'a file points to no 电子属性 entry, or to one already taken',
  },
  ARCHIVAL_NAME_DUPLICATE: {
    severity: 'error',
    zh: '信息包中两个条目路径相同（或仅大小写不同）',
    en: 'two package entries have the same path (or differ only in case)',
  },
  ARCHIVAL_NAME_INVALID: {
    severity: 'error',
    zh: '无法生成安全的文件名或路径',
    en: 'no safe file name or path can be made',
  },
  ARCHIVAL_TEMPLATE_VALUE_MISSING: {
    severity: 'error',
    zh: '命名模板所需的值在记录中缺失',
    en: 'a value a name template needs is missing from the record',
  },
  ARCHIVAL_CASE_MISMATCH: {
    severity: 'error',
    zh: '同一信息包中的件属于不同办件',
    en: 'the items of one package belong to different cases',
  },
  ARCHIVAL_ITEM_COUNT: {
    severity: 'error',
    zh: '件数与布局的组织单元不符',
    en: 'the number of items does not fit the layout unit',
  },
  ARCHIVAL_EEP_NOT_ALLOWED: {
    severity: 'error',
    zh: '布局没有封装包目录，却提供了封装包',
    en: 'an EEP was given but the layout has no EEP folder',
  },
  ARCHIVAL_CATALOGUE_INVALID: {
    severity: 'error',
    zh: '归档文件目录无法编制',
    en: 'the catalogue cannot be built',
  },
  ARCHIVAL_METADATA_UNWRITABLE: {
    severity: 'error',
    zh: '元数据文档无法写出',
    en: 'the metadata document cannot be written',
  },
  ARCHIVAL_REGISTRATION_INVALID: {
    severity: 'error',
    zh: '归档登记表的表头字段缺失或无效',
    en: 'a registration form header field is missing or invalid',
  },
  // streaming
  ARCHIVAL_FILE_SIZE_MISMATCH: {
    severity: 'error',
    zh: '文件实际字节数与 计算机文件大小（M49）或清单不符',
    en: 'the actual byte count differs from 计算机文件大小 (M49) or the manifest',
  },
  // notes made while building
  ARCHIVAL_FILE_EMPTY: { severity: 'warning', zh: '内容文件为 0 字节', en: 'a content file is empty' },
  ARCHIVAL_PAGES_UNKNOWN: {
    severity: 'info',
    zh: '部分件未著录页数，登记表“张”只计已知页数',
    en: 'some items have no page count; 张 counts known pages only',
  },
  // reading a package
  ARCHIVAL_MANIFEST_MISSING: { severity: 'error', zh: '信息包中没有清单', en: 'the package has no manifest' },
  ARCHIVAL_PROFILE_UNKNOWN: {
    severity: 'warning',
    zh: '清单所记布局未知，按清单中各文件的类型读取',
    en: 'the layout named in the manifest is unknown; parts are found by their kinds in the manifest',
  },
  ARCHIVAL_PROFILE_MISMATCH: {
    severity: 'warning',
    zh: '清单所记布局与指定的布局不同',
    en: 'the manifest names another layout than the one given',
  },
  ARCHIVAL_FILE_MISSING: {
    severity: 'error',
    zh: '清单列出的文件在信息包中不存在',
    en: 'a file the manifest lists is not in the package',
  },
  ARCHIVAL_FILE_EXTRA: {
    severity: 'error',
    zh: '信息包中有清单未列出的文件',
    en: 'the package holds a file the manifest does not list',
  },
  ARCHIVAL_PART_MISSING: {
    severity: 'error',
    zh: '信息包缺少必备组成部分（元数据、目录、登记表或说明文件）',
    en: 'a required part (metadata, catalogue, registration form or readme) is missing',
  },
  ARCHIVAL_PART_UNREADABLE: {
    severity: 'error',
    zh: '信息包的组成部分无法解析',
    en: 'a part of the package cannot be parsed',
  },
  ARCHIVAL_MANIFEST_SUMMARY_MISMATCH: {
    severity: 'error',
    zh: '清单汇总数与所列文件不符',
    en: 'the manifest summary disagrees with the files it lists',
  },
  ARCHIVAL_RECORD_COUNT_MISMATCH: {
    severity: 'error',
    zh: '元数据记录数与清单件数不符',
    en: 'the number of metadata records differs from the manifest item count',
  },
  // manifest and registration form parsing (findings of the *_INVALID errors)
  ARCHIVAL_XML_ROOT: { severity: 'error', zh: '根元素或命名空间不对', en: 'wrong root element or namespace' },
  ARCHIVAL_XML_VERSION: { severity: 'error', zh: '格式版本不受支持', en: 'unsupported format version' },
  ARCHIVAL_XML_FIELD_MISSING: {
    severity: 'error',
    zh: '必备元素或属性缺失',
    en: 'a required element or attribute is missing',
  },
  ARCHIVAL_XML_FIELD_INVALID: {
    severity: 'error',
    zh: '元素或属性的值无效',
    en: 'an element or attribute has an invalid value',
  },
  ARCHIVAL_MANIFEST_PATH_INVALID: {
    severity: 'error',
    zh: '清单中的路径不安全',
    en: 'an unsafe path in the manifest',
  },
  ARCHIVAL_MANIFEST_PATH_DUPLICATE: {
    severity: 'error',
    zh: '清单中路径重复',
    en: 'a duplicate path in the manifest',
  },
  ARCHIVAL_MANIFEST_DIGEST_INVALID: {
    severity: 'error',
    zh: '清单中的摘要值、算法无效或缺失',
    en: 'a digest in the manifest is invalid, of an unknown algorithm or missing',
  },
} as const satisfies Record<string, ArchivalCodeInfo>;

/** A code of {@link ARCHIVAL_FINDING_CODES}. */
export type ArchivalFindingCode = keyof typeof ARCHIVAL_FINDING_CODES;

/** Makes a finding with the code's severity. */
export function archivalFinding(
  code: ArchivalFindingCode,
  message: string,
  messageEn: string,
  path?: string,
  extra: { readonly element?: string; readonly item?: string; readonly severity?: Severity } = {},
): Finding {
  return {
    code,
    severity: extra.severity ?? ARCHIVAL_FINDING_CODES[code].severity,
    message,
    messageEn,
    ...(path === undefined ? {} : { path }),
    ...(extra.element === undefined ? {} : { element: extra.element }),
    ...(extra.item === undefined ? {} : { item: extra.item }),
  };
}

/** Makes a {@link DanganError} with a Chinese and an English message. */
export function archivalError(
  code: ArchivalFindingCode,
  message: string,
  messageEn: string,
  options: { readonly path?: string; readonly cause?: unknown; readonly findings?: readonly Finding[] } = {},
): DanganError {
  return new DanganError(code, message, {
    messageEn,
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.cause === undefined ? {} : { cause: options.cause }),
    ...(options.findings === undefined ? {} : { findings: options.findings }),
  });
}

/** A {@link DanganError} summarising `findings` (the first few messages), with all of them attached. */
export function findingsError(
  code: ArchivalFindingCode,
  what: string,
  whatEn: string,
  findings: readonly Finding[],
): DanganError {
  const errors = findings.filter((f) => f.severity === 'error');
  const shown = (errors.length > 0 ? errors : findings).slice(0, 3);
  const more = errors.length > shown.length ? ' 等' : '';
  return new DanganError(
    code,
    `${what}：${errors.length} 个问题（${shown.map((f) => f.message).join('；')}${more}）`,
    {
      messageEn: `${whatEn}: ${errors.length} problem(s) (${shown.map((f) => f.messageEn ?? f.message).join('; ')})`,
      findings,
    },
  );
}
