import {
  type CheckItemResult,
  type CheckReport,
  catalogue,
  FOUR_PROPERTIES,
  PROPERTY_LABELS,
  STAGE_LABELS,
  SUBJECT_KIND_LABELS,
} from '@dangan/checks';
import type { Finding } from '@dangan/core';
import { type CliIo, type GlobalOptions, t } from './io.js';
import { formatBytes } from './progress.js';

const MARK = { pass: '✓', fail: '✗', warning: '!', manual: '✎', 'not-applicable': '－', error: '⊘' } as const;
const COLUMNS = [
  ['pass', '通过', 'passed'],
  ['fail', '不通过', 'failed'],
  ['warning', '警告', 'warnings'],
  ['manual', '待人工', 'manual'],
  ['not-applicable', '不适用', 'n/a'],
  ['error', '出错', 'error(s)'],
] as const;
/** Findings printed per item before "… and n more". */
const MAX_FINDINGS = 10;

/**
 * Prints a check report for people: what was checked, one line of counts per property (真实性, 完整性,
 * 可用性, 安全性), every failed or errored item with its findings (`GD-1-1 固化信息有效性检测 ✗ <path>
 * <message>`), warnings (unless `--quiet`), and the verdict.
 *
 * @example
 * printReport(await runChecks({ stage: 'archiving', source }), global, io);
 */
export function printReport(report: CheckReport, global: GlobalOptions, io: CliIo): void {
  const en = global.lang === 'en';
  const out = (line: string) => io.stdout(`${line}\n`);
  const s = report.subject;
  const stage = STAGE_LABELS[report.stage][en ? 'en' : 'zh'];
  const kind = SUBJECT_KIND_LABELS[s.kind][en ? 'en' : 'zh'];
  if (!global.quiet) {
    const size = [
      s.entries === undefined ? undefined : t(global, `${s.entries} 个条目`, `${s.entries} entries`),
      s.bytes === undefined ? undefined : formatBytes(s.bytes),
    ]
      .filter((x) => x !== undefined)
      .join(t(global, '，', ', '));
    out(
      t(
        global,
        `四性检测（${stage}环节，方案 ${report.profile}）：${s.name}（${kind}${size === '' ? '' : `，${size}`}）`,
        `Four-property checks (${stage}, profile ${report.profile}): ${s.name} (${kind}${size === '' ? '' : `, ${size}`})`,
      ),
    );
    for (const p of FOUR_PROPERTIES) {
      const counts = report.summary.byProperty[p.id];
      const cells = COLUMNS.filter(([k]) => k === 'pass' || k === 'fail' || counts[k] > 0).map(
        ([k, zh, english]) => `${MARK[k]} ${counts[k]} ${en ? english : zh}`,
      );
      out(
        `  ${PROPERTY_LABELS[p.id][en ? 'en' : 'zh'].padEnd(en ? 13 : 4, en ? ' ' : '　')}  ${cells.join('  ')}`,
      );
    }
  }
  const failed = report.items.filter((i) => i.status === 'fail' || i.status === 'error');
  const warned = report.items.filter((i) => i.status === 'warning');
  if (failed.length > 0) {
    out(t(global, '未通过的检测项：', 'Items that did not pass:'));
    for (const item of failed) printItem(item, global, io);
  }
  if (warned.length > 0 && !global.quiet) {
    out(t(global, '警告：', 'Warnings:'));
    for (const item of warned) printItem(item, global, io);
  }
  const manual = report.summary.byStatus.manual;
  if (!global.quiet && manual > 0)
    out(
      t(
        global,
        `另有 ${manual} 项须人工检测并记录（见报告）`,
        `${manual} item(s) need a person to check and attest them (see the report)`,
      ),
    );
  const { fail, error, pass } = report.summary.byStatus;
  const pending = report.summary.byStatus.manual;
  const na = report.summary.byStatus['not-applicable'];
  out(
    report.summary.passed
      ? t(
          global,
          `结论：✓ 通过（共 ${report.summary.total} 项：${pass} 项通过，${pending} 项待人工检测，${na} 项不适用，无不通过与出错）`,
          `Result: ✓ passed (${report.summary.total} items: ${pass} passed, ${pending} awaiting a person, ${na} not applicable, none failed or in error)`,
        )
      : t(
          global,
          `结论：✗ 未通过（${fail} 项不通过，${error} 项出错）`,
          `Result: ✗ NOT passed (${fail} failed, ${error} error(s))`,
        ),
  );
}

function printItem(item: CheckItemResult, global: GlobalOptions, io: CliIo): void {
  const en = global.lang === 'en';
  const name = en ? (catalogue.byId(item.id)?.nameEn ?? item.name) : item.name;
  const head = `  ${item.id} ${name} ${MARK[item.status]}`;
  const shown: Finding[] = item.findings.filter((f) =>
    item.status === 'warning' ? f.severity !== 'info' : f.severity === 'error',
  );
  const reason = en ? (item.reasonEn ?? item.reason) : item.reason;
  if (shown.length === 0) {
    io.stdout(`${head} ${reason ?? ''}\n`);
    return;
  }
  for (const f of shown.slice(0, MAX_FINDINGS)) {
    const message = en ? (f.messageEn ?? f.message) : f.message;
    const where = [f.path, f.element].filter((x) => x !== undefined && x !== '').join(' ');
    io.stdout(`${head} ${where === '' ? '' : `${where}  `}${message}\n`);
  }
  if (shown.length > MAX_FINDINGS)
    io.stdout(
      `${head} ${t(global, `……另有 ${shown.length - MAX_FINDINGS} 条（见报告）`, `… and ${shown.length - MAX_FINDINGS} more (see the report)`)}\n`,
    );
}
