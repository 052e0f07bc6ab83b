import { DanganError } from '@dangan/core';

/**
 * The {@link DanganError} codes of package sinks and sources (包写入端与读取端). Codes are only ever added.
 */
export const SINK_ERROR_CODES = [
  'PACKAGE_PATH_INVALID',
  'PACKAGE_PATH_DUPLICATE',
  'PACKAGE_SINK_CLOSED',
  'PACKAGE_SINK_FAILED',
  'PACKAGE_TARGET_EXISTS',
  'PACKAGE_WRITE_FAILED',
  'PACKAGE_ENTRY_NOT_FOUND',
  'PACKAGE_SOURCE_CLOSED',
  'PACKAGE_LINK_REFUSED',
] as const;

/** A code of an error raised by a package sink or source. */
export type SinkErrorCode = (typeof SINK_ERROR_CODES)[number];

/**
 * Makes a sink/source {@link DanganError} with its Chinese and English message.
 *
 * @example
 * throw sinkError('PACKAGE_ENTRY_NOT_FOUND', '包中没有条目“a.xml”', 'No entry "a.xml" in the package', { path: 'a.xml' });
 */
export function sinkError(
  code: SinkErrorCode,
  message: string,
  messageEn: string,
  options: { readonly path?: string; readonly cause?: unknown } = {},
): DanganError {
  return new DanganError(code, message, { ...options, messageEn });
}
