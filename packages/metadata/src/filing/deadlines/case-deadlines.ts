import { DanganError, type Finding, type SafeResult, safely } from '@dangan/core';
import { type CaseInput, readFilingCase } from '../case/read-case.js';
import { parseRetention, type Retention } from '../retention-period.js';
import { type DeadlineOptions, filingDueDate, retentionExpiry, transferDueDate } from './due-dates.js';
import { dayNumber, formatLocalDate, readDate, readToday } from './local-date.js';
import { resolveDeadlineRules } from './resolve-rules.js';
import type { DeadlineProfile, DeadlineRules } from './rules.js';

/** Options of {@link caseDeadlines}. */
export interface CaseDeadlineOptions extends DeadlineOptions {
  /** The case's period (default: its declared 档号.保管期限; pass `evaluateRetention(…).retention`). */
  readonly retention?: string | Retention;
  /** Today, injected (dangan reads no clock): enables the overdue findings. */
  readonly today?: string | Date;
}

/** The deadlines of one 办件. */
export interface CaseDeadlines {
  /** The table used. */
  readonly rules: { readonly id: string; readonly title: string; readonly status: DeadlineRules['status'] };
  /** The 办结 date (local), which is also the formation date of the case's records; `YYYY-MM-DD`. */
  readonly completedOn: string | undefined;
  /** 年度: the 办结 year (filing-rules §8, like 结案年度). */
  readonly year: string | undefined;
  readonly retention: Retention | undefined;
  /** Periodic filing due date. */
  readonly filingDue: string | undefined;
  /** Transfer due date; `undefined` when not transferred under the table or not computable. */
  readonly transferDue: string | undefined;
  /** Last day of the period (appraisal due after it); `undefined` for 永久 or when not computable. */
  readonly retentionExpiry: string | undefined;
  /**
   * `FILING_DEADLINE_OVERDUE` (not filed, filing date passed), `FILING_DEADLINE_FILED_LATE` (归档时间 after the
   * filing date), `FILING_DEADLINE_PASSED` (transfer or expiry date passed: check it was done),
   * `FILING_DEADLINE_INCOMPLETE` (no 办结时间 or period) and `FILING_RETENTION_PERIOD_INVALID`.
   */
  readonly findings: readonly Finding[];
}

/**
 * Every deadline of a 办件 under one table: filing due from its 办结时间, transfer due and retention expiry from
 * the 办结 date (the formation date of its records) and its period, and — given `today` — findings for what is
 * overdue. Whether the case was filed, and when, comes from its 归档时间; whether it was transferred or appraised
 * the SDK cannot know, so a passed transfer or expiry date is only an info finding. The host decides what to do.
 * Throws `FILING_CASE_INVALID`, `FILING_DATE_INVALID` or `FILING_DEADLINE_RULES_INVALID`.
 *
 * @example
 * const d = caseDeadlines(record, 'shanghai', { retention: 'D30', today: '2027-07-01' });
 * // { filingDue: '2027-06-30', transferDue: '2027-12-31', retentionExpiry: '2056-12-31', year: '2026', … }
 */
export function caseDeadlines(
  input: CaseInput,
  rules?: DeadlineRules | DeadlineProfile,
  options: CaseDeadlineOptions = {},
): CaseDeadlines {
  const r = resolveDeadlineRules(rules);
  const c = readFilingCase(input);
  const offset = options.utcOffsetMinutes ?? r.utcOffsetMinutes;
  const findings: Finding[] = [];
  const today = options.today === undefined ? undefined : readToday(options.today, offset);

  let retention: Retention | undefined;
  const given = options.retention ?? c.declaredRetention;
  if (given !== undefined) {
    try {
      retention = typeof given === 'string' ? parseRetention(given) : parseRetention(given.code);
    } catch (e) {
      if (!(e instanceof DanganError)) throw e;
      findings.push({
        code: 'FILING_RETENTION_PERIOD_INVALID',
        severity: 'error',
        message: `保管期限“${typeof given === 'string' ? given : String(given.code)}”无法识别，移交和鉴定期限无法计算`,
        messageEn: 'the retention period cannot be read; transfer and appraisal dates are not computed',
        path: options.retention === undefined ? '/文件实体/档号/保管期限' : 'options.retention',
      });
    }
  } else {
    findings.push({
      code: 'FILING_DEADLINE_INCOMPLETE',
      severity: 'info',
      message: `办件 ${c.caseNumber} 没有保管期限，移交和鉴定期限无法计算`,
      messageEn: `case ${c.caseNumber} has no retention period: transfer and appraisal dates are not computed`,
      path: '/文件实体/档号/保管期限',
    });
  }

  let completedOn: string | undefined;
  let filingDue: string | undefined;
  let transferDue: string | undefined;
  let expiry: string | undefined;
  if (c.completedAt === undefined) {
    findings.push({
      code: 'FILING_DEADLINE_INCOMPLETE',
      severity: 'info',
      message: `办件 ${c.caseNumber} 没有办结时间，归档、移交和鉴定期限无法计算`,
      messageEn: `case ${c.caseNumber} has no completion time: no deadline is computed`,
      path: '/办件/办结时间',
    });
  } else {
    const completed = readDate(c.completedAt, offset, '办结时间');
    completedOn = formatLocalDate(completed.date);
    const opts = { utcOffsetMinutes: offset };
    filingDue = filingDueDate(completedOn, r, opts);
    if (retention !== undefined) {
      transferDue = transferDueDate(completedOn, retention, r, opts);
      expiry = retentionExpiry(completedOn, retention, r, opts);
    }
    const due = readDate(filingDue, offset).date;
    if (c.archivedAt !== undefined) {
      const archived = readDate(c.archivedAt, offset, '归档时间').date;
      if (dayNumber(archived) > dayNumber(due))
        findings.push({
          code: 'FILING_DEADLINE_FILED_LATE',
          severity: 'warning',
          message: `办件 ${c.caseNumber} 于 ${formatLocalDate(archived)} 归档，晚于归档期限 ${filingDue}（${r.filing.source}）`,
          messageEn: `case ${c.caseNumber} was filed on ${formatLocalDate(archived)}, after the deadline ${filingDue}`,
          path: '/办件/归档时间',
        });
    } else if (today !== undefined && dayNumber(today) > dayNumber(due)) {
      findings.push({
        code: 'FILING_DEADLINE_OVERDUE',
        severity: 'warning',
        message: `办件 ${c.caseNumber} 尚未归档，已过归档期限 ${filingDue}（${r.filing.source}）`,
        messageEn: `case ${c.caseNumber} is not filed and its filing deadline ${filingDue} has passed`,
        path: '/办件/归档时间',
      });
    }
    if (today !== undefined) {
      for (const [what, whatEn, date] of [
        ['移交期限', 'transfer date', transferDue],
        ['保管期满日期', 'retention expiry', expiry],
      ] as const) {
        if (date !== undefined && dayNumber(today) > dayNumber(readDate(date, offset).date))
          findings.push({
            code: 'FILING_DEADLINE_PASSED',
            severity: 'info',
            message: `办件 ${c.caseNumber} 的${what} ${date} 已到，请核实是否已办理`,
            messageEn: `case ${c.caseNumber}: the ${whatEn} ${date} has passed; check whether it was done`,
          });
      }
    }
  }
  return {
    rules: { id: r.id, title: r.title, status: r.status },
    completedOn,
    year: completedOn?.slice(0, 4),
    retention,
    filingDue,
    transferDue,
    retentionExpiry: expiry,
    findings,
  };
}

/**
 * {@link caseDeadlines} without throwing.
 *
 * @example
 * const r = safeCaseDeadlines(record, 'kunming', { today: '2030-01-01' });
 * if (r.ok) r.value.findings; // overdue and passed-date findings
 */
export function safeCaseDeadlines(
  input: CaseInput,
  rules?: DeadlineRules | DeadlineProfile,
  options?: CaseDeadlineOptions,
): SafeResult<CaseDeadlines> {
  return safely(() => caseDeadlines(input, rules, options));
}
