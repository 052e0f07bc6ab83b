/**
 * The catalogue reference page rendered from the catalogue data (pure: no I/O, no clock), so that
 * `catalogue-docs.ts` writes it and `test/catalogue/docs-up-to-date.test.ts` regenerates it in memory.
 */
import type { CheckCatalogue } from '../src/catalogue/catalogue.js';
import { STAGE_CODES } from '../src/catalogue/groups.js';
import type { CheckItemDefinition, CheckStageId, FactConfidence } from '../src/catalogue/types.js';
import { CHECK_STAGES, FOUR_PROPERTIES } from '../src/stages.js';

/** The command that regenerates the page (quoted in the page and in the test's failure message). */
export const REGENERATE_COMMAND =
  'cd packages/checks && npx tsx --conditions=@dangan/source scripts/catalogue-docs.ts';

/** Marker for an item id that is not the standard's confirmed number. */
export const PROVISIONAL_MARK = '†';
/** Marker for a low or unknown confidence. */
export const DOUBT_MARK = '⚠';

const AUTOMATION: Record<CheckItemDefinition['automation'], string> = {
  auto: '自动 auto',
  partial: '部分 partial',
  manual: '人工 manual',
};

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function confidence(c: FactConfidence): string {
  return c === 'low' || c === 'unknown' ? `${c} ${DOUBT_MARK}` : c;
}

function itemRow(item: CheckItemDefinition): string {
  const id = item.provisional ? `\`${item.id}\` ${PROVISIONAL_MARK}` : `\`${item.id}\``;
  return `| ${[
    id,
    item.group,
    cell(item.name),
    cell(item.object),
    cell(item.method),
    AUTOMATION[item.automation],
    item.defaultSeverity,
    item.rule === undefined ? '—' : `\`${item.rule}\``,
    `${confidence(item.idConfidence)} · ${confidence(item.nameConfidence)}`,
  ].join(' | ')} |`;
}

function stageSection(catalogue: CheckCatalogue, stage: CheckStageId): string[] {
  const info = CHECK_STAGES.find((s) => s.id === stage)!;
  const items = catalogue.forStage(stage);
  const groups = catalogue.groupsForStage(stage);
  const counts = FOUR_PROPERTIES.map((p) => `${p.name} ${items.filter((i) => i.property === p.id).length}`);
  const out = [
    `## ${info.name}（${STAGE_CODES[stage]}）`,
    '',
    `${groups.length} 个检测项目，${items.length} 个检测项（${counts.join('、')}）。`,
    '',
    '### 检测项目 groups',
    '',
    '| 项目 | 名称 | 检测对象 | 检测目的 | 锚点 |',
    '|---|---|---|---|---|',
  ];
  for (const g of groups)
    out.push(`| ${g.group} | ${cell(g.name)} | ${cell(g.object)} | ${cell(g.purpose)} | \`${g.key}\` |`);
  out.push(
    '',
    '### 检测项 items',
    '',
    '| 编号 | 项目 | 名称 | 检测对象 | 检测方法 | 自动化 | 默认严重程度 | 规则键 | 置信度（编号 · 名称） |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const item of items) out.push(itemRow(item));
  out.push('');
  return out;
}

/**
 * The reference page of the catalogue (docs/checks/catalogue.md): counts, then per stage its groups and its
 * items.
 *
 * @example
 * renderCatalogueDoc(catalogue).startsWith('<!--'); // true
 */
export function renderCatalogueDoc(catalogue: CheckCatalogue): string {
  const items = catalogue.items;
  const lines = [
    `<!-- 本页由 packages/checks/scripts/catalogue-docs.ts 从检测项目表生成，请勿手改；改表后运行 ${REGENERATE_COMMAND} -->`,
    '',
    `# ${catalogue.standard} 检测项目表（表版本 ${catalogue.version}）`,
    '',
    `共 ${catalogue.groups.length} 个检测项目、${items.length} 个检测项。归档（GD）的 40 个检测项按 \`shared/standards/checks-dat70.md\` §4 的重建（各实现引用的编号与名称）；移交与接收（YJ）和长期保存（BC）的检测项按各检测项目的检测目的推导（§5），只有 YJ-1-6、YJ-1-8 有来源。`,
    '',
    `- ${PROVISIONAL_MARK} 编号为暂定（不是已确认的标准编号）：报告请以检测项目锚点（如 \`DA/T70-2018:GD:1-2\`）为准。`,
    `- ${DOUBT_MARK} 置信度为 low 或 unknown；名称含“（暂定名）”的条目没有来源给出名称。`,
    '- 无规则键的检测项由人工确认或宿主系统报告（结论为 manual，直到有人确认）。',
    '',
  ];
  for (const stage of ['archiving', 'transfer', 'preservation'] as const)
    lines.push(...stageSection(catalogue, stage));
  return `${lines.join('\n').trimEnd()}\n`;
}
