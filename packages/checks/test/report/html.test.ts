import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtmlCode } from '../../src/report/html/escape-html.js';
import { renderHtmlReport } from '../../src/report/html/render-html.js';
import { summarise } from '../../src/report/summarise.js';
import type { CheckItemResult, CheckReport } from '../../src/report/types.js';
import { arbitraryReport, HOSTILE } from './support/arbitrary-report.js';
import { archivingItems, archivingReport, GROUP_NAMES, reportOf } from './support/sample-reports.js';
import { byClass, byId, findAll, parseReport, textOf } from './support/xhtml.js';

const groupName = (_stage: string, group: string) => GROUP_NAMES[group];

/** Every tag the renderer writes; anything else would be markup that leaked from data. */
const TAGS = new Set(
  (
    'html head meta title style body header h1 h2 h3 h4 p strong span table caption thead tbody tfoot tr th td ' +
    'nav a main section article div code figure figcaption footer svg defs pattern rect path circle text'
  ).split(' '),
);

function assertOnlyOwnMarkup(html: string): void {
  expect(html.toLowerCase()).not.toContain('<script');
  expect(html).not.toContain('@import');
  expect(html).not.toMatch(/url\((?!#dangan-pattern-)/);
  // every `<` opens one of the renderer's own tags, and no tag has an event handler or a source
  const lts = html.split('<').length - 1;
  let tags = 0;
  for (const m of html.matchAll(
    /<(!DOCTYPE html|\/?([a-z][a-z0-9]*)((?:\s+[a-zA-Z:-]+="[^"<>]*")*)\s*\/?)>/g,
  )) {
    tags += 1;
    if (m[1] === '!DOCTYPE html') continue;
    expect(TAGS.has(m[2]!), `unexpected markup ${m[0]}`).toBe(true);
    for (const attribute of (m[3] ?? '').matchAll(/\s+([a-zA-Z:-]+)="/g)) {
      expect(attribute[1], m[0]).not.toMatch(/^(on[a-z]+|src|srcset|style|xlink:href)$/i);
    }
  }
  expect(tags, "a `<` outside the renderer's tags").toBe(lts);
}

describe('renderHtmlReport (Chinese)', async () => {
  const html = renderHtmlReport(archivingReport, { groupName });
  const root = await parseReport(html);

  it('is one well-formed, self-contained document with no scripts and no external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"')).toBe(
      true,
    );
    expect(root.name).toBe('html');
    assertOnlyOwnMarkup(html);
    const links = findAll(root, (e) => 'href' in e.attributes || 'src' in e.attributes);
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) expect(a.attributes.href).toMatch(/^#/);
    const ids = new Set(findAll(root, (e) => 'id' in e.attributes).map((e) => e.attributes.id));
    for (const a of links) expect(ids.has(a.attributes.href!.slice(1)), a.attributes.href).toBe(true);
    expect(findAll(root, (e) => e.name === 'style')).toHaveLength(1);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@media print');
  });

  it('heads the report with the subject, stage, profile, times and generator', () => {
    const title = findAll(root, (e) => e.name === 'title')[0]!;
    expect(title.text).toBe('归档环节四性检测报告 · 2024-文书-归档信息包.zip');
    expect(findAll(root, (e) => e.name === 'h1')[0]!.text).toBe('归档环节四性检测报告');
    const meta = Object.fromEntries(
      findAll(byClass(root, 'table', 'meta')[0]!, (e) => e.name === 'tr').map((tr) => [
        tr.children[0]!.text,
        textOf(tr.children[1]!),
      ]),
    );
    expect(meta).toMatchObject({
      检测对象: expect.stringContaining('2024-文书-归档信息包.zip'),
      对象类型: '归档信息包',
      条目数: '1,234',
      总字节数: '5,368,709,120 字节（5.00 GiB）',
      整包数字摘要: expect.stringMatching(
        /^SM3：.*66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0/,
      ),
      检测环节: '归档（GD）',
      检测方案: expect.stringContaining('dat70'),
      开始时间: '2024-05-06T09:00:00.000Z',
      结束时间: '2024-05-06T09:01:12.500Z',
      用时: '1 分 12.5 秒',
      生成程序: 'dangan 0.1.0',
    });
  });

  it('states the verdict in words', () => {
    const verdict = byClass(root, 'p', 'verdict')[0]!;
    expect(verdict.attributes.class).toBe('verdict failed');
    expect(textOf(verdict)).toContain('✗ 不通过');
    expect(textOf(verdict)).toContain('不通过 1 项，检测出错 1 项');
  });

  it('summarises by property in a table whose rows and totals add up', () => {
    const table = byClass(root, 'table', 'counts')[0]!;
    const rows = findAll(table, (e) => e.name === 'tr').map((tr) => tr.children.map((c) => textOf(c).trim()));
    expect(rows[0]).toEqual([
      '性质',
      '✓ 通过',
      '✗ 不通过',
      '⚠ 警告',
      '✎ 待人工检测',
      '－ 不适用',
      '⊘ 检测出错',
      '合计',
    ]);
    expect(rows.slice(1)).toEqual([
      ['真实性', '1', '1', '0', '0', '1', '0', '3'],
      ['完整性', '1', '0', '1', '0', '0', '0', '2'],
      ['可用性', '1', '0', '0', '0', '0', '1', '2'],
      ['安全性', '2', '0', '0', '2', '1', '0', '5'],
      ['合计', '5', '1', '1', '2', '2', '1', '12'],
    ]);
    expect(textOf(byId(root, 'summary'))).toContain(
      '共检测 12 项：通过 5，不通过 1，警告 1，待人工检测 2，不适用 2，检测出错 1。',
    );
  });

  it('draws an inline SVG chart with one segment per non-zero count, patterns and a worded legend', () => {
    const svgs = findAll(root, (e) => e.name === 'svg');
    expect(svgs).toHaveLength(1);
    const svg = svgs[0]!;
    expect(svg.uri).toBe('http://www.w3.org/2000/svg');
    const segments = findAll(svg, (e) => e.name === 'rect' && e.children.some((c) => c.name === 'title'));
    expect(segments.map((s) => s.children[0]!.text)).toEqual([
      '真实性 · 通过：1',
      '真实性 · 不通过：1',
      '真实性 · 不适用：1',
      '完整性 · 通过：1',
      '完整性 · 警告：1',
      '可用性 · 通过：1',
      '可用性 · 检测出错：1',
      '安全性 · 通过：2',
      '安全性 · 待人工检测：2',
      '安全性 · 不适用：1',
    ]);
    // one scale: the security bar (5 items) is the widest, each item is as wide as any other
    const widths = segments.map((s) => Number(s.attributes.width));
    expect(widths[7]! / 2).toBeCloseTo(widths[0]!, 1);
    const texts = findAll(svg, (e) => e.name === 'text').map((t) => t.text);
    for (const word of [
      '真实性',
      '完整性',
      '可用性',
      '安全性',
      '通过',
      '不通过',
      '警告',
      '待人工检测',
      '不适用',
      '检测出错',
    ]) {
      expect(texts).toContain(word);
    }
    expect(findAll(svg, (e) => e.name === 'pattern').map((p) => p.attributes.id)).toEqual([
      'dangan-pattern-warning',
      'dangan-pattern-manual',
      'dangan-pattern-not-applicable',
      'dangan-pattern-error',
    ]);
  });

  it('lists the items needing attention first, failures first, linked to their details', () => {
    const rows = findAll(byId(root, 'attention'), (e) => e.name === 'tr').slice(1);
    expect(rows.map((r) => textOf(r.children[1]!).trim())).toEqual([
      'GD-1-2',
      'GD-3-4',
      'GD-4-1',
      'GD-4-7',
      'GD-2-1',
    ]);
    expect(rows.map((r) => r.attributes.class)).toEqual(['fail', 'error', 'manual', 'manual', 'warning']);
    expect(textOf(rows[0]!)).toContain('题名超过 200 字');
    expect(textOf(rows[0]!)).toContain('（发现 3 条）');
    expect(textOf(rows[1]!)).toContain('未配置版式文件解析插件');
    const href = findAll(rows[0]!, (e) => e.name === 'a')[0]!.attributes.href!;
    expect(textOf(byId(root, href.slice(1)))).toContain('元数据项数据长度检测');
  });

  it('shows every item by property and group, with status, provisional marker, reason and attestation', () => {
    const properties = byClass(root, 'section', 'property');
    expect(properties.map((p) => p.children[0]!.text)).toEqual([
      '（一）真实性',
      '（二）完整性',
      '（三）可用性',
      '（四）安全性',
    ]);
    const security = byId(root, 'details-security');
    expect(
      byClass(security, 'section', 'group').map(
        (g) => `${g.children[0]!.children[0]!.text} ${g.children[0]!.text.trim()}`,
      ),
    ).toEqual(['4-1 归档信息包病毒', '4-2 归档载体安全性', '4-3 归档过程安全性']);
    const articles = findAll(root, (e) => e.name === 'article');
    expect(articles).toHaveLength(archivingItems.length);
    expect(articles.map((a) => a.attributes.class)).toEqual(archivingItems.map((i) => `item ${i.status}`));
    const byItem = (id: string) => articles.find((a) => textOf(a).includes(id))!;
    expect(textOf(byItem('GD-1-9'))).toContain('暂定编号');
    expect(textOf(byItem('GD-1-9'))).toContain('原因：');
    expect(textOf(byItem('GD-1-9'))).toContain('标准未公开此项内容');
    expect(textOf(byItem('GD-1-1'))).not.toContain('暂定编号');
    const attested = textOf(byItem('GD-4-5'));
    for (const part of [
      '人工确认：',
      '结论：通过',
      '确认人：张三（档案员）',
      '时间：2024-05-06T09:30:00+08:00',
      '说明：',
      '光盘无划痕，标签清晰',
      '证据：',
      'sm3:7f3a…照片.jpg',
    ]) {
      expect(attested).toContain(part);
    }
    expect(textOf(byClass(byItem('GD-4-7'), 'span', 'badge')[0]!)).toBe('✎ 待人工检测');
  });

  it('lists findings with severity, message, path, element number and code, errors first', () => {
    const article = findAll(root, (e) => e.name === 'article' && textOf(e).includes('GD-1-2'))[0]!;
    const rows = findAll(byClass(article, 'table', 'findings')[0]!, (e) => e.name === 'tr').map((tr) =>
      tr.children.map((c) => textOf(c).trim()),
    );
    expect(rows).toEqual([
      ['级别', '说明', '位置', '元数据项', '代码'],
      ['错误', '题名超过 200 字', '电子文件/2024/0001/基本信息元数据.xml', 'M22', 'METADATA_TOO_LONG'],
      ['错误', '文号超过 50 字', '电子文件/2024/0003/基本信息元数据.xml', 'M24', 'METADATA_TOO_LONG'],
      ['提示', '责任者接近长度上限', '电子文件/2024/0002/基本信息元数据.xml', 'M33', 'METADATA_NEAR_LIMIT'],
    ]);
  });

  it('ends with a sign-off block and a footer naming the standard', () => {
    expect(textOf(byId(root, 'sign-off'))).toContain('检测人：');
    const footer = findAll(root, (e) => e.name === 'footer')[0]!;
    expect(textOf(footer)).toContain('DA/T 70-2018');
    expect(textOf(footer)).toContain('由 dangan 0.1.0 依据');
  });

  it('is deterministic', () => {
    expect(renderHtmlReport(archivingReport, { groupName })).toBe(html);
  });
});

describe('renderHtmlReport (English)', async () => {
  const html = renderHtmlReport(archivingReport, {
    lang: 'en',
    groupName,
    itemName: (id) => (id === 'GD-1-2' ? 'Metadata value length' : undefined),
  });
  const root = await parseReport(html);

  it('writes its own words in English and prefers English messages and reasons', () => {
    expect(root.attributes.lang).toBe('en');
    expect(findAll(root, (e) => e.name === 'h1')[0]!.text).toBe('Four-property check report: Archiving');
    const all = textOf(root);
    for (const s of [
      'Result: ',
      '1. Summary',
      '2. Items needing attention',
      '3. Item details',
      '3.1 Authenticity',
      'Archival information package',
      '5,368,709,120 bytes (5.00 GiB)',
      '1 min 12.5 s',
      'Title is longer than 200 characters',
      'No layout-document parser plug-in configured',
      'Metadata value length · 元数据项数据长度检测',
      'provisional id',
      'Attested: ',
      'Checked by:',
    ]) {
      expect(all).toContain(s);
    }
    // no English message given: the Chinese one is shown
    expect(all).toContain('文号超过 50 字');
    expect(all).not.toContain('检测结论');
    assertOnlyOwnMarkup(html);
  });
});

describe('renderHtmlReport options and edge cases', () => {
  it('lists at most maxFindingsPerItem findings per item and counts the rest', async () => {
    const one = await parseReport(renderHtmlReport(archivingReport, { maxFindingsPerItem: 1 }));
    const article = findAll(one, (e) => e.name === 'article' && textOf(e).includes('GD-1-2'))[0]!;
    expect(findAll(article, (e) => e.name === 'tr')).toHaveLength(2);
    expect(textOf(article)).toContain('另有 2 条发现未列出（共 3 条），完整内容见 JSON 报告。');
    const none = await parseReport(renderHtmlReport(archivingReport, { maxFindingsPerItem: 0 }));
    const bare = findAll(none, (e) => e.name === 'article' && textOf(e).includes('GD-1-2'))[0]!;
    expect(findAll(bare, (e) => e.name === 'table')).toHaveLength(0);
    expect(textOf(bare)).toContain('另有 3 条发现未列出（共 3 条）');
  });

  it('keeps a report with thousands of findings readable (default 100 per item)', async () => {
    const many: CheckItemResult = {
      id: 'GD-2-7',
      group: '2-3',
      property: 'integrity',
      name: '内容数据完整性检测',
      status: 'fail',
      findings: Array.from({ length: 5000 }, (_, i) => ({
        code: 'CONTENT_MISSING',
        severity: i % 2 === 0 ? ('warning' as const) : ('error' as const),
        message: `缺少内容文件 ${i}`,
        path: `电子文件/${i}.pdf`,
      })),
    };
    const html = renderHtmlReport(reportOf([many]));
    const root = await parseReport(html);
    const rows = findAll(byClass(root, 'table', 'findings')[0]!, (e) => e.name === 'tr').slice(1);
    expect(rows).toHaveLength(100);
    expect(rows.every((r) => textOf(r).startsWith('错误'))).toBe(true);
    expect(textOf(rows[0]!)).toContain('电子文件/1.pdf');
    expect(html).toContain('另有 4,900 条发现未列出（共 5,000 条）');
    expect(html.length).toBeLessThan(200_000);
  });

  it('escapes hostile data everywhere and shows invisible characters', async () => {
    const hostile: CheckItemResult[] = HOSTILE.map((s, i) => ({
      id: s,
      group: s,
      property: (['authenticity', 'integrity', 'usability', 'security'] as const)[i % 4]!,
      name: s,
      status: 'fail',
      findings: [{ code: s, severity: 'error', message: s, messageEn: s, path: s, element: s, item: s }],
      reason: s,
      attestation: { item: s, result: 'fail', by: s, at: s, note: s, evidence: s },
    }));
    const report = reportOf(hostile, {
      profile: '<script>p</script>',
      generator: '"><script>g</script>',
      subject: {
        name: '<script>alert("name")</script>\u202Egpj.exe',
        kind: 'unknown',
        digest: { algorithm: '<b>', value: '</td>' },
      },
    });
    for (const lang of ['zh', 'en'] as const) {
      const html = renderHtmlReport(report, { lang, title: '<script>t</script>', groupName: (_s, g) => g });
      assertOnlyOwnMarkup(html);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('invoice<span class="ctl" title="U+202E">〈U+202E〉</span>fdp.exe');
      expect(html).toContain('a<span class="ctl" title="U+0000">␀</span>b');
      expect(html).toContain('lone <span class="ctl" title="U+D800">〈U+D800〉</span> high');
      expect(html).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      const root = await parseReport(html);
      const title = findAll(root, (e) => e.name === 'title')[0]!;
      expect(title.children).toHaveLength(0);
      expect(title.text).toBe('<script>t</script> · <script>alert("name")</script>〈U+202E〉gpj.exe');
      expect(findAll(root, (e) => e.name === 'article')).toHaveLength(hostile.length);
    }
  });

  it('renders findings of a foreign report whose severities are outside the contract', async () => {
    const odd: CheckItemResult = {
      ...archivingItems[0]!,
      status: 'fail',
      findings: ['constructor', '__proto__', 'toString', 'fatal', 'info', 'error'].map((severity, i) => ({
        code: `C${i}`,
        severity: severity as never,
        message: `m${i}`,
      })),
    };
    const root = await parseReport(renderHtmlReport(reportOf([odd]), { maxFindingsPerItem: 5 }));
    const rows = findAll(byClass(root, 'table', 'findings')[0]!, (e) => e.name === 'tr').slice(1);
    expect(rows.map((r) => textOf(r.children[0]!).trim())).toEqual([
      '错误',
      '提示',
      'constructor',
      '__proto__',
      'toString',
    ]);
    expect(textOf(root)).toContain('另有 1 条发现未列出（共 6 条）');
  });

  it('counts from the items and flags a summary that disagrees with them', async () => {
    const report: CheckReport = { ...archivingReport, summary: summarise(archivingItems.slice(0, 3)) };
    const root = await parseReport(renderHtmlReport(report));
    expect(textOf(byClass(root, 'p', 'warning-box')[0]!)).toContain('汇总数据与检测项不一致');
    expect(textOf(byId(root, 'summary'))).toContain('共检测 12 项');
    const fine = await parseReport(renderHtmlReport(archivingReport));
    expect(byClass(fine, 'p', 'warning-box')).toHaveLength(0);
  });

  it('says so when every item passed, and for a property without items', async () => {
    const passing = archivingItems.filter((i) => i.status === 'pass' && i.property !== 'usability');
    const root = await parseReport(renderHtmlReport(reportOf(passing, { generator: undefined as never })));
    expect(byClass(root, 'p', 'verdict')[0]!.attributes.class).toBe('verdict passed');
    expect(textOf(byId(root, 'attention'))).toContain('所有检测项均已通过或不适用。');
    expect(textOf(byId(root, 'details-usability'))).toContain('本环节无此性质的检测项。');
    const manual = await parseReport(
      renderHtmlReport(archivingReport, { title: '自定义标题', signOff: false }),
    );
    expect(findAll(manual, (e) => e.name === 'h1')[0]!.text).toBe('自定义标题');
    expect(findAll(manual, (e) => e.attributes.id === 'sign-off')).toHaveLength(0);
    expect(findAll(manual, (e) => e.attributes.href === '#sign-off')).toHaveLength(0);
  });

  it('notes pending manual checks and warnings under a passing verdict', async () => {
    const items = archivingItems.filter((i) => i.status !== 'fail' && i.status !== 'error');
    const root = await parseReport(renderHtmlReport(reportOf(items)));
    expect(textOf(byClass(root, 'p', 'verdict')[0]!)).toContain('另有 2 项待人工检测；1 项有警告');
  });

  it('groups without a catalogue lookup by their key', async () => {
    const root = await parseReport(renderHtmlReport(archivingReport, { groupName: () => undefined }));
    expect(
      byClass(byId(root, 'details-authenticity'), 'section', 'group').map((g) =>
        textOf(g.children[0]!).trim(),
      ),
    ).toEqual(['1-1', '1-2', '1-3']);
  });

  it('names groups from the shipped catalogue by default', async () => {
    const root = await parseReport(renderHtmlReport(archivingReport));
    const headings = byClass(byId(root, 'details-authenticity'), 'section', 'group').map((g) =>
      textOf(g.children[0]!),
    );
    expect(headings).toHaveLength(3);
    expect(headings[0]).toContain('电子文件来源真实性');
    expect(headings[0]).toContain('1-1');
  });

  it('rejects a value that is not a report, and bad options', () => {
    expect(() => renderHtmlReport(null as never)).toThrow(TypeError);
    expect(() => renderHtmlReport({ ...archivingReport, items: {} as never })).toThrow(
      /report\.items must be an array/,
    );
    expect(() =>
      renderHtmlReport({ ...archivingReport, items: [{ ...archivingItems[0]!, status: 'ok' as never }] }),
    ).toThrow(/items\[0\]\.status/);
    expect(() =>
      renderHtmlReport({ ...archivingReport, items: [{ ...archivingItems[0]!, findings: [null as never] }] }),
    ).toThrow(/findings\[0\] must be an object/);
    expect(() => renderHtmlReport(archivingReport, { lang: 'fr' as never })).toThrow(RangeError);
    expect(() => renderHtmlReport(archivingReport, { maxFindingsPerItem: -1 })).toThrow(RangeError);
    expect(() => renderHtmlReport(archivingReport, { maxFindingsPerItem: 1.5 })).toThrow(RangeError);
  });

  it('renders any contract-keeping report, hostile strings included, as escaped well-formed markup', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryReport,
        fc.constantFrom('zh' as const, 'en' as const),
        fc.nat(6),
        async (report, lang, max) => {
          const html = renderHtmlReport(report, {
            lang,
            maxFindingsPerItem: max,
            groupName: (_s, g) => `组${g}`,
          });
          assertOnlyOwnMarkup(html);
          for (const item of report.items) expect(html).toContain(escapeHtmlCode(item.id));
          const root = await parseReport(html);
          expect(findAll(root, (e) => e.name === 'article')).toHaveLength(report.items.length);
          const findingRows = findAll(
            root,
            (e) => e.name === 'table' && (e.attributes.class ?? '') === 'findings',
          ).reduce((n, t) => n + findAll(t, (e) => e.name === 'tr').length - 1, 0);
          expect(findingRows).toBe(report.items.reduce((n, i) => n + Math.min(max, i.findings.length), 0));
        },
      ),
      { numRuns: 120 },
    );
  });
});
