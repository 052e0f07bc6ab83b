import { DanganError, type Finding, type SafeResult, safely } from '@dangan/core';
import { compareArchivalCodes } from './archival-code-order.js';
import { catalogueDate } from './catalogue-date.js';
import { dat22ArchivalCode, isMetadataRecord, objectAt, textAt } from './record-fields.js';
import type { CatalogueEntry, CatalogueRow } from './types.js';

/**
 * What {@link buildCatalogue} accepts for one 件: a {@link CatalogueEntry}, or a DA/T 46 / 一网通办 record
 * (`{ 文件实体: { 档号, 内容描述, 形式特征, 附注 … }, 办件?: … }`).
 */
export type CatalogueInput = CatalogueEntry | Readonly<Record<string, unknown>>;

/** Options of {@link buildCatalogue}. The record readers apply to records only; entries carry their own facts. */
export interface BuildCatalogueOptions {
  /**
   * The 档号 of a record (default: 文件实体.档号 written in the DA/T 22-2015 form, see `dat22ArchivalCode`).
   * Pass the institution's template here, e.g. `(r) => formatArchivalCode(template, partsOf(r))`.
   */
  readonly archivalCode?: (record: Readonly<Record<string, unknown>>) => string | undefined;
  /** 门类代码 of the default DA/T 22-2015 档号 (default `WS`). */
  readonly category?: string;
  /**
   * A title to supply (in `[ ]`) when a record has no 题名 (default: 办件.办件名称 of an 一网通办 record).
   */
  readonly suppliedTitle?: (record: Readonly<Record<string, unknown>>) => string | undefined;
  /** Whether a record's date was established by research (default: never). */
  readonly researchedDate?: (record: Readonly<Record<string, unknown>>) => boolean;
  /** 备注 of a record (default: its 附注, joined with `；`). */
  readonly remarks?: (record: Readonly<Record<string, unknown>>) => string | undefined;
  /**
   * 电子档案名称 for 文件目录.XML (default: the entry's own, else the 档号 — the usual name of a 件's folder or
   * package; overridable because the transfer rules do not fix it).
   */
  readonly electronicName?: (row: Omit<CatalogueRow, '电子档案名称'>, input: CatalogueInput) => string;
  /**
   * Allowed 密级 values (default the DA/T 46 M38 value domain: 公开, 限制, 秘密, 机密, 绝密); `false` accepts any.
   * Others give a `FILING_CATALOGUE_CLASSIFICATION_UNKNOWN` warning.
   */
  readonly classifications?: readonly string[] | false;
  /** Sort the rows in 档号 order (default `true`); `false` keeps the input order (already arranged). */
  readonly sort?: boolean;
  /** 序号 of the first row (default 1). */
  readonly firstNumber?: number;
}

/** The catalogue: rows in order, and the notes made while building it (warnings and info). */
export interface Catalogue {
  readonly rows: CatalogueRow[];
  readonly findings: Finding[];
}

interface Draft {
  readonly row: Omit<CatalogueRow, '序号' | '电子档案名称'>;
  readonly input: CatalogueInput;
  readonly electronicName: string | undefined;
  readonly index: number;
}

/**
 * The 密级 values the catalogue accepts by default: the DA/T 46 M38 value domain (GB/T 7156), repeated here so
 * the catalogue does not bundle the whole DA/T 46 table (a test keeps the two equal).
 */
export const CATALOGUE_CLASSIFICATIONS: readonly string[] = ['公开', '限制', '秘密', '机密', '绝密'];

function finding(
  code: string,
  severity: Finding['severity'],
  message: string,
  messageEn: string,
  path: string,
  element?: string,
): Finding {
  return { code, severity, message, messageEn, path, ...(element === undefined ? {} : { element }) };
}

function stringField(entry: Readonly<Record<string, unknown>>, key: string): string | undefined {
  return textAt(entry as Record<string, unknown>, key);
}

/** A field of an entry (by its column name) or of a record (in `recordObject`, by its element name). */
function readField(
  entry: Readonly<Record<string, unknown>> | undefined,
  entryKey: string,
  recordObject: Record<string, unknown> | undefined,
  recordKey: string,
): string | undefined {
  return entry !== undefined ? stringField(entry, entryKey) : textAt(recordObject, recordKey);
}

/**
 * The 归档文件目录 (DA/T 22-2015 §5.5, filing-rules §7.2): one row per 件, in 档号 order, numbered from 1,
 * each cell in printed form — 日期 as `YYYYMMDD` (`[YYYYMMDD]` when researched), a supplied title in `[ ]`
 * when 题名 is missing. Inputs are {@link CatalogueEntry} objects or DA/T 46 / 一网通办 records (文号 ←
 * 文件编号, 责任者, 题名, 日期, 密级 ← 内容描述; 页数 ← 形式特征; 备注 ← 附注). When 来文 and 复文 form one
 * 件, write a 题名 that also reflects the 来文 (DA/T 22-2015) — the catalogue prints what it is given.
 *
 * Throws `DanganError('FILING_CATALOGUE_INVALID')` with a finding per problem (missing or duplicate 档号,
 * invalid date or 页数, no title at all); returns warnings (missing 责任者/密级, unknown 密级) and info
 * (supplied titles) in `findings`. Paths are input indexes (`/3/日期`).
 *
 * @example
 * const { rows } = buildCatalogue([
 *   { 档号: 'Z109-WS·2011-Y-BGS-0002', 责任者: '办公室', 拟写题名: '会议签到表', 日期: '2011-05-04', 密级: '公开', 页数: 1 },
 *   { 档号: 'Z109-WS·2011-Y-BGS-0001', 文号: '沪府办〔2011〕1号', 责任者: '上海市人民政府办公厅', 题名: '关于…的通知', 日期: '2011-01-05', 密级: '公开', 页数: 3 },
 * ]);
 * rows.map((r) => [r.序号, r.档号, r.题名, r.日期]);
 * // [[1, 'Z109-WS·2011-Y-BGS-0001', '关于…的通知', '20110105'], [2, 'Z109-WS·2011-Y-BGS-0002', '[会议签到表]', '20110504']]
 */
export function buildCatalogue(
  inputs: readonly CatalogueInput[],
  options: BuildCatalogueOptions = {},
): Catalogue {
  if (!Array.isArray(inputs)) throw new TypeError('inputs must be an array');
  const firstNumber = options.firstNumber ?? 1;
  if (!Number.isSafeInteger(firstNumber) || firstNumber < 0) {
    throw new RangeError('firstNumber must be a non-negative integer');
  }
  const allowed =
    options.classifications === false ? undefined : (options.classifications ?? CATALOGUE_CLASSIFICATIONS);
  const errors: Finding[] = [];
  const notes: Finding[] = [];
  const drafts: Draft[] = [];

  inputs.forEach((input, index) => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      errors.push(
        finding(
          'FILING_CATALOGUE_ENTRY_INVALID',
          'error',
          `第 ${index + 1} 个目录条目不是对象`,
          `Entry ${index + 1} is not an object`,
          `/${index}`,
        ),
      );
      return;
    }
    const record = isMetadataRecord(input) ? input : undefined;
    const entry = record === undefined ? (input as Readonly<Record<string, unknown>>) : undefined;
    const description = objectAt(record, '文件实体', '内容描述');
    const form = objectAt(record, '文件实体', '形式特征');

    // 档号
    let code: string | undefined;
    if (entry !== undefined) code = stringField(entry, '档号');
    else if (options.archivalCode !== undefined) code = options.archivalCode(record!)?.trim() || undefined;
    else
      code = dat22ArchivalCode(record, options.category === undefined ? {} : { category: options.category });
    if (code === undefined) {
      errors.push(
        finding(
          'FILING_CATALOGUE_ARCHIVAL_CODE_MISSING',
          'error',
          `第 ${index + 1} 件缺少档号${record === undefined ? '' : '（文件实体.档号 的全宗号、年度、保管期限、件号不全或无效）'}`,
          `Item ${index + 1} has no archival code`,
          entry !== undefined ? `/${index}/档号` : `/${index}/文件实体/档号`,
          'M8',
        ),
      );
    }

    // 题名, or a supplied title in [ ].
    let title = readField(entry, '题名', description, '题名');
    if (title === undefined) {
      const supplied =
        entry !== undefined
          ? stringField(entry, '拟写题名')
          : options.suppliedTitle !== undefined
            ? options.suppliedTitle(record!)?.trim() || undefined
            : textAt(objectAt(record, '办件'), '办件名称');
      if (supplied === undefined) {
        errors.push(
          finding(
            'FILING_CATALOGUE_TITLE_MISSING',
            'error',
            `第 ${index + 1} 件（${code ?? '无档号'}）没有题名，也没有可拟写的题名`,
            `Item ${index + 1} (${code ?? 'no code'}) has no title and none can be supplied`,
            entry !== undefined ? `/${index}/题名` : `/${index}/文件实体/内容描述/题名`,
            'M22',
          ),
        );
      } else {
        title = /^\[.*\]$/u.test(supplied) ? supplied : `[${supplied}]`;
        notes.push(
          finding(
            'FILING_CATALOGUE_TITLE_SUPPLIED',
            'info',
            `第 ${index + 1} 件（${code ?? '无档号'}）题名缺失，著录拟写题名“${title}”`,
            `Item ${index + 1}: no title; supplied "${title}"`,
            entry !== undefined ? `/${index}/题名` : `/${index}/文件实体/内容描述/题名`,
            'M22',
          ),
        );
      }
    }

    // 日期
    const rawDate = readField(entry, '日期', description, '日期');
    const researched =
      entry !== undefined ? entry.日期经考证 === true : (options.researchedDate?.(record!) ?? false) === true;
    const date = rawDate === undefined ? undefined : catalogueDate(rawDate, researched);
    if (date === undefined) {
      errors.push(
        finding(
          'FILING_CATALOGUE_DATE_INVALID',
          'error',
          `第 ${index + 1} 件（${code ?? '无档号'}）的日期${rawDate === undefined ? '缺失' : `“${rawDate}”无效`}（应为 YYYY-MM-DD 或 YYYYMMDD）`,
          `Item ${index + 1}: date ${rawDate === undefined ? 'missing' : `"${rawDate}" invalid`}`,
          entry !== undefined ? `/${index}/日期` : `/${index}/文件实体/内容描述/日期`,
          'M33',
        ),
      );
    }

    // 页数
    const rawPages = entry !== undefined ? entry.页数 : form?.页数;
    let pages: number | undefined;
    if (rawPages !== undefined && rawPages !== null && rawPages !== '') {
      const n = typeof rawPages === 'string' && /^\d+$/u.test(rawPages.trim()) ? Number(rawPages) : rawPages;
      if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) pages = n;
      else
        errors.push(
          finding(
            'FILING_CATALOGUE_PAGES_INVALID',
            'error',
            `第 ${index + 1} 件（${code ?? '无档号'}）的页数“${String(rawPages)}”不是非负整数`,
            `Item ${index + 1}: page count "${String(rawPages)}" is not a non-negative integer`,
            entry !== undefined ? `/${index}/页数` : `/${index}/文件实体/形式特征/页数`,
            'M43',
          ),
        );
    }

    // 责任者, 密级
    const author = readField(entry, '责任者', description, '责任者');
    const classification = readField(entry, '密级', description, '密级');
    for (const [name, value, element, path] of [
      ['责任者', author, 'M32', '责任者'],
      ['密级', classification, 'M38', '密级'],
    ] as const) {
      if (value === undefined) {
        notes.push(
          finding(
            'FILING_CATALOGUE_FIELD_MISSING',
            'warning',
            `第 ${index + 1} 件（${code ?? '无档号'}）缺少${name}，该栏留空`,
            `Item ${index + 1}: ${name} is missing; the cell is left blank`,
            entry !== undefined ? `/${index}/${path}` : `/${index}/文件实体/内容描述/${path}`,
            element,
          ),
        );
      }
    }
    if (classification !== undefined && allowed !== undefined && !allowed.includes(classification)) {
      notes.push(
        finding(
          'FILING_CATALOGUE_CLASSIFICATION_UNKNOWN',
          'warning',
          `第 ${index + 1} 件（${code ?? '无档号'}）的密级“${classification}”不在允许的取值中（${allowed.join('、')}）`,
          `Item ${index + 1}: classification "${classification}" is not an allowed value`,
          entry !== undefined ? `/${index}/密级` : `/${index}/文件实体/内容描述/密级`,
          'M38',
        ),
      );
    }

    const remarks =
      entry !== undefined
        ? stringField(entry, '备注')
        : options.remarks !== undefined
          ? options.remarks(record!)
          : textAt(objectAt(record, '文件实体'), '附注');
    if (code === undefined || title === undefined || date === undefined) return;
    drafts.push({
      row: {
        档号: code,
        文号: readField(entry, '文号', description, '文件编号') ?? '',
        责任者: author ?? '',
        题名: title,
        日期: date,
        密级: classification ?? '',
        页数: pages,
        备注: remarks ?? '',
      },
      input,
      electronicName: entry !== undefined ? stringField(entry, '电子档案名称') : undefined,
      index,
    });
  });

  const order = drafts.slice();
  if (options.sort ?? true)
    order.sort((a, b) => compareArchivalCodes(a.row.档号, b.row.档号) || a.index - b.index);
  const seen = new Map<string, number>();
  for (const d of order) {
    const first = seen.get(d.row.档号);
    if (first !== undefined) {
      errors.push(
        finding(
          'FILING_CATALOGUE_ARCHIVAL_CODE_DUPLICATE',
          'error',
          `档号“${d.row.档号}”重复（第 ${first + 1} 件与第 ${d.index + 1} 件）：归档文件目录一件一条`,
          `Archival code "${d.row.档号}" is used by items ${first + 1} and ${d.index + 1}`,
          `/${d.index}`,
          'M8',
        ),
      );
    } else {
      seen.set(d.row.档号, d.index);
    }
  }
  if (errors.length > 0) {
    throw new DanganError(
      'FILING_CATALOGUE_INVALID',
      `归档文件目录无法编制：${errors.length} 个问题（${errors[0]!.message}${errors.length > 1 ? ' 等' : ''}）`,
      {
        messageEn: `The catalogue cannot be built: ${errors.length} problem(s)`,
        findings: [...errors, ...notes],
      },
    );
  }
  const rows = order.map((d, i): CatalogueRow => {
    const row = { 序号: firstNumber + i, ...d.row };
    const name =
      d.electronicName ??
      (options.electronicName !== undefined ? options.electronicName(row, d.input) : undefined) ??
      row.档号;
    return { ...row, 电子档案名称: name };
  });
  return { rows, findings: notes };
}

/**
 * {@link buildCatalogue} as a result: on failure the findings list every problem (errors first, then the
 * warnings and notes).
 *
 * @example
 * const r = safeBuildCatalogue([{ 档号: 'Z109-WS·2011-Y-0001', 题名: '通知', 日期: '2011-02-30' }]);
 * if (!r.ok) r.findings[0]?.code; // 'FILING_CATALOGUE_DATE_INVALID'
 */
export function safeBuildCatalogue(
  inputs: readonly CatalogueInput[],
  options: BuildCatalogueOptions = {},
): SafeResult<Catalogue> {
  return safely(() => buildCatalogue(inputs, options));
}
