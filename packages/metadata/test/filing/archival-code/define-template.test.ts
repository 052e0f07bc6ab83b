import { describe, expect, it } from 'vitest';
import {
  type ArchivalCodeTemplate,
  archivalCodeTemplates,
  defineArchivalCodeTemplate,
  formatArchivalCode,
  parseArchivalCode,
  parseArchivalCodeTemplateSyntax,
  safeDefineArchivalCodeTemplate,
} from '../../../src/filing/archival-code/index.js';

function problems(input: Parameters<typeof safeDefineArchivalCodeTemplate>[0]): string[] {
  const r = safeDefineArchivalCodeTemplate(input);
  expect(r.ok).toBe(false);
  if (r.ok) return [];
  expect(r.error.code).toBe('FILING_ARCHIVAL_CODE_TEMPLATE_INVALID');
  return r.findings.map((f) => f.message);
}

describe('the string form of templates', () => {
  it('reads parts, kinds, optional parts, widths, growth and fixed codes', () => {
    expect(parseArchivalCodeTemplateSyntax('{全宗号}-WS·{年度}-{保管期限}-{机构或问题?}-{件号:4}')).toEqual(
      archivalCodeTemplates.dat22.groups.map((g) =>
        g.map((s) => {
          const { pattern: _p, ...rest } = s as typeof s & { pattern?: string };
          return rest;
        }),
      ),
    );
    expect(parseArchivalCodeTemplateSyntax('{全宗号}-KJ·KY·{项目号}-{卷号:3}-{张号:4+}')).toEqual([
      [{ kind: 'fonds', part: '全宗号' }],
      [
        { kind: 'category', part: '门类代码', fixed: 'KJ' },
        { kind: 'subclass', part: '二级类别号', fixed: 'KY' },
        { kind: 'project', part: '项目号' },
      ],
      [{ kind: 'volume', part: '卷号', width: 3 }],
      [{ kind: 'item', part: '张号', width: 4, grow: true }],
    ]);
    // unknown names: codes, or numbers when they have a width (the last number is the item)
    expect(parseArchivalCodeTemplateSyntax('{全宗号}-{事项=XK}·{专题?}-{批次:2}-{序号:3}')).toEqual([
      [{ kind: 'fonds', part: '全宗号' }],
      [
        { kind: 'subclass', part: '事项', fixed: 'XK' },
        { kind: 'subclass', part: '专题', optional: true },
      ],
      [{ kind: 'volume', part: '批次', width: 2 }],
      [{ kind: 'item', part: '序号', width: 3 }],
    ]);
  });

  it('refuses what it cannot read', () => {
    for (const bad of [
      '{全宗号}-{件号}',
      '{全宗号}-{年度:4}',
      '{全宗号}-ws-{件号:4}',
      '{全宗号}-{件号:4=1}',
      'A-B-C-D-E-{件号:4}',
    ])
      expect(() => parseArchivalCodeTemplateSyntax(bad), bad).toThrow(
        expect.objectContaining({ code: 'FILING_ARCHIVAL_CODE_TEMPLATE_INVALID' }),
      );
  });
});

describe('defineArchivalCodeTemplate', () => {
  it('builds a host template from the string form, with overrides, and checks its examples', () => {
    const mine = defineArchivalCodeTemplate({
      id: 'pudong-ws',
      name: '浦东文书（按件，3 位件号，2–3 位机构代码）',
      format: '{全宗号}-WS·{年度}·{保管期限}·{机构或问题?}-{件号:3+}',
      segments: { 机构或问题: { pattern: '[A-Z]{2,3}', label: '机构代码' } },
      examples: ['Z008-WS·2019·Y-037', 'Z008-WS·2019·Y·XZ-1000'],
    });
    expect(formatArchivalCode({ 全宗号: 'Z008', 年度: 2019, 保管期限: '永久', 件号: 37 }, mine)).toBe(
      'Z008-WS·2019·Y-037',
    );
    expect(parseArchivalCode('Z008-WS·2019·Y·BGS-001', mine).parts.机构或问题).toBe('BGS');
    const r = safeDefineArchivalCodeTemplate({ ...mine, id: 'x', examples: ['Z008-WS·2019·Y·办公室-001'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings[0]?.message).toContain('机构代码');
  });

  it('refuses unknown override parts', () => {
    expect(
      problems({
        id: 'x',
        name: 'x',
        format: '{全宗号}-{件号:4}',
        segments: { 年度: { pattern: '\\d{4}' } },
      }),
    ).toHaveLength(1);
  });

  it('lists every problem of a structured template', () => {
    const bad = {
      id: '',
      name: '',
      groups: [
        [{ kind: 'fonds', part: '全宗号' }],
        [],
        [
          { kind: 'org', part: '全宗号', pattern: '[A-Z' },
          { kind: 'org', part: '机构', pattern: '.*' },
          { kind: 'category', part: '门类代码', fixed: 'WS', optional: true },
          { kind: 'weird', part: '怪' },
        ],
        [{ kind: 'item', part: '件号', width: 0 }],
      ],
    } as unknown as ArchivalCodeTemplate;
    const messages = problems(bad);
    for (const fragment of [
      '缺少 id',
      '缺少名称',
      '第 2 组为空',
      '不是合法的正则表达式',
      '不能匹配空值',
      '不能是可选的',
      'kind 不合格',
      'width',
    ])
      expect(messages.join('\n'), fragment).toContain(fragment);
  });

  it('needs a number segment, a required counter, at most 8 optional segments and unique parts', () => {
    expect(problems({ id: 'x', name: 'x', format: '{全宗号}-WS' }).join()).toContain('没有编号段');
    expect(problems({ id: 'x', name: 'x', format: '{全宗号}-{件号?:4}' }).join()).toContain('不能是可选的');
    expect(problems({ id: 'x', name: 'x', format: '{全宗号}-{年度}-{年度}-{件号:4}' }).join()).toContain(
      '出现两次',
    );
    const many = Array.from({ length: 9 }, (_, i) => `{可选${i}?}`).join('·');
    expect(problems({ id: 'x', name: 'x', format: `{全宗号}-${many}-{件号:4}` }).join()).toContain(
      '超过 8 个',
    );
    expect(problems({ id: 'x', name: 'x', format: '{全宗号}-{件号:4}', counter: '年度' }).join()).toContain(
      'counter',
    );
    expect(() => defineArchivalCodeTemplate(null as never)).toThrow(TypeError);
  });

  it('counts the chosen counter: pages within a volume', () => {
    const t = defineArchivalCodeTemplate({
      id: 'v',
      name: 'v',
      format: '{全宗号}-{案卷号:3}-{页号:3}',
      counter: '案卷号',
    });
    const parsed = parseArchivalCode('A001-002-003', t);
    expect(parsed.number).toBe(2);
    expect(parsed.key).toBe('A001');
  });
});
