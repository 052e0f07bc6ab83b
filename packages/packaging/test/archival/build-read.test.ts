import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DanganError, parseXmlToTree, readAll, utf8 } from '@dangan/core';
import { recordsFromXml, schemes } from '@dangan/metadata';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ARCHIVAL_LAYOUTS,
  buildArchivalPackage,
  REGISTRATION_CHECK_COLUMNS,
  readArchivalPackage,
  readRegistrationForm,
  safeBuildArchivalPackage,
} from '../../src/archival/index.js';
import { readManifest } from '../../src/manifest/index.js';
import { folderSink, folderSource } from '../../src/node/index.js';
import { memorySink, memorySource } from '../../src/sinks/index.js';
import { failingAfter, sha256Hex, sm3Hex, threeItemCase } from './fixtures.js';

const hasXmllint = spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).error === undefined;

describe('buildArchivalPackage → readArchivalPackage (memory)', () => {
  it('writes a 办件 of three 件 and reads everything back', async () => {
    const { input, files } = threeItemCase();
    const result = await buildArchivalPackage(input, memorySink());
    const { source, files: written } = result.written;

    expect(result.packageName).toBe('310115202603160001');
    expect(result.items.map((i) => i.archivalCode)).toEqual([
      'Z109-WS·2026-D30-DJK-0001',
      'Z109-WS·2026-D30-DJK-0002',
      'Z109-WS·2026-D30-DJK-0003',
    ]);
    // Content named by the filing rules, in a folder per 件; the manifest is written last.
    expect([...written.keys()]).toEqual([
      '电子文件/Z109-WS·2026-D30-DJK-0001/Z109-WS·2026-D30-DJK-0001-001-设立登记申请书.pdf',
      '电子文件/Z109-WS·2026-D30-DJK-0002/Z109-WS·2026-D30-DJK-0002-001-营业场所照片.jpg',
      '电子文件/Z109-WS·2026-D30-DJK-0003/Z109-WS·2026-D30-DJK-0003-001.xml',
      '元数据.xml',
      '归档文件目录.xml',
      '归档登记表.xml',
      '说明文件.txt',
      '归档信息包清单.xml',
    ]);
    expect(written.get(result.items[0]!.files[0]!.path)).toEqual(files[0]![0]!.bytes);

    const reading = await readArchivalPackage(source);
    expect(reading.findings).toEqual([]);
    expect(reading.profile?.id).toBe('dangan-ywtb');
    expect(reading.manifest).toEqual(result.manifest);
    expect(reading.records).toEqual(input.items.map((i) => i.record));
    expect(reading.registrationForm).toEqual(result.registrationForm);
    expect(reading.catalogue).toEqual({ path: '归档文件目录.xml', present: true, entries: 3 });
    expect(reading.readme?.fields.信息包名称).toBe('310115202603160001');
    expect(reading.readme?.fields.摘要算法).toBe('SM3');
    expect(reading.items.map((i) => i.files.map((f) => [f.path, f.attributeIndex, f.present]))).toEqual(
      result.items.map((i) => i.files.map((f) => [f.path, 0, true])),
    );
    expect(reading.items[0]!.record).toEqual(input.items[0]!.record);
    expect(reading.items[0]!.files[0]!.originalName).toBe('设立登记申请书.pdf');
  });

  it('lists every entry but itself in the manifest, with sizes and SM3 equal to node:crypto', async () => {
    const { input } = threeItemCase();
    const result = await buildArchivalPackage(input, memorySink());
    const { files } = result.written;
    const manifestBytes = files.get('归档信息包清单.xml')!;
    const manifest = await readManifest(manifestBytes);
    expect(manifest.algorithms).toEqual(['sm3']);
    expect(manifest.entries.map((e) => e.path).sort()).toEqual(
      [...files.keys()].filter((p) => p !== '归档信息包清单.xml').sort(),
    );
    for (const e of manifest.entries) {
      const bytes = files.get(e.path)!;
      expect(e.size).toBe(bytes.length);
      expect(e.digests.sm3).toBe(sm3Hex(bytes));
    }
    expect(result.packageDigests.sm3).toBe(sm3Hex(manifestBytes));
    expect(new TextDecoder().decode(manifestBytes)).toContain('<摘要 算法="SM3">');
  });

  it('writes SHA-256 alongside SM3 when the layout asks for it', async () => {
    const { input } = threeItemCase();
    const profile = {
      ...ARCHIVAL_LAYOUTS['dangan-ywtb'],
      manifest: { path: '归档信息包清单.xml', algorithms: ['sm3', 'sha256'] as const },
    };
    const result = await buildArchivalPackage(input, memorySink(), { profile });
    for (const e of result.manifest.entries) {
      const bytes = result.written.files.get(e.path)!;
      expect(e.digests).toEqual({ sm3: sm3Hex(bytes), sha256: sha256Hex(bytes) });
    }
    const manifest = await readManifest(result.written.files.get('归档信息包清单.xml')!);
    expect(manifest.algorithms).toEqual(['sm3', 'sha256']);
  });

  it('counts the registration totals from what was written', async () => {
    const { input, files } = threeItemCase();
    const result = await buildArchivalPackage(input, memorySink());
    const form = result.registrationForm;
    const contentBytes = files.flat().reduce((n, f) => n + f.bytes.length, 0);
    expect(form).toMatchObject({
      单位名称: '上海市浦东新区市场监督管理局',
      归档时间: '2026-03-20T10:00:00+08:00',
      归档电子文件门类: '文书',
      卷: 0,
      件: 3,
      张: 4, // 3 + 1; the third 件 records no 页数
      分钟: 0,
      字节: contentBytes,
      归档方式: '在线',
    });
    for (const c of REGISTRATION_CHECK_COLUMNS) expect(form.检测[c]).toBe('待检测');
    expect(result.totals).toMatchObject({
      items: 3,
      pages: 4,
      itemsWithoutPages: 1,
      contentFiles: 3,
      contentBytes,
    });
    expect(result.findings.map((f) => f.code)).toContain('ARCHIVAL_PAGES_UNKNOWN');
    // Written and read back.
    expect(await readRegistrationForm(result.written.files.get('归档登记表.xml')!)).toEqual(form);
    expect(result.totals.bytes).toBe([...result.written.files.values()].reduce((n, b) => n + b.length, 0));
  });

  it('counts 分钟 from the files’ durations', async () => {
    const { input } = threeItemCase();
    const items = input.items.map((item, i) =>
      i === 1 ? { ...item, files: item.files.map((f) => ({ ...f, durationSeconds: 90 })) } : item,
    );
    const result = await buildArchivalPackage({ ...input, items }, memorySink());
    expect(result.registrationForm.分钟).toBe(1.5);
    expect(result.totals.durationSeconds).toBe(90);
  });

  it('writes a catalogue that is well-formed XML, one <文件> per 件', async () => {
    const { input } = threeItemCase();
    const result = await buildArchivalPackage(input, memorySink());
    const bytes = result.written.files.get('归档文件目录.xml')!;
    const root = await parseXmlToTree(bytes);
    expect(root.name).toBe('文件目录');
    expect(root.children.map((c) => c.children.find((x) => x.name === '档号')?.text)).toEqual(
      result.items.map((i) => i.archivalCode),
    );
    expect(root.children[0]!.children.find((x) => x.name === '电子档案名称')?.text).toBe(
      result.items[0]!.folder,
    );
    if (hasXmllint) {
      const r = spawnSync('xmllint', ['--noout', '-'], { input: bytes });
      expect(r.status, r.stderr.toString()).toBe(0);
    }
  });

  it('writes the catalogue in GB18030 when the layout says so, and it reads back', async () => {
    const { input } = threeItemCase();
    const base = ARCHIVAL_LAYOUTS['dangan-ywtb'];
    const profile = { ...base, catalogue: { path: '归档文件目录.xml', encoding: 'gb18030' as const } };
    const result = await buildArchivalPackage(input, memorySink(), { profile });
    const bytes = result.written.files.get('归档文件目录.xml')!;
    const text = new TextDecoder('gb18030').decode(bytes);
    expect(text.startsWith('<?xml version="1.0" encoding="GB18030"?>')).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const root = await parseXmlToTree(bytes);
    expect(root.children.map((c) => c.children.find((x) => x.name === '题名')?.text)).toEqual([
      '设立登记申请书',
      '营业场所照片',
      '设立登记申请表（数据）',
    ]);
    const reading = await readArchivalPackage(result.written.source);
    expect(reading.findings).toEqual([]);
    expect(reading.catalogue?.entries).toBe(3);
    if (hasXmllint) expect(spawnSync('xmllint', ['--noout', '-'], { input: bytes }).status).toBe(0);
  });

  it('writes the metadata document as one record set', async () => {
    const { input } = threeItemCase();
    const result = await buildArchivalPackage(input, memorySink());
    const records = [];
    for await (const r of recordsFromXml(result.written.files.get('元数据.xml')!, schemes.ywtb))
      records.push(r);
    expect(records).toEqual(input.items.map((i) => i.record));
  });

  it('writes EEPs given as bytes or made by a builder', async () => {
    const { input } = threeItemCase();
    const seen: string[] = [];
    const items = input.items.map((item, i) =>
      i === 0 ? { ...item, eep: utf8('<电子文件封装包/>') } : item,
    );
    const result = await buildArchivalPackage({ ...input, items }, memorySink(), {
      buildEep: (_record, files, context) => {
        seen.push(`${context.index}:${context.archivalCode}:${files.length}`);
        return utf8(`<电子文件封装包 件="${context.archivalCode}"/>`);
      },
    });
    expect(seen).toEqual(['1:Z109-WS·2026-D30-DJK-0002:1', '2:Z109-WS·2026-D30-DJK-0003:1']);
    expect(result.items.map((i) => i.eep?.path)).toEqual([
      '封装包/Z109-WS·2026-D30-DJK-0001.xml',
      '封装包/Z109-WS·2026-D30-DJK-0002.xml',
      '封装包/Z109-WS·2026-D30-DJK-0003.xml',
    ]);
    const eep = result.items[0]!.eep!;
    expect(eep).toMatchObject({ kind: '封装包', itemIndex: 0, size: utf8('<电子文件封装包/>').length });
    expect(eep.digests.sm3).toBe(sm3Hex(utf8('<电子文件封装包/>')));
    const reading = await readArchivalPackage(result.written.source);
    expect(reading.findings).toEqual([]);
    expect(reading.items.map((i) => i.eep?.path)).toEqual(result.items.map((i) => i.eep?.path));
  });
});

describe('buildArchivalPackage into a folder (Node)', () => {
  let base: string;
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'dangan-archival-'));
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('writes the same package to disk and reads it back from the folder', async () => {
    const { input, files } = threeItemCase();
    const memory = await buildArchivalPackage(input, memorySink());
    const target = join(base, memory.packageName);
    const result = await buildArchivalPackage(input, folderSink(target));
    expect(result.written.location).toBe(target);
    expect(await readdir(base)).toEqual([memory.packageName]);
    // Deterministic: the same input gives the same bytes.
    for (const [path, bytes] of memory.written.files) {
      expect(new Uint8Array(await readFile(join(target, ...path.split('/'))))).toEqual(bytes);
    }
    const reading = await readArchivalPackage(folderSource(target));
    expect(reading.findings).toEqual([]);
    expect(reading.records).toEqual(input.items.map((i) => i.record));
    expect(reading.manifest).toEqual(result.manifest);
    expect(reading.registrationForm?.字节).toBe(files.flat().reduce((n, f) => n + f.bytes.length, 0));
  });

  it('leaves nothing behind when a source fails mid-build', async () => {
    const { input, files } = threeItemCase();
    const items = input.items.map((item, i) =>
      i === 1 ? { ...item, files: [{ source: failingAfter(files[1]![0]!.bytes), attributeIndex: 0 }] } : item,
    );
    const target = join(base, 'pkg');
    const error = await buildArchivalPackage({ ...input, items }, folderSink(target)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DanganError);
    expect((error as DanganError).code).toBe('ARCHIVAL_BUILD_FAILED');
    expect((error as DanganError).message).toContain('磁盘读取失败');
    expect((error as DanganError).findings[0]?.path).toBe(
      '电子文件/Z109-WS·2026-D30-DJK-0002/Z109-WS·2026-D30-DJK-0002-001-营业场所照片.jpg',
    );
    expect(await readdir(base)).toEqual([]);
  });

  it('leaves nothing behind when a file is not the size its metadata says', async () => {
    const { input } = threeItemCase();
    const items = input.items.map((item, i) =>
      i === 2 ? { ...item, files: [{ source: utf8('<短/>'), attributeIndex: 0 }] } : item,
    );
    const error = await buildArchivalPackage({ ...input, items }, folderSink(join(base, 'pkg'))).catch(
      (e: unknown) => e,
    );
    expect((error as DanganError).code).toBe('ARCHIVAL_FILE_SIZE_MISMATCH');
    expect((error as DanganError).message).toContain('计算机文件大小');
    expect(await readdir(base)).toEqual([]);
  });

  it('leaves nothing behind when a too-long source overruns its declared size', async () => {
    const { input, files } = threeItemCase();
    const longer = new Uint8Array(files[0]![0]!.bytes.length + 5);
    const items = input.items.map((item, i) =>
      i === 0 ? { ...item, files: [{ source: longer, attributeIndex: 0 }] } : item,
    );
    const r = await safeBuildArchivalPackage({ ...input, items }, folderSink(join(base, 'pkg')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings[0]?.code).toBe('ARCHIVAL_FILE_SIZE_MISMATCH');
    expect(await readdir(base)).toEqual([]);
  });
});

describe('a failed build in memory', () => {
  it('aborts the sink: nothing can be committed', async () => {
    const { input, files } = threeItemCase();
    const items = input.items.map((item, i) =>
      i === 2 ? { ...item, files: [{ source: failingAfter(files[2]![0]!.bytes), attributeIndex: 0 }] } : item,
    );
    const sink = memorySink();
    const aborts: unknown[] = [];
    const spy = {
      write: sink.write.bind(sink),
      commit: sink.commit.bind(sink),
      abort: async (reason?: unknown) => {
        aborts.push(reason);
        await sink.abort(reason);
      },
    };
    await expect(buildArchivalPackage({ ...input, items }, spy)).rejects.toMatchObject({
      code: 'ARCHIVAL_BUILD_FAILED',
    });
    expect(aborts).toHaveLength(1);
    await expect(sink.commit()).rejects.toBeInstanceOf(DanganError);
  });
});

describe('readArchivalPackage findings', () => {
  it('reports missing, extra and resized files and a summary that does not add up', async () => {
    const { input } = threeItemCase();
    const result = await buildArchivalPackage(input, memorySink());
    const files = new Map(result.written.files);
    const [first, second] = result.items.map((i) => i.files[0]!.path);
    files.delete(first!);
    files.set(second!, new Uint8Array(3));
    files.set('电子文件/多余.txt', utf8('x'));
    const reading = await readArchivalPackage(memorySource(files));
    expect(reading.findings.map((f) => [f.code, f.path])).toEqual([
      ['ARCHIVAL_FILE_MISSING', first],
      ['ARCHIVAL_FILE_SIZE_MISMATCH', second],
      ['ARCHIVAL_FILE_EXTRA', '电子文件/多余.txt'],
    ]);
    expect(reading.items[0]!.files[0]!.present).toBe(false);
  });

  it('reports a package without a manifest, and unparsable parts', async () => {
    const { input } = threeItemCase();
    const result = await buildArchivalPackage(input, memorySink());
    const files = new Map(result.written.files);
    files.delete('归档信息包清单.xml');
    files.set('归档登记表.xml', utf8('<归档登记表>'));
    const reading = await readArchivalPackage(memorySource(files), {
      profile: ARCHIVAL_LAYOUTS['dangan-ywtb'],
    });
    const codes = reading.findings.map((f) => f.code);
    expect(codes).toContain('ARCHIVAL_MANIFEST_MISSING');
    expect(codes).toContain('ARCHIVAL_PART_UNREADABLE');
    expect(reading.manifest).toBeUndefined();
    // Parts are still found at the layout's paths.
    expect(reading.records).toHaveLength(3);
    expect(reading.catalogue?.entries).toBe(3);
    expect(reading.registrationForm).toBeUndefined();
  });

  it('reports a missing part and a summary that disagrees with the entries', async () => {
    const { input } = threeItemCase();
    const result = await buildArchivalPackage(input, memorySink());
    const files = new Map(result.written.files);
    files.delete('说明文件.txt');
    const manifest = new TextDecoder().decode(files.get('归档信息包清单.xml')!);
    files.set('归档信息包清单.xml', utf8(manifest.replace(/内容文件数="3"/u, '内容文件数="4"')));
    const reading = await readArchivalPackage(memorySource(files));
    expect(reading.findings.map((f) => f.code)).toEqual([
      'ARCHIVAL_FILE_MISSING',
      'ARCHIVAL_MANIFEST_SUMMARY_MISMATCH',
    ]);
    expect(reading.readme?.present).toBe(false);
  });

  it('reads a folder with a foreign file as an extra file', async () => {
    const base = await mkdtemp(join(tmpdir(), 'dangan-archival-extra-'));
    try {
      const { input } = threeItemCase();
      const target = join(base, 'pkg');
      await buildArchivalPackage(input, folderSink(target));
      await writeFile(join(target, 'Thumbs.db'), 'x');
      const reading = await readArchivalPackage(folderSource(target));
      expect(reading.findings.map((f) => [f.code, f.path, f.item])).toEqual([
        ['ARCHIVAL_FILE_EXTRA', 'Thumbs.db', 'GD-4-3'],
      ]);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });

  it('reads the readme back with its fields', async () => {
    const { input } = threeItemCase();
    const result = await buildArchivalPackage(input, memorySink(), {
      readme: { 软件环境: 'Windows 10；数科 OFD 阅读器', 硬件环境: 'x86-64 计算机' },
    });
    const text = new TextDecoder().decode(
      await readAll(result.written.source.read('说明文件.txt'), { maxBytes: 1 << 20 }),
    );
    expect(text.split('\r\n')[0]).toBe('归档信息包说明文件');
    const reading = await readArchivalPackage(result.written.source);
    expect(reading.readme?.fields).toMatchObject({
      软件环境: 'Windows 10；数科 OFD 阅读器',
      硬件环境: 'x86-64 计算机',
      件数: '3',
      清单文件: '归档信息包清单.xml',
    });
  });
});
