import type { Finding } from '@dangan/core';
import type { ArchivalCodeParts } from '../archival-code/model.js';

/**
 * A level of a 文书 classification scheme (DA/T 22-2015 §5.2): 年度, 保管期限, and 机构 (organisational unit)
 * or 问题 (subject) — a scheme uses 机构 or 问题, never both. 门类 sits above every level (`category`).
 */
export type ClassificationLevel = '年度' | '保管期限' | '机构' | '问题';

/** Where a value comes from: a path in the record (by its Chinese keys), or a named fact the host passes. */
export type ClassificationSourceRef = { readonly record: readonly string[] } | { readonly fact: string };

/** One place a level's value may come from; a level tries its sources in order and takes the first present. */
export interface ClassificationSource {
  /** Stable id, reported in the class path (`ywtb-completion`). */
  readonly id: string;
  /** What the rule is, in Chinese. */
  readonly name: string;
  readonly from: ClassificationSourceRef;
  /** How sure the rule is (`proposal` for dangan's own readings). */
  readonly confidence?: 'high' | 'medium' | 'low' | 'proposal';
  /** Where the rule comes from. */
  readonly basis?: string;
}

/**
 * A classification scheme (分类方案) as data: one per 全宗 (DA/T 22-2015 §5.2), its levels in the order the
 * institution chose, and where each level's value comes from.
 */
export interface ClassificationScheme {
  readonly id: string;
  /** Chinese name (`年度—机构—保管期限`). */
  readonly name: string;
  /** The levels, top first. */
  readonly levels: readonly ClassificationLevel[];
  /** The 全宗号 the scheme belongs to; records of another 全宗 get `FILING_CLASSIFICATION_FONDS_MISMATCH`. */
  readonly fonds?: string;
  /** 门类代码 above the levels (`WS`). */
  readonly category?: string;
  /** Sources of 年度, in order (default {@link defaultYearRules}). */
  readonly yearRules?: readonly ClassificationSource[];
  /** Sources of 保管期限 (default {@link defaultRetentionSources}). */
  readonly retentionSources?: readonly ClassificationSource[];
  /** Sources of 机构/问题 (default {@link defaultOrgSources}). */
  readonly orgSources?: readonly ClassificationSource[];
  /** 机构/问题 names to codes (`{ 办公室: 'BGS' }`); values already codes are kept. */
  readonly orgCodes?: Readonly<Record<string, string>>;
  readonly source?: string;
  readonly note?: string;
}

/**
 * Facts the host knows that the record does not hold (the sources with `{ fact }` read them): decided values
 * (`年度`, `保管期限` from the retention schedule, `机构或问题`), or dates for the year rules (`签发日期` of a
 * cross-year document, `结束日期` of a cross-year meeting or case).
 */
export interface ClassificationFacts {
  readonly 年度?: string | number | undefined;
  readonly 保管期限?: string | undefined;
  readonly 机构或问题?: string | undefined;
  readonly 签发日期?: string | undefined;
  readonly 结束日期?: string | undefined;
  readonly [fact: string]: string | number | undefined;
}

/** One step of a class path: the level, its value (年度 `'2024'`, 保管期限 code `'D30'`, 机构 code) and the source id. */
export interface ClassPathEntry {
  readonly level: ClassificationLevel;
  readonly value: string;
  readonly source: string;
}

/** The result of {@link classify}. */
export interface Classification {
  /** The levels found, in scheme order. */
  readonly path: readonly ClassPathEntry[];
  /** Every level has a value and no error was found. */
  readonly complete: boolean;
  /**
   * The leaf class as a key — 全宗号, 门类代码 and the path values joined by `/` (`Z109/WS/2024/BGS/D30`) — usable
   * as a sequence key when numbering without a template; `undefined` when incomplete.
   */
  readonly key: string | undefined;
  /** The values as 档号 parts (全宗号, 门类代码, 年度, 保管期限, 机构或问题), for {@link formatArchivalCode}. */
  readonly parts: ArchivalCodeParts;
  readonly findings: readonly Finding[];
}

/** Options of {@link classify}. */
export interface ClassifyOptions {
  readonly facts?: ClassificationFacts;
}
