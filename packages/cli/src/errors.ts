import type { DanganError } from '@dangan/core';
import { type CliIo, EXIT, type GlobalOptions } from './io.js';
import { printFindings } from './print-findings.js';

/**
 * Error codes meaning "the input was read and does not conform" (a record that fails its scheme, a file whose
 * size differs from its 计算机文件大小, a transfer with nothing to transfer): exit 1, like a failed check.
 * Every other `DanganError` — a file that cannot be read, a damaged ZIP or JSON, a bad option value — is
 * exit 2.
 */
export const REJECTED_INPUT_CODES: ReadonlySet<string> = new Set([
  'METADATA_INVALID',
  'ARCHIVAL_INPUT_INVALID',
  'ARCHIVAL_FILE_SIZE_MISMATCH',
  'EEP_RECORD_INVALID',
  'EEP_FILES_MISMATCH',
  'EEP_FILE_SIZE_MISMATCH',
  'TRANSFER_INPUT_INVALID',
  'TRANSFER_NOTHING_SELECTED',
  'TRANSFER_ITEM_TOO_LARGE',
  'TRANSFER_ITEM_NAME_DUPLICATE',
  'TRANSFER_ITEM_NAME_INVALID',
  'TRANSFER_ENTRY_INVALID',
  'TRANSFER_ITEM_GROUP_UNKNOWN',
]);

/**
 * Reports a `DanganError` that ended a command: `dangan: <message>` and, when it carries more than its own
 * default finding, each finding (element number or path, message). Returns the exit code (see
 * {@link REJECTED_INPUT_CODES}).
 *
 * @example
 * try { … } catch (e) { if (e instanceof DanganError) return reportError(e, global, io); }
 */
export function reportError(error: DanganError, global: GlobalOptions, io: CliIo): number {
  const message = error.localized(global.lang);
  io.stderr(`dangan: ${message}\n`);
  const own = error.findings.length === 1 && error.findings[0]?.message === error.message;
  if (!own && error.findings.length > 0) {
    printFindings(error.findings, { ...global, quiet: false }, { ...io, stdout: io.stderr });
  }
  return REJECTED_INPUT_CODES.has(error.code) ? EXIT.failed : EXIT.usage;
}
