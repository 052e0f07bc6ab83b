import type { DanganError, Finding, Severity } from '@dangan/core';
import type { MetadataFindingCode } from './codes.js';

/** Options of `validateRecord`, `safeValidateRecord` and `checkRecord`. */
export interface ValidateRecordOptions {
  /**
   * "Now" for the future-date check (GD-1-5). Default: the time of the call. Pass a fixed date for
   * reproducible results.
   */
  readonly now?: Date;
  /**
   * Offset from UTC, in minutes, of the local time in which dates without a time zone are read and "today"
   * is taken. Default `480` (北京时间, UTC+8).
   */
  readonly utcOffsetMinutes?: number;
  /** Keys the scheme does not have: `'error'` (default), `'warning'` or `'ignore'` (no finding). */
  readonly unknownElements?: 'error' | 'warning' | 'ignore';
  /**
   * Longest value, in characters, of a free-text element (type `string`, or `enum` with an open list) whose
   * domain sets no `maxLength`. Default: no limit.
   */
  readonly maxLength?: number;
  /** Language of each finding's `message` (default `'zh'`); `messageEn` is always English. */
  readonly lang?: 'zh' | 'en';
  /**
   * Per-code severity changes, e.g. `{ METADATA_FUTURE_DATE: 'warning' }` for a system that records
   * planned actions (业务状态 计划任务), or `'ignore'` to drop a code. `unknownElements` wins for
   * `METADATA_UNKNOWN_ELEMENT`.
   */
  readonly severity?: { readonly [C in MetadataFindingCode]?: Severity | 'ignore' };
}

/**
 * One finding about a metadata record. `path` is JSON-pointer-like with the record's keys
 * (`/文件实体/电子属性/0/计算机文件名`, `~` and `/` in keys escaped as `~0`, `~1`; `''` is the record itself),
 * `element` the element's number (`M48`) or, for rows the standard does not number, its id
 * (`DAT48:业务标识符`), and `item` the DA/T 70 check item.
 */
export interface MetadataFinding extends Finding {
  readonly code: MetadataFindingCode;
  readonly path: string;
  readonly messageEn: string;
}

/**
 * The result of `safeValidateRecord`: the typed record and its warnings, or the findings (errors and
 * warnings) and the error `validateRecord` would throw. Assignable to `SafeResult<T>`.
 */
export type RecordValidation<T> =
  | { readonly ok: true; readonly value: T; readonly findings: readonly MetadataFinding[] }
  | { readonly ok: false; readonly findings: readonly MetadataFinding[]; readonly error: DanganError };
