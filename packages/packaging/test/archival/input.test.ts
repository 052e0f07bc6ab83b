import type { DanganError } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import {
  type ArchivalPackageInput,
  buildArchivalPackage,
  safeBuildArchivalPackage,
} from '../../src/archival/index.js';
import { memorySink } from '../../src/sinks/index.js';
import { pdfLike, threeItemCase, ywtbRecord } from './fixtures.js';

/** Builds into a sink that counts writes; returns the error and the number of writes. */
async function failure(input: ArchivalPackageInput): Promise<{ error: DanganError; writes: number }> {
  const sink = memorySink();
  let writes = 0;
  const spy = {
    write: (...a: Parameters<typeof sink.write>) => {
      writes++;
      return sink.write(...a);
    },
    commit: () => sink.commit(),
    abort: (reason?: unknown) => sink.abort(reason),
  };
  const r = await safeBuildArchivalPackage(input, spy);
  if (r.ok) throw new Error('expected a failure');
  expect(r.error.code).toBe('ARCHIVAL_INPUT_INVALID');
  expect(r.error.message).toContain('未写入任何内容');
  return { error: r.error, writes };
}

function withItem(
  input: ArchivalPackageInput,
  i: number,
  change: (item: ArchivalPackageInput['items'][number]) => object,
) {
  return { ...input, items: input.items.map((item, j) => (j === i ? { ...item, ...change(item) } : item)) };
}

describe('buildArchivalPackage input validation', () => {
  it('validates each record against the scheme before writing anything', async () => {
    const { input } = threeItemCase();
    const record = structuredClone(input.items[1]!.record) as {
      文件实体: { 内容描述: Record<string, unknown> };
    };
    delete record.文件实体.内容描述.题名;
    const { error, writes } = await failure(withItem(input, 1, () => ({ record })));
    expect(writes).toBe(0);
    const f = error.findings.find((x) => x.element === 'M22');
    expect(f).toMatchObject({ code: 'METADATA_REQUIRED_MISSING', path: '/件/1/文件实体/内容描述/题名' });
  });

  it('requires a file for every 电子属性 entry, and one entry per file', async () => {
    const { input } = threeItemCase();
    const bytes = pdfLike(10);
    const files = [
      { name: '正文.pdf', format: 'PDF', bytes },
      { name: '附件.pdf', format: 'PDF', bytes },
    ];
    const record = ywtbRecord(1, '通知', files);
    const missing = await failure({
      ...input,
      items: [{ record, files: [{ source: bytes, attributeIndex: 0 }] }],
    });
    expect(missing.error.findings.map((f) => [f.code, f.path])).toEqual([
      ['ARCHIVAL_ATTRIBUTE_FILE_MISSING', '/件/0/文件实体/电子属性/1'],
    ]);
    const twice = await failure({
      ...input,
      items: [
        {
          record,
          files: [
            { source: bytes, attributeIndex: 0 },
            { source: bytes, attributeIndex: 0 },
          ],
        },
      ],
    });
    expect(twice.error.findings.map((f) => f.code)).toEqual([
      'ARCHIVAL_ATTRIBUTE_INDEX_INVALID',
      'ARCHIVAL_ATTRIBUTE_FILE_MISSING',
    ]);
    const beyond = await failure({
      ...input,
      items: [
        {
          record,
          files: [
            { source: bytes, attributeIndex: 0 },
            { source: bytes, attributeIndex: 1 },
            { source: bytes, attributeIndex: 5 },
          ],
        },
      ],
    });
    expect(beyond.error.findings.map((f) => f.code)).toEqual(['ARCHIVAL_ATTRIBUTE_INDEX_INVALID']);
  });

  it('refuses two 件 with the same 档号, and 件 of different 办件', async () => {
    const { input } = threeItemCase();
    const record = structuredClone(input.items[0]!.record) as { 文件实体: { 档号: Record<string, unknown> } };
    const second = structuredClone(input.items[1]!.record) as typeof record & {
      办件: Record<string, unknown>;
    };
    second.文件实体.档号.室编件号 = 1;
    second.办件.办件编号 = '310115202603169999';
    const { error } = await failure({
      ...input,
      items: [input.items[0]!, { ...input.items[1]!, record: second }],
    });
    expect(error.findings.map((f) => f.code)).toEqual([
      'ARCHIVAL_ARCHIVAL_CODE_DUPLICATE',
      'ARCHIVAL_CASE_MISMATCH',
    ]);
  });

  it('needs a 档号 and the registration header', async () => {
    const { input } = threeItemCase();
    const { error } = await failure({
      ...input,
      registration: { 单位名称: ' ', 归档电子文件门类: '文书', 归档方式: '网络' as '在线' },
    });
    expect(error.findings.map((f) => [f.code, f.path])).toEqual([
      ['ARCHIVAL_REGISTRATION_INVALID', '/registration/单位名称'],
      ['ARCHIVAL_REGISTRATION_INVALID', '/registration/归档方式'],
    ]);
    const r = await safeBuildArchivalPackage(input, memorySink(), { archivalCode: () => undefined });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings.filter((f) => f.code === 'ARCHIVAL_ARCHIVAL_CODE_MISSING')).toHaveLength(3);
  });

  it('uses the host’s 档号 rule', async () => {
    const { input } = threeItemCase();
    const result = await buildArchivalPackage(input, memorySink(), {
      archivalCode: (r) =>
        `A001-ZY·XK·2026·D30-${String((r as { 文件实体: { 档号: { 室编件号: number } } }).文件实体.档号.室编件号).padStart(5, '0')}`,
    });
    expect(result.items.map((i) => i.folder)).toEqual([
      '电子文件/A001-ZY·XK·2026·D30-00001',
      '电子文件/A001-ZY·XK·2026·D30-00002',
      '电子文件/A001-ZY·XK·2026·D30-00003',
    ]);
  });

  it('refuses an EEP when the layout has no EEP folder', async () => {
    const { input } = threeItemCase();
    const { ARCHIVAL_LAYOUTS } = await import('../../src/archival/index.js');
    const { eep: _, ...profile } = ARCHIVAL_LAYOUTS['dangan-ywtb'];
    const r = await safeBuildArchivalPackage(input, memorySink(), {
      profile,
      buildEep: () => new Uint8Array(1),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings.map((f) => f.code)).toEqual(Array(3).fill('ARCHIVAL_EEP_NOT_ALLOWED'));
  });

  it('throws TypeError for programmer errors, and never reads the clock', async () => {
    const { input } = threeItemCase();
    await expect(
      buildArchivalPackage({ ...input, now: undefined as unknown as Date }, memorySink()),
    ).rejects.toThrow(TypeError);
    await expect(buildArchivalPackage(input, {} as never)).rejects.toThrow(TypeError);
    await expect(
      buildArchivalPackage(
        withItem(input, 0, () => ({ files: [{ source: 'text', attributeIndex: 0 }] })),
        memorySink(),
      ),
    ).rejects.toThrow(TypeError);
    await expect(buildArchivalPackage(input, memorySink(), { utcOffsetMinutes: 1000 })).rejects.toThrow(
      RangeError,
    );
  });

  it('stops on the signal and aborts the sink', async () => {
    const { input } = threeItemCase();
    const controller = new AbortController();
    controller.abort();
    await expect(
      buildArchivalPackage(input, memorySink(), { signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });

  it('reports a failing EEP builder with the EEP path', async () => {
    const { input } = threeItemCase();
    const r = await safeBuildArchivalPackage(input, memorySink(), {
      buildEep: () => {
        throw new Error('签名失败');
      },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('ARCHIVAL_BUILD_FAILED');
      expect(r.error.message).toContain('签名失败');
      expect(r.findings[0]?.path).toBe('封装包/Z109-WS·2026-D30-DJK-0001.xml');
    }
  });
});
