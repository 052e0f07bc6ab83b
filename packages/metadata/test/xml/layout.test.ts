import { parseXmlToTree, utf8, type XmlElement, XmlWriter } from '@dangan/core';
import { schemes, type UnknownRecord } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import {
  DAT48_NAMESPACE,
  METADATA_EXT_NAMESPACE,
  recordFromXml,
  recordsFromXml,
  recordToXml,
  writeRecordSetXml,
  writeRecordXml,
} from '../../src/xml/index.js';
import { sample } from './support/samples.js';

const tree = (xml: string) => parseXmlToTree(utf8(xml));
const names = (el: XmlElement) => el.children.map((c) => c.name);
const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name)!;

describe('metadata layout', () => {
  it('has the extension root with the scheme attributes in a fixed order', () => {
    const xml = recordToXml(sample(), schemes.dat46, { pretty: false });
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><dg:电子文件元数据 xmlns="http:\/\/www\.saac\.gov\.cn\/standards\/ERM\/encapsulation" xmlns:dg="urn:dangan:metadata:ext" 方案="dat46" 方案版本="2026\.11" 标准="DA\/T 46-2009">/,
    );
    expect(
      recordToXml(sample(), schemes.dat46, { declaration: false }).startsWith('<dg:电子文件元数据'),
    ).toBe(true);
  });

  it('writes entities in table order, with DA/T 48 blocks and the renamed relation', async () => {
    const root = await tree(recordToXml(sample(), schemes.dat46));
    expect(root.uri).toBe(METADATA_EXT_NAMESPACE);
    expect(names(root)).toEqual(['文件实体', '机构人员实体块', '业务实体块', '文件实体关系']);
    expect(names(child(root, '机构人员实体块'))).toEqual(['机构人员实体']);
    expect(names(child(root, '文件实体关系'))).toEqual(['文件标识符', '被关联文件标识符', '关系']);
    for (const c of root.children) expect(c.uri).toBe(DAT48_NAMESPACE);
  });

  it('writes the 文件实体 subtree in DA/T 46 table order', async () => {
    const root = await tree(recordToXml(sample(), schemes.dat46));
    const file = child(root, '文件实体');
    expect(names(file)).toEqual([
      '聚合层次',
      '来源',
      '电子文件号',
      '档号',
      '内容描述',
      '形式特征',
      '电子属性',
      '存储位置',
      '权限管理',
    ]);
    expect(names(child(file, '权限管理'))).toEqual(['授权', '控制标识']);
    expect(names(child(child(file, '权限管理'), '授权'))).toEqual(['授权对象', '授权行为']);
    expect(names(child(file, '电子属性'))).toEqual(['计算机文件名', '计算机文件大小', '信息系统描述']);
  });

  it('puts elements DA/T 48 does not define in the extension namespace', async () => {
    const root = await tree(recordToXml(sample(), schemes.dat46));
    const form = child(child(root, '文件实体'), '形式特征');
    expect(form.children.map((c) => [c.name, c.uri])).toEqual([
      ['文件组合类型', DAT48_NAMESPACE],
      ['dg:件数', METADATA_EXT_NAMESPACE],
      ['页数', DAT48_NAMESPACE],
    ]);
  });

  it("puts ywtb's 办件 block, DA/T 48 names inside it included, in the extension namespace", async () => {
    const record = {
      ...sample(),
      办件: { 事项编码: 'X1', 事项名称: '某许可', 办件编号: 'P1', 受理时间: '2024-05-01T09:00:00' },
    };
    const root = await tree(recordToXml(record, schemes.ywtb));
    const block = child(root, 'dg:办件');
    expect(block.uri).toBe(METADATA_EXT_NAMESPACE);
    for (const c of block.children) expect(c.uri).toBe(METADATA_EXT_NAMESPACE);
    expect(await recordFromXml(recordToXml(record, schemes.ywtb), schemes.ywtb)).toEqual(record);
  });

  it('writes numbers as plain decimals and reads them back by element type', async () => {
    const record = sample() as { 文件实体: Record<string, unknown> & { 档号?: Record<string, unknown> } };
    record.文件实体.电子属性 = [{ 计算机文件名: 'a', 计算机文件大小: 2 ** 53 - 1 }];
    const xml = recordToXml(record, schemes.dat46);
    expect(xml).toContain('<计算机文件大小>9007199254740991</计算机文件大小>');
    expect(xml).toContain('<年度>2024</年度>'); // gYear stays text
    const back = (await recordFromXml(xml, schemes.dat46)) as typeof record;
    expect(back.文件实体.电子属性).toEqual([{ 计算机文件名: 'a', 计算机文件大小: 2 ** 53 - 1 }]);
    expect(back.文件实体.档号!.年度).toBe('2024');
  });

  it('reads a repeatable element with one item as an array', async () => {
    const back = (await recordFromXml(recordToXml(sample(), schemes.dat46), schemes.dat46)) as {
      文件实体: { 内容描述: { 主题词: unknown }; 存储位置: { 脱机载体编号: unknown } };
    };
    expect(back.文件实体.内容描述.主题词).toEqual(['归档']);
    expect(back.文件实体.存储位置.脱机载体编号).toEqual(['NONE']);
  });

  it('leaves out undefined values and empty arrays', async () => {
    const record = sample() as Record<string, unknown>;
    record.实体关系 = [];
    (record.文件实体 as Record<string, unknown>).附注 = undefined;
    const xml = recordToXml(record, schemes.dat46);
    expect(xml).not.toContain('文件实体关系');
    expect(xml).not.toContain('附注');
  });

  it('streams into a caller-owned writer, nested or as the root', async () => {
    let out = '';
    const w = new XmlWriter({
      writeText: (t) => {
        out += t;
      },
    });
    w.startElement('包', { xmlns: DAT48_NAMESPACE, 'xmlns:dg': METADATA_EXT_NAMESPACE });
    await writeRecordXml(w, sample(), schemes.dat46);
    await w.end();
    expect(
      out.startsWith(
        '<包 xmlns="http://www.saac.gov.cn/standards/ERM/encapsulation" xmlns:dg="urn:dangan:metadata:ext"><dg:电子文件元数据 方案="dat46"',
      ),
    ).toBe(true);
    const record = await recordFromXml(
      out
        .slice(out.indexOf('<dg:'), -'</包>'.length)
        .replace(
          '<dg:电子文件元数据 ',
          `<dg:电子文件元数据 xmlns="${DAT48_NAMESPACE}" xmlns:dg="${METADATA_EXT_NAMESPACE}" `,
        ),
      schemes.dat46,
    );
    expect(record).toEqual(sample());
  });

  it('streams a batch from an async source', async () => {
    const chunks: string[] = [];
    const w = new XmlWriter({ writeText: (t) => void chunks.push(t) }, { pretty: true });
    async function* records() {
      for (let i = 0; i < 3; i++)
        yield { ...sample(), 实体关系: [{ 实体标识符: `F${i}`, 被关联实体标识符: 'F0' }] };
    }
    w.declaration();
    await writeRecordSetXml(w, records(), schemes.dat46);
    await w.end();
    const xml = chunks.join('');
    expect(xml).toContain('<dg:元数据集 xmlns=');
    const back: UnknownRecord[] = [];
    for await (const r of recordsFromXml(xml, schemes.dat46)) back.push(r);
    expect(back.map((r) => (r.实体关系 as { 实体标识符: string }[])[0]!.实体标识符)).toEqual([
      'F0',
      'F1',
      'F2',
    ]);
  });

  it('stops reading a batch when the consumer stops', async () => {
    const xml = `<dg:元数据集 xmlns:dg="${METADATA_EXT_NAMESPACE}" xmlns="${DAT48_NAMESPACE}">${'<dg:电子文件元数据/>'.repeat(6000)}<oops/></dg:元数据集>`;
    let n = 0;
    for await (const r of recordsFromXml(xml, schemes.dat46)) {
      expect(r).toEqual({});
      if (++n === 100) break;
    }
    expect(n).toBe(100);
    // Read to the end (pausing while the consumer is behind), the unknown element is an error after 6000 records.
    let all = 0;
    await expect(
      (async () => {
        for await (const _ of recordsFromXml(xml, schemes.dat46)) all++;
      })(),
    ).rejects.toMatchObject({ code: 'METADATA_XML_INVALID' });
    expect(all).toBe(6000);
  });

  it('refuses records that do not fit the scheme, before writing anything', async () => {
    const bad = sample() as { 文件实体: Record<string, unknown> };
    bad.文件实体.未知 = 'x';
    bad.文件实体.附注 = '不是数组';
    (bad.文件实体.内容描述 as Record<string, unknown>).题名 = '控制字符\u0001';
    (bad.文件实体.形式特征 as Record<string, unknown>).页数 = Number.NaN;
    (bad.文件实体.来源 as Record<string, unknown>).立档单位名称 = null;
    let out = '';
    const w = new XmlWriter({
      writeText: (t) => {
        out += t;
      },
    });
    let error: unknown;
    try {
      recordToXml(bad, schemes.dat46);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'METADATA_XML_UNWRITABLE' });
    const paths = (error as { findings: { path: string }[] }).findings.map((f) => f.path).sort();
    expect(paths).toEqual(
      [
        '文件实体.内容描述.题名',
        '文件实体.形式特征.页数',
        '文件实体.未知',
        '文件实体.来源.立档单位名称',
        '文件实体.附注',
      ].sort(),
    );
    await expect(writeRecordXml(w, bad, schemes.dat46)).rejects.toMatchObject({
      code: 'METADATA_XML_UNWRITABLE',
    });
    expect(out).toBe('');
  });
});
