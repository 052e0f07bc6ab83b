/**
 * One row of an 归档范围与保管期限表 (filing scope and retention schedule). Selectors that are absent match
 * anything; a rule with none is a catch-all. When several rules match a component, the most specific wins —
 * see {@link RetentionSchedule} for the order.
 */
export interface RetentionRule {
  /** Stable id of the row (cited in results and findings), unique in the schedule. */
  readonly id: string;
  /** What the row covers, e.g. `企业设立登记 — 结果性材料`. */
  readonly title?: string;
  /** 事项编码, matched exactly. At most one of `itemCode`, `itemCodePrefix`, `itemCodePattern`. */
  readonly itemCode?: string;
  /** Start of the 事项编码 (a family of 事项, e.g. every 食品经营许可 variant). */
  readonly itemCodePrefix?: string;
  /** Regular expression (source text, flag `u`, not anchored: write `^…$`) the 事项编码 must match. */
  readonly itemCodePattern?: string;
  /** 事项类型 values (行政许可, 行政确认, 公共服务…), compared after NFKC and trimming. */
  readonly itemTypes?: readonly string[];
  /**
   * Material kinds the row covers: 依据性材料, 程序性材料, 结果性材料, 电子证照 (aliases such as 证据性材料 are read
   * as the national term). A 电子证照 matches a row naming `电子证照` or, less specifically, its material class.
   */
  readonly materialKinds?: readonly string[];
  /** In the filing scope (归档) or not (不归档). */
  readonly inScope: boolean;
  /** 保管期限 when in scope: `永久`/`Y`, `定期30年`/`D30`, `定期10年`/`D10`, other `D{n}` (read by `parseRetention`). */
  readonly retention?: string;
  /** Explicit precedence: higher wins before any specificity (default 0). */
  readonly priority?: number;
  readonly note?: string;
  /** Where the row comes from (the clause of the approved table, a law…). */
  readonly source?: string;
}

/** The approval of a schedule by the archives administration (令第8号 第十二条; 实施条例 第十九条). */
export interface ScheduleApproval {
  /** The approval document (批复文号) or a note that the table is not approved. */
  readonly reference: string;
  readonly approvedBy?: string;
  /** Approval date, `YYYY-MM-DD`. */
  readonly date?: string;
}

/**
 * An institution's 归档范围与保管期限表 as data. There is no national table: each organ compiles its own and has it
 * approved (filing-rules §3); for 政务服务 it follows the 行政权力清单, 责任清单 and 公共服务目录 (国办发〔2023〕26号;
 * 上海 办法 第十一条), so rows are keyed by 事项编码, 事项类型 and material kind.
 *
 * **Precedence** when several rules match one component (first difference decides):
 * 1. higher `priority`;
 * 2. the 事项编码 selector: exact `itemCode` > `itemCodePrefix` (a longer prefix before a shorter) >
 *    `itemCodePattern` > none;
 * 3. the material kind: a row naming the component's own kind (`电子证照` for a licence) > a row naming a
 *    licence's material class > no kind;
 * 4. a row naming 事项类型 > none;
 * 5. the earlier row in the table.
 */
export interface RetentionSchedule {
  readonly id: string;
  readonly title: string;
  /** The table's version (a new version is approved whenever rows change). */
  readonly version: string;
  readonly approval: ScheduleApproval;
  readonly description?: string;
  readonly rules: readonly RetentionRule[];
}
