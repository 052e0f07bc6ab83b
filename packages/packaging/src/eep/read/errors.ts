import { DanganError, type Finding } from '@dangan/core';

/**
 * The {@link DanganError} codes of EEP reading, verification and extraction (封装包读取错误). Codes are only
 * ever added.
 */
export const EEP_ERROR_CODES = [
  /** The XML cannot be read (not well-formed, forbidden DOCTYPE, limits, encoding) or is no EEP at all. */
  'EEP_UNREADABLE',
  /** A second read was needed but the source can be read only once (a stream). */
  'EEP_SOURCE_NOT_REREADABLE',
  /** Extraction stopped (bad Base64, an unresolvable reference, a sink failure …); the sink was aborted. */
  'EEP_EXTRACT_FAILED',
] as const;

/** A code of {@link EEP_ERROR_CODES}. */
export type EepErrorCode = (typeof EEP_ERROR_CODES)[number];

/**
 * An EEP error carrying findings; the message names the first error finding.
 *
 * @example
 * throw eepError('EEP_UNREADABLE', '封装包无法读取', 'The EEP cannot be read', findings);
 */
export function eepError(
  code: EepErrorCode,
  zh: string,
  en: string,
  findings: readonly Finding[],
  cause?: unknown,
): DanganError {
  const first = findings.find((f) => f.severity === 'error') ?? findings[0];
  return new DanganError(code, first === undefined ? zh : `${zh}：${first.message}`, {
    messageEn: first === undefined ? en : `${en}: ${first.messageEn ?? first.message}`,
    findings: findings.length === 0 ? [{ code, severity: 'error', message: zh, messageEn: en }] : findings,
    ...(cause === undefined ? {} : { cause }),
  });
}
