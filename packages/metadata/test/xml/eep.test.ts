import { type Finding, parseXmlToTree, utf8, type XmlElement, XmlWriter } from '@dangan/core';
import { type MetadataScheme, schemes, type UnknownRecord } from '@dangan/metadata';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAT48_CHILDREN,
  DAT48_NAMESPACE,
  recordFromXml,
  recordToXml,
  safeRecordFromXml,
  writeEepElectronicAttributes,
  writeRecordXml,
} from '../../src/xml/index.js';
import { arbitraryRecord } from '../support/arbitrary-record.js';
import { buildEep, HAS_XMLLINT, withEepEntities, XSD_PATH, xmllintValidate } from './support/eep.js';
import { sample } from './support/samples.js';

type Obj = Record<string, unknown>;
const tree = (xml: string) => parseXmlToTree(utf8(xml));
const names = (el: XmlElement) => el.children.map((c) => c.name);
const find = (el: XmlElement, path: string): XmlElement =>
  path.split('/').reduce((e, name) => e.children.find((c) => c.name === name)!, el);

/** What an EEP keeps of a record: no 电子签名 (the package's signature block is packaging's) and no 件数. */
function eepView(record: UnknownRecord): UnknownRecord {
  const copy = structuredClone(record) as Obj;
  const file = copy.文件实体 as Obj;
  delete file.电子签名;
  delete (file.形式特征 as Obj | undefined)?.件数;
  return copy;
}

/** dat46 records as DA/T 48 takes them: 聚合层次 文件, one 信息系统描述 shared by all files or none. */
const eepRecords = () =>
  fc
    .tuple(arbitraryRecord(schemes.dat46), fc.option(fc.constantFrom('一网通办平台', 'OA 系统 v2')))
    .map(([r, system]) => {
      const record = withEepEntities(r) as Obj;
      const file = record.文件实体 as Obj;
      file.聚合层次 = '文件';
      for (const a of file.电子属性 as Obj[]) {
        if (system === null) delete a.信息系统描述;
        else a.信息系统描述 = system;
      }
      return record as UnknownRecord;
    });

describe("'eep' layout: DA/T 48's 文件实体", () => {
  it('follows the schema order and leaves out what goes elsewhere', async () => {
    const findings: Finding[] = [];
    const xml = recordToXml(sample(), schemes.dat46, { layout: 'eep', onFinding: (f) => findings.push(f) });
    const root = await tree(xml);
    expect([root.name, root.uri]).toEqual(['文件实体', DAT48_NAMESPACE]);
    expect(names(root)).toEqual([
      '聚合层次',
      '来源',
      '电子文件号',
      '档号',
      '内容描述',
      '形式特征',
      '存储位置',
      '权限管理',
      '信息系统描述',
    ]);
    const order = DAT48_CHILDREN.文件实体!;
    expect(names(root).map((n) => order.indexOf(n))).toEqual(
      [...names(root).map((n) => order.indexOf(n))].sort((a, b) => a - b),
    );
    expect(find(root, '信息系统描述').text).toBe('一网通办平台');
    expect(names(find(root, '形式特征'))).toEqual(['文件组合类型', '页数']);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'METADATA_XML_NOT_IN_EEP',
        severity: 'info',
        path: '文件实体.形式特征.件数',
        element: 'M42',
      }),
    ]);
  });

  it('writes 信息系统描述 once per distinct value, and a bare 文件实体 reads back', async () => {
    const record = sample() as { 文件实体: Obj };
    record.文件实体.电子属性 = [
      { 计算机文件名: 'a.pdf', 计算机文件大小: 1, 信息系统描述: 'S1' },
      { 计算机文件名: 'b.pdf', 计算机文件大小: 2, 信息系统描述: 'S2' },
      { 计算机文件名: 'c.pdf', 计算机文件大小: 3, 信息系统描述: 'S1' },
    ];
    const xml = recordToXml(record, schemes.dat46, { layout: 'eep' });
    expect(xml.match(/<信息系统描述>/g)).toHaveLength(2);
    const back = (await recordFromXml(xml, schemes.dat46)) as { 文件实体: Obj };
    expect(back.文件实体.电子属性).toBeUndefined(); // no 文件数据 in a preview
    expect(back.文件实体.内容描述).toEqual(record.文件实体.内容描述);
  });

  it('waits for an asynchronous writeFileData, which recordToXml refuses', async () => {
    let out = '';
    const w = new XmlWriter({
      writeText: (t) => {
        out += t;
      },
    });
    await writeRecordXml(w, sample(), schemes.dat46, {
      layout: 'eep',
      writeFileData: async (writer, record) => {
        await new Promise((r) => setTimeout(r, 5));
        writer
          .startElement('文档')
          .element('文档标识符', 'D1')
          .startElement('文档数据', { 文档数据ID: 'DD1' });
        writer.startElement('编码', { 编码ID: 'E1' });
        writeEepElectronicAttributes(writer, record, schemes.dat46, 0);
        writer.endElement().endElement().endElement();
      },
    });
    await w.end();
    expect(out).toContain(
      '<文件数据><文档><文档标识符>D1</文档标识符><文档数据 文档数据ID="DD1"><编码 编码ID="E1"><电子属性><计算机文件名>通知.pdf</计算机文件名><计算机文件大小>1024</计算机文件大小></电子属性></编码></文档数据></文档></文件数据></文件实体>',
    );
    expect(() =>
      recordToXml(sample(), schemes.dat46, { layout: 'eep', writeFileData: async () => undefined }),
    ).toThrow(TypeError);
    expect(() =>
      writeEepElectronicAttributes(new XmlWriter({ writeText() {} }), sample(), schemes.dat46, 1),
    ).toThrow(RangeError);
  });

  it("notes ywtb's 办件, which no EEP element holds, and refuses a record without 文件实体", async () => {
    const findings: Finding[] = [];
    const record = {
      ...sample(),
      办件: { 事项编码: 'X1', 事项名称: '某许可', 办件编号: 'P1', 受理时间: '2024-05-01T09:00:00' },
    };
    recordToXml(record, schemes.ywtb, { layout: 'eep', onFinding: (f) => findings.push(f) });
    expect(findings.map((f) => f.path)).toEqual(['办件', '文件实体.形式特征.件数']);
    expect(() => recordToXml({ 业务实体: [] }, schemes.dat46, { layout: 'eep' })).toThrow(
      expect.objectContaining({ code: 'METADATA_XML_UNWRITABLE' }),
    );
  });

  it('writes only what DA/T 48 defines, of the same kind, for other schemes', async () => {
    const findings: Finding[] = [];
    const record = { 文件实体: { 题名: '合影', 档号: 'Z1-ZP-2024-001', 聚合层次: '文件' } };
    const xml = recordToXml(record, schemes.dat54, { layout: 'eep', onFinding: (f) => findings.push(f) });
    expect(names(await tree(xml))).toEqual(['聚合层次']);
    expect(findings.map((f) => f.path).sort()).toEqual(['文件实体.档号', '文件实体.题名']);
  });
});

describe('a whole EEP', () => {
  it('reads back the record from a package built around it', async () => {
    const record = withEepEntities(sample());
    (record.文件实体 as Obj).数字化属性 = { 扫描分辨率: '300dpi', 扫描色彩模式: '彩色' };
    ((record.文件实体 as Obj).档号 as Obj).文档序号 = '1';
    const eep = await buildEep(record, schemes.dat46);
    const seen: Finding[] = [];
    const back = await recordFromXml(eep, schemes.dat46, { onFinding: (f) => seen.push(f) });
    expect(back).toEqual(eepView(record));
    expect(seen).toEqual([]);
  });

  it.skipIf(!HAS_XMLLINT || XSD_PATH === undefined)(
    'validates against the DA/T 48 schema (xmllint)',
    async () => {
      const eep = await buildEep(withEepEntities(sample()), schemes.dat46);
      const [verdict] = xmllintValidate([eep]);
      expect(verdict!.output).toContain('validates');
      expect(verdict!.ok).toBe(true);
      // The oracle can fail: a 文件实体 without 文件数据 does not validate.
      const broken = eep.replace(/<文件数据>[\s\S]*<\/文件数据>/, '');
      expect(xmllintValidate([broken])[0]!.ok).toBe(false);
    },
  );

  it.skipIf(!HAS_XMLLINT || XSD_PATH === undefined)(
    'random valid dat46 records → EEP → valid for xmllint, and back to the record',
    async () => {
      await fc.assert(
        fc.asyncProperty(eepRecords(), fc.boolean(), async (record, pretty) => {
          const eep = await buildEep(record, schemes.dat46, { pretty });
          const [verdict] = xmllintValidate([eep]);
          expect(verdict!.output).toContain('validates');
          expect(await recordFromXml(eep, schemes.dat46)).toEqual(eepView(record));
        }),
        { numRuns: 40 },
      );
    },
  );

  it('reads the current layer of a 修改型 package and skips the original', async () => {
    const original = await buildEep(withEepEntities(sample()), schemes.dat46, { pretty: false });
    const changed = withEepEntities(sample());
    ((changed.文件实体 as Obj).内容描述 as Obj).题名 = '修改后的题名';
    const current = await buildEep(changed, schemes.dat46, { pretty: false });
    const signed = (xml: string) =>
      xml.slice(xml.indexOf('<被签名对象'), xml.indexOf('</被签名对象>') + '</被签名对象>'.length);
    const content = (xml: string) =>
      xml.slice(xml.indexOf('<封装内容>') + '<封装内容>'.length, xml.indexOf('</封装内容>'));
    const modified = original.replace(
      signed(original),
      `<被签名对象 eep版本="2009"><封装包类型>修改型</封装包类型><封装包类型描述>本封装包包含电子文件数据及其元数据，系修改封装，在保留原封装包的基础上，添加了修改层</封装包类型描述><封装包创建时间>2025-01-01T00:00:00</封装包创建时间><封装包创建单位>某单位</封装包创建单位><修改封装内容><修改标识符>M1</修改标识符><原封装包>${signed(original)}</原封装包><修订内容>${content(current).replaceAll('ID="', 'ID="R')}</修订内容></修改封装内容></被签名对象>`,
    );
    const back = (await recordFromXml(modified, schemes.dat46)) as { 文件实体: { 内容描述: Obj } };
    expect(back.文件实体.内容描述.题名).toBe('修改后的题名');
    if (HAS_XMLLINT && XSD_PATH !== undefined)
      expect(xmllintValidate([modified])[0]!.output).toContain('validates');
  });

  it('streams past a large 编码数据 without holding it', async () => {
    const big = new Uint8Array(6 * 1024 * 1024).map((_, i) => i % 251);
    const eep = await buildEep(withEepEntities(sample()), schemes.dat46, { data: () => big });
    expect(eep.length).toBeGreaterThan(8 * 1024 * 1024);
    // Values are bounded to 1 KiB: the Base64 text is not collected, or this would fail.
    const back = await recordFromXml(utf8(eep), schemes.dat46, {
      maxValueLength: 1024,
      chunkSize: 64 * 1024,
    });
    expect(back).toEqual(eepView(withEepEntities(sample())));
  });

  it('maps several files, their 信息系统描述 and 数字化属性', async () => {
    const record = withEepEntities(sample()) as { 文件实体: Obj };
    record.文件实体.电子属性 = [
      { 计算机文件名: 'a.pdf', 计算机文件大小: 1, 信息系统描述: 'S1' },
      { 计算机文件名: 'b.pdf', 计算机文件大小: 2, 信息系统描述: 'S2' },
    ];
    const back = (await recordFromXml(await buildEep(record, schemes.dat46), schemes.dat46)) as {
      文件实体: Obj;
    };
    expect(back.文件实体.电子属性).toEqual(record.文件实体.电子属性);
    // Differing 数字化属性 per 编码: the first is kept, with a warning.
    const eep = (
      await buildEep(
        {
          ...record,
          文件实体: { ...record.文件实体, 数字化属性: { 扫描分辨率: '300dpi', 扫描色彩模式: '灰度' } },
        },
        schemes.dat46,
      )
    ).replace('<扫描色彩模式>灰度</扫描色彩模式>', '<扫描色彩模式>彩色</扫描色彩模式>');
    const seen: Finding[] = [];
    const again = (await recordFromXml(eep, schemes.dat46, { onFinding: (f) => seen.push(f) })) as {
      文件实体: Obj;
    };
    expect(again.文件实体.数字化属性).toEqual({ 扫描分辨率: '300dpi', 扫描色彩模式: '彩色' });
    expect(seen.map((f) => f.code)).toEqual(['METADATA_XML_NOT_MAPPED']);
  });

  it('reports foreign elements in the package structure, and warns about unmapped DA/T 48 parts', async () => {
    const eep = await buildEep(withEepEntities(sample()), schemes.dat46, { pretty: false });
    const r = await safeRecordFromXml(
      eep.replace('<封装内容>', '<自定义>x</自定义><封装内容>'),
      schemes.dat46,
    );
    expect(!r.ok && r.findings.map((f) => [f.code, f.path])).toEqual([
      ['METADATA_XML_UNKNOWN_ELEMENT', '/电子文件封装包/被签名对象/自定义'],
    ]);
    const seen: Finding[] = [];
    const withRelation = eep.replace(
      '</机构人员实体块>',
      '<机构人员实体关系><机构人员标识符>A1</机构人员标识符><被关联机构人员标识符>A2</被关联机构人员标识符></机构人员实体关系></机构人员实体块>',
    );
    await recordFromXml(withRelation, schemes.dat46, { onFinding: (f) => seen.push(f) });
    expect(seen.map((f) => [f.code, f.severity])).toEqual([['METADATA_XML_NOT_MAPPED', 'warning']]);
    const noNamespace = eep.replace(` xmlns="${DAT48_NAMESPACE}"`, '');
    expect((await safeRecordFromXml(noNamespace, schemes.dat46)).ok).toBe(false);
    expect(await recordFromXml(noNamespace, schemes.dat46, { ignoreNamespaces: true })).toEqual(
      eepView(withEepEntities(sample())),
    );
  });

  it('reads an EEP with any shipped scheme without crashing', async () => {
    const eep = await buildEep(withEepEntities(sample()), schemes.dat46);
    for (const scheme of Object.values(schemes) as MetadataScheme[]) {
      const r = await safeRecordFromXml(eep, scheme);
      expect(typeof r.ok).toBe('boolean');
    }
  });
});
