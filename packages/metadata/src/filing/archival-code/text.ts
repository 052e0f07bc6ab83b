import {
  parseRetention,
  type RetentionCode,
  type RetentionPeriod,
  retentionPeriod,
} from '../retention-period.js';

/** Text NFKC leaves unchanged and that has no outer white space: ASCII letters, digits, `-`, `·`, common CJK. */
const PLAIN = /^[-0-9A-Za-z\u00B7\u4E00-\u9FFF]*$/u;

/** @internal NFKC and trim, skipped (it costs an ICU call) for text that cannot change. */
export function nfkcTrim(text: string): string {
  return PLAIN.test(text) ? text : text.normalize('NFKC').trim();
}

const MAX_CACHED = 256;
const codes = /* @__PURE__ */ new Map<string, RetentionCode | null>();
const periods = /* @__PURE__ */ new Map<string, RetentionPeriod | null>();

/**
 * @internal `parseRetention(value).code`, memoised (a handful of distinct values recur across 100,000 records);
 * `undefined` when the value cannot be read.
 */
export function retentionCodeOf(value: string): RetentionCode | undefined {
  let code = codes.get(value);
  if (code === undefined) {
    try {
      code = parseRetention(value).code;
    } catch {
      code = null;
    }
    if (codes.size >= MAX_CACHED) codes.clear();
    codes.set(value, code);
  }
  return code ?? undefined;
}

/** @internal `retentionPeriod(value)`, memoised; `undefined` when the value cannot be read. */
export function retentionPeriodOf(value: string): RetentionPeriod | undefined {
  let period = periods.get(value);
  if (period === undefined) {
    try {
      period = retentionPeriod(value);
    } catch {
      period = null;
    }
    if (periods.size >= MAX_CACHED) periods.clear();
    periods.set(value, period);
  }
  return period ?? undefined;
}
