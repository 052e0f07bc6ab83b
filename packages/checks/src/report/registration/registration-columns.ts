import type { CheckStageId } from '../../catalogue/types.js';
import { summarise } from '../summarise.js';
import type { CheckItemResult, CheckReport } from '../types.js';
import {
  ARCHIVING_REGISTRATION_MAPPING,
  type ItemSelector,
  type RegistrationColumnRule,
  type RegistrationFormMapping,
  type RegistrationResult,
  TRANSFER_REGISTRATION_MAPPING,
} from './mapping.js';

/** One filled check column of a registration form (登记表检测栏). */
export interface RegistrationCheckColumn {
  /** The column's name on the form, e.g. `病毒检测`. */
  readonly column: string;
  readonly result: RegistrationResult;
  /** What the result rests on, in Chinese, for the form's 说明 (item ids by outcome, reasons, attesters). */
  readonly note: string;
  readonly noteEn: string;
  /** Ids of the report items the column was filled from, in report order. */
  readonly items: readonly string[];
  /** The column's mapping is provisional (see the mapping's `basis`). */
  readonly provisional: boolean;
}

/** The check columns of one registration form, filled from a report. */
export interface RegistrationCheckColumns {
  /** The form, e.g. `电子文件归档登记表`. */
  readonly form: string;
  readonly stage: CheckStageId;
  /** The columns in the form's order. */
  readonly columns: readonly RegistrationCheckColumn[];
}

/** Options of {@link registrationCheckColumns}. */
export interface RegistrationColumnsOptions {
  /**
   * The form's columns and the items that fill them; default by the report's stage:
   * {@link ARCHIVING_REGISTRATION_MAPPING} or {@link TRANSFER_REGISTRATION_MAPPING}.
   */
  readonly mapping?: RegistrationFormMapping;
}

const DEFAULT_MAPPINGS: Readonly<Partial<Record<CheckStageId, RegistrationFormMapping>>> = {
  archiving: ARCHIVING_REGISTRATION_MAPPING,
  transfer: TRANSFER_REGISTRATION_MAPPING,
};

function matches(selector: ItemSelector | undefined, item: CheckItemResult): boolean {
  if (selector === undefined) return false;
  if (selector.properties?.includes(item.property)) return true;
  if (selector.groups?.includes(item.group)) return true;
  if (selector.items?.includes(item.id)) return true;
  const name = String(item.name);
  return selector.nameIncludes?.some((part) => part.length > 0 && name.includes(part)) ?? false;
}

const MAX_REASON = 60;

function shortReason(text: string | undefined): string {
  if (text === undefined || text.length === 0) return '';
  const chars = Array.from(text);
  return chars.length > MAX_REASON ? `${chars.slice(0, MAX_REASON).join('')}…` : text;
}

interface Outcome {
  readonly failed: CheckItemResult[];
  readonly errored: CheckItemResult[];
  readonly manual: CheckItemResult[];
  readonly unattested: CheckItemResult[];
  readonly warned: CheckItemResult[];
  readonly passed: CheckItemResult[];
  readonly notApplicable: CheckItemResult[];
}

function sortItems(items: readonly CheckItemResult[], rule: RegistrationColumnRule): Outcome {
  const o: Outcome = {
    failed: [],
    errored: [],
    manual: [],
    unattested: [],
    warned: [],
    passed: [],
    notApplicable: [],
  };
  for (const item of items) {
    switch (item.status) {
      case 'fail':
        o.failed.push(item);
        break;
      case 'error':
        o.errored.push(item);
        break;
      case 'manual':
        o.manual.push(item);
        break;
      case 'not-applicable':
        o.notApplicable.push(item);
        break;
      case 'pass':
      case 'warning':
        if (rule.attestedOnly === true && item.attestation === undefined) o.unattested.push(item);
        else if (item.status === 'warning') o.warned.push(item);
        else o.passed.push(item);
        break;
    }
  }
  return o;
}

function resultOf(o: Outcome): RegistrationResult {
  if (o.failed.length > 0) return '不合格';
  if (o.errored.length > 0 || o.manual.length > 0 || o.unattested.length > 0) return '未检测';
  if (o.passed.length > 0 || o.warned.length > 0) return '合格';
  return o.notApplicable.length > 0 ? '不适用' : '未检测';
}

function ids(items: readonly CheckItemResult[], withReason: 'zh' | 'en' | undefined): string {
  return items
    .map((item) => {
      const reason = shortReason(withReason === 'en' ? (item.reasonEn ?? item.reason) : item.reason);
      if (withReason === undefined || reason === '') return item.id;
      return withReason === 'zh' ? `${item.id}（${reason}）` : `${item.id} (${reason})`;
    })
    .join(withReason === 'en' ? ', ' : '、');
}

function attesters(items: readonly CheckItemResult[], lang: 'zh' | 'en'): string {
  return items
    .filter((item) => item.attestation !== undefined)
    .map((item) => {
      const a = item.attestation!;
      return lang === 'zh' ? `${item.id}（${a.by}，${a.at}）` : `${item.id} (${a.by}, ${a.at})`;
    })
    .join(lang === 'zh' ? '、' : ', ');
}

function notes(o: Outcome, selected: number): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (selected === 0) {
    return { zh: '报告中无对应检测项', en: 'no item of the report feeds this column' };
  }
  if (o.failed.length > 0) {
    zh.push(`不通过：${ids(o.failed, undefined)}`);
    en.push(`failed: ${ids(o.failed, undefined)}`);
  }
  if (o.errored.length > 0) {
    zh.push(`检测出错：${ids(o.errored, 'zh')}`);
    en.push(`check error: ${ids(o.errored, 'en')}`);
  }
  if (o.manual.length > 0) {
    zh.push(`待人工检测：${ids(o.manual, undefined)}`);
    en.push(`manual check pending: ${ids(o.manual, undefined)}`);
  }
  if (o.unattested.length > 0) {
    zh.push(`未经人工确认：${ids(o.unattested, undefined)}`);
    en.push(`not attested by a person: ${ids(o.unattested, undefined)}`);
  }
  if (o.warned.length > 0) {
    zh.push(`警告：${ids(o.warned, undefined)}`);
    en.push(`warnings: ${ids(o.warned, undefined)}`);
  }
  if (o.passed.length > 0) {
    zh.push(`通过 ${o.passed.length + o.warned.length} 项`);
    en.push(`${o.passed.length + o.warned.length} passed`);
  }
  const attested = [...o.failed, ...o.passed, ...o.warned];
  const byZh = attesters(attested, 'zh');
  if (byZh !== '') {
    zh.push(`人工确认：${byZh}`);
    en.push(`attested: ${attesters(attested, 'en')}`);
  }
  if (o.notApplicable.length > 0) {
    zh.push(`不适用：${ids(o.notApplicable, 'zh')}`);
    en.push(`not applicable: ${ids(o.notApplicable, 'en')}`);
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}

/**
 * Fills the check columns of the registration form of a report's stage (登记表检测栏) from its item
 * results: for 归档 the 电子文件归档登记表 (GB/T 18894-2016 表A.1: 载体外观检测, 病毒检测, 真实性检测, 可靠性检测,
 * 完整性检测, 可用性检测), for 移交与接收 the 移交与接收登记表 检验内容 (准确性检验, 完整性检验, 可用性检验, 安全性检验,
 * 载体外观检验). Which items fill which column is data ({@link ARCHIVING_REGISTRATION_MAPPING},
 * {@link TRANSFER_REGISTRATION_MAPPING}; 可靠性检测 and 准确性检验 are provisional readings), and `options.mapping`
 * replaces it — also for 长期保存, which has no form of its own.
 *
 * Each column is:
 * - `不合格` when any of its items failed;
 * - otherwise `未检测` when any ended in error, awaits a manual check, or (carrier appearance) passed
 *   without a person's attestation — or when the report has no item for the column;
 * - otherwise `合格` when at least one item passed (warnings included, and noted);
 * - otherwise `不适用` (every item was not applicable).
 *
 * So a column is never `合格` on the strength of manual, not-applicable or errored items. The note lists
 * the item ids behind the result, reasons for errors and non-applicability, and attesters.
 *
 * Throws `RangeError` for a stage without a default form when no mapping is given, or a mapping made for
 * another stage.
 *
 * @example
 * const { form, columns } = registrationCheckColumns(report);
 * // form: '电子文件归档登记表'
 * columns.find((c) => c.column === '病毒检测'); // { result: '合格', note: '通过 2 项', items: ['GD-4-1', 'GD-4-2'], … }
 */
export function registrationCheckColumns(
  report: CheckReport,
  options: RegistrationColumnsOptions = {},
): RegistrationCheckColumns {
  if (typeof report !== 'object' || report === null || !Array.isArray(report.items)) {
    throw new TypeError('report must be a CheckReport with an items array');
  }
  summarise(report.items); // throws TypeError naming an item with a status or property outside the contract
  const mapping = options.mapping ?? DEFAULT_MAPPINGS[report.stage];
  if (mapping === undefined) {
    throw new RangeError(
      `report.stage ${String(report.stage)} has no default registration form: pass options.mapping`,
    );
  }
  if (mapping.stage !== report.stage) {
    throw new RangeError(
      `options.mapping is for stage ${mapping.stage}, but report.stage is ${String(report.stage)}`,
    );
  }
  const columns = mapping.columns.map((rule): RegistrationCheckColumn => {
    const selected = report.items.filter(
      (item) => matches(rule.include, item) && !matches(rule.exclude, item),
    );
    const outcome = sortItems(selected, rule);
    const note = notes(outcome, selected.length);
    return {
      column: rule.column,
      result: resultOf(outcome),
      note: note.zh,
      noteEn: note.en,
      items: selected.map((item) => item.id),
      provisional: rule.provisional,
    };
  });
  return { form: mapping.form, stage: report.stage, columns };
}
