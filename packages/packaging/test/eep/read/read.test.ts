import { type DanganError, toHex } from '@dangan/core';
import { recordFromXml, schemes } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import { buildEep as metadataEep, withEepEntities } from '../../../../metadata/test/xml/support/eep.js';
import { sample } from '../../../../metadata/test/xml/support/samples.js';
import { readEep, safeReadEep } from '../../../src/eep/read/read-eep.js';
import { EEP_SIGNING_RULE_PREFIX } from '../../../src/eep/signing-rule.js';
import { bytesOf, modifiedEep, originalEep, outerSignedObject, signEep, testSigner } from './support/eep.js';
import { fullEep } from './support/full.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Three layers: v0 (原始型), v1 and v2 (修改型), each signed. */
function layered() {
  const signer = testSigner();
  const v0 = signEep(
    originalEep({
      ids: 'a',
      title: '原件',
      files: [
        { name: '通知.pdf', data: bytesOf(1000) },
        { name: '附件.ofd', data: bytesOf(77, 2) },
      ],
      lineLength: 76,
    }),
    signer,
  );
  const v1 = signEep(
    modifiedEep(v0, {
      ids: 'b',
      title: '第一次修改',
      modificationId: '修改1',
      files: [
        { name: '通知.pdf', ref: 'EDa1', refSize: 1000 },
        { name: '附件.ofd', data: bytesOf(80, 3) },
      ],
    }),
    signer,
    { modification: 1 },
  );
  const v2 = signEep(
    modifiedEep(v1, {
      ids: 'c',
      title: '第二次修改',
      modificationId: '修改2',
      files: [
        { name: '通知.pdf', ref: 'EDb1', refSize: 1000 },
        { name: '附件.ofd', ref: 'EDb2', refSize: 80 },
      ],
    }),
    signer,
    { modification: 2 },
  );
  return { signer, v0, v1, v2 };
}

describe('readEep on an original package', () => {
  it('reads type, creation, documents, encodings, signatures, lock and the record', async () => {
    const { signer, v0 } = layered();
    const info = await readEep(utf8(v0));
    expect(info.valid).toBe(true);
    expect(info.findings).toEqual([]);
    expect(info.packageType).toBe('原始型');
    expect(info.version).toBe('2009');
    expect(info.createdAt).toBe('2024-06-01T10:00:00+08:00');
    expect(info.createdBy).toBe('上海市某区政务服务中心');
    expect(info.layers.map((l) => [l.modification, l.packageType, l.content])).toEqual([
      [0, '原始型', '封装内容'],
    ]);
    expect(info.documents).toHaveLength(1);
    expect(info.documents[0]).toMatchObject({ id: 'Da', role: '主文档', data: [{ id: 'DDa' }] });
    expect(
      info.encodings.map((e) => [e.id, e.dataId, e.fileName, e.declaredSize, e.decodedSize, e.extensionKey]),
    ).toEqual([
      ['Ea1', 'EDa1', '通知.pdf', '1000', 1000, 'pdf'],
      ['Ea2', 'EDa2', '附件.ofd', '77', 77, 'ofd'],
    ]);
    expect(info.encodings[0]!.path).toBe(
      '/电子文件封装包/被签名对象/封装内容/文件实体块/文件实体/文件数据/文档/文档数据/编码',
    );
    expect(info.signatures).toHaveLength(1);
    const s = info.signatures[0]!;
    expect(s).toMatchObject({
      id: '修改0-签名1',
      modification: 0,
      time: '2024-06-01T10:05:00+08:00',
      signer: '签名人',
    });
    expect(s.rule!.startsWith(EEP_SIGNING_RULE_PREFIX)).toBe(true);
    expect(s.algorithm).toBe('1.2.156.10197.1.501');
    expect(toHex(s.certificateBlocks[0]!.certificates[0]!)).toBe(toHex(signer.certificate));
    expect(s.value!.length).toBeGreaterThan(60);
    expect(info.lock).toMatchObject({ lockedId: '修改0-签名1', path: '/电子文件封装包/锁定签名' });
    expect(info.record).toMatchObject({
      文件实体: {
        内容描述: { 题名: '原件' },
        电子属性: [{ 计算机文件名: '通知.pdf' }, { 计算机文件名: '附件.ofd' }],
      },
    });
    expect(info.document.encoding).toBe('UTF-8');
  });

  it('the byte range of 被签名对象 and of 电子签名 are the exact bytes in the file', async () => {
    const { v0 } = layered();
    const bytes = utf8(v0);
    const info = await readEep(bytes, { chunkSize: 97 });
    const [start, end] = outerSignedObject(v0);
    const range = info.layers[0]!.range!;
    expect(bytes.subarray(range.start, range.end)).toEqual(utf8(v0.slice(start, end)));
    const sig = info.signatures[0]!.range!;
    const text = new TextDecoder().decode(bytes.subarray(sig.start, sig.end));
    expect(text.startsWith('<电子签名>') && text.endsWith('</电子签名>')).toBe(true);
  });

  it('gives the same record as metadata’s recordFromXml on a metadata-built EEP', async () => {
    const record = withEepEntities(sample()) as Record<string, unknown>;
    (record.文件实体 as Record<string, unknown>).电子属性 = [
      { 计算机文件名: '通知.pdf', 计算机文件大小: 20 },
    ];
    const xml = await metadataEep(record, schemes.dat46, { data: () => bytesOf(20) });
    const info = await readEep(utf8(xml));
    expect(info.record).toEqual(await recordFromXml(xml, schemes.dat46));
    expect((await readEep(utf8(xml), { scheme: null })).record).toBeUndefined();
  });
});

describe('readEep on 修改型 packages', () => {
  it('lists the layers original first, with ids, signatures and references', async () => {
    const { v2 } = layered();
    const info = await readEep(utf8(v2));
    expect(info.findings).toEqual([]);
    expect(info.packageType).toBe('修改型');
    expect(
      info.layers.map((l) => [
        l.modification,
        l.packageType,
        l.modificationId,
        l.content,
        l.signatures.map((s) => s.id),
      ]),
    ).toEqual([
      [0, '原始型', undefined, '封装内容', ['修改0-签名1']],
      [1, '修改型', '修改1', '修改封装内容', ['修改1-签名1']],
      [2, '修改型', '修改2', '修改封装内容', ['修改2-签名1']],
    ]);
    expect(info.layers[0]!.path).toBe(
      '/电子文件封装包/被签名对象/修改封装内容/原封装包/被签名对象/修改封装内容/原封装包/被签名对象',
    );
    expect(info.signatures.map((s) => s.id)).toEqual(['修改2-签名1']);
    expect(info.lock?.lockedId).toBe('修改2-签名1');
    expect(
      info.encodings.map((e) => [e.fileName, e.referencedDataId, e.decodedSize, e.modification]),
    ).toEqual([
      ['通知.pdf', 'EDb1', 0, 2],
      ['附件.ofd', 'EDb2', 0, 2],
    ]);
    expect(
      info.layers[1]!.documents[0]!.data[0]!.encodings.map((e) => [e.dataId, e.referencedDataId]),
    ).toEqual([
      ['EDb1', 'EDa1'],
      ['EDb2', undefined],
    ]);
    expect((info.record as { 文件实体: { 内容描述: { 题名: string } } }).文件实体.内容描述.题名).toBe(
      '第二次修改',
    );
  });

  it('nested 被签名对象 keep their bytes: each range holds the earlier layer as it was signed', async () => {
    const { v0, v1, v2 } = layered();
    const bytes = utf8(v2);
    const info = await readEep(bytes);
    for (const [layer, earlier] of [
      [info.layers[0]!, v0],
      [info.layers[1]!, v1],
    ] as const) {
      const [s, e] = outerSignedObject(earlier);
      expect(bytes.subarray(layer.range!.start, layer.range!.end)).toEqual(utf8(earlier.slice(s, e)));
    }
  });

  it('reads the package that uses every element', async () => {
    const info = await readEep(utf8(fullEep()));
    expect(info.valid).toBe(true);
    expect(info.layers.map((l) => l.signatures.length)).toEqual([2, 1]);
    expect(info.signatures[0]!.certificateBlocks.map((b) => [b.certificates.length, b.reference])).toEqual([
      [2, 'http://ca.example.cn/证书/1.cer'],
      [1, undefined],
    ]);
    expect(info.documents.map((d) => [d.id, d.sequence, d.role, d.title, d.data.length])).toEqual([
      ['Dm', '1', '主文档', '正文', 2],
      ['Dmx', undefined, '附属文档', undefined, 1],
    ]);
    expect(info.encodings.map((e) => [e.fileName, e.formatInfo, e.creator, e.decodedSize])).toEqual([
      ['正文.pdf', 'PDF 1.7', 'WPS', 0],
      ['正文.ofd', undefined, undefined, 4],
      ['处理单.pdf', undefined, undefined, 1],
      ['附件.jpg', undefined, undefined, 0],
    ]);
  });
});

describe('readEep on bad input', () => {
  it('XML that is not well-formed throws EEP_UNREADABLE with the XML finding; safeReadEep reports it', async () => {
    const { v0 } = layered();
    const broken = utf8(v0.replace('</题名>', '</题 名>'));
    await expect(readEep(broken)).rejects.toMatchObject({ code: 'EEP_UNREADABLE' });
    const r = await safeReadEep(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('EEP_UNREADABLE');
      expect(r.findings.map((f) => f.code)).toContain('XML_MALFORMED');
      expect((r.error as DanganError).message).toMatch(/^封装包无法读取：/);
    }
  });

  it('a package that breaks the schema is still read, with findings', async () => {
    const { v0 } = layered();
    const info = await readEep(utf8(v0.replace('<版本>2009</版本>', '<版本>2010</版本>')));
    expect(info.valid).toBe(false);
    expect(info.version).toBe('2010');
    expect(info.findings.map((f) => [f.code, f.path])).toEqual([
      ['EEP_SCHEMA_FIXED_VALUE', '/电子文件封装包/版本'],
    ]);
    expect(info.encodings).toHaveLength(2);
  });

  it('a metadata part over maxRecordLength is not mapped, with a note', async () => {
    const { v0 } = layered();
    const info = await readEep(utf8(v0), { maxRecordLength: 500 });
    expect(info.record).toBeUndefined();
    expect(info.findings.map((f) => [f.code, f.severity])).toEqual([['EEP_RULE_VALUE_TOO_LONG', 'warning']]);
  });

  it('rejects a wrong argument with a TypeError', async () => {
    await expect(readEep(42 as unknown as Uint8Array)).rejects.toThrow(TypeError);
  });

  it('reads from a one-shot stream without holding 编码数据', async () => {
    const big = bytesOf(3 << 20, 9);
    const xml = originalEep({ ids: 'z', files: [{ name: '大文件.pdf', data: big }], lineLength: 76 });
    const bytes = utf8(xml);
    async function* stream() {
      for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
    }
    const info = await readEep(stream());
    expect(info.encodings[0]!.decodedSize).toBe(big.length);
    expect(info.findings).toEqual([]);
  });
});
