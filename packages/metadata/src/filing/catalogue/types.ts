/**
 * One row of the 归档文件目录 (DA/T 22-2015 §5.5, filing-rules §7.2): one per 件, in 档号 order. Every cell is
 * already in its printed form.
 */
export interface CatalogueRow {
  /** 序号: running number in the list, from 1. */
  readonly 序号: number;
  /** 档号. */
  readonly 档号: string;
  /** 文号 (发文字号, `沪〔2001〕01号`); `''` when the document has none. */
  readonly 文号: string;
  /** 责任者: the issuing organ or signer; `''` when missing (with a warning). */
  readonly 责任者: string;
  /** 题名; a title the archivist supplied is written in `[ ]`. */
  readonly 题名: string;
  /** 日期: `YYYYMMDD`; a researched date in brackets, `[19450815]`. */
  readonly 日期: string;
  /** 密级; `''` when missing (with a warning). */
  readonly 密级: string;
  /** 页数: pages with content; `undefined` when not known (audio, video …). */
  readonly 页数: number | undefined;
  /** 备注: notes (missing, changed, moved, destroyed …). */
  readonly 备注: string;
  /** 电子档案名称: the record's name in the transfer package (文件目录.XML); defaults to the 档号. */
  readonly 电子档案名称: string;
}

/**
 * A catalogue entry given directly (rather than as a DA/T 46 / 一网通办 record): the facts of one 件. Keys are
 * the catalogue's column names.
 */
export interface CatalogueEntry {
  /** 档号 (required). */
  readonly 档号: string;
  readonly 文号?: string | undefined;
  readonly 责任者?: string | undefined;
  /** 题名 as the document has it. */
  readonly 题名?: string | undefined;
  /** A title the archivist supplied, written in `[ ]` when 题名 is missing or unclear (§7.2). */
  readonly 拟写题名?: string | undefined;
  /** Formation date, `YYYY-MM-DD` or `YYYYMMDD`. */
  readonly 日期?: string | undefined;
  /** The date was established by research (考证): printed in brackets. */
  readonly 日期经考证?: boolean | undefined;
  readonly 密级?: string | undefined;
  readonly 页数?: number | undefined;
  readonly 备注?: string | undefined;
  readonly 电子档案名称?: string | undefined;
}
