import type { RetentionCode } from '../retention-period.js';

/**
 * The kinds of segment a 档号 is built from (filing-rules §2, DA/T 13-2022, DA/T 22-2015):
 *
 * | kind | part (usual key) | meaning |
 * |---|---|---|
 * | `fonds` | 全宗号 | fonds code (`Z109`) |
 * | `category` | 门类代码 | first-level category (`WS`), fixed or variable |
 * | `subclass` | 二级类别号 · 三级类别号 · 事项大类 … | lower-level class codes (`JC`, `01`, `XK`) |
 * | `project` | 项目号 | project, topic or equipment code (科技) |
 * | `catalogue` | 目录号 | catalogue number (legacy; a class, not a running number) |
 * | `year` | 年度 | 4-digit year |
 * | `retention` | 保管期限 | `Y` / `D{n}` |
 * | `org` | 机构或问题 | organisation or subject code (`BGS`, `办公室`, `003`) |
 * | `volume` | 案卷号 · 组号 · 册号 | running number of a volume (group) within its class |
 * | `item` | 件号 | running number of an item (zero-padded) |
 * | `page` | 页号 | page number |
 *
 * `volume`, `item` and `page` are *number* segments; all others are *code* segments. The leaf class — the key a
 * running number restarts under (§2.3) — is every segment before the counter.
 */
export type ArchivalCodeSegmentKind =
  | 'fonds'
  | 'category'
  | 'subclass'
  | 'project'
  | 'catalogue'
  | 'year'
  | 'retention'
  | 'org'
  | 'volume'
  | 'item'
  | 'page';

/** The number segment kinds: written as zero-padded digits, counted by a sequence. */
export type ArchivalCodeNumberKind = 'volume' | 'item' | 'page';

/** What every segment has. */
interface ArchivalCodeSegmentBase {
  /**
   * The key of the value in the parts object. Use the DA/T 46 element names where one exists (全宗号, 目录号,
   * 年度, 保管期限, 机构或问题, 件号, 页号), 门类代码 / 二级类别号 / 三级类别号 for the parts of 类别号, and
   * 案卷号 for 室编案卷号 (see {@link ArchivalCodeParts}).
   */
  readonly part: string;
  /** Chinese name used in messages; defaults to `part`. */
  readonly label?: string;
  /**
   * The segment may be absent (DA/T 22-2015 机构(问题) when the scheme has no such level): the value and its
   * separator are left out, and a group whose segments are all absent is left out with its `-`.
   */
  readonly optional?: boolean;
}

/** A code segment: letters, digits or Chinese characters matching `pattern`, or a fixed code. */
export interface ArchivalCodeCodeSegment extends ArchivalCodeSegmentBase {
  readonly kind: Exclude<ArchivalCodeSegmentKind, ArchivalCodeNumberKind>;
  /**
   * Regular-expression source (flag `u`) the whole written value must match; defaults per kind (fonds
   * `[A-Z0-9]{4}`, category `[A-Z]{2}`, year `\d{4}`, retention `Y|D[1-9]\d{0,2}`, org
   * `[A-Z0-9\p{Script=Han}]+`, others `[A-Z0-9]+`). It must not match `-` or `·`.
   */
  readonly pattern?: string;
  /** A fixed value (`WS`): written when the parts lack it, and the only value accepted. */
  readonly fixed?: string;
}

/** A number segment: a positive integer written with at least `width` digits, zero-padded. */
export interface ArchivalCodeNumberSegment extends ArchivalCodeSegmentBase {
  readonly kind: ArchivalCodeNumberKind;
  /** Digits written (zero-padded): DA/T 22-2015 件号 4; DA/T 13-2022 "by need" (3, 4 and 5 are all used). */
  readonly width: number;
  /** Fewest digits accepted when reading (defaults to `width`); for codes written narrower elsewhere. */
  readonly minWidth?: number;
  /**
   * Whether a number that needs more than `width` digits may be written (and read) wider. DA/T 13-2022 allows
   * it (扩充性); DA/T 22-2015's 4-digit 件号 does not. Default `false`; the `grow` option overrides it.
   */
  readonly grow?: boolean;
}

/** One segment of a 档号 template. */
export type ArchivalCodeSegment = ArchivalCodeCodeSegment | ArchivalCodeNumberSegment;

/** How sure the template is as a rendering of its source. */
export type ArchivalCodeTemplateStatus = 'standard' | 'standard-example' | 'local' | 'legacy' | 'proposal';

/**
 * A 档号 template (filing-rules §2.3): groups joined by `-`, segments inside a group joined by `·` (U+00B7).
 * Structured data is the source of truth; {@link defineArchivalCodeTemplate} also reads the short string form
 * `{全宗号}-WS·{年度}-{保管期限}-{机构或问题?}-{件号:4}`.
 */
export interface ArchivalCodeTemplate {
  /** Stable id (`dat22`). */
  readonly id: string;
  /** Chinese name. */
  readonly name: string;
  /** Groups of segments, in order. */
  readonly groups: readonly (readonly ArchivalCodeSegment[])[];
  /** The number segment a sequence counts (its `part`); defaults to the last number segment. */
  readonly counter?: string;
  /** The standard or rule the template renders (`DA/T 22-2015 §5.4`). */
  readonly source?: string;
  /** Whether it is the standard's rule, a rendering of its examples, local practice, legacy, or a proposal. */
  readonly status?: ArchivalCodeTemplateStatus;
  /** Codes the template must accept (checked by {@link defineArchivalCodeTemplate}). */
  readonly examples?: readonly string[];
  /** Notes (confidence, what is overridable). */
  readonly note?: string;
}

/**
 * The values a 档号 is written from (input of {@link formatArchivalCode}). Keys are the templates' `part`
 * names; the usual ones follow DA/T 46 (element numbers in brackets):
 *
 * | key | meaning |
 * |---|---|
 * | 全宗号 (M9) | fonds code |
 * | 门类代码, 二级类别号, 三级类别号 (M14 类别号, split at `·`) | category and sub-classes |
 * | 项目号 | project code (科技) |
 * | 目录号 (M10) | catalogue number |
 * | 年度 (M11) | year, `'2024'` or `2024` |
 * | 保管期限 (M12) | words (`定期30年`) or code (`D30`) |
 * | 机构或问题 (M13) | organisation or subject code |
 * | 案卷号 (M15 室编案卷号; photo templates use 组号) | volume / group number |
 * | 件号 (M17 室编件号 / M18 馆编件号) | item number, `1` or `'0001'` |
 * | 页号 (M20) | page number |
 * | 事项大类 | 一网通办 service-item class (proposal) |
 *
 * Keys the template does not use are ignored; `undefined` and `''` count as absent.
 */
export interface ArchivalCodeParts {
  readonly 全宗号?: string | undefined;
  readonly 门类代码?: string | undefined;
  readonly 二级类别号?: string | undefined;
  readonly 三级类别号?: string | undefined;
  readonly 项目号?: string | undefined;
  readonly 目录号?: string | undefined;
  readonly 年度?: string | number | undefined;
  readonly 保管期限?: string | undefined;
  readonly 机构或问题?: string | undefined;
  readonly 案卷号?: number | string | undefined;
  readonly 件号?: number | string | undefined;
  readonly 页号?: number | string | undefined;
  readonly 事项大类?: string | undefined;
  readonly [part: string]: string | number | undefined;
}

/**
 * The values read from a 档号 (output of {@link parseArchivalCode}): code segments as strings (年度 `'2011'`,
 * 保管期限 the code `'Y'`), number segments as numbers (件号 `1`). Only the segments present are set.
 */
export interface ParsedArchivalCodeParts {
  readonly 全宗号?: string;
  readonly 门类代码?: string;
  readonly 二级类别号?: string;
  readonly 三级类别号?: string;
  readonly 项目号?: string;
  readonly 目录号?: string;
  readonly 年度?: string;
  readonly 保管期限?: RetentionCode;
  readonly 机构或问题?: string;
  readonly 案卷号?: number;
  readonly 件号?: number;
  readonly 页号?: number;
  readonly 事项大类?: string;
  readonly [part: string]: string | number | undefined;
}

/** Options of {@link formatArchivalCode} and {@link archivalCodeSequenceKey}. */
export interface FormatArchivalCodeOptions {
  /** Allow numbers wider than their segment's width in every number segment (overrides the template's `grow`). */
  readonly grow?: boolean;
}

/** Options of {@link parseArchivalCode}, {@link validateArchivalCode} and {@link normalizeArchivalCode}. */
export interface ParseArchivalCodeOptions {
  /** Also read ASCII `.` as `·` (seen in real systems), with a warning. Off by default. */
  readonly lenient?: boolean;
  /** Accept numbers wider than their segment's width (overrides the template's `grow`). */
  readonly grow?: boolean;
}
