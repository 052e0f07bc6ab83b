export { CORE_ERROR_CODES, type CoreErrorCode, type DanganErrorCode } from './codes.js';
export { DanganError, type DanganErrorOptions, isDanganError } from './dangan-error.js';
export type { Finding, Severity } from './finding.js';
export { fail, ok, type SafeResult, safely, safelyAsync, unwrap } from './result.js';
