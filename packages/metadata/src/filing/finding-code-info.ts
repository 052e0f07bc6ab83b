import type { Severity } from '@dangan/core';

/** What one filing finding code means: every filing area's code table has rows of this shape. */
export interface FilingCodeInfo {
  /** Severity of the finding (`error` for codes that are thrown). */
  readonly severity: Severity;
  /** What the code means, in Chinese. */
  readonly zh: string;
  /** What the code means, in English. */
  readonly en: string;
}
