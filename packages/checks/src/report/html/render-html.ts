import type { Finding } from '@dangan/core';
import { catalogue } from '../../catalogue/catalogue.js';
import type { CheckStageId, FourPropertyId } from '../../catalogue/types.js';
import { CHECK_STAGES, FOUR_PROPERTIES } from '../../stages.js';
import {
  labelOf,
  PROPERTY_LABELS,
  type ReportLang,
  SEVERITY_LABELS,
  STAGE_LABELS,
  STATUS_LABELS,
  SUBJECT_KIND_LABELS,
} from '../labels.js';
import { summarise } from '../summarise.js';
import {
  type Attestation,
  CHECK_STATUSES,
  type CheckItemResult,
  type CheckReport,
  type CheckStatus,
  type CheckSummary,
} from '../types.js';
import { renderStatusChart } from './chart.js';
import { escapeHtmlAttribute, escapeHtmlCode, escapeHtmlText } from './escape-html.js';
import { formatBytes, formatDuration, formatInteger } from './format.js';
import { REPORT_CSS } from './styles.js';

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /** Language of the report's own words: `'zh'` (default) or `'en'`. Data (names, messages) stays as given. */
  readonly lang?: ReportLang;
  /** Heading and document title; default `归档环节四性检测报告` (by stage) or its English form. */
  readonly title?: string;
  /**
   * Name of a check group (检测项目) in a stage: `(stage, '1-2') → '电子文件元数据准确性'`. Default: the shipped
   * catalogue's name; when it returns undefined the group is headed by its key only.
   */
  readonly groupName?: (stage: CheckStageId, group: string, lang: ReportLang) => string | undefined;
  /** An item's name in the report language (used in English reports beside the Chinese name). Default: the catalogue's `nameEn`. */
  readonly itemName?: (id: string, lang: ReportLang) => string | undefined;
  /**
   * Most findings listed per item (default 100): errors first, then warnings, then notes; the rest are
   * counted. `0` lists none.
   */
  readonly maxFindingsPerItem?: number;
  /** Print a sign-off block (检测人 / 审核人 / 日期) at the end (default true). */
  readonly signOff?: boolean;
}

const DEFAULT_MAX_FINDINGS = 100;

const STATUS_SYMBOL: Readonly<Record<CheckStatus, string>> = {
  pass: '✓',
  fail: '✗',
  warning: '⚠',
  manual: '✎',
  'not-applicable': '－',
  error: '⊘',
};

/** Statuses listed under 需关注的检测项, most serious first. */
const ATTENTION_ORDER: readonly CheckStatus[] = ['fail', 'error', 'manual', 'warning'];

const SEVERITY_RANK: Readonly<Record<string, number>> = { error: 0, warning: 1, info: 2 };

/** 0 error, 1 warning, 2 info, 3 anything else (a foreign report). */
function severityRank(severity: string): number {
  return Object.hasOwn(SEVERITY_RANK, severity) ? SEVERITY_RANK[severity]! : 3;
}

const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

interface Context {
  readonly report: CheckReport;
  readonly lang: ReportLang;
  readonly maxFindings: number;
  readonly options: HtmlReportOptions;
  /** Every item with its anchor (`item-<position>`), in report order. */
  readonly entries: readonly Entry[];
}

interface Entry {
  readonly item: CheckItemResult;
  readonly anchor: string;
}

/** `zh` or `en` text by the report language. */
function tr(ctx: Context, zh: string, en: string): string {
  return ctx.lang === 'zh' ? zh : en;
}

function colon(ctx: Context): string {
  return ctx.lang === 'zh' ? '：' : ': ';
}

function sectionHeading(ctx: Context, index: number, zh: string, en: string): string {
  return ctx.lang === 'zh' ? `${ZH_NUMERALS[index]}、${zh}` : `${index + 1}. ${en}`;
}

function badge(status: CheckStatus, lang: ReportLang): string {
  return `<span class="badge ${status}">${STATUS_SYMBOL[status]} ${STATUS_LABELS[status][lang]}</span>`;
}

function validateOptions(options: HtmlReportOptions): { lang: ReportLang; maxFindings: number } {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  const lang = options.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en')
    throw new RangeError(`options.lang must be 'zh' or 'en', got ${String(lang)}`);
  const maxFindings = options.maxFindingsPerItem ?? DEFAULT_MAX_FINDINGS;
  if (!Number.isSafeInteger(maxFindings) || maxFindings < 0) {
    throw new RangeError(
      `options.maxFindingsPerItem must be a non-negative integer, got ${String(maxFindings)}`,
    );
  }
  return { lang, maxFindings };
}

function validateReport(report: CheckReport): void {
  if (typeof report !== 'object' || report === null)
    throw new TypeError('report must be a CheckReport object');
  if (!Array.isArray(report.items)) throw new TypeError('report.items must be an array');
  if (typeof report.subject !== 'object' || report.subject === null) {
    throw new TypeError('report.subject must be an object');
  }
  report.items.forEach((item, index) => {
    if (typeof item !== 'object' || item === null)
      throw new TypeError(`report.items[${index}] must be an object`);
    if (!Array.isArray(item.findings))
      throw new TypeError(`report.items[${index}].findings must be an array`);
    (item.findings as readonly unknown[]).forEach((f, j) => {
      if (typeof f !== 'object' || f === null) {
        throw new TypeError(`report.items[${index}].findings[${j}] must be an object`);
      }
    });
  });
}

function sameSummary(given: CheckSummary | undefined, computed: CheckSummary): boolean {
  if (typeof given !== 'object' || given === null) return false;
  if (given.total !== computed.total || given.passed !== computed.passed) return false;
  for (const status of CHECK_STATUSES) {
    if (given.byStatus?.[status] !== computed.byStatus[status]) return false;
    for (const p of FOUR_PROPERTIES) {
      if (given.byProperty?.[p.id]?.[status] !== computed.byProperty[p.id][status]) return false;
    }
  }
  return true;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function renderHeader(ctx: Context, title: string, summary: CheckSummary): string {
  const { report, lang } = ctx;
  const subject = report.subject;
  const stage = CHECK_STAGES.find((s) => s.id === report.stage);
  const stageText =
    stage === undefined
      ? escapeHtmlText(String(report.stage))
      : `${STAGE_LABELS[stage.id][lang]}${lang === 'zh' ? `（${stage.code}）` : ` (${stage.code})`}`;
  const rows: [string, string][] = [
    [tr(ctx, '检测对象', 'Subject'), `<span class="path">${escapeHtmlText(String(subject.name))}</span>`],
    [tr(ctx, '对象类型', 'Kind'), escapeHtmlText(labelOf(SUBJECT_KIND_LABELS, String(subject.kind), lang))],
  ];
  if (typeof subject.entries === 'number') {
    rows.push([tr(ctx, '条目数', 'Entries'), formatInteger(subject.entries)]);
  }
  if (typeof subject.bytes === 'number')
    rows.push([tr(ctx, '总字节数', 'Total size'), formatBytes(subject.bytes, lang)]);
  if (typeof subject.digest === 'object' && subject.digest !== null) {
    rows.push([
      tr(ctx, '整包数字摘要', 'Package digest'),
      `${escapeHtmlText(String(subject.digest.algorithm))}${colon(ctx)}<code class="path">${escapeHtmlCode(String(subject.digest.value))}</code>`,
    ]);
  }
  rows.push(
    [tr(ctx, '检测环节', 'Stage'), stageText],
    [tr(ctx, '检测方案', 'Profile'), `<code>${escapeHtmlCode(String(report.profile))}</code>`],
    [tr(ctx, '开始时间', 'Started'), escapeHtmlText(String(report.startedAt))],
    [tr(ctx, '结束时间', 'Finished'), escapeHtmlText(String(report.finishedAt))],
  );
  const duration = formatDuration(String(report.startedAt), String(report.finishedAt), lang);
  if (duration !== undefined) rows.push([tr(ctx, '用时', 'Duration'), duration]);
  const generator = optionalText(report.generator);
  if (generator !== undefined) rows.push([tr(ctx, '生成程序', 'Generator'), escapeHtmlText(generator)]);

  let verdict: string;
  if (summary.passed) {
    const notes = [tr(ctx, '无不通过项、无检测出错项', 'no item failed or ended in error')];
    if (summary.byStatus.manual > 0) {
      notes.push(
        tr(
          ctx,
          `另有 ${summary.byStatus.manual} 项待人工检测`,
          `${summary.byStatus.manual} manual checks pending`,
        ),
      );
    }
    if (summary.byStatus.warning > 0) {
      notes.push(
        tr(ctx, `${summary.byStatus.warning} 项有警告`, `${summary.byStatus.warning} with warnings`),
      );
    }
    verdict = `<p class="verdict passed">${tr(ctx, '检测结论：', 'Result: ')}<strong>${STATUS_SYMBOL.pass} ${STATUS_LABELS.pass[lang]}</strong><span class="sub">${notes.join(tr(ctx, '；', '; '))}</span></p>`;
  } else {
    const sub = tr(
      ctx,
      `不通过 ${summary.byStatus.fail} 项，检测出错 ${summary.byStatus.error} 项`,
      `${summary.byStatus.fail} failed, ${summary.byStatus.error} ended in error`,
    );
    verdict = `<p class="verdict failed">${tr(ctx, '检测结论：', 'Result: ')}<strong>${STATUS_SYMBOL.fail} ${STATUS_LABELS.fail[lang]}</strong><span class="sub">${sub}</span></p>`;
  }

  const tableRows = rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('');
  const nav = [
    ['summary', sectionHeading(ctx, 0, '检测汇总', 'Summary')],
    ['attention', sectionHeading(ctx, 1, '需关注的检测项', 'Items needing attention')],
    ['details', sectionHeading(ctx, 2, '检测明细', 'Item details')],
    ...(ctx.options.signOff === false ? [] : [['sign-off', sectionHeading(ctx, 3, '检测签字', 'Sign-off')]]),
  ]
    .map(([id, text]) => `<a href="#${id}">${text}</a>`)
    .join('');
  return `<header><h1>${escapeHtmlText(title)}</h1>${verdict}<table class="meta"><tbody>${tableRows}</tbody></table><nav class="toc">${nav}</nav></header>`;
}

function renderSummary(ctx: Context, summary: CheckSummary, consistent: boolean): string {
  const { lang } = ctx;
  const head = CHECK_STATUSES.map((s) => `<th scope="col" class="num">${badge(s, lang)}</th>`).join('');
  const row = (
    label: string,
    counts: Readonly<Record<CheckStatus, number>>,
    total: number,
    tag: 'th' | 'td',
  ) =>
    `<tr><th scope="row">${label}</th>${CHECK_STATUSES.map((s) => `<${tag} class="num">${formatInteger(counts[s])}</${tag}>`).join('')}<${tag} class="num">${formatInteger(total)}</${tag}></tr>`;
  const body = FOUR_PROPERTIES.map((p) => {
    const counts = summary.byProperty[p.id];
    const total = CHECK_STATUSES.reduce((n, s) => n + counts[s], 0);
    return row(`${PROPERTY_LABELS[p.id][lang]}`, counts, total, 'td');
  }).join('');
  const parts = CHECK_STATUSES.filter((s) => summary.byStatus[s] > 0).map(
    (s) => `${STATUS_LABELS[s][lang]} ${formatInteger(summary.byStatus[s])}`,
  );
  const line = tr(
    ctx,
    `共检测 ${formatInteger(summary.total)} 项${parts.length > 0 ? `：${parts.join('，')}` : ''}。`,
    `${formatInteger(summary.total)} item${summary.total === 1 ? '' : 's'} checked${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`,
  );
  const mismatch = consistent
    ? ''
    : `<p class="warning-box">${tr(
        ctx,
        '注意：报告中的汇总数据与检测项不一致，本页按检测项重新统计。',
        'Note: the summary in the report does not match its items; this page counts the items again.',
      )}</p>`;
  const chart = `<figure>${renderStatusChart(summary.byProperty, lang)}<figcaption>${tr(ctx, '图 1　各性质检测结论分布', 'Figure 1. Item statuses by property')}</figcaption></figure>`;
  const table = `<table class="counts"><caption>${tr(ctx, '表 1　检测结论统计（项）', 'Table 1. Items by property and status')}</caption><thead><tr><th scope="col">${tr(ctx, '性质', 'Property')}</th>${head}<th scope="col" class="num">${tr(ctx, '合计', 'Total')}</th></tr></thead><tbody>${body}</tbody><tfoot>${row(tr(ctx, '合计', 'Total'), summary.byStatus, summary.total, 'td')}</tfoot></table>`;
  return `<section class="summary" id="summary"><h2>${sectionHeading(ctx, 0, '检测汇总', 'Summary')}</h2><p>${line}</p>${mismatch}${chart}${table}</section>`;
}

function reasonOf(ctx: Context, item: CheckItemResult): string | undefined {
  const zh = optionalText(item.reason);
  const en = optionalText(item.reasonEn);
  return ctx.lang === 'en' ? (en ?? zh) : (zh ?? en);
}

function messageOf(ctx: Context, finding: Finding): string {
  const en = optionalText(finding.messageEn);
  return ctx.lang === 'en' && en !== undefined ? en : String(finding.message);
}

/** The shipped catalogue's name of a group (the default of {@link HtmlReportOptions.groupName}). */
function catalogueGroupName(stage: CheckStageId, group: string): string | undefined {
  return catalogue.groupsForStage(stage).find((g) => g.group === group)?.name;
}

/** The shipped catalogue's name of an item in `lang` (the default of {@link HtmlReportOptions.itemName}). */
function catalogueItemName(id: string, lang: ReportLang): string | undefined {
  const item = catalogue.byId(id);
  return lang === 'en' ? item?.nameEn : item?.name;
}

function itemTitle(ctx: Context, item: CheckItemResult): string {
  const name = escapeHtmlText(String(item.name));
  if (ctx.lang !== 'en') return name;
  const english = (ctx.options.itemName ?? catalogueItemName)(String(item.id), 'en');
  return english === undefined || english === item.name ? name : `${escapeHtmlText(english)} · ${name}`;
}

function renderAttention(ctx: Context): string {
  const { lang } = ctx;
  const listed = ATTENTION_ORDER.flatMap((status) =>
    ctx.entries.filter(({ item }) => item.status === status),
  );
  let body: string;
  if (listed.length === 0) {
    body = `<p>${tr(ctx, '所有检测项均已通过或不适用。', 'Every item passed or is not applicable.')}</p>`;
  } else {
    const rows = listed
      .map(({ item, anchor }) => {
        const reason = reasonOf(ctx, item);
        const first = item.findings[0];
        let detail = '';
        if (reason !== undefined) detail = `<span class="message">${escapeHtmlText(reason)}</span>`;
        else if (first !== undefined)
          detail = `<span class="message">${escapeHtmlText(messageOf(ctx, first))}</span>`;
        if (item.findings.length > 0) {
          detail += ` <span class="note">${tr(ctx, `（发现 ${formatInteger(item.findings.length)} 条）`, `(${formatInteger(item.findings.length)} findings)`)}</span>`;
        }
        return `<tr class="${item.status}"><td>${badge(item.status, lang)}</td><td class="id"><a href="#${anchor}"><code>${escapeHtmlCode(String(item.id))}</code></a></td><td>${itemTitle(ctx, item)}</td><td>${escapeHtmlText(labelOf(PROPERTY_LABELS, String(item.property), lang))}</td><td>${detail}</td></tr>`;
      })
      .join('');
    body = `<p class="note">${tr(
      ctx,
      '以下检测项不通过、检测出错、待人工检测或有警告（不通过者在前），详见检测明细。',
      'These items failed, ended in error, await a manual check or have warnings (failures first); see the details.',
    )}</p><table class="attention"><thead><tr><th scope="col">${tr(ctx, '结论', 'Status')}</th><th scope="col">${tr(ctx, '编号', 'Item')}</th><th scope="col">${tr(ctx, '检测内容', 'Check')}</th><th scope="col">${tr(ctx, '性质', 'Property')}</th><th scope="col">${tr(ctx, '说明', 'Details')}</th></tr></thead><tbody>${rows}</tbody></table>`;
  }
  return `<section class="attention" id="attention"><h2>${sectionHeading(ctx, 1, '需关注的检测项', 'Items needing attention')}</h2>${body}</section>`;
}

function renderAttestation(ctx: Context, attestation: Attestation): string {
  const parts = [
    `${tr(ctx, '结论', 'result')}${colon(ctx)}${escapeHtmlText(labelOf(STATUS_LABELS, String(attestation.result), ctx.lang))}`,
    `${tr(ctx, '确认人', 'by')}${colon(ctx)}${escapeHtmlText(String(attestation.by))}`,
    `${tr(ctx, '时间', 'at')}${colon(ctx)}${escapeHtmlText(String(attestation.at))}`,
  ];
  const note = optionalText(attestation.note);
  if (note !== undefined)
    parts.push(`${tr(ctx, '说明', 'note')}${colon(ctx)}<span class="message">${escapeHtmlText(note)}</span>`);
  const evidence = optionalText(attestation.evidence);
  if (evidence !== undefined) {
    parts.push(
      `${tr(ctx, '证据', 'evidence')}${colon(ctx)}<span class="path">${escapeHtmlCode(evidence)}</span>`,
    );
  }
  return `<p class="attestation"><span class="label">${tr(ctx, '人工确认：', 'Attested: ')}</span>${parts.join(tr(ctx, '；', '; '))}</p>`;
}

function renderFindings(ctx: Context, findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  // The first `maxFindings` by severity (errors, warnings, notes, then others), in their order: one pass,
  // no sort, whatever the number of findings.
  const buckets: Finding[][] = [[], [], [], []];
  for (const finding of findings) {
    const bucket = buckets[severityRank(String(finding.severity))]!;
    if (bucket.length < ctx.maxFindings) bucket.push(finding);
  }
  const shown = buckets.flat().slice(0, ctx.maxFindings);
  let out = '';
  if (shown.length > 0) {
    const rows = shown
      .map((finding) => {
        const severity = String(finding.severity);
        const sevClass = severityRank(severity) < 3 ? ` sev-${severity}` : '';
        const path = optionalText(finding.path);
        const element = optionalText(finding.element);
        return `<tr><td class="sev"><span class="badge${sevClass}">${escapeHtmlText(labelOf(SEVERITY_LABELS, severity, ctx.lang))}</span></td><td class="message">${escapeHtmlText(messageOf(ctx, finding))}</td><td>${path === undefined ? '' : `<code class="path">${escapeHtmlCode(path)}</code>`}</td><td>${element === undefined ? '' : `<code>${escapeHtmlCode(element)}</code>`}</td><td><code class="path">${escapeHtmlCode(String(finding.code))}</code></td></tr>`;
      })
      .join('');
    out += `<table class="findings"><thead><tr><th scope="col">${tr(ctx, '级别', 'Severity')}</th><th scope="col">${tr(ctx, '说明', 'Message')}</th><th scope="col">${tr(ctx, '位置', 'Path')}</th><th scope="col">${tr(ctx, '元数据项', 'Element')}</th><th scope="col">${tr(ctx, '代码', 'Code')}</th></tr></thead><tbody>${rows}</tbody></table>`;
  }
  const hidden = findings.length - shown.length;
  if (hidden > 0) {
    out += `<p class="more">${tr(
      ctx,
      `另有 ${formatInteger(hidden)} 条发现未列出（共 ${formatInteger(findings.length)} 条），完整内容见 JSON 报告。`,
      `${formatInteger(hidden)} more findings not listed (${formatInteger(findings.length)} in all); see the JSON report.`,
    )}</p>`;
  }
  return out;
}

function renderItem(ctx: Context, { item, anchor }: Entry): string {
  const provisional = item.provisional
    ? `<span class="provisional" title="${escapeHtmlAttribute(tr(ctx, '此编号依据公开资料重建，尚待与标准原文核对', 'This id is reconstructed and not yet confirmed against the standard'))}">${tr(ctx, '暂定编号', 'provisional id')}</span>`
    : '';
  const head = `<div class="item-head">${badge(item.status, ctx.lang)}<code class="item-id">${escapeHtmlCode(String(item.id))}</code><span class="item-name">${itemTitle(ctx, item)}</span>${provisional}</div>`;
  const reason = reasonOf(ctx, item);
  const reasonHtml =
    reason === undefined
      ? ''
      : `<p class="reason"><span class="label">${tr(ctx, '原因：', 'Reason: ')}</span><span class="message">${escapeHtmlText(reason)}</span></p>`;
  const attestation =
    typeof item.attestation === 'object' && item.attestation !== null
      ? renderAttestation(ctx, item.attestation)
      : '';
  return `<article class="item ${item.status}" id="${anchor}">${head}${reasonHtml}${attestation}${renderFindings(ctx, item.findings)}</article>`;
}

function renderProperty(ctx: Context, property: FourPropertyId): string {
  const { report, lang } = ctx;
  const info = FOUR_PROPERTIES.find((p) => p.id === property)!;
  const entries = ctx.entries.filter(({ item }) => item.property === property);
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = String(entry.item.group);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [entry]);
    else list.push(entry);
  }
  let body = '';
  for (const [group, list] of groups) {
    const name = (ctx.options.groupName ?? catalogueGroupName)(report.stage, group, lang);
    const heading = `<code>${escapeHtmlCode(group)}</code>${name === undefined ? '' : ` ${escapeHtmlText(name)}`}`;
    body += `<section class="group"><h4>${heading}</h4>${list.map((entry) => renderItem(ctx, entry)).join('')}</section>`;
  }
  if (entries.length === 0) {
    body = `<p class="note">${tr(ctx, '本环节无此性质的检测项。', 'No items of this property in this stage.')}</p>`;
  }
  const heading =
    lang === 'zh'
      ? `（${ZH_NUMERALS[info.number - 1]}）${info.name}`
      : `3.${info.number} ${PROPERTY_LABELS[property].en}`;
  return `<section class="property" id="details-${property}"><h3>${heading}</h3>${body}</section>`;
}

function renderSignOff(ctx: Context): string {
  const fields = [
    tr(ctx, '检测人：', 'Checked by:'),
    tr(ctx, '审核人：', 'Reviewed by:'),
    tr(ctx, '日期：', 'Date:'),
  ];
  return `<section class="sign-off" id="sign-off"><h2>${sectionHeading(ctx, 3, '检测签字', 'Sign-off')}</h2><div class="signatures">${fields.map((f) => `<p>${f}</p>`).join('')}</div></section>`;
}

function renderFooter(ctx: Context): string {
  const generator = optionalText(ctx.report.generator);
  const by = generator === undefined ? '' : escapeHtmlText(generator);
  return `<footer><p>${tr(
    ctx,
    `本报告${by === '' ? '' : `由 ${by} `}依据 DA/T 70-2018《文书类电子档案检测一般要求》生成。标注“暂定编号”的检测项，其编号依据公开资料重建，尚待与标准原文核对；“待人工检测”项须由检测人员确认后方有结论。每个检测项最多列出 ${formatInteger(ctx.maxFindings)} 条发现，完整结果见 JSON 报告。`,
    `Generated${by === '' ? '' : ` by ${by}`} under DA/T 70-2018 (general requirements for checking electronic records). Item ids marked “provisional” are reconstructed from public sources and await confirmation against the standard; “manual” items have a result only once a person attests them. At most ${formatInteger(ctx.maxFindings)} findings are listed per item; the JSON report has them all.`,
  )}</p></footer>`;
}

/**
 * Renders a check report as ONE self-contained HTML page (四性检测报告), Chinese by default, for people to
 * read on screen and to print (A4): no scripts, no external resources, inline CSS and an inline SVG chart.
 *
 * The page has a header (title, overall verdict, subject name, kind, entries, bytes and digest, stage,
 * profile, times and generator), 一、检测汇总 (counts by status and property as a table and a stacked bar
 * chart), 二、需关注的检测项 (failed, error, manual and warning items, failures first, linked to their
 * details), 三、检测明细 (every item by property and group: id, name, status badge, provisional marker,
 * reason, attestation, and its findings with severity, message, path, element number and code; at most
 * `maxFindingsPerItem`, errors first, with a count of the rest), an optional sign-off block and a footer.
 * Each property starts a new printed page. Status is always written as a word with a symbol, never by
 * colour alone; badges and the chart differ in border and pattern so a grey printout reads the same.
 *
 * Every piece of report data is escaped (it may hold file names from hostile packages); control and
 * bidirectional characters are shown as visible marks. The document is also well-formed XML (XHTML
 * polyglot after the `<!DOCTYPE html>` line). Counts are taken from the items themselves; a report whose
 * `summary` disagrees with them is flagged on the page. Throws `TypeError`/`RangeError` for a value that
 * is not a report or bad options.
 *
 * @example
 * const html = renderHtmlReport(report); // group and item names from the shipped catalogue
 * await writeFile('检测报告.html', html); // English: renderHtmlReport(report, { lang: 'en' })
 */
export function renderHtmlReport(report: CheckReport, options: HtmlReportOptions = {}): string {
  const { lang, maxFindings } = validateOptions(options);
  validateReport(report);
  const summary = summarise(report.items);
  const consistent = sameSummary(report.summary, summary);
  const entries = report.items.map((item, index) => ({ item, anchor: `item-${index + 1}` }));
  const ctx: Context = { report, lang, maxFindings, options, entries };
  const stageName = labelOf(STAGE_LABELS, String(report.stage), lang);
  const title =
    options.title ??
    (lang === 'zh' ? `${stageName}环节四性检测报告` : `Four-property check report: ${stageName}`);
  const subjectName = String(report.subject.name);
  const htmlLang = lang === 'zh' ? 'zh-CN' : 'en';
  const details = `<section class="details" id="details"><h2>${sectionHeading(ctx, 2, '检测明细', 'Item details')}</h2>${FOUR_PROPERTIES.map((p) => renderProperty(ctx, p.id)).join('')}</section>`;
  return [
    '<!DOCTYPE html>',
    `<html xmlns="http://www.w3.org/1999/xhtml" lang="${htmlLang}" xml:lang="${htmlLang}">`,
    '<head>',
    '<meta charset="utf-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    ...(optionalText(report.generator) === undefined
      ? []
      : [`<meta name="generator" content="${escapeHtmlAttribute(String(report.generator))}"/>`]),
    `<title>${escapeHtmlAttribute(subjectName === '' ? title : `${title} · ${subjectName}`)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    renderHeader(ctx, title, summary),
    '<main>',
    renderSummary(ctx, summary, consistent),
    renderAttention(ctx),
    details,
    options.signOff === false ? '' : renderSignOff(ctx),
    '</main>',
    renderFooter(ctx),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
