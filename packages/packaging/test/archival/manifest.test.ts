import { createHash } from 'node:crypto';
import { DanganError, utf8 } from '@dangan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ArchivalRegistrationForm,
  buildArchivalPackage,
  readArchivalPackage,
  readRegistrationForm,
  registrationFormToXml,
  safeReadRegistrationForm,
} from '../../src/archival/index.js';
import {
  type ArchivalManifest,
  manifestToXml,
  readManifest,
  safeReadManifest,
} from '../../src/manifest/index.js';
import { memorySink } from '../../src/sinks/index.js';
import { noise, sm3Hex, ywtbRecord } from './fixtures.js';

const HEX64 = 'a'.repeat(64);

function manifestXml(files: string, info = ''): Uint8Array {
  return utf8(`<?xml version="1.0" encoding="UTF-8"?>
<归档信息包清单 xmlns="urn:dangan:package:manifest" 格式版本="1">
  <信息包>
    <名称>包</名称>
    <布局 标识="dangan-ywtb" 版本="1" 暂定="是">布局</布局>
    <组织单元>办件</组织单元>
    <元数据方案>ywtb</元数据方案>
    <归档时间>2026-03-20T10:00:00+08:00</归档时间>
    <摘要算法>SM3</摘要算法>${info}
    <汇总 件数="1" 文件数="1" 字节数="3" 内容文件数="1" 内容字节数="3"/>
  </信息包>
  <件列表><件 序号="1" 档号="Z109-WS·2026-D30-DJK-0001" 目录="电子文件/a"/></件列表>
  <文件列表>${files}</文件列表>
</归档信息包清单>`);
}

async function codesOf(bytes: Uint8Array): Promise<string[]> {
  const r = await safeReadManifest(bytes, { name: 'm.xml' });
  if (r.ok) return [];
  expect(r.error.code).toBe('ARCHIVAL_MANIFEST_INVALID');
  return r.findings.map((f) => f.code);
}

describe('readManifest', () => {
  it('reads a manifest, accepting any spelling of an algorithm', async () => {
    const m = await readManifest(
      manifestXml(
        `<文件 路径="电子文件/a/1.pdf" 类型="内容" 字节数="3" 件序号="1" 电子属性序号="2" 原文件名="正文.pdf"><摘要 算法="sm-3">${HEX64.toUpperCase()}</摘要></文件>`,
      ),
    );
    expect(m.entries).toEqual([
      {
        path: '电子文件/a/1.pdf',
        size: 3,
        kind: '内容',
        digests: { sm3: HEX64 },
        itemIndex: 0,
        attributeIndex: 1,
        originalName: '正文.pdf',
      },
    ]);
    expect(m.layout).toEqual({ id: 'dangan-ywtb', version: '1', name: '布局', provisional: true });
    expect(m.items).toEqual([{ archivalCode: 'Z109-WS·2026-D30-DJK-0001', folder: '电子文件/a' }]);
  });

  it('reports malformed input with typed findings', async () => {
    expect(await codesOf(utf8('not xml'))).toEqual(['XML_MALFORMED']);
    expect(await codesOf(utf8('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'))).toEqual([
      'XML_DOCTYPE_FORBIDDEN',
    ]);
    expect(await codesOf(utf8('<清单/>'))).toEqual(['ARCHIVAL_XML_ROOT']);
    expect(await codesOf(utf8('<归档信息包清单 xmlns="urn:dangan:package:manifest" 格式版本="9"/>'))).toEqual(
      ['ARCHIVAL_XML_VERSION'],
    );
    const entry = (attrs: string, digest = `<摘要 算法="SM3">${HEX64}</摘要>`) =>
      manifestXml(`<文件 ${attrs}>${digest}</文件>`);
    expect(await codesOf(entry('路径="../x" 类型="元数据" 字节数="3"'))).toEqual([
      'ARCHIVAL_MANIFEST_PATH_INVALID',
    ]);
    expect(await codesOf(entry('路径="x" 类型="其他" 字节数="3"'))).toEqual(['ARCHIVAL_XML_FIELD_INVALID']);
    expect(await codesOf(entry('路径="x" 类型="元数据" 字节数="-1"'))).toEqual([
      'ARCHIVAL_XML_FIELD_INVALID',
    ]);
    expect(await codesOf(entry('类型="元数据" 字节数="1"'))).toEqual(['ARCHIVAL_XML_FIELD_MISSING']);
    expect(await codesOf(entry('路径="x" 类型="内容" 字节数="1"'))).toEqual([
      'ARCHIVAL_XML_FIELD_MISSING',
      'ARCHIVAL_XML_FIELD_MISSING',
    ]);
    expect(await codesOf(entry('路径="x" 类型="封装包" 字节数="1" 件序号="2"'))).toEqual([
      'ARCHIVAL_XML_FIELD_INVALID',
    ]);
    expect(await codesOf(entry('路径="x" 类型="元数据" 字节数="1"', `<摘要 算法="SM3">abc</摘要>`))).toEqual([
      'ARCHIVAL_MANIFEST_DIGEST_INVALID',
      'ARCHIVAL_MANIFEST_DIGEST_INVALID',
    ]);
    expect(
      await codesOf(entry('路径="x" 类型="元数据" 字节数="1"', `<摘要 算法="CRC32">${HEX64}</摘要>`)),
    ).toContain('ARCHIVAL_MANIFEST_DIGEST_INVALID');
    expect(await codesOf(entry('路径="x" 类型="元数据" 字节数="1"', ''))).toEqual([
      'ARCHIVAL_MANIFEST_DIGEST_INVALID',
    ]);
    expect(
      await codesOf(
        manifestXml(
          `<文件 路径="A.xml" 类型="元数据" 字节数="1"><摘要 算法="SM3">${HEX64}</摘要></文件><文件 路径="a.xml" 类型="目录" 字节数="1"><摘要 算法="SM3">${HEX64}</摘要></文件>`,
        ),
      ),
    ).toEqual(['ARCHIVAL_MANIFEST_PATH_DUPLICATE']);
    const withLine = await safeReadManifest(entry('路径="../x" 类型="元数据" 字节数="3"'), { name: 'm.xml' });
    expect(withLine.ok ? '' : withLine.findings[0]?.path).toMatch(/^m\.xml:\d+:\d+$/u);
  });

  it('refuses a manifest over its size limit', async () => {
    const r = await safeReadManifest(manifestXml(''), { maxBytes: 100 });
    expect(r.ok ? '' : r.findings[0]?.code).toBe('XML_LIMIT_EXCEEDED');
  });

  it('round-trips what manifestToXml writes', async () => {
    const manifest: ArchivalManifest = {
      formatVersion: '1',
      packageName: '包 & <名>',
      layout: { id: 'x', version: '3', name: '布局 "引号"', provisional: false },
      unit: '件',
      scheme: 'dat46',
      archivedAt: '2026-03-20T10:00:00+08:00',
      algorithms: ['sm3', 'sha512'],
      summary: { itemCount: 1, fileCount: 1, totalBytes: 5, contentFileCount: 1, contentBytes: 5 },
      items: [{ archivalCode: 'A-1', recordId: 'R1', folder: '内容' }],
      entries: [
        {
          path: '内容/a b.pdf',
          size: 5,
          kind: '内容',
          digests: { sm3: HEX64, sha512: 'b'.repeat(128) },
          itemIndex: 0,
          attributeIndex: 0,
        },
      ],
    };
    expect(await readManifest(manifestToXml(manifest))).toEqual(manifest);
  });
});

describe('readRegistrationForm', () => {
  const form: ArchivalRegistrationForm = {
    单位名称: '上海市浦东新区市场监督管理局',
    归档时间: '2026-03-20T10:00:00+08:00',
    归档电子文件门类: '文书',
    卷: 0,
    件: 3,
    张: 4,
    分钟: 12.5,
    字节: 123456,
    归档方式: '离线',
    检测: {
      载体外观检测: '合格',
      病毒检测: '待检测',
      真实性检测: '通过',
      可靠性检测: '通过',
      完整性检测: '通过',
      可用性检测: '通过',
    },
    说明: '第二批',
    填表人: '张三',
    填表日期: '2026-03-20',
    审核人: '',
    审核日期: '',
  };

  it('round-trips the form, check results included', async () => {
    expect(await readRegistrationForm(registrationFormToXml(form))).toEqual(form);
  });

  it('reports a malformed form', async () => {
    const text = new TextDecoder().decode(registrationFormToXml(form));
    const codes = async (t: string) => {
      const r = await safeReadRegistrationForm(utf8(t));
      if (r.ok) return [];
      expect(r.error.code).toBe('ARCHIVAL_REGISTRATION_FORM_INVALID');
      return r.findings.map((f) => f.code);
    };
    expect(await codes(text.replace('<件>3</件>', '<件>三</件>'))).toEqual(['ARCHIVAL_XML_FIELD_INVALID']);
    expect(await codes(text.replace('<分钟>12.5</分钟>', '<分钟>-1</分钟>'))).toEqual([
      'ARCHIVAL_XML_FIELD_INVALID',
    ]);
    expect(await codes(text.replace('<归档方式>离线</归档方式>', '<归档方式>邮寄</归档方式>'))).toEqual([
      'ARCHIVAL_XML_FIELD_INVALID',
    ]);
    expect(await codes(text.replace(/<单位名称>.*<\/单位名称>/u, ''))).toEqual([
      'ARCHIVAL_XML_FIELD_MISSING',
    ]);
    expect(await codes(text.replace('urn:dangan:package:registration', 'urn:x'))).toEqual([
      'ARCHIVAL_XML_ROOT',
    ]);
    expect(await codes('<a')).toEqual(['XML_MALFORMED']);
  });
});

describe('property: the manifest lists exactly what was written', () => {
  const fileArb = fc.record({
    size: fc.integer({ min: 0, max: 3000 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    stem: fc.stringMatching(/^[a-z\u4e00-\u4e10]{1,8}$/u),
    ext: fc.constantFrom('pdf', 'jpg', 'xml', 'ofd', 'mp4', ''),
  });
  const itemsArb = fc.array(fc.array(fileArb, { minLength: 1, maxLength: 4 }), {
    minLength: 1,
    maxLength: 3,
  });

  it('for random 办件', async () => {
    await fc.assert(
      fc.asyncProperty(itemsArb, fc.boolean(), async (items, sha) => {
        const specs = items.map((files) =>
          files.map((f, j) => ({
            name: `${f.stem}${j}${f.ext === '' ? '' : `.${f.ext}`}`,
            format: 'x',
            bytes: noise(f.size, f.seed),
          })),
        );
        const result = await buildArchivalPackage(
          {
            items: specs.map((fs, i) => ({
              record: ywtbRecord(i + 1, `件${i + 1}`, fs, { pages: 1 }),
              files: fs.map((f, j) => ({ source: f.bytes, attributeIndex: j })),
            })),
            registration: { 单位名称: '单位', 归档电子文件门类: '文书', 归档方式: '在线' },
            now: new Date('2026-03-20T02:00:00Z'),
          },
          memorySink(),
          sha
            ? {
                profile: {
                  ...(await import('../../src/archival/index.js')).ARCHIVAL_LAYOUTS['dangan-ywtb'],
                  manifest: { path: '归档信息包清单.xml', algorithms: ['sm3', 'sha256'] },
                },
              }
            : {},
        );
        const written = result.written.files;
        const listed = new Map(result.manifest.entries.map((e) => [e.path, e]));
        expect([...listed.keys()].sort()).toEqual(
          [...written.keys()].filter((p) => p !== result.manifestPath).sort(),
        );
        for (const [path, bytes] of written) {
          if (path === result.manifestPath) continue;
          const e = listed.get(path)!;
          expect(e.size).toBe(bytes.length);
          expect(e.digests.sm3).toBe(sm3Hex(bytes));
          if (sha) expect(e.digests.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
        }
        const contents = result.manifest.entries.filter((e) => e.kind === '内容');
        expect(contents).toHaveLength(specs.flat().length);
        expect(result.registrationForm.字节).toBe(specs.flat().reduce((n, f) => n + f.bytes.length, 0));
        expect(await readManifest(written.get(result.manifestPath)!)).toEqual(result.manifest);
        const reading = await readArchivalPackage(result.written.source);
        expect(reading.findings.filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('DanganError shape', () => {
  it('carries Chinese and English messages', async () => {
    const r = await safeReadManifest(utf8('<x/>'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(DanganError);
      expect(r.error.message).toMatch(/清单/u);
      expect(r.error.messageEn).toMatch(/Manifest/u);
    }
  });
});
