/**
 * Renders `docs/standards-coverage.md`: what of each standard dangan implements, from the data itself (the
 * metadata schemes, the DA/T 48 schema table, the check catalogue and the rules the engine runs), with the
 * confidence of every fact. Regenerate with {@link REGENERATE_COVERAGE}; a test keeps the page up to date.
 */
import type { MetadataScheme } from '@dangan/metadata';
import type { CheckCatalogue } from '../src/catalogue/catalogue.js';
import type { CheckStageId } from '../src/catalogue/types.js';

/** The command that rewrites the page. */
export const REGENERATE_COVERAGE = 'pnpm --filter @dangan/checks docs:coverage';

/** What the page is made from. */
export interface CoverageInputs {
  readonly schemes: readonly MetadataScheme[];
  /** Element names of the DA/T 48 schema table (the EEP validator's). */
  readonly dat48Elements: readonly string[];
  readonly catalogue: CheckCatalogue;
  /** Rule keys the engine evaluates (metadata rules included). */
  readonly ruleKeys: ReadonlySet<string>;
  /** The shipped 归档信息包 layouts. */
  readonly archivalLayouts: readonly {
    readonly id: string;
    readonly name: string;
    readonly provisional: boolean;
  }[];
}

const STAGES: readonly [CheckStageId, string, string][] = [
  ['archiving', 'GD', '归档'],
  ['transfer', 'YJ', '移交与接收'],
  ['preservation', 'BC', '长期保存'],
];

function count<T>(items: readonly T[], pick: (t: T) => string): string {
  const by = new Map<string, number>();
  for (const item of items) by.set(pick(item), (by.get(pick(item)) ?? 0) + 1);
  return ['high', 'medium', 'low', 'unknown']
    .filter((c) => by.has(c))
    .map((c) => `${c} ${by.get(c)}`)
    .join(' · ');
}

/**
 * The page's Markdown.
 *
 * @example
 * const md = renderCoverageDoc({ schemes: Object.values(schemes), dat48Elements, catalogue, ruleKeys, archivalLayouts });
 */
export function renderCoverageDoc(inputs: CoverageInputs): string {
  const out: string[] = [];
  out.push('# 标准覆盖情况（Standards coverage）', '');
  out.push(
    `> 本页由数据生成（\`${REGENERATE_COVERAGE}\`），测试保证它与代码一致。可信度（high / medium / low / unknown）的含义见`,
    '> `shared/standards/README.md`；低可信度的事实都是宿主可以覆盖的数据。',
    '>',
    '> Generated from the data; a test keeps it in step with the code. Low-confidence facts are data a host can override.',
    '',
  );

  out.push('## 元数据方案（metadata schemes）', '');
  out.push(
    '| 方案 | 标准 | 元素数 | 编号与名称可信度 | 约束性可信度 | 方案整体 |',
    '|---|---|---:|---|---|---|',
  );
  for (const s of inputs.schemes) {
    out.push(
      `| \`${s.id}\` | ${s.standard} | ${s.elements.length} | ${count(s.elements, (e) => e.confidence.numberAndName)} | ${count(s.elements, (e) => e.confidence.obligation)} | ${s.confidence} |`,
    );
  }
  out.push(
    '',
    '每个元素的校验（长度、类型与格式、值域、必填与条件必填、一致性规则）、XML 映射与 JSON Schema 都由这些表驱动，见',
    '[docs/metadata/](metadata/)。',
    '',
  );

  out.push('## DA/T 48-2009 电子文件封装包（EEP）', '');
  out.push(
    `- 结构校验：自有校验器覆盖附录模式的全部 ${inputs.dat48Elements.length} 个元素（基数、选择、固定值、xs:ID/IDREF、`,
    '  词法类型），在 600 多个变异样例上与 `xmllint --schema` 结论一致；另加模式不检查的规则（计算机文件大小、反编码关键字）。',
    '- 构建：原始型、修改型（原封装包逐字节保留，未变文件以引用编码数据ID 引用）、SM2/SM3 电子签名与锁定签名。',
    '- **签名规则是 dangan 的约定（proposal）**：DA/T 48 未规定规范化，dangan 对被签名对象的原始字节签名，规则写入每个签名的“签名规则”。',
    '- 元素编号 M210–M232（DA/T 48 自有编号）可信度 low，只作标签。',
    '',
  );

  out.push('## 信息包（packages）', '');
  out.push('| 布局 | 说明 | 依据 |', '|---|---|---|');
  for (const l of inputs.archivalLayouts) {
    out.push(
      `| 归档信息包 \`${l.id}\` | ${l.name} | ${l.provisional ? '**暂定**：DB31/T 1152、GB/T 42727 附录 B 的目录结构未公开，可替换' : '标准'} |`,
    );
  }
  out.push(
    '| 移交信息包 | 说明文件.TXT、文件目录.XML、电子档案/、其他/（按载体容量拆分） | 《电子档案移交与接收办法》附件 2（high）；登记表与数字摘要表的 XML 版式为 dangan 自定（proposal） |',
    '',
  );

  out.push('## DA/T 70-2018 四性检测（check items）', '');
  out.push(
    '| 环节 | 检测项目 | 条目 | 自动执行 | 人工确认 | 条目编号可信度 | 暂定编号 |',
    '|---|---:|---:|---:|---:|---|---:|',
  );
  for (const [stage, code, name] of STAGES) {
    const items = inputs.catalogue.forStage(stage);
    const groups = inputs.catalogue.groupsForStage(stage);
    const automatic = items.filter((i) => i.rule !== undefined && inputs.ruleKeys.has(i.rule));
    out.push(
      `| ${name}（${code}） | ${groups.length} | ${items.length} | ${automatic.length} | ${items.length - automatic.length} | ${count(items, (i) => i.idConfidence)} | ${items.filter((i) => i.provisional).length} |`,
    );
  }
  out.push('');
  const unimplemented = inputs.catalogue.items.filter(
    (i) => i.rule !== undefined && !inputs.ruleKeys.has(i.rule),
  );
  out.push(
    unimplemented.length === 0
      ? '目录中每个有检测规则的条目都由引擎真实执行；没有规则的条目（杀毒软件安装、载体外观、光盘检测、过程安全、存储环境等）只接受人工确认，未确认时报告为“待人工”，从不报告为通过。'
      : `尚未实现的规则：${unimplemented.map((i) => `\`${i.id}\`（${i.rule}）`).join('、')}。`,
    '',
    'YJ 与 BC 的条目编号是根据检测项目推断的（标准未公开条目表），报告以检测项目（如 `DA/T70-2018:YJ:1-2`）为稳定键。',
    '逐条列表见 [检测目录](checks/catalogue.md)。',
    '',
  );
  return `${out.join('\n')}\n`;
}
