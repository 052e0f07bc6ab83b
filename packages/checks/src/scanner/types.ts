import type { ByteSource } from '@dangan/core';

/**
 * Why a scan gave no verdict (未能扫描的原因). Hosts switch on it (retry on `unreachable`/`timeout`, raise clamd's
 * limits on `not-scanned`); reports show `reason`/`reasonEn`.
 *
 * - `unreachable`: the scanner could not be reached (socket missing, connection refused or reset);
 * - `timeout`: no progress within the scanner's time limit;
 * - `not-scanned`: the scanner refused or skipped the content (larger than its stream or scan limits);
 * - `source-unreadable`: the bytes to scan could not be read;
 * - `protocol`: the scanner answered something this adapter does not understand, or reported its own error.
 */
export type ScanErrorCode = 'unreachable' | 'timeout' | 'not-scanned' | 'source-unreadable' | 'protocol';

/**
 * The verdict on one file (病毒扫描结果). `error` is never a pass: the file was not (fully) scanned.
 *
 * @example
 * const result: ScanResult = { status: 'infected', signature: 'Eicar-Test-Signature' };
 */
export type ScanResult =
  | { readonly status: 'clean' }
  | { readonly status: 'infected'; readonly signature: string }
  | {
      readonly status: 'error';
      /** Chinese reason, shown in reports. */
      readonly reason: string;
      /** English reason. */
      readonly reasonEn: string;
      /** Machine-readable cause; adapters of this package always set it. */
      readonly code?: ScanErrorCode;
    };

/** Options of {@link VirusScanner.scan}. */
export interface ScanOptions {
  /** The file's path in the package, for messages and logs only (the scanner sees just the bytes). */
  readonly path?: string;
  /** Aborting rejects the scan with `DanganError('ABORTED')` and closes the scanner connection. */
  readonly signal?: AbortSignal;
}

/**
 * A virus scanner (病毒查杀软件) the GD-4-2 check (安全性：病毒检测) calls once per content file. The check engine
 * owns no scanner: the host passes one, such as `clamavScanner()` from `@dangan/checks/node`, or its own adapter.
 *
 * Contract: `scan` resolves to a {@link ScanResult} for everything about the scan itself (scanner down, timeout,
 * limits, unreadable bytes → `error` with a reason), and rejects only when `signal` aborts it
 * (`DanganError('ABORTED')`) or on programmer errors. It never reports `clean` for bytes it did not scan.
 *
 * @example
 * const scanner: VirusScanner = {
 *   name: 'always-clean (tests only)',
 *   async scan() {
 *     return { status: 'clean' };
 *   },
 * };
 */
export interface VirusScanner {
  /** Engine and, when known, database version, e.g. `ClamAV 1.0.3/27100`; shown in reports. */
  readonly name: string;
  /** Scans the bytes of one file. */
  scan(source: ByteSource, options?: ScanOptions): Promise<ScanResult>;
  /** The scanner's own version string (for the report), when the scanner can tell. */
  version?(): Promise<string>;
}
