/**
 * How the demo summarises a check report in its printed lines: counts by status, and each failing item with
 * the file (or element) its first finding names.
 */
import { CHECK_STATUSES, type CheckReport, catalogue, STATUS_LABELS } from '@dangan/checks';

/** `通过 30 项，待人工检测 6 项，不适用 2 项` — every status with a non-zero count, in report order. */
export function passCounts(report: CheckReport, lang: 'zh' | 'en'): string {
  return CHECK_STATUSES.filter((s) => report.summary.byStatus[s] > 0)
    .map((s) =>
      lang === 'zh'
        ? `${STATUS_LABELS[s].zh} ${report.summary.byStatus[s]} 项`
        : `${STATUS_LABELS[s].en.toLowerCase()} ${report.summary.byStatus[s]}`,
    )
    .join(lang === 'zh' ? '，' : ', ');
}

/**
 * The items that failed or could not be evaluated, one line each: `GD-1-1 固化信息有效性检测：<first error's
 * message>（<path>）`.
 */
export function failingItems(report: CheckReport, lang: 'zh' | 'en' = 'zh'): string[] {
  return report.items
    .filter((i) => i.status === 'fail' || i.status === 'error')
    .map((i) => {
      const f = i.findings.find((x) => x.severity === 'error') ?? i.findings[0];
      const where = f?.path ?? f?.element;
      const zh = f?.message ?? i.reason ?? '';
      const what = lang === 'en' ? (f?.messageEn ?? i.reasonEn ?? zh) : zh;
      const name = lang === 'en' ? (catalogue.byId(i.id)?.nameEn ?? i.name) : i.name;
      // Long hex digests are cut to their first 12 digits for the terminal; the reports keep them whole.
      const short = what.replace(/\b([0-9a-f]{12})[0-9a-f]{20,}\b/g, '$1…');
      return `${i.id} ${name}${lang === 'en' ? ': ' : '：'}${short}${where !== undefined && !what.includes(where) ? ` (${where})` : ''}`;
    });
}

/** Whether a report caught a tampered entry: it did not pass, and a failed item has a finding at `entry`. */
export function caught(report: CheckReport, entry: string): boolean {
  return (
    !report.summary.passed &&
    report.items.some((i) => i.status === 'fail' && i.findings.some((f) => f.path === entry))
  );
}
