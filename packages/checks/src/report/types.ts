import type { Finding } from '@dangan/core';
import type { CheckStageId, FourPropertyId } from '../catalogue/types.js';

/**
 * The outcome of one check item (检测结论). `manual` is an item a person must attest that no one attested
 * (never `pass`); `not-applicable` and `error` always carry a `reason`.
 */
export type CheckStatus = 'pass' | 'fail' | 'warning' | 'manual' | 'not-applicable' | 'error';

/** Every {@link CheckStatus}, in report order. */
export const CHECK_STATUSES: readonly CheckStatus[] = [
  'pass',
  'fail',
  'warning',
  'manual',
  'not-applicable',
  'error',
];

/** A person's attestation of a manual item (人工检测确认): who, when, what they found. */
export interface Attestation {
  /** Item id the attestation is for, e.g. `GD-4-5`. */
  readonly item: string;
  readonly result: 'pass' | 'fail';
  /** Who attested (name, and role where useful). */
  readonly by: string;
  /** When, ISO 8601. */
  readonly at: string;
  readonly note?: string;
  /** A reference to the evidence (a report file, its digest …). */
  readonly evidence?: string;
}

/** One item's result in a {@link CheckReport} (检测项结果). */
export interface CheckItemResult {
  readonly id: string;
  readonly group: string;
  readonly property: FourPropertyId;
  readonly name: string;
  readonly status: CheckStatus;
  /** What the item found; each finding has `item` set to this id, and `path`/`element` where it applies. */
  readonly findings: readonly Finding[];
  /** Why an item is `not-applicable`, `error` or `manual` (Chinese). */
  readonly reason?: string;
  readonly reasonEn?: string;
  /** For an attested manual item. */
  readonly attestation?: Attestation;
  /** The item id is provisional (see the catalogue). */
  readonly provisional?: boolean;
}

/** Counts of item statuses. */
export type StatusCounts = Readonly<Record<CheckStatus, number>>;

/** The report's summary (检测汇总). */
export interface CheckSummary {
  readonly total: number;
  readonly byStatus: StatusCounts;
  readonly byProperty: Readonly<Record<FourPropertyId, StatusCounts>>;
  /** No item `fail`ed or ended in `error` (warnings, manual and not-applicable items do not fail a report). */
  readonly passed: boolean;
}

/** What was checked (检测对象). */
export interface CheckSubject {
  /** A name for people: the package name or file name. */
  readonly name: string;
  /** `archival` (归档信息包), `transfer` (移交信息包), `eep`, or `unknown`. */
  readonly kind: 'archival' | 'transfer' | 'eep' | 'unknown';
  /** Entries in the package. */
  readonly entries?: number;
  /** Total bytes of the entries. */
  readonly bytes?: number;
  /** Digest of the package as a whole, when it was computed (algorithm named). */
  readonly digest?: { readonly algorithm: string; readonly value: string };
}

/** The result of `runChecks` (四性检测报告), the shape of the architecture §4. */
export interface CheckReport {
  readonly stage: CheckStageId;
  /** Profile id, e.g. `dat70`. */
  readonly profile: string;
  readonly subject: CheckSubject;
  /** ISO 8601, from the injected clock. */
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly summary: CheckSummary;
  readonly items: readonly CheckItemResult[];
  /** Producer and version, e.g. `dangan 0.1.0`. */
  readonly generator?: string;
}
