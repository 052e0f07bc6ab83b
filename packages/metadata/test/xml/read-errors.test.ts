import { type Finding, utf8 } from '@dangan/core';
import { schemes } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import {
  DAT48_NAMESPACE,
  METADATA_EXT_NAMESPACE,
  recordFromXml,
  recordToXml,
  safeRecordFromXml,
} from '../../src/xml/index.js';
import { sample } from './support/samples.js';

const NS = `xmlns="${DAT48_NAMESPACE}" xmlns:dg="${METADATA_EXT_NAMESPACE}"`;
const doc = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<dg:电子文件元数据 ${NS} 方案="dat46">\n${body}\n</dg:电子文件元数据>`;

async function findingsOf(xml: string | Uint8Array): Promise<readonly Finding[]> {
  const r = await safeRecordFromXml(xml, schemes.dat46);
  if (r.ok) throw new Error('expected a failure');
  expect(r.error.code).toBe('METADATA_XML_INVALID');
  return r.findings;
}

/** A GB18030 encoder for the test (two-byte GBK area, enough for common Chinese), built from the decoder. */
function gb18030(text: string): Uint8Array {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++)
      if (b !== 0x7f) table.set(decoder.decode(new Uint8Array([a, b])), [a, b]);
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...table.get(ch)!);
  }
  return new Uint8Array(out);
}

describe('recordFromXml: problems are findings with path and position', () => {
  it('reports an unknown element with its path, line and column, and where the scheme has it', async () => {
    const xml = doc(
      '<文件实体>\n  <内容描述><题名>通知</题名><计算机文件名>a.pdf</计算机文件名></内容描述>\n</文件实体>',
    );
    const [f] = await findingsOf(xml);
    expect(f).toMatchObject({
      code: 'METADATA_XML_UNKNOWN_ELEMENT',
      severity: 'error',
      path: '/dg:电子文件元数据/文件实体/内容描述/计算机文件名',
    });
    expect(f!.message).toContain('第 4 行第 20 列');
    expect(f!.messageEn).toContain('line 4, column 20');
    expect(f!.message).toContain('文件实体/电子属性/计算机文件名');
  });

  it('reports a wrong namespace, a duplicate, text in a container and a child in a simple element', async () => {
    const xml = doc(
      `<文件实体><dg:聚合层次>文件</dg:聚合层次><电子文件号>1</电子文件号><电子文件号>2</电子文件号>
        <来源>文字<立档单位名称>单位<b/></立档单位名称></来源><形式特征><件数>1</件数></形式特征></文件实体>`,
    );
    const findings = await findingsOf(xml);
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['METADATA_XML_NAMESPACE', '/dg:电子文件元数据/文件实体/dg:聚合层次'],
      ['METADATA_XML_DUPLICATE', '/dg:电子文件元数据/文件实体/电子文件号'],
      ['METADATA_XML_UNEXPECTED_TEXT', '/dg:电子文件元数据/文件实体/来源'],
      ['METADATA_XML_UNEXPECTED_CHILD', '/dg:电子文件元数据/文件实体/来源/立档单位名称/b'],
      ['METADATA_XML_NAMESPACE', '/dg:电子文件元数据/文件实体/形式特征/件数'],
    ]);
    expect(findings.find((f) => f.code === 'METADATA_XML_DUPLICATE')!.element).toBe('M7');
  });

  it('reports a missing or foreign root, and a root in the wrong namespace', async () => {
    expect((await findingsOf('<html/>'))[0]).toMatchObject({ code: 'METADATA_XML_ROOT', path: '/html' });
    expect((await findingsOf('<电子文件元数据/>'))[0]!.message).toContain(METADATA_EXT_NAMESPACE);
    expect((await findingsOf(`<dg:元数据集 ${NS}/>`))[0]!.message).toContain('recordsFromXml');
    const empty = await findingsOf('');
    expect(empty[0]!.code).toBe('XML_MALFORMED');
  });

  it('turns hostile and malformed input into core findings, never a crash', async () => {
    const doctype = await findingsOf('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>');
    expect(doctype.map((f) => f.code)).toEqual(['XML_DOCTYPE_FORBIDDEN']);
    expect((await findingsOf(doc('<文件实体>&xxe;</文件实体>')))[0]!.code).toBe('XML_ENTITY_FORBIDDEN');
    expect((await findingsOf(doc('<文件实体>')))[0]!.code).toBe('XML_MALFORMED');
    const deep = `<dg:电子文件元数据 ${NS}>${'<a>'.repeat(300)}${'</a>'.repeat(300)}</dg:电子文件元数据>`;
    expect((await findingsOf(deep)).map((f) => f.code)).toContain('XML_LIMIT_EXCEEDED');
    await expect(recordFromXml('<x', schemes.dat46)).rejects.toMatchObject({ code: 'METADATA_XML_INVALID' });
  });

  it('keeps earlier findings when the XML breaks later', async () => {
    const findings = await findingsOf(doc('<未知/><文件实体>'));
    expect(findings.map((f) => f.code)).toEqual(['METADATA_XML_UNKNOWN_ELEMENT', 'XML_MALFORMED']);
  });

  it('stops after maxErrors', async () => {
    const r = await safeRecordFromXml(doc('<x/>'.repeat(1000)), schemes.dat46, { maxErrors: 5 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.findings).toHaveLength(6);
      expect(r.findings.at(-1)!.code).toBe('METADATA_XML_TOO_MANY_FINDINGS');
    }
  });

  it('bounds values and records', async () => {
    const long = doc(`<文件实体><电子文件号>${'x'.repeat(2000)}</电子文件号></文件实体>`);
    const r = await safeRecordFromXml(long, schemes.dat46, { maxValueLength: 1000 });
    expect(!r.ok && r.findings[0]!.code).toBe('METADATA_XML_VALUE_TOO_LONG');
    const many = doc(`<文件实体>${'<附注>a</附注>'.repeat(50)}</文件实体>`);
    const m = await safeRecordFromXml(many, schemes.dat46, { maxRecordElements: 20 });
    expect(!m.ok && m.findings.map((f) => f.code)).toContain('METADATA_XML_VALUE_TOO_LONG');
    const total = await safeRecordFromXml(many, schemes.dat46, { maxRecordLength: 10 });
    expect(!total.ok && total.findings[0]!.message).toContain('记录的文字超过 10 个字符');
  });
});

describe('recordFromXml: warnings do not stop reading', () => {
  it('keeps non-numeric text in a numeric element and says so', async () => {
    const seen: Finding[] = [];
    const record = await recordFromXml(
      doc('<文件实体><形式特征><页数>3页</页数><dg:件数> 2 </dg:件数></形式特征></文件实体>'),
      schemes.dat46,
      {
        onFinding: (f) => seen.push(f),
      },
    );
    expect(record).toEqual({ 文件实体: { 形式特征: { 页数: '3页', 件数: 2 } } });
    expect(seen.map((f) => [f.code, f.severity, f.element])).toEqual([
      ['METADATA_XML_NOT_A_NUMBER', 'warning', 'M43'],
    ]);
  });

  it('ignores attributes, stray text in 档号 and another scheme id, with warnings', async () => {
    const seen: Finding[] = [];
    const xml = `<dg:电子文件元数据 ${NS} 方案="dat54"><文件实体><档号>Z109-WS·2024-Y-0001<年度>2024</年度></档号>
      <内容描述><主题词 主题词表名称="叙词表">归档</主题词></内容描述></文件实体></dg:电子文件元数据>`;
    const record = await recordFromXml(xml, schemes.dat46, { onFinding: (f) => seen.push(f) });
    expect(record).toEqual({ 文件实体: { 档号: { 年度: '2024' }, 内容描述: { 主题词: ['归档'] } } });
    expect(seen.map((f) => f.code)).toEqual([
      'METADATA_XML_SCHEME_MISMATCH',
      'METADATA_XML_UNEXPECTED_TEXT',
      'METADATA_XML_ATTRIBUTE_IGNORED',
    ]);
  });

  it('matches by local name only when asked (vendor documents without the namespace)', async () => {
    const xml = '<电子文件元数据><文件实体><电子文件号>F1</电子文件号></文件实体></电子文件元数据>';
    expect(await recordFromXml(xml, schemes.dat46, { ignoreNamespaces: true })).toEqual({
      文件实体: { 电子文件号: 'F1' },
    });
  });
});

describe('recordFromXml: encodings and sources', () => {
  it('reads a GB18030-declared document', async () => {
    const xml = doc(
      '<文件实体><内容描述><题名>关于做好档案归档工作的通知</题名></内容描述></文件实体>',
    ).replace('UTF-8', 'GB18030');
    const bytes = gb18030(xml);
    expect(bytes.length).toBeLessThan(utf8(xml).length);
    expect(await recordFromXml(bytes, schemes.dat46)).toEqual({
      文件实体: { 内容描述: { 题名: '关于做好档案归档工作的通知' } },
    });
  });

  it('reads UTF-8 with a byte order mark, UTF-16, streams and strings that declare another encoding', async () => {
    const xml = recordToXml(sample(), schemes.dat46);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(xml)]);
    expect(await recordFromXml(bom, schemes.dat46)).toEqual(sample());
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(
        new Uint16Array(
          [...xml.replace('UTF-8', 'UTF-16')].flatMap((c) => [...c].map((x) => x.charCodeAt(0))),
        ).buffer,
      ),
    ]);
    expect(await recordFromXml(utf16, schemes.dat46)).toEqual(sample());
    const stream = new Blob([utf8(xml) as Uint8Array<ArrayBuffer>]).stream();
    expect(await recordFromXml(stream, schemes.dat46, { chunkSize: 7 })).toEqual(sample());
    // A string is text already: its declared encoding and BOM describe bytes it no longer has.
    expect(await recordFromXml(`\uFEFF${xml.replace('UTF-8', 'GBK')}`, schemes.dat46)).toEqual(sample());
  });

  it('refuses bad arguments with TypeError / RangeError', async () => {
    // @ts-expect-error testing a bad call
    await expect(recordFromXml(null, schemes.dat46)).rejects.toThrow(TypeError);
    // @ts-expect-error testing a bad call
    await expect(recordFromXml('<a/>', {})).rejects.toThrow(TypeError);
    await expect(recordFromXml('<a/>', schemes.dat46, { maxErrors: 0 })).rejects.toThrow(RangeError);
  });
});
