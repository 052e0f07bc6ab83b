import { DanganError } from './dangan-error.js';
import type { Finding } from './finding.js';

/**
 * The value of a `safeX()` function: the result, or the findings that stopped it.
 * `x()` returns `value` or throws `error` ({@link DanganError}).
 */
export type SafeResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly findings: readonly Finding[]; readonly error: DanganError };

/**
 * A successful {@link SafeResult}.
 *
 * @example
 * return ok(parsed);
 */
export function ok<T>(value: T): SafeResult<T> {
  return { ok: true, value };
}

/**
 * A failed {@link SafeResult} carrying the error's findings.
 *
 * @example
 * return fail(new DanganError('XML_MALFORMED', '缺少根元素'));
 */
export function fail<T = never>(error: DanganError): SafeResult<T> {
  return { ok: false, findings: error.findings, error };
}

/**
 * Runs `fn` and turns a thrown {@link DanganError} into a failed result. Anything else (a programmer
 * error such as `TypeError`) is rethrown: a safe function reports bad input, it does not hide bugs.
 *
 * @example
 * const r = safely(() => parseDigestAlgorithm(userInput)); // 'SHA-256' → ok 'sha256'; 'crc' → findings
 * if (!r.ok) console.log(r.findings);
 */
export function safely<T>(fn: () => T): SafeResult<T> {
  try {
    return ok(fn());
  } catch (e) {
    if (e instanceof DanganError) return fail(e);
    throw e;
  }
}

/**
 * Async form of {@link safely}.
 *
 * @example
 * const r = await safelyAsync(() => identifyFormat(blob));
 */
export async function safelyAsync<T>(fn: () => Promise<T>): Promise<SafeResult<T>> {
  try {
    return ok(await fn());
  } catch (e) {
    if (e instanceof DanganError) return fail(e);
    throw e;
  }
}

/**
 * The value of a result, or throws its error: how each `x()` is built on its `safeX()`.
 *
 * @example
 * const value = unwrap(safeParse(text));
 */
export function unwrap<T>(result: SafeResult<T>): T {
  if (result.ok) return result.value;
  throw result.error;
}
