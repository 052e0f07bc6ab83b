import { DanganError, type Finding } from '@dangan/core';

/**
 * Codes of the findings metadata XML reading and writing report. Codes are only ever added, never renamed.
 * Errors stop `recordFromXml` (`METADATA_XML_INVALID`) or `recordToXml` (`METADATA_XML_UNWRITABLE`);
 * warnings and notes go to the `onFinding` option. Problems of the XML itself (DOCTYPE, malformed,
 * encoding, limits) keep core's codes (`XML_DOCTYPE_FORBIDDEN` …).
 */
export const METADATA_XML_FINDING_CODES = [
  /** The root is not a metadata document, a record set, a 文件实体 or an EEP (error). */
  'METADATA_XML_ROOT',
  /** An element the scheme does not have at this place (error: it could not be kept). */
  'METADATA_XML_UNKNOWN_ELEMENT',
  /** An element with the right name in the wrong namespace (error). */
  'METADATA_XML_NAMESPACE',
  /** A non-repeatable element appears twice (error). */
  'METADATA_XML_DUPLICATE',
  /** Text inside a container element (error; a warning in DA/T 48's mixed 档号, where it is dropped). */
  'METADATA_XML_UNEXPECTED_TEXT',
  /** A child element inside a simple element (error). */
  'METADATA_XML_UNEXPECTED_CHILD',
  /** A value longer than `maxValueLength` (error). */
  'METADATA_XML_VALUE_TOO_LONG',
  /** A numeric element whose text is not a number: kept as text for validation to report (warning). */
  'METADATA_XML_NOT_A_NUMBER',
  /** An attribute the record has no place for (主题词表名称 …): ignored (warning). */
  'METADATA_XML_ATTRIBUTE_IGNORED',
  /** The document names another scheme than the one it is read with (warning). */
  'METADATA_XML_SCHEME_MISMATCH',
  /** Part of an EEP that the record has no place for (机构人员实体关系, an extra 数字化属性 …) (warning). */
  'METADATA_XML_NOT_MAPPED',
  /** So many errors that reading stopped (error). */
  'METADATA_XML_TOO_MANY_FINDINGS',
  /** A record value that cannot be written: wrong shape, unknown key, forbidden character (error). */
  'METADATA_XML_UNWRITABLE',
  /** An element of the record that the DA/T 48 EEP layout has no place for, so it was not written (info). */
  'METADATA_XML_NOT_IN_EEP',
] as const;

/** A code of a metadata XML finding (see {@link METADATA_XML_FINDING_CODES}). */
export type MetadataXmlFindingCode = (typeof METADATA_XML_FINDING_CODES)[number];

/** Builds a finding. */
export function xmlFinding(
  code: MetadataXmlFindingCode,
  severity: Finding['severity'],
  message: string,
  messageEn: string,
  path: string | undefined,
  element: string | undefined,
): Finding {
  return {
    code,
    severity,
    message,
    messageEn,
    ...(path === undefined ? {} : { path }),
    ...(element === undefined ? {} : { element }),
  };
}

/** The error a failed read or write throws: the first error's message, all findings attached. */
export function findingsError(
  code: 'METADATA_XML_INVALID' | 'METADATA_XML_UNWRITABLE',
  findings: readonly Finding[],
  cause?: unknown,
): DanganError {
  const errors = findings.filter((f) => f.severity === 'error');
  const first = errors[0] ?? findings[0];
  const more = errors.length > 1 ? `（另有 ${errors.length - 1} 个错误）` : '';
  const moreEn = errors.length > 1 ? ` (and ${errors.length - 1} more error(s))` : '';
  const [zh, en] =
    code === 'METADATA_XML_INVALID'
      ? ['元数据 XML 不能转换为记录', 'The metadata XML cannot be turned into a record']
      : ['记录不能写为元数据 XML', 'The record cannot be written as metadata XML'];
  return new DanganError(code, `${zh}：${first?.message ?? ''}${more}`, {
    messageEn: `${en}: ${first?.messageEn ?? first?.message ?? ''}${moreEn}`,
    findings,
    ...(cause === undefined ? {} : { cause }),
  });
}
