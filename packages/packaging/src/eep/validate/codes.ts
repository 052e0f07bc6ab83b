import type { Finding, Severity } from '@dangan/core';

/** What one EEP finding code means (封装包发现项代码). */
export interface EepFindingCodeInfo {
  /** The severity it is reported with. */
  readonly severity: Severity;
  /**
   * `schema`: what the DA/T 48 XML Schema itself requires (an `xmllint --schema` run agrees on these);
   * `rule`: dangan's own rules where the schema says nothing (eep-dat48.md §2); `signature`/`file`:
   * verification and extraction.
   */
  readonly level: 'schema' | 'rule' | 'signature' | 'file';
  readonly zh: string;
  readonly en: string;
}

/**
 * Every finding code the EEP validator, reader, verifier and extractor report, as data. Codes are only ever
 * added, never renamed. `EEP_SCHEMA_*` findings are the schema's (libxml2 agrees on valid/invalid, except
 * for two checks XML Schema requires and libxml2 omits: `EEP_SCHEMA_IDREF_UNRESOLVED` and
 * `EEP_SCHEMA_DUPLICATE_ELEMENT_ID`, an ID in element content such as 文档标识符 or 签名标识符 repeating
 * another); `EEP_RULE_*` are dangan's rules beyond the schema (`EEP_RULE_BASE64_CHARACTERS`: libxml2 skips
 * characters outside the Base64 alphabet, dangan refuses them).
 *
 * @example
 * EEP_FINDING_CODES.EEP_RULE_FILE_SIZE.zh; // '计算机文件大小与编码数据解码后的长度不符'
 */
export const EEP_FINDING_CODES = {
  EEP_SCHEMA_ROOT: {
    severity: 'error',
    level: 'schema',
    zh: '根元素不是 DA/T 48 命名空间中的元素',
    en: 'the root is not an element of the DA/T 48 namespace',
  },
  EEP_SCHEMA_UNEXPECTED_ELEMENT: {
    severity: 'error',
    level: 'schema',
    zh: '此处不允许该元素（名称、命名空间、顺序或次数不符）',
    en: 'the element is not allowed here (name, namespace, order or count)',
  },
  EEP_SCHEMA_MISSING_ELEMENT: {
    severity: 'error',
    level: 'schema',
    zh: '缺少必备的子元素',
    en: 'a required child element is missing',
  },
  EEP_SCHEMA_TEXT_NOT_ALLOWED: {
    severity: 'error',
    level: 'schema',
    zh: '只能含子元素的元素中出现了文字',
    en: 'text in an element that may hold only elements',
  },
  EEP_SCHEMA_CHILD_NOT_ALLOWED: {
    severity: 'error',
    level: 'schema',
    zh: '简单类型元素中出现了子元素',
    en: 'a child element inside an element of simple type',
  },
  EEP_SCHEMA_INVALID_VALUE: {
    severity: 'error',
    level: 'schema',
    zh: '值不符合其数据类型（gYear、dateTime、positiveInteger、base64Binary、anyURI、ID）',
    en: 'the value does not match its data type (gYear, dateTime, positiveInteger, base64Binary, anyURI, ID)',
  },
  EEP_SCHEMA_NOT_IN_ENUMERATION: {
    severity: 'error',
    level: 'schema',
    zh: '值不在允许的取值范围内',
    en: 'the value is not one of the allowed values',
  },
  EEP_SCHEMA_FIXED_VALUE: {
    severity: 'error',
    level: 'schema',
    zh: '值与规定的固定值不同',
    en: 'the value differs from the fixed value',
  },
  EEP_SCHEMA_ATTRIBUTE_NOT_ALLOWED: {
    severity: 'error',
    level: 'schema',
    zh: '元素上不允许该属性',
    en: 'the attribute is not allowed on the element',
  },
  EEP_SCHEMA_ATTRIBUTE_MISSING: {
    severity: 'error',
    level: 'schema',
    zh: '缺少必备属性',
    en: 'a required attribute is missing',
  },
  EEP_SCHEMA_DUPLICATE_ID: {
    severity: 'error',
    level: 'schema',
    zh: '标识（xs:ID）在文档中重复',
    en: 'an xs:ID value occurs twice in the document',
  },
  EEP_SCHEMA_DUPLICATE_ELEMENT_ID: {
    severity: 'error',
    level: 'schema',
    zh: '元素内容中的标识（xs:ID）与文档中另一标识重复',
    en: 'an xs:ID in element content repeats another xs:ID of the document',
  },
  EEP_SCHEMA_IDREF_UNRESOLVED: {
    severity: 'error',
    level: 'schema',
    zh: '引用（xs:IDREF）指向的标识不存在',
    en: 'an xs:IDREF points to no xs:ID',
  },
  EEP_RULE_BASE64_CHARACTERS: {
    severity: 'error',
    level: 'rule',
    zh: 'Base64 数据中含有不属于 Base64 字母表的字符',
    en: 'Base64 data holds characters outside the Base64 alphabet',
  },
  EEP_RULE_ROOT: {
    severity: 'error',
    level: 'rule',
    zh: '根元素应为电子文件封装包',
    en: 'the root must be 电子文件封装包',
  },
  EEP_RULE_TYPE_DESCRIPTION: {
    severity: 'error',
    level: 'rule',
    zh: '封装包类型描述与封装包类型不符',
    en: '封装包类型描述 does not match 封装包类型',
  },
  EEP_RULE_TYPE_CONTENT: {
    severity: 'error',
    level: 'rule',
    zh: '封装包类型与内容（封装内容/修改封装内容）不符',
    en: '封装包类型 does not match the content (封装内容/修改封装内容)',
  },
  EEP_RULE_FILE_SIZE: {
    severity: 'error',
    level: 'rule',
    zh: '计算机文件大小与编码数据解码后的长度不符',
    en: '计算机文件大小 differs from the decoded length of 编码数据',
  },
  EEP_RULE_EXTENSION: {
    severity: 'warning',
    level: 'rule',
    zh: '反编码关键字与计算机文件名的扩展名不符',
    en: '反编码关键字 differs from the extension of 计算机文件名',
  },
  EEP_RULE_DATE: {
    severity: 'warning',
    level: 'rule',
    zh: '日期或时间不合理（不是 ISO 8601 日期、不存在的日期或晚于封装时间）',
    en: 'an implausible date or time (not ISO 8601, no such day, or later than packaging)',
  },
  EEP_RULE_SIGNATURE_ID: {
    severity: 'warning',
    level: 'rule',
    zh: '签名标识符不是“修改R-签名S”形式或 R 与修改层次不符',
    en: '签名标识符 is not of the form 修改R-签名S, or R does not match the layer',
  },
  EEP_RULE_LOCK_TARGET: {
    severity: 'error',
    level: 'rule',
    zh: '被锁定签名标识符没有指向本封装包电子签名块中的电子签名',
    en: '被锁定签名标识符 does not name an 电子签名 of the package’s own 电子签名块',
  },
  EEP_RULE_REFERENCE: {
    severity: 'error',
    level: 'rule',
    zh: '引用编码数据ID 使用不当（应在修改层中、指向原封装包中的编码数据、且本身为空）',
    en: '引用编码数据ID misused (it belongs in a modification layer, must name 编码数据 of 原封装包, and its own 编码数据 must be empty)',
  },
  EEP_RULE_ENCODING: {
    severity: 'warning',
    level: 'rule',
    zh: '封装包不是 UTF-8 编码，无法按签名规则定位被签名的字节',
    en: 'the package is not UTF-8, so the signed bytes cannot be located under the signing rule',
  },
  EEP_RULE_VALUE_TOO_LONG: {
    severity: 'warning',
    level: 'rule',
    zh: '元素的值过长，只读取了开头部分',
    en: 'a value is too long; only its beginning was read',
  },
  EEP_SIGNATURE_MISSING: {
    severity: 'error',
    level: 'signature',
    zh: '封装包没有电子签名',
    en: 'the package is not signed',
  },
  EEP_SIGNATURE_INVALID: {
    severity: 'error',
    level: 'signature',
    zh: '电子签名验证不通过',
    en: 'an electronic signature does not verify',
  },
  EEP_SIGNATURE_CANNOT_VERIFY: {
    severity: 'warning',
    level: 'signature',
    zh: '电子签名无法验证（算法、签名规则、证书或信任锚不足）',
    en: 'an electronic signature cannot be verified (algorithm, signing rule, certificate or trust anchors)',
  },
  EEP_SOURCE_CHANGED: {
    severity: 'error',
    level: 'signature',
    zh: '第二次读取封装包时内容与第一次不同',
    en: 'the package read differently the second time',
  },
  EEP_SOURCE_NOT_REREADABLE: {
    severity: 'error',
    level: 'file',
    zh: '需要再读一次封装包，但来源只能读一次',
    en: 'another read of the package is needed, but the source can be read only once',
  },
  EEP_FILE_BASE64: {
    severity: 'error',
    level: 'file',
    zh: '编码数据不是有效的 Base64',
    en: '编码数据 is not valid Base64',
  },
  EEP_FILE_NAME_CHANGED: {
    severity: 'warning',
    level: 'file',
    zh: '计算机文件名不能直接用作条目路径，已改为安全的名称',
    en: '计算机文件名 cannot be used as an entry path as it is; a safe name was used',
  },
  EEP_FILE_TOO_LARGE: {
    severity: 'error',
    level: 'file',
    zh: '文件超过允许的大小',
    en: 'a file exceeds the allowed size',
  },
  EEP_FILE_REFERENCE_UNRESOLVED: {
    severity: 'error',
    level: 'file',
    zh: '引用的编码数据不存在或无法读取',
    en: 'the referenced 编码数据 does not exist or cannot be read',
  },
} as const satisfies Record<string, EepFindingCodeInfo>;

/** A code of {@link EEP_FINDING_CODES}. */
export type EepFindingCode = keyof typeof EEP_FINDING_CODES;

/** Where a finding is: an element path and, when known, a line and column. */
export interface FindingPlace {
  readonly path?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/**
 * An EEP finding with the code's severity (or `severity`), the message in Chinese and English, the element
 * path, and `（第 N 行第 M 列）` when the place has a line.
 */
export function eepFinding(
  code: EepFindingCode,
  zh: string,
  en: string,
  place: FindingPlace = {},
  extra: { readonly severity?: Severity; readonly item?: string } = {},
): Finding {
  const where = place.line === undefined ? '' : `（第 ${place.line} 行第 ${place.column ?? 1} 列）`;
  const whereEn = place.line === undefined ? '' : ` (line ${place.line}, column ${place.column ?? 1})`;
  return {
    code,
    severity: extra.severity ?? EEP_FINDING_CODES[code].severity,
    message: `${zh}${where}`,
    messageEn: `${en}${whereEn}`,
    ...(place.path === undefined ? {} : { path: place.path }),
    ...(extra.item === undefined ? {} : { item: extra.item }),
  };
}
