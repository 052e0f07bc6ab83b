import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseXmlToTree, type XmlElement } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../../src/filing/catalogue/index.js';
import { catalogueToXlsx } from '../../../src/filing/catalogue/xlsx/index.js';
import { readZip } from './read-zip.js';

const { rows } = buildCatalogue([
  {
    档号: 'Z109-WS·2011-Y-BGS-0001',
    文号: '沪府办〔2011〕1号',
    责任者: '上海市人民政府办公厅',
    题名: '=HYPERLINK("http://x","点我")',
    日期: '2011-01-05',
    密级: '公开',
    页数: 3,
    备注: 'literal _x0041_ and a\u0001b',
  },
  {
    档号: 'Z109-WS·2011-Y-BGS-0002',
    责任者: '办公室',
    拟写题名: '会议签到表',
    日期: '2011-05-04',
    密级: '公开',
  },
]);

const find = (el: XmlElement, name: string): XmlElement[] => {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
};

const openpyxl = spawnSync('python3', ['-c', 'import openpyxl']).status === 0;

describe('catalogueToXlsx', () => {
  it('writes a workbook whose sheet XML has the rows, A4 landscape, widths and a frozen header', async () => {
    const bytes = await catalogueToXlsx(rows, { title: '2011年度 永久 归档文件目录' });
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const files = readZip(bytes);
    for (const name of [
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/styles.xml',
    ]) {
      expect(files.has(name), name).toBe(true);
    }
    const sheet = await parseXmlToTree(files.get('xl/worksheets/sheet1.xml')!);
    const strings = files.has('xl/sharedStrings.xml')
      ? find(await parseXmlToTree(files.get('xl/sharedStrings.xml')!), 'si').map((si) =>
          find(si, 't')
            .map((t) => t.text)
            .join(''),
        )
      : [];
    const setup = find(sheet, 'pageSetup')[0]!;
    expect(setup.attributes.orientation).toBe('landscape');
    expect(setup.attributes.paperSize).toBe('9');
    expect(find(sheet, 'col').map((c) => Number(c.attributes.width))).toEqual([
      6, 26, 18, 20, 48, 11, 6, 6, 12,
    ]);
    expect(find(sheet, 'pane')[0]?.attributes.ySplit).toBe('2');
    expect(find(sheet, 'f')).toEqual([]); // no formula anywhere
    const value = (c: XmlElement) => {
      const v =
        find(c, 'v')[0]?.text ??
        find(c, 't')
          .map((t) => t.text)
          .join('');
      return c.attributes.t === 's' ? strings[Number(v)] : v;
    };
    const grid = find(sheet, 'row').map((r) =>
      find(r, 'c').map((c) => [c.attributes.r, c.attributes.t ?? 'n', value(c)]),
    );
    expect(grid[0]?.[0]).toEqual(['A1', 's', '2011年度 永久 归档文件目录']);
    expect(grid[1]?.map((c) => c[2])).toEqual([
      '序号',
      '档号',
      '文号',
      '责任者',
      '题名',
      '日期',
      '密级',
      '页数',
      '备注',
    ]);
    expect(grid[2]).toEqual([
      ['A3', 'n', '1'],
      ['B3', 's', 'Z109-WS·2011-Y-BGS-0001'],
      ['C3', 's', '沪府办〔2011〕1号'],
      ['D3', 's', '上海市人民政府办公厅'],
      ['E3', 's', '=HYPERLINK("http://x","点我")'],
      ['F3', 's', '20110105'],
      ['G3', 's', '公开'],
      ['H3', 'n', '3'],
      ['I3', 's', 'literal _x005F_x0041_ and a_x0001_b'],
    ]);
    expect(grid[3]?.find((c) => c[0] === 'E4')?.[2]).toBe('[会议签到表]');
    expect(grid).toHaveLength(4);
    expect(find(await parseXmlToTree(files.get('xl/workbook.xml')!), 'sheet')[0]?.attributes.name).toBe(
      '归档文件目录',
    );
  });

  it('checks its options', async () => {
    await expect(catalogueToXlsx(rows, { sheetName: 'a/b' })).rejects.toThrow(RangeError);
    await expect(
      catalogueToXlsx(rows, { columns: ['档号', '电子档案名称'], borders: false, widths: { 档号: 30 } }),
    ).resolves.toBeInstanceOf(Uint8Array);
  });

  it.skipIf(!openpyxl)('opens in openpyxl with the same cells and page setup (differential)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalogue-xlsx-'));
    const file = join(dir, '归档文件目录.xlsx');
    // openpyxl does not decode OOXML `_xHHHH_` escapes in cell text, so the differential uses plain text.
    const plain = rows.map((r) => ({ ...r, 备注: r.备注 === '' ? '' : '附件缺失' }));
    writeFileSync(file, await catalogueToXlsx(plain));
    const script = [
      'import json, sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'ws = wb.active',
      'print(json.dumps({"title": ws.title, "orientation": ws.page_setup.orientation, "paper": ws.page_setup.paperSize,',
      ' "rows": [[c.value for c in r] for r in ws.iter_rows()], "freeze": ws.freeze_panes}, ensure_ascii=False))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout);
    expect(got.title).toBe('归档文件目录');
    expect(got.orientation).toBe('landscape');
    expect(Number(got.paper)).toBe(9);
    expect(got.freeze).toBe('A2');
    expect(got.rows[0]).toEqual(['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注']);
    expect(got.rows[1]).toEqual([
      1,
      'Z109-WS·2011-Y-BGS-0001',
      '沪府办〔2011〕1号',
      '上海市人民政府办公厅',
      '=HYPERLINK("http://x","点我")',
      '20110105',
      '公开',
      3,
      '附件缺失',
    ]);
    expect(got.rows[2]?.[4]).toBe('[会议签到表]');
  });
});
