import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseXmlToTree, type XmlElement } from '@dangan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCatalogue,
  type CatalogueRow,
  catalogueCsvText,
  catalogueToCsv,
  catalogueToXml,
  csvCell,
  safeCatalogueToCsv,
  safeCatalogueToXml,
} from '../../../src/filing/catalogue/index.js';

const { rows } = buildCatalogue([
  {
    档号: 'Z109-WS·2011-Y-BGS-0001',
    文号: '沪府办〔2011〕1号',
    责任者: '上海市人民政府办公厅',
    题名: '关于"档案"工作, 检查的通知',
    日期: '2011-01-05',
    密级: '公开',
    页数: 3,
    备注: "=cmd|' /C calc'!A0",
  },
  {
    档号: 'Z109-WS·2011-Y-BGS-0002',
    责任者: '办公室',
    拟写题名: '会议签到表\n第二页',
    日期: '2011-05-04',
    密级: '公开',
    页数: 1,
  },
]);

/** A strict RFC 4180 reader for the tests. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else cell += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error('quote inside an unquoted field');
        cell += text[i++];
      }
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else {
      if (text.startsWith('\r\n', i)) i += 2;
      else if (text[i] === '\n') i++;
      out.push(row);
      row = [];
    }
  }
  return out;
}

describe('catalogueToCsv', () => {
  it('writes RFC 4180 CSV, UTF-8 with BOM, with a formula guard', () => {
    const bytes = catalogueToCsv(rows);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注'],
      [
        '1',
        'Z109-WS·2011-Y-BGS-0001',
        '沪府办〔2011〕1号',
        '上海市人民政府办公厅',
        '关于"档案"工作, 检查的通知',
        '20110105',
        '公开',
        '3',
        "'=cmd|' /C calc'!A0",
      ],
      ['2', 'Z109-WS·2011-Y-BGS-0002', '', '办公室', '[会议签到表\n第二页]', '20110504', '公开', '1', ''],
    ]);
    expect(text).toContain('"关于""档案""工作, 检查的通知"');
    expect(
      catalogueCsvText(rows, {
        formulaGuard: false,
        header: false,
        newline: '\n',
        columns: ['档号', '备注'],
      }),
    ).toBe("Z109-WS·2011-Y-BGS-0001,=cmd|' /C calc'!A0\nZ109-WS·2011-Y-BGS-0002,\n");
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCell(bad).startsWith("'") || csvCell(bad).startsWith('"\'')).toBe(true);
    expect(csvCell('2011-01')).toBe('2011-01');
  });

  it('writes GB18030 without BOM, and refuses or replaces what GB18030 cannot hold', () => {
    const bytes = catalogueToCsv(rows, { encoding: 'gb18030' });
    expect(bytes[0]).toBe(0xd0); // 序 = D0F2
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(catalogueCsvText(rows));
    const odd: CatalogueRow[] = [{ ...rows[0]!, 备注: '\ue5e5' }];
    // U+E5E5 has a GB18030 code only where the runtime's decoder still follows GB18030-2005 (A3A0).
    const mappable = new TextDecoder('gb18030').decode(new Uint8Array([0xa3, 0xa0])) === '\ue5e5';
    expect(safeCatalogueToCsv(odd, { encoding: 'gb18030' }).ok).toBe(mappable);
    expect(
      new TextDecoder('gb18030').decode(
        catalogueToCsv([{ ...rows[0]!, 备注: '\ud800' }], { encoding: 'gb18030', unmappable: 'replace' }),
      ),
    ).toContain(',?\r\n');
    expect(() => catalogueToCsv(rows, { encoding: 'latin1' as 'utf-8' })).toThrow(RangeError);
  });

  it('property: any cell text survives CSV quoting (after the guard)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 6 }), (cells) => {
        const text = `${cells.map((c) => csvCell(c)).join(',')}\r\n`;
        const guarded = cells.map((c) => (/^[=+\-@\t\r]/u.test(c) ? `'${c}` : c));
        expect(parseCsv(text)).toEqual([guarded]);
      }),
    );
  });
});

const fields = (el: XmlElement) => Object.fromEntries(el.children.map((c) => [c.name, c.text]));

describe('catalogueToXml (文件目录.XML)', () => {
  it('writes UTF-8 with the transfer rules’ elements', async () => {
    const bytes = catalogueToXml(rows);
    const text = new TextDecoder().decode(bytes);
    expect(
      text.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\r\n<文件目录>\r\n  <文件>\r\n    <顺序号>1</顺序号>',
      ),
    ).toBe(true);
    const root = await parseXmlToTree(bytes);
    expect(root.name).toBe('文件目录');
    expect(root.children.map((c) => c.name)).toEqual(['文件', '文件']);
    expect(fields(root.children[0]!)).toEqual({
      顺序号: '1',
      档号: 'Z109-WS·2011-Y-BGS-0001',
      责任者: '上海市人民政府办公厅',
      题名: '关于"档案"工作, 检查的通知',
      日期: '20110105',
      密级: '公开',
      电子档案名称: 'Z109-WS·2011-Y-BGS-0001',
      备注: "=cmd|' /C calc'!A0",
    });
    expect(fields(root.children[1]!).题名).toBe('[会议签到表\n第二页]');
  });

  it('writes GB18030 with the encoding declared, at volume level too', async () => {
    const odd: CatalogueRow[] = [{ ...rows[0]!, 备注: '私用\ue5e5区 𠀀' }];
    const bytes = catalogueToXml(odd, { encoding: 'gb18030', level: '案卷', newline: '\n' });
    const text = new TextDecoder('gb18030').decode(bytes);
    expect(text.split('\n')[0]).toBe('<?xml version="1.0" encoding="GB18030"?>');
    const root = await parseXmlToTree(bytes);
    expect(root.name).toBe('案卷目录');
    expect(root.children[0]?.name).toBe('案卷');
    expect(fields(root.children[0]!).备注).toBe('私用\ue5e5区 𠀀');
    expect(fields(root.children[0]!).题名).toBe('关于"档案"工作, 检查的通知');
    const xmllint = spawnSync('xmllint', ['--version']).status === 0;
    if (xmllint) {
      const dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
      const file = join(dir, '案卷目录.XML');
      writeFileSync(file, bytes);
      const r = spawnSync('xmllint', ['--noout', '--encode', 'UTF-8', file], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
  });

  it('refuses characters XML 1.0 forbids', () => {
    const r = safeCatalogueToXml([{ ...rows[0]!, 题名: 'a\u0001b' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('XML_INVALID_CHARACTER');
    expect(() => catalogueToXml(rows, { level: '卷' as '案卷' })).toThrow(RangeError);
  });
});
