import type { ArchivalCodeTemplate } from './model.js';

const FONDS = { kind: 'fonds', part: '全宗号' } as const;
const YEAR = { kind: 'year', part: '年度' } as const;
const RETENTION = { kind: 'retention', part: '保管期限' } as const;
const ORG_OPTIONAL = { kind: 'org', part: '机构或问题', optional: true } as const;

/**
 * The shipped 档号 templates (filing-rules §2), as data. Each lists the codes it must accept in `examples`
 * (the standards' own examples, checked by the tests).
 *
 * | key | form | source |
 * |---|---|---|
 * | `dat22` | `Z109-WS·2011-Y-BGS-0001`, `Z109-WS·2011-Y-0001` | DA/T 22-2015 文书 按件 (strict: 3-character 机构, Y/D30/D10, 4-digit 件号) |
 * | `dat22Local` | `A182-WS·2022-Y-XZ-0001`, `A182-SW·JB·2022-Y-0001` | DA/T 22 style as local schemes use it (any 门类, a sub-class, 2-letter or Chinese 机构, 3+ digit 件号) |
 * | `dat13Item` | `Z109-WS·2011·Y·办公室-0001`, `Z008-WS·2019·Y-037` | DA/T 13-2022 按件, class parts joined by `·` |
 * | `dat13Volume` | `J019-ZY·JC·CC·2019·D30-001-001` | DA/T 13-2022 按卷 (专业): 案卷号-件号 |
 * | `dat13Photo` | `K021-ZP·2019·D30-025-005` | 照片: 组号-件号 |
 * | `dat13AudioVideo` | `J019-LY·2019·Y-001` | 录音 LY / 录像 LX, 按件 |
 * | `dat13Accounting` | `J019-KU·01·2017-001-001` | 会计: 二级类别 01–04, 案卷号-件号 |
 * | `dat13Personnel` | `A002-RS-001-002` | 人事 |
 * | `dat13ScienceItem` | `X032-KJ·KY·01-003` | 科技 with 项目号, 按件 |
 * | `dat13ScienceVolume` | `X032-KJ·JJ·02-005-054` | 科技 with 项目号, 案卷号-页号 |
 * | `dat13Legacy` | `C038-001-002-003` | DA/T 13-1994 全宗号-目录号-案卷号-件号 (import only) |
 * | `ywtbProposal` | `A001-ZY·XK·2024·D30-00001` | 一网通办 办件 (PROPOSAL, not a standard) |
 *
 * Widths, the 4-character 全宗号 and the 机构 code forms are medium confidence; DA/T 13-2022 lets each archive
 * choose widths "by need". Hosts derive their own with {@link defineArchivalCodeTemplate}.
 *
 * @example
 * formatArchivalCode({ 全宗号: 'Z109', 年度: 2011, 保管期限: 'Y', 机构或问题: 'BGS', 件号: 1 }, archivalCodeTemplates.dat22);
 * // 'Z109-WS·2011-Y-BGS-0001'
 */
export const archivalCodeTemplates = {
  dat22: {
    id: 'dat22',
    name: 'DA/T 22-2015 文书档案（按件）',
    source: 'DA/T 22-2015 §5.4.2–5.4.3',
    status: 'standard',
    groups: [
      [FONDS],
      [{ kind: 'category', part: '门类代码', fixed: 'WS' }, YEAR],
      [{ kind: 'retention', part: '保管期限', pattern: 'Y|D30|D10' }],
      [{ kind: 'org', part: '机构或问题', optional: true, pattern: '[A-Z0-9]{3}' }],
      [{ kind: 'item', part: '件号', width: 4 }],
    ],
    examples: ['Z109-WS·2011-Y-BGS-0001', '0194-WS·2016-D30-BGS-0001', 'Z109-WS·2011-Y-0001'],
    note: '机构(问题)代码为 3 位大写拼音首字母或数字（中置信度）；不按机构(问题)分类时省略该组（低置信度）。件号 4 位，不加宽。',
  },
  dat22Local: {
    id: 'dat22Local',
    name: 'DA/T 22 式档号（地方宽松写法）',
    source: 'filing-rules §2.1 lenient form; local schemes (A182-…)',
    status: 'local',
    groups: [
      [FONDS],
      [
        { kind: 'category', part: '门类代码' },
        { kind: 'subclass', part: '二级类别号', optional: true },
        YEAR,
      ],
      [RETENTION],
      [ORG_OPTIONAL],
      [{ kind: 'item', part: '件号', width: 4, minWidth: 3, grow: true }],
    ],
    examples: [
      'Z109-WS·2011-Y-BGS-0001',
      'Z109-WS·2011-Y-0001',
      'A182-WS·2022-Y-XZ-0001',
      'A182-SW·JB·2022-Y-0001',
      'A182-ZP·2022-Y-0001',
    ],
    note: '接受任何两字母门类、一级子类、2 位或汉字机构代码、3 位以上件号；写出时件号 4 位。',
  },
  dat13Item: {
    id: 'dat13Item',
    name: 'DA/T 13-2022 档号（按件）',
    source: 'DA/T 13-2022 (examples)',
    status: 'standard-example',
    groups: [
      [FONDS],
      [
        { kind: 'category', part: '门类代码' },
        { kind: 'subclass', part: '二级类别号', optional: true },
        YEAR,
        RETENTION,
        ORG_OPTIONAL,
      ],
      [{ kind: 'item', part: '件号', width: 4, minWidth: 3, grow: true }],
    ],
    examples: [
      'A439-WS·2015·D30·003-005',
      'Z109-WS·2011·Y·办公室-0001',
      'Z008-WS·2019·Y-037',
      'J019-LY·2019·Y-001',
      'C015-WY·TZGG·2019·D10-00001',
      'B168-SW·2015·Y-001',
    ],
    note: '类别号各部分以“·”连接。件号位数按需（标准示例有 3、4、5 位）：写出 4 位，读取接受 3 位及以上。',
  },
  dat13Volume: {
    id: 'dat13Volume',
    name: 'DA/T 13-2022 档号（按卷，专业档案）',
    source: 'DA/T 13-2022 (example J019-ZY·JC·CC·2019·D30-001-001)',
    status: 'standard-example',
    groups: [
      [FONDS],
      [
        { kind: 'category', part: '门类代码' },
        { kind: 'subclass', part: '二级类别号' },
        { kind: 'subclass', part: '三级类别号', optional: true },
        YEAR,
        RETENTION,
        ORG_OPTIONAL,
      ],
      [{ kind: 'volume', part: '案卷号', width: 3, grow: true }],
      [{ kind: 'item', part: '件号', width: 3, grow: true }],
    ],
    examples: ['J019-ZY·JC·CC·2019·D30-001-001', 'J019-ZY·JC·2019·D30-001-001'],
    note: '件号在案卷内计数（序列键含案卷号）。',
  },
  dat13Photo: {
    id: 'dat13Photo',
    name: 'DA/T 13-2022 照片档案（组号-件号）',
    source: 'DA/T 13-2022 (example K021-ZP·2019·D30-025-005)',
    status: 'standard-example',
    groups: [
      [FONDS],
      [{ kind: 'category', part: '门类代码', fixed: 'ZP' }, YEAR, RETENTION],
      [{ kind: 'volume', part: '组号', width: 3, grow: true }],
      [{ kind: 'item', part: '件号', width: 3, grow: true }],
    ],
    examples: ['K021-ZP·2019·D30-025-005'],
    note: '一张照片一件、不分组时用 dat22Local（A182-ZP·2022-Y-0001）。DA/T 50-2014 的命名条款未得见。',
  },
  dat13AudioVideo: {
    id: 'dat13AudioVideo',
    name: 'DA/T 13-2022 录音、录像档案（按件）',
    source: 'DA/T 13-2022 (example J019-LY·2019·Y-001)',
    status: 'standard-example',
    groups: [
      [FONDS],
      [{ kind: 'category', part: '门类代码', pattern: 'LY|LX' }, YEAR, RETENTION, ORG_OPTIONAL],
      [{ kind: 'item', part: '件号', width: 3, grow: true }],
    ],
    examples: ['J019-LY·2019·Y-001', 'J019-LX·2020·D30-012'],
    note: '门类代码 LY（录音）或 LX（录像）。DA/T 78-2019 的命名条款未得见。',
  },
  dat13Accounting: {
    id: 'dat13Accounting',
    name: 'DA/T 13-2022 会计档案（按卷）',
    source: 'DA/T 13-2022 (example J019-KU·01·2017-001-001)',
    status: 'standard-example',
    groups: [
      [FONDS],
      [
        { kind: 'category', part: '门类代码', fixed: 'KU' },
        { kind: 'subclass', part: '二级类别号', label: '会计二级类别', pattern: '0[1-4]' },
        YEAR,
      ],
      [{ kind: 'volume', part: '案卷号', width: 3, grow: true }],
      [{ kind: 'item', part: '件号', width: 3, grow: true }],
    ],
    examples: ['J019-KU·01·2017-001-001'],
    note: '二级类别：01 凭证、02 账簿、03 报告、04 其他。标准示例不含保管期限。',
  },
  dat13Personnel: {
    id: 'dat13Personnel',
    name: 'DA/T 13-2022 人事档案',
    source: 'DA/T 13-2022 (example A002-RS-001-002)',
    status: 'standard-example',
    groups: [
      [FONDS],
      [{ kind: 'category', part: '门类代码', fixed: 'RS' }],
      [{ kind: 'volume', part: '案卷号', width: 3, grow: true }],
      [{ kind: 'item', part: '件号', width: 3, grow: true }],
    ],
    examples: ['A002-RS-001-002'],
  },
  dat13ScienceItem: {
    id: 'dat13ScienceItem',
    name: 'DA/T 13-2022 科技档案（项目号，按件）',
    source: 'DA/T 13-2022 (example X032-KJ·KY·01-003)',
    status: 'standard-example',
    groups: [
      [FONDS],
      [
        { kind: 'category', part: '门类代码', fixed: 'KJ' },
        { kind: 'subclass', part: '二级类别号' },
        { kind: 'project', part: '项目号' },
      ],
      [{ kind: 'item', part: '件号', width: 3, grow: true }],
    ],
    examples: ['X032-KJ·KY·01-003'],
    note: '二级类别如 KY 科研、JJ 基建。标准示例末段可为件号或案卷号，此处按件号读。',
  },
  dat13ScienceVolume: {
    id: 'dat13ScienceVolume',
    name: 'DA/T 13-2022 科技档案（项目号，案卷号-页号）',
    source: 'DA/T 13-2022 (example X032-KJ·JJ·02-005-054)',
    status: 'standard-example',
    groups: [
      [FONDS],
      [
        { kind: 'category', part: '门类代码', fixed: 'KJ' },
        { kind: 'subclass', part: '二级类别号' },
        { kind: 'project', part: '项目号' },
      ],
      [{ kind: 'volume', part: '案卷号', width: 3, grow: true }],
      [{ kind: 'page', part: '页号', width: 3, grow: true }],
    ],
    examples: ['X032-KJ·JJ·02-005-054'],
  },
  dat13Legacy: {
    id: 'dat13Legacy',
    name: 'DA/T 13-1994 全宗号-目录号-案卷号-件号（旧式，仅供导入）',
    source: 'DA/T 13-1994; DA/T 13-2022 example C038-001-002-003',
    status: 'legacy',
    groups: [
      [FONDS],
      [{ kind: 'catalogue', part: '目录号' }],
      [{ kind: 'volume', part: '案卷号', width: 3, grow: true }],
      [{ kind: 'item', part: '件号', width: 3, grow: true }],
    ],
    examples: ['C038-001-002-003'],
  },
  ywtbProposal: {
    id: 'ywtbProposal',
    name: '一网通办办件档号（暂定方案）',
    source: 'filing-rules §8 (proposal, DA/T 13-2022 style)',
    status: 'proposal',
    groups: [
      [FONDS],
      [
        { kind: 'category', part: '门类代码', fixed: 'ZY' },
        { kind: 'subclass', part: '事项大类' },
        YEAR,
        RETENTION,
      ],
      [{ kind: 'item', part: '件号', width: 5, grow: true }],
    ],
    examples: ['A001-ZY·XK·2024·D30-00001'],
    note: '暂定（PROPOSAL），非标准：事项大类如 XK（行政许可）由宿主给出；年度取办结年度；高办件量事项件号 5 位，可加宽。',
  },
} as const satisfies Record<string, ArchivalCodeTemplate>;

/** The key of a shipped template (`dat22`, `dat13Item` …). */
export type ArchivalCodeTemplateId = keyof typeof archivalCodeTemplates;
