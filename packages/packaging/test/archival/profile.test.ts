import { DanganError, utf8 } from '@dangan/core';
import { schemes } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import {
  ARCHIVAL_LAYOUTS,
  type ArchivalLayoutProfile,
  buildArchivalPackage,
  readArchivalPackage,
  safeValidateArchivalLayoutProfile,
  validateArchivalLayoutProfile,
} from '../../src/archival/index.js';
import { memorySink } from '../../src/sinks/index.js';
import { pdfLike, sha256Hex, threeItemCase, ywtbRecord } from './fixtures.js';

const ywtb = ARCHIVAL_LAYOUTS['dangan-ywtb'];

function problems(profile: unknown): string[] {
  const r = safeValidateArchivalLayoutProfile(profile as ArchivalLayoutProfile);
  return r.ok ? [] : r.findings.map((f) => `${f.path} ${f.message}`);
}

describe('ARCHIVAL_LAYOUTS', () => {
  it('ships valid provisional layouts, per 办件 and per 件', () => {
    for (const profile of Object.values(ARCHIVAL_LAYOUTS)) {
      expect(validateArchivalLayoutProfile(profile)).toBe(profile);
      expect(profile.provisional).toBe(true);
      expect(profile.basis).toContain('DB31/T 1152');
      expect(profile.manifest.algorithms).toEqual(['sm3']);
    }
    expect(ARCHIVAL_LAYOUTS['dangan-ywtb'].unit).toBe('办件');
    expect(ARCHIVAL_LAYOUTS['dangan-item'].unit).toBe('件');
  });
});

describe('validateArchivalLayoutProfile', () => {
  it('refuses bad templates', () => {
    expect(problems({ ...ywtb, packageName: '{未知}' })[0]).toContain('未知的占位符');
    expect(problems({ ...ywtb, packageName: '{办件编号' })[0]).toContain('花括号');
    expect(problems({ ...ywtb, packageName: 'a/{办件编号}' })[0]).toContain('不允许的字符');
    expect(problems({ ...ywtb, packageName: '{件号:0}' })[0]).toContain('宽度');
    expect(problems({ ...ywtb, packageName: '' })[0]).toContain('模板为空');
    expect(problems({ ...ywtb, eep: { folder: '封装包', fileName: 'eep?.xml' } })[0]).toContain(
      'eep/fileName',
    );
  });

  it('requires 件 folders that tell the 件 of a 办件 apart', () => {
    expect(problems({ ...ywtb, content: { ...ywtb.content, itemFolder: '{办件编号}' } })[0]).toContain(
      '各件同名',
    );
    const { itemFolder: _, ...noFolder } = ywtb.content;
    expect(problems({ ...ywtb, content: noFolder })[0]).toContain('子目录');
    expect(problems({ ...ARCHIVAL_LAYOUTS['dangan-item'], content: noFolder })).toEqual([]);
  });

  it('refuses unsafe and colliding paths', () => {
    expect(problems({ ...ywtb, metadata: { path: '../元数据.xml' } })[0]).toContain('不安全');
    expect(problems({ ...ywtb, metadata: { path: 'C:/元数据.xml' } })[0]).toContain('不安全');
    expect(problems({ ...ywtb, metadata: { path: '元数据\u0000.xml' } })[0]).toContain('不安全');
    expect(problems({ ...ywtb, metadata: { path: '归档文件目录.XML' } })[0]).toContain('冲突');
    expect(problems({ ...ywtb, manifest: { path: '电子文件/清单.xml', algorithms: ['sm3'] } })[0]).toContain(
      '冲突',
    );
    expect(problems({ ...ywtb, eep: { folder: '电子文件/封装包', fileName: '{档号}.xml' } })[0]).toContain(
      '冲突',
    );
    expect(problems({ ...ywtb, content: { ...ywtb.content, folder: '元数据.xml/内容' } })[0]).toContain(
      '冲突',
    );
  });

  it('refuses digest algorithms that are not archival, repeated or missing', () => {
    expect(problems({ ...ywtb, manifest: { path: 'm.xml', algorithms: ['md5'] } })[0]).toContain(
      '不是归档用摘要算法',
    );
    expect(problems({ ...ywtb, manifest: { path: 'm.xml', algorithms: ['sm3', 'sm3'] } })[0]).toContain(
      '重复',
    );
    expect(problems({ ...ywtb, manifest: { path: 'm.xml', algorithms: [] } })[0]).toContain('非空数组');
  });

  it('refuses a wrong shape and throws a typed error', () => {
    expect(problems(null)).toHaveLength(1);
    expect(problems({ ...ywtb, unit: '卷' })[0]).toContain("'办件' 或 '件'");
    expect(problems({ ...ywtb, content: { ...ywtb.content, fileName: { kind: 'x' } } })[0]).toContain('kind');
    expect(() => validateArchivalLayoutProfile({ ...ywtb, id: '' })).toThrow(DanganError);
    try {
      validateArchivalLayoutProfile({
        ...ywtb,
        id: 'a b',
        readme: { path: '../r.txt', encoding: 'utf-16' as 'utf-8' },
      });
    } catch (e) {
      expect((e as DanganError).code).toBe('ARCHIVAL_PROFILE_INVALID');
      expect((e as DanganError).findings.map((f) => f.path)).toEqual([
        '/id',
        '/readme/path',
        '/readme/encoding',
      ]);
    }
  });

  it('is applied by buildArchivalPackage before anything is written', async () => {
    const { input } = threeItemCase();
    let writes = 0;
    const sink = memorySink();
    const spy = {
      ...sink,
      write: (...a: Parameters<typeof sink.write>) => {
        writes++;
        return sink.write(...a);
      },
      commit: sink.commit,
      abort: sink.abort,
    };
    await expect(
      buildArchivalPackage(input, spy, { profile: { ...ywtb, metadata: { path: '../x.xml' } } }),
    ).rejects.toMatchObject({ code: 'ARCHIVAL_PROFILE_INVALID' });
    expect(writes).toBe(0);
  });
});

describe('a host profile', () => {
  const pudong: ArchivalLayoutProfile = {
    ...ywtb,
    id: 'pudong-ywtb',
    version: '2',
    name: '浦东新区一网通办归档信息包',
    provisional: false,
    packageName: '{事项编码}-{办件编号}',
    metadata: { path: '基本信息元数据.xml' },
    content: { folder: '材料', itemFolder: '{件号:4}', fileName: { kind: 'original' } },
    catalogue: { path: '目录/文件目录.xml', encoding: 'gb18030' },
    registrationForm: { path: '目录/登记表.xml' },
    manifest: { path: 'manifest.xml', algorithms: ['sm3', 'sha256'] },
  };
  const { readme: _, ...withoutReadme } = pudong;

  it('replaces every name and is detected when reading', async () => {
    const { input } = threeItemCase();
    const result = await buildArchivalPackage(input, memorySink(), { profile: withoutReadme });
    expect(result.packageName).toBe('310115000000-JYXK-0001-310115202603160001');
    expect([...result.written.files.keys()]).toEqual([
      '材料/0001/设立登记申请书.pdf',
      '材料/0002/营业场所照片.jpg',
      '材料/0003/申请表.xml',
      '基本信息元数据.xml',
      '目录/文件目录.xml',
      '目录/登记表.xml',
      'manifest.xml',
    ]);
    // The original name is kept, so the manifest need not repeat it.
    expect(result.items[0]!.files[0]!.originalName).toBeUndefined();
    const manifestBytes = result.written.files.get('manifest.xml')!;
    expect(result.packageDigests.sha256).toBe(sha256Hex(manifestBytes));

    const unknown = await readArchivalPackage(result.written.source);
    expect(unknown.findings.map((f) => f.code)).toEqual([
      'ARCHIVAL_MANIFEST_MISSING',
      'ARCHIVAL_PART_MISSING',
      'ARCHIVAL_PART_MISSING',
      'ARCHIVAL_PART_MISSING',
    ]);

    const reading = await readArchivalPackage(result.written.source, { profiles: [withoutReadme] });
    expect(reading.findings).toEqual([]);
    expect(reading.profile?.id).toBe('pudong-ywtb');
    expect(reading.records).toHaveLength(3);
    expect(reading.readme).toBeUndefined();
    expect(reading.catalogue?.entries).toBe(3);
  });

  it('refuses two files of one 件 with the same original name', async () => {
    const bytes = pdfLike(100);
    const files = [
      { name: '通知.pdf', format: 'PDF', bytes },
      { name: '通知.pdf', format: 'PDF', bytes },
    ];
    const r = await buildArchivalPackage(
      {
        items: [
          {
            record: ywtbRecord(1, '通知', files),
            files: files.map((f, i) => ({ source: f.bytes, attributeIndex: i })),
          },
        ],
        registration: { 单位名称: '单位', 归档电子文件门类: '文书', 归档方式: '离线' },
        now: new Date('2026-03-20T02:00:00Z'),
      },
      memorySink(),
      { profile: withoutReadme },
    ).catch((e: unknown) => e as DanganError);
    expect((r as DanganError).code).toBe('ARCHIVAL_INPUT_INVALID');
    expect((r as DanganError).findings.map((f) => f.code)).toEqual(['ARCHIVAL_NAME_DUPLICATE']);
  });

  it('refuses two 件 whose folders would be the same', async () => {
    const { input } = threeItemCase();
    const profile = { ...withoutReadme, content: { ...withoutReadme.content, itemFolder: '{件号:1}' } };
    const items = input.items.map((item, i) => {
      const record = structuredClone(item.record) as { 文件实体: { 档号: Record<string, unknown> } };
      record.文件实体.档号.机构或问题 = ['DJK', 'BGS', 'DJK'][i];
      record.文件实体.档号.室编件号 = [1, 1, 2][i];
      return { ...item, record };
    });
    const r = await buildArchivalPackage({ ...input, items }, memorySink(), { profile }).catch(
      (e: unknown) => e as DanganError,
    );
    expect((r as DanganError).findings.map((f) => [f.code, f.path])).toEqual([
      ['ARCHIVAL_NAME_DUPLICATE', '/件/1'],
    ]);
  });

  it('reports a template value the record lacks', async () => {
    const { input } = threeItemCase();
    const profile = { ...ARCHIVAL_LAYOUTS['dangan-item'], packageName: '{办件编号}' };
    const record = { ...input.items[0]!.record };
    delete (record as Record<string, unknown>).办件;
    const r = await buildArchivalPackage(
      { ...input, items: [{ ...input.items[0]!, record }] },
      memorySink(),
      { profile, scheme: schemes.dat46 },
    ).catch((e: unknown) => e as DanganError);
    expect((r as DanganError).findings.map((f) => f.code)).toEqual(['ARCHIVAL_TEMPLATE_VALUE_MISSING']);
  });
});

describe('the per-件 layout', () => {
  it('packages one DA/T 46 件 with its files straight in the content folder', async () => {
    const { input } = threeItemCase();
    const record = { ...input.items[0]!.record };
    delete (record as Record<string, unknown>).办件;
    const result = await buildArchivalPackage(
      { ...input, items: [{ ...input.items[0]!, record, eep: utf8('<电子文件封装包/>') }] },
      memorySink(),
      { profile: ARCHIVAL_LAYOUTS['dangan-item'] },
    );
    expect(result.packageName).toBe('Z109-WS·2026-D30-DJK-0001');
    expect([...result.written.files.keys()].slice(0, 2)).toEqual([
      '电子文件/Z109-WS·2026-D30-DJK-0001-001.pdf',
      '封装包/Z109-WS·2026-D30-DJK-0001.xml',
    ]);
    expect(result.manifest.scheme).toBe('dat46');
    const reading = await readArchivalPackage(result.written.source);
    expect(reading.findings).toEqual([]);
    expect(reading.profile?.id).toBe('dangan-item');
    expect(reading.records).toEqual([record]);
  });

  it('takes exactly one 件', async () => {
    const { input } = threeItemCase();
    const r = await buildArchivalPackage(input, memorySink(), {
      profile: ARCHIVAL_LAYOUTS['dangan-item'],
      scheme: schemes.ywtb,
    }).catch((e: unknown) => e as DanganError);
    expect((r as DanganError).findings.map((f) => f.code)).toContain('ARCHIVAL_ITEM_COUNT');
  });
});
