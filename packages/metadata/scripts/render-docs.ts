/**
 * Element reference pages rendered from the scheme tables (pure: no I/O, no clock), so that
 * `generate-docs.ts` writes them and `test/docs/docs-up-to-date.test.ts` regenerates them in memory.
 */
import type {
  Condition,
  Confidence,
  ConsistencyRule,
  ElementType,
  MetadataElement,
  MetadataScheme,
  Obligation,
  ValueDomain,
} from '../src/scheme/model.js';

/** The command that regenerates the pages (quoted in the pages and in the test's failure message). */
export const REGENERATE_COMMAND = 'pnpm --filter @dangan/metadata docs:metadata';

const GENERATED_NOTICE = (source: string) =>
  `<!-- 本页由 packages/metadata/scripts/generate-docs.ts 从 ${source} 生成，请勿手改；改表后运行 ${REGENERATE_COMMAND} -->`;

const TYPE_LABELS: Record<ElementType, string> = {
  string: '字符 string',
  date: '日期 date',
  dateTime: '日期时间 dateTime',
  gYear: '年 gYear',
  integer: '整数 integer',
  positiveInteger: '正整数 positiveInteger',
  decimal: '数值 decimal',
  enum: '枚举 enum',
  base64: 'Base64',
  uri: 'URI',
  container: '容器 container',
};

const COLUMNS = [
  '编号/id',
  '中文名',
  'English',
  '约束性',
  '可重复',
  '类型',
  '值域',
  '上级',
  '置信度',
  '注释',
];

/** Marker for a low or unknown confidence. */
export const DOUBT_MARK = '⚠';
/** Marker for an id that is not the standard's element number. */
export const PROVISIONAL_MARK = '†';

/**
 * The reference page of one scheme: a header, its consistency rules, then one table per entity root and per
 * container, listing the container's direct children.
 *
 * @example
 * renderSchemeDoc(schemes.dat46).startsWith('<!--'); // true; '# 文书类电子文件元数据方案（DA/T 46-2009）' follows
 */
export function renderSchemeDoc(scheme: MetadataScheme): string {
  const children = new Map<string, MetadataElement[]>();
  const byId = new Map<string, MetadataElement>();
  for (const e of scheme.elements) {
    byId.set(e.id, e);
    const list = children.get(e.parent ?? '');
    if (list === undefined) children.set(e.parent ?? '', [e]);
    else list.push(e);
  }
  const refName = (id: string): string => {
    const e = byId.get(id);
    return e === undefined ? code(id) : `${code(label(e))} ${escapeText(e.name)}`;
  };

  const out: string[] = [];
  out.push(GENERATED_NOTICE(`src/schemes/${scheme.id}.ts`), '');
  out.push(`# ${escapeText(scheme.title)}（${escapeText(scheme.standard)}）`, '');
  const s = stats(scheme);
  out.push('| 方案 id | 标准 | 表版本 | 整体置信度 | 行数 | 标准编号 | 暂定 id | ⚠ 行 |');
  out.push('|---|---|---|---|---|---|---|---|');
  out.push(
    `| ${code(scheme.id)} | ${escapeText(scheme.standard)} | ${escapeText(scheme.version)} | ${confidenceText(scheme.confidence)} | ${s.rows} | ${s.numbered} | ${s.provisional} | ${s.doubtful} |`,
    '',
  );
  if (scheme.description !== undefined) out.push(escapeText(scheme.description), '');
  out.push(
    `图例 / Legend：${PROVISIONAL_MARK} 暂定 id，不是标准的元素编号（provisional id, not the standard's number）；${DOUBT_MARK} 两项置信度中有 low 或 unknown。置信度写作“编号与名称 · 约束性与可重复性”，含义见 [README](README.md#置信度--confidence)。`,
    '',
  );

  if (scheme.rules !== undefined && scheme.rules.length > 0) {
    out.push('## 一致性规则 / Consistency rules', '');
    for (const rule of scheme.rules) out.push(`- ${ruleText(rule, refName)}`);
    out.push('');
  }

  const roots = children.get('') ?? [];
  out.push('## 实体 / Entities', '');
  out.push(...table(roots, byId));
  out.push('');
  const visit = (container: MetadataElement, trail: readonly string[]): void => {
    const list = children.get(container.id) ?? [];
    const path = [...trail, container.key];
    const level = trail.length === 0 ? '##' : '###';
    out.push(
      `${level} ${path.map(escapeText).join(' › ')} · ${escapeText(container.nameEn)} (${code(label(container))})`,
      '',
    );
    if (list.length === 0) out.push('（无下级元素 / no child elements）');
    else out.push(...table(list, byId));
    out.push('');
    for (const child of list) if (child.type === 'container') visit(child, path);
  };
  for (const root of roots) if (root.type === 'container') visit(root, []);
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * The index page: every scheme with its counts, the confidence legend and how to override a scheme.
 *
 * @example
 * renderIndexDoc([schemes.dat46, schemes.ywtb]).includes('extendScheme'); // true
 */
export function renderIndexDoc(schemes: readonly MetadataScheme[]): string {
  const out: string[] = [];
  out.push(GENERATED_NOTICE('src/schemes/*.ts'), '');
  out.push('# 元数据方案 / Metadata schemes', '');
  out.push(
    'dangan 把每个元数据标准写成一张数据表：每行一个元素（`@dangan/metadata` 的 `schemes`），校验、XML 映射与记录类型都由表解释。本目录各页由这些表生成，与代码同源。',
    '',
    'Each standard is a table with one row per element (`schemes` in `@dangan/metadata`); validation, XML mapping and the record types interpret the tables. These pages are generated from them.',
    '',
  );
  out.push('| 方案 id | 标准 | 名称 | 表版本 | 整体置信度 | 行数 | 标准编号 | 暂定 id | ⚠ 行 |');
  out.push('|---|---|---|---|---|---|---|---|---|');
  for (const scheme of schemes) {
    const s = stats(scheme);
    out.push(
      `| [${code(scheme.id)}](${scheme.id}.md) | ${escapeText(scheme.standard)} | ${escapeText(scheme.title)} | ${escapeText(scheme.version)} | ${confidenceText(scheme.confidence)} | ${s.rows} | ${s.numbered} | ${s.provisional} | ${s.doubtful} |`,
    );
  }
  out.push('');
  out.push(
    '“行数”含实体根（`E:…`）与 DA/T 48 增设的标识符；“标准编号”是带 `number` 的行（如 `M22`）；其余为暂定 id。',
    '',
  );

  out.push('## 置信度 / Confidence', '');
  out.push(
    '每行有两项置信度：**编号与名称**（number & name）· **约束性与可重复性**（obligation & repeatability），写作 `high · medium`。',
    'Each row carries two confidences: number & name, then obligation & repeatability.',
    '',
  );
  out.push('| 级别 | 含义 | Meaning |');
  out.push('|---|---|---|');
  out.push(
    "| high | 见于标准原文、逐字引文或可靠转录（如附录 XSD） | seen in the standard's own text or a faithful transcription |",
  );
  out.push(
    '| medium | 两个以上独立来源一致，或由已核实的锚点推定 | agreed by two or more independent sources, or fixed by verified anchors |',
  );
  out.push(
    '| low | 单一二手来源、仅见于实现代码，或未核实 | a single secondary source or implementer code only |',
  );
  out.push(
    '| unknown | 未找到；所列为占位（约束性未知的元素按可选校验） | not found; a placeholder (unknown obligations validate as optional) |',
  );
  out.push('');
  out.push(
    `- ${DOUBT_MARK}：两项置信度中有 low 或 unknown 的行。Rows with a low or unknown confidence.`,
    `- ${PROVISIONAL_MARK}：暂定 id，不是标准的元素编号：实体根 \`E:…\`、DA/T 48 增设 \`DAT48:…\`、照片类 \`DAT54:n\`（n 为实现者字段顺序）、录音录像类 \`DAT63:<组>-<序>\`、一网通办 \`YW-…\`、dangan 扩展 \`DANGAN:…\`。暂定 id 从不冒充标准编号：有编号的元素以编号为 id（如 \`M22\`）。`,
    `  Provisional ids never pose as the standard's numbers; an element the standard numbers has its number as id.`,
    '',
  );

  out.push('## 约束性 / Obligation', '');
  out.push(
    '- 必选 mandatory · 可选 optional · 条件选 mandatory when the stated condition holds.',
    '- 条件选 能由记录判定时，表中给出判定式（如 `M38` ∈ {秘密, 机密, 绝密}）；不能判定的（如“移交进馆后”）按可选校验，条件文字照录。',
    '- 可重复的元素在记录中是数组；容器是嵌套对象。',
    '',
  );

  out.push('## 用 extendScheme 覆盖 / Overriding with extendScheme', '');
  out.push(
    '低置信度或未知的事实都是数据：单位按本单位执行的方案修正约束性、收窄值域、增加元素，而不必复制整张表。元素保留原 id，校验发现项仍引用标准编号。',
    '',
    'Low-confidence facts are data: tighten obligations, narrow domains and add elements without forking the table.',
    '',
    '```ts',
    "import { extendScheme, schemes } from '@dangan/metadata';",
    '',
    'const mine = extendScheme(schemes.ywtb, {',
    "  id: 'sh-ywtb-2026',",
    '  modify: {',
    "    'YW-办结时间': { obligation: { kind: '必选' } },",
    "    'YW-事项编码': { domain: { maxLength: 64 } },",
    "    M43: { obligation: { kind: '必选' }, note: '本单位要求填写页数' },",
    '  },',
    '  add: [',
    "    { id: 'SH-1', key: '好差评', name: '好差评', nameEn: 'service rating', entity: '业务实体', parent: 'YW:办件',",
    "      obligation: { kind: '可选' }, repeatable: false, type: 'enum',",
    "      domain: { enum: ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] },",
    "      confidence: { numberAndName: 'high', obligation: 'high' } },",
    '  ] as const,',
    '});',
    '```',
    '',
    '`extendScheme` 检查结果表的完整性（id 唯一、上级存在且为容器、条件与规则引用的元素存在），不合格时抛出 `METADATA_SCHEME_INVALID`。',
    '',
  );

  out.push('## 重新生成 / Regenerate', '');
  out.push('```sh', REGENERATE_COMMAND, '```', '');
  out.push('测试 `packages/metadata/test/docs/docs-up-to-date.test.ts` 在页面与表不一致时失败。', '');
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * Every page: `README.md` plus one `<id>.md` per scheme, keyed by file name.
 *
 * @example
 * Object.keys(renderAllDocs([schemes.dat46])); // ['README.md', 'dat46.md']
 */
export function renderAllDocs(schemes: readonly MetadataScheme[]): Record<string, string> {
  const pages: Record<string, string> = { 'README.md': renderIndexDoc(schemes) };
  for (const scheme of schemes) pages[`${scheme.id}.md`] = renderSchemeDoc(scheme);
  return pages;
}

// ── pieces ──

function table(rows: readonly MetadataElement[], byId: ReadonlyMap<string, MetadataElement>): string[] {
  const lines = [`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`];
  for (const e of rows) {
    const parent = e.parent === undefined ? '—' : code(byId.get(e.parent)?.number ?? e.parent);
    const cells = [
      e.number === undefined ? `${code(e.id)} ${PROVISIONAL_MARK}` : code(e.number),
      escapeText(e.name === e.key ? e.name : `${e.name}（键 ${e.key}）`),
      escapeText(e.nameEn),
      obligationText(e.obligation),
      e.repeatable ? '是' : '否',
      TYPE_LABELS[e.type],
      domainText(e.domain, e.default),
      parent,
      elementConfidence(e),
      escapeText([e.definition, e.note].filter((t) => t !== undefined && t.length > 0).join('；')),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

/** The standard's number when there is one, else the id. */
function label(e: MetadataElement): string {
  return e.number ?? e.id;
}

function obligationText(o: Obligation): string {
  if (o.kind !== '条件选') return o.kind;
  const judged = o.when === undefined ? '按可选校验' : `判定：${conditionText(o.when)}`;
  return `条件选：${escapeText(o.condition)}（${judged}）`;
}

function conditionText(c: Condition): string {
  if ('all' in c) return c.all.map(nested).join(' 且 ');
  if ('any' in c) return c.any.map(nested).join(' 或 ');
  if ('present' in c) return `有 ${code(c.present)}`;
  if ('absent' in c) return `无 ${code(c.absent)}`;
  if ('in' in c) return `${code(c.element)} ∈ {${c.in.map(escapeText).join(', ')}}`;
  return `${code(c.element)} ∉ {${c.notIn.map(escapeText).join(', ')}}`;
}

function nested(c: Condition): string {
  return 'all' in c || 'any' in c ? `(${conditionText(c)})` : conditionText(c);
}

function domainText(d: ValueDomain | undefined, defaultValue: string | undefined): string {
  const parts: string[] = [];
  if (d?.enum !== undefined)
    parts.push(d.enum.map(escapeText).join('、') + (d.open === true ? '、[其他]' : ''));
  if (d?.legacy !== undefined && d.legacy.length > 0)
    parts.push(`旧值：${d.legacy.map(escapeText).join('、')}`);
  if (d?.pattern !== undefined) parts.push(`格式 ${code(d.pattern)}`);
  if (d?.maxLength !== undefined) parts.push(`最长 ${d.maxLength} 字`);
  if (d?.min !== undefined && d.max !== undefined) parts.push(`${d.min}–${d.max}`);
  else if (d?.min !== undefined) parts.push(`≥ ${d.min}`);
  else if (d?.max !== undefined) parts.push(`≤ ${d.max}`);
  if (defaultValue !== undefined) parts.push(`缺省：${escapeText(defaultValue)}`);
  return parts.join('；');
}

function elementConfidence(e: MetadataElement): string {
  const { numberAndName, obligation } = e.confidence;
  const doubtful = isDoubtful(numberAndName) || isDoubtful(obligation);
  return `${numberAndName} · ${obligation}${doubtful ? ` ${DOUBT_MARK}` : ''}`;
}

function confidenceText(c: Confidence): string {
  return isDoubtful(c) ? `${c} ${DOUBT_MARK}` : c;
}

function isDoubtful(c: Confidence): boolean {
  return c === 'low' || c === 'unknown';
}

function ruleText(rule: ConsistencyRule, refName: (id: string) => string): string {
  return rule.kind === 'yearMatchesDate'
    ? `${refName(rule.year)} 等于 ${refName(rule.date)} 的年份（yearMatchesDate）`
    : `${refName(rule.later)} 不早于 ${refName(rule.earlier)}（notBefore）`;
}

function stats(scheme: MetadataScheme): {
  rows: number;
  numbered: number;
  provisional: number;
  doubtful: number;
} {
  const rows = scheme.elements.length;
  const numbered = scheme.elements.filter((e) => e.number !== undefined).length;
  const doubtful = scheme.elements.filter(
    (e) => isDoubtful(e.confidence.numberAndName) || isDoubtful(e.confidence.obligation),
  ).length;
  return { rows, numbered, provisional: rows - numbered, doubtful };
}

/** Inline code that survives a table cell. */
function code(text: string): string {
  return `\`${text.replaceAll('|', '\\|')}\``;
}

/** Plain text that survives a table cell: no pipes, no line breaks, no raw HTML. */
function escapeText(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll(/\r?\n/g, ' ');
}
