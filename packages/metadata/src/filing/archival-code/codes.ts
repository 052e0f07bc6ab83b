import type { Finding } from '@dangan/core';
import type { FilingCodeInfo } from '../finding-code-info.js';

/**
 * Every code the 档号 functions report or throw, as data: severity, meaning, and the DA/T 70 check item the
 * finding belongs to (GD-1-7 档号规范性检测). Codes are only ever added, never renamed.
 *
 * @example
 * ARCHIVAL_CODE_FINDING_CODES.FILING_ARCHIVAL_CODE_LOOKALIKE_SEPARATOR.severity; // 'warning'
 */
export const ARCHIVAL_CODE_FINDING_CODES = {
  FILING_ARCHIVAL_CODE_INVALID: {
    severity: 'error',
    zh: '档号不合格（thrown：findings 中是各组成部分的问题）',
    en: 'the archival code is invalid (thrown; the findings name each part)',
  },
  FILING_ARCHIVAL_CODE_STRUCTURE: {
    severity: 'error',
    zh: '档号的组数或段数与模板不符',
    en: 'the archival code has the wrong number of groups or segments for the template',
  },
  FILING_ARCHIVAL_CODE_PART_INVALID: {
    severity: 'error',
    zh: '档号的某个组成部分不符合模板（取值、格式或固定代码）',
    en: 'a part of the archival code does not fit its segment (value, form or fixed code)',
  },
  FILING_ARCHIVAL_CODE_PART_MISSING: {
    severity: 'error',
    zh: '生成档号所需的组成部分缺失',
    en: 'a part needed to write the archival code is missing',
  },
  FILING_ARCHIVAL_CODE_NUMBER_TOO_WIDE: {
    severity: 'error',
    zh: '件号（案卷号、页号）超出模板规定的位数，且模板不允许加宽',
    en: 'a number is wider than its segment allows and the template does not allow growth',
  },
  FILING_ARCHIVAL_CODE_AMBIGUOUS: {
    severity: 'warning',
    zh: '档号可按模板的多种方式拆分（可选段无法区分），取第一种',
    en: 'the archival code splits into the template in more than one way; the first reading is used',
  },
  FILING_ARCHIVAL_CODE_LOOKALIKE_SEPARATOR: {
    severity: 'warning',
    zh: '档号使用了形近的分隔符（如 •、・、–、－，或宽松模式下的 .），已按 · 或 - 处理',
    en: 'the archival code uses a look-alike separator, read as · or -',
  },
  FILING_ARCHIVAL_CODE_NORMALIZED: {
    severity: 'info',
    zh: '档号经 Unicode NFKC 规范化（全角字符）或去除首尾空白后读取',
    en: 'the archival code was read after NFKC normalisation (full-width characters) or trimming',
  },
  FILING_ARCHIVAL_CODE_TEMPLATE_INVALID: {
    severity: 'error',
    zh: '档号模板不合格',
    en: 'the archival code template is invalid',
  },
} as const satisfies Record<string, FilingCodeInfo>;

/** A code of a 档号 finding (see {@link ARCHIVAL_CODE_FINDING_CODES}). */
export type ArchivalCodeFindingCode = keyof typeof ARCHIVAL_CODE_FINDING_CODES;

/**
 * Which segment a finding is about: its part name, kind, and 1-based group and position — as found in the code
 * when reading (only the segments present count), as in the template when writing.
 */
export interface ArchivalCodeSegmentRef {
  /** The parts-object key (`件号`). */
  readonly part: string;
  /** The segment kind (`item`). */
  readonly kind: string;
  /** 1-based group (groups are joined by `-`). */
  readonly group: number;
  /** 1-based position inside its group. */
  readonly position: number;
}

/**
 * A finding about one 档号: a core {@link Finding} (item `GD-1-7`, element `M8` or the part's element number)
 * plus, when it is about one component, which segment, what was expected and what was found.
 */
export interface ArchivalCodeFinding extends Finding {
  readonly code: ArchivalCodeFindingCode;
  readonly segment?: ArchivalCodeSegmentRef;
  readonly expected?: string;
  readonly actual?: string;
}

/** @internal Builds a 档号 finding with the code's default severity and item GD-1-7. */
export function archivalCodeFinding(
  code: ArchivalCodeFindingCode,
  message: string,
  messageEn: string,
  extra: {
    readonly element?: string | undefined;
    readonly segment?: ArchivalCodeSegmentRef | undefined;
    readonly expected?: string | undefined;
    readonly actual?: string | undefined;
    readonly path?: string | undefined;
  } = {},
): ArchivalCodeFinding {
  const finding: {
    -readonly [K in keyof ArchivalCodeFinding]: ArchivalCodeFinding[K];
  } = {
    code,
    severity: ARCHIVAL_CODE_FINDING_CODES[code].severity,
    message,
    messageEn,
    item: 'GD-1-7',
    element: extra.element ?? 'M8',
  };
  if (extra.path !== undefined) finding.path = extra.path;
  if (extra.segment !== undefined) finding.segment = extra.segment;
  if (extra.expected !== undefined) finding.expected = extra.expected;
  if (extra.actual !== undefined) finding.actual = extra.actual;
  return finding;
}
