/**
 * Filing, transfer and appraisal deadlines as data, one table per jurisdiction or profile. Every rule cites
 * the clause it comes from in `source`. Deadlines are configuration: a host passes one of
 * {@link DEADLINE_RULES} or its own table (`{ ...DEADLINE_RULES.shanghai, id: 'mine', … }`).
 */

/**
 * When periodic filing (定期归档) must be done: by the last day of `month` in the year `yearsAfter` after the
 * year the 事项 was completed (办结). `{ yearsAfter: 1, month: 6 }` is "by the end of June of the next year".
 */
export interface FilingDeadlineRule {
  readonly yearsAfter: number;
  readonly month: number;
  readonly source: string;
  readonly note?: string;
}

/**
 * When records must be transferred to the archives (移交进馆). Only records whose period is at least
 * `minRetentionYears` (永久 counts as longer than any) are in the transfer scope; without it, all are.
 * - `year-after-formation`: during the year `yearsAfter` after the formation year; the due date is 31 December
 *   of that year (上海 第二十条 “一般于形成次年移交” — the clause names a year, dangan takes its last day);
 * - `years-from-formation`: within `years` years of the formation date (“自形成之日起N年内”), the due date being
 *   the corresponding day `years` later, or the month's last day for 29 February (《民法典》 第二百零二条). A bare
 *   年度 counts from its 31 December.
 */
export type TransferDeadlineRule =
  | {
      readonly kind: 'year-after-formation';
      readonly yearsAfter: number;
      readonly minRetentionYears?: number;
      readonly source: string;
      readonly note?: string;
    }
  | {
      readonly kind: 'years-from-formation';
      readonly years: number;
      readonly minRetentionYears?: number;
      readonly source: string;
      readonly note?: string;
    };

/**
 * How the end of a 定期 period (the date after which the records are due for appraisal, 鉴定) is counted. No
 * clause found fixes it (filing-rules §10), so this is PROVISIONAL and overridable:
 * - `year-end` (default): the period runs from 1 January after the 年度 for N years, i.e. ends on 31 December of
 *   年度 + N (a 2024 record kept 定期10年 expires on 2034-12-31) — archives keep and appraise by 年度;
 * - `formation-date`: N years after the formation date (《民法典》 第二百零二条 counting).
 */
export interface AppraisalRule {
  readonly basis: 'year-end' | 'formation-date';
  readonly source: string;
  readonly note?: string;
}

/** The deadline rules of one jurisdiction or profile. */
export interface DeadlineRules {
  /** `shanghai`, `kunming`, `transfer-5y`… or the host's own id. */
  readonly id: string;
  readonly title: string;
  /** `draft` for texts still out for comment (may change). */
  readonly status: 'in-force' | 'draft' | 'custom';
  /**
   * Offset from UTC, in minutes, at which dateTimes with a zone (办结时间 `…+08:00`, `…Z`) are turned into local
   * dates: 480 (UTC+8, China Standard Time) for every built-in table.
   */
  readonly utcOffsetMinutes: number;
  readonly filing: FilingDeadlineRule;
  /** `undefined` when the table sets no transfer deadline. */
  readonly transfer: TransferDeadlineRule | undefined;
  readonly appraisal: AppraisalRule;
}

const SH = '《上海市政务服务“一网通办”电子文件归档和电子档案管理办法》（上海市档案局，2024-01-16 印发）';
const KM = '《昆明市电子文件归档与电子档案管理办法（征求意见稿）》';
const APPRAISAL: AppraisalRule = {
  basis: 'year-end',
  source:
    '暂定（PROVISIONAL）：未见规定保管期限起算日的条文；《档案法实施条例》第二十四条只要求对到期档案定期鉴定',
  note: '按年度计算：自年度次年1月1日起算，至 年度+N 年12月31日期满',
};
const NEXT_JUNE_NATIONAL: FilingDeadlineRule = {
  yearsAfter: 1,
  month: 6,
  source: '国家档案局令第13号《机关档案管理规定》（次年6月底前归档，常被引用；条文未核实，低置信度）',
};

/**
 * The built-in deadline tables:
 * - `shanghai` (default): filing by 30 June after the 办结 year (第十三条); records kept 30 years or more
 *   (“30年以上” includes 30) transferred in the year after formation (第二十条).
 * - `kunming` (a DRAFT for comment): filing by the end of June after completion (第二十条); transfer within 5 years
 *   of formation (第二十二条). The draft does not say which periods are in the archives' 接收范围; dangan assumes
 *   30 years or more, as in Shanghai (low confidence — override `minRetentionYears`).
 * - `transfer-5y`: 《电子档案移交与接收办法》（档发〔2012〕7号）— within 5 years of formation.
 * - `transfer-10y` / `transfer-20y`: 《档案法实施条例》 第二十条 — county-level archives 10 years, central,
 *   provincial and prefecture-level 20 years after formation (第四十条: e-records may follow other rules).
 *
 * @example
 * DEADLINE_RULES.shanghai.filing;           // { yearsAfter: 1, month: 6, source: '…第十三条…' }
 * DEADLINE_RULES.kunming.transfer?.kind;    // 'years-from-formation'
 */
export const DEADLINE_RULES = {
  shanghai: {
    id: 'shanghai',
    title: '上海市政务服务“一网通办”电子文件归档和电子档案管理办法',
    status: 'in-force',
    utcOffsetMinutes: 480,
    filing: {
      yearsAfter: 1,
      month: 6,
      source: `${SH} 第十三条：实施定期归档的应在“一网通办”事项办理完毕后的第二年6月底前完成`,
    },
    transfer: {
      kind: 'year-after-formation',
      yearsAfter: 1,
      minRetentionYears: 30,
      source: `${SH} 第二十条：保管期限为30年以上的电子档案列入移交范围；电子档案一般于形成次年移交`,
      note: '条文只说“形成次年”，dangan 取该年12月31日为到期日；有特殊要求的可适当延长',
    },
    appraisal: APPRAISAL,
  },
  kunming: {
    id: 'kunming',
    title: '昆明市电子文件归档与电子档案管理办法（征求意见稿）',
    status: 'draft',
    utcOffsetMinutes: 480,
    filing: {
      yearsAfter: 1,
      month: 6,
      source: `${KM} 第二十条：向本单位档案管理部门移交时间最迟不超过电子公文办理完毕后的次年6月底`,
    },
    transfer: {
      kind: 'years-from-formation',
      years: 5,
      minRetentionYears: 30,
      source: `${KM} 第二十二条：列入依法接收范围的……电子档案一般自形成之日起5年内向档案馆移交`,
      note: '接收范围未在草案中规定，暂按保管期限30年以上（低置信度，可覆盖）',
    },
    appraisal: APPRAISAL,
  },
  'transfer-5y': {
    id: 'transfer-5y',
    title: '电子档案自形成之日起5年内移交（档发〔2012〕7号）',
    status: 'in-force',
    utcOffsetMinutes: 480,
    filing: NEXT_JUNE_NATIONAL,
    transfer: {
      kind: 'years-from-formation',
      years: 5,
      minRetentionYears: 30,
      source: '《电子档案移交与接收办法》（档发〔2012〕7号）：电子档案应自形成之日起5年内向档案馆移交',
      note: '进馆范围暂按保管期限30年以上（低置信度，可覆盖）',
    },
    appraisal: APPRAISAL,
  },
  'transfer-10y': {
    id: 'transfer-10y',
    title: '县级国家档案馆接收范围：形成满10年移交（《档案法实施条例》第二十条）',
    status: 'in-force',
    utcOffsetMinutes: 480,
    filing: NEXT_JUNE_NATIONAL,
    transfer: {
      kind: 'years-from-formation',
      years: 10,
      minRetentionYears: 30,
      source:
        '《档案法实施条例》（国务院令第772号）第二十条：属于县级国家档案馆接收范围的档案，自形成之日起满10年移交',
      note: '进馆范围暂按保管期限30年以上（低置信度，可覆盖）',
    },
    appraisal: APPRAISAL,
  },
  'transfer-20y': {
    id: 'transfer-20y',
    title: '中央级、省级、设区的市级国家档案馆接收范围：形成满20年移交（《档案法实施条例》第二十条）',
    status: 'in-force',
    utcOffsetMinutes: 480,
    filing: NEXT_JUNE_NATIONAL,
    transfer: {
      kind: 'years-from-formation',
      years: 20,
      minRetentionYears: 30,
      source:
        '《档案法实施条例》（国务院令第772号）第二十条：属于中央级和省级、设区的市级国家档案馆接收范围的档案，自形成之日起满20年移交',
      note: '进馆范围暂按保管期限30年以上（低置信度，可覆盖）',
    },
    appraisal: APPRAISAL,
  },
} as const satisfies Record<string, DeadlineRules>;

/** The id of a built-in deadline table. */
export type DeadlineProfile = keyof typeof DEADLINE_RULES;
