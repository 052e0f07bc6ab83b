import type { DanganErrorCode } from './codes.js';
import type { Finding } from './finding.js';

/** Options of {@link DanganError}. */
export interface DanganErrorOptions {
  /** English message, for hosts that show English. */
  readonly messageEn?: string;
  /** The underlying error. */
  readonly cause?: unknown;
  /** Findings behind the error; defaults to one finding made from the code and message. */
  readonly findings?: readonly Finding[];
  /** Where the problem is (file, XML path …), copied into the default finding. */
  readonly path?: string;
}

/**
 * The one error type dangan throws for bad input (错误). `message` is Chinese; `messageEn` is English.
 * Programmer errors at an API boundary (a wrong argument type) are `TypeError`/`RangeError` instead.
 *
 * @example
 * try {
 *   await readAll(source, { maxBytes: 1024 });
 * } catch (e) {
 *   if (e instanceof DanganError && e.code === 'BYTES_TOO_LARGE') console.log(e.message);
 * }
 */
export class DanganError extends Error {
  override readonly name = 'DanganError';
  readonly code: DanganErrorCode;
  readonly messageEn: string | undefined;
  readonly findings: readonly Finding[];

  constructor(code: DanganErrorCode, message: string, options: DanganErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.messageEn = options.messageEn;
    this.findings = options.findings ?? [
      {
        code,
        severity: 'error',
        message,
        ...(options.messageEn === undefined ? {} : { messageEn: options.messageEn }),
        ...(options.path === undefined ? {} : { path: options.path }),
      },
    ];
  }

  /** The message in the requested language (English falls back to Chinese when none was given). */
  localized(lang: 'zh' | 'en'): string {
    return lang === 'en' && this.messageEn !== undefined ? this.messageEn : this.message;
  }
}

/**
 * Whether `value` is a {@link DanganError}, optionally with a given code.
 *
 * @example
 * if (isDanganError(e, 'XML_MALFORMED')) report(e.findings);
 */
export function isDanganError(value: unknown, code?: DanganErrorCode): value is DanganError {
  return value instanceof DanganError && (code === undefined || value.code === code);
}
