// The demo's steps in-process: quicker than spawning it, and closer to each step's promise.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckReport } from '@dangan/checks';
import { identifyFormat, readAll, sm2 } from '@dangan/core';
import { schemes, validateRecord } from '@dangan/metadata';
import { openPackagePath } from '@dangan/packaging/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArrangedCase, arrangeCase } from '../src/arrange.js';
import { type CapturedFile, captureFiles, photoNote } from '../src/capture.js';
import { type ReceivedCase, receiveCase } from '../src/case.js';
import { makePdf } from '../src/files/pdf.js';
import { packageCase } from '../src/package.js';
import { createDemoSigner } from '../src/signer.js';
import { failingItems, passCounts } from '../src/summary.js';
import { tamperCopy } from '../src/tamper.js';

const ARCHIVED_AT = '2026-03-20T10:00:00+08:00';
const now = new Date(ARCHIVED_AT);
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

async function entries(zip: string): Promise<Map<string, Uint8Array>> {
  const { source } = await openPackagePath(zip);
  try {
    const out = new Map<string, Uint8Array>();
    for (const { path } of await source.list())
      out.set(path, await readAll(source.read(path), { maxBytes: 16 * 1024 * 1024 }));
    return out;
  } finally {
    await source.close();
  }
}

describe('the demo steps', () => {
  let received: ReceivedCase;
  let captured: CapturedFile[];
  let arranged: ArrangedCase;
  const dir = mkdtempSync(join(tmpdir(), 'dangan-ywtb-steps-'));
  beforeAll(async () => {
    received = await receiveCase(ARCHIVED_AT);
    captured = await captureFiles(received.files);
    arranged = await arrangeCase(received, captured, now);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('receive: the same case and the same file bytes on every run', async () => {
    const again = await receiveCase(ARCHIVED_AT);
    expect(again.办件).toEqual(received.办件);
    expect(again.files.map((f) => f.bytes)).toEqual(received.files.map((f) => f.bytes));
    expect(received.办件.电子证照?.[0]).toMatchObject({ 证照名称: '营业执照', 调用方式: '数据共享调用' });
    expect(received.办件.材料?.map((m) => m.计算机文件名)).toEqual(received.files.map((f) => f.name));
  });

  it('capture: formats, SM3 and the photo EXIF come from the bytes', async () => {
    const byExt = (ext: string) => captured.find((f) => f.name.endsWith(ext))!;
    expect(byExt('.pdf').captured.格式).toMatchObject({ id: 'pdf', version: '1.7' });
    expect(byExt('.ofd').captured.格式.id).toBe('ofd');
    const jpg = byExt('.jpg').captured;
    expect(jpg.格式.id).toBe('jpeg');
    expect(jpg.照片?.时间?.摄影时间).toBe('2026-03-16T09:05:12+08:00');
    expect(jpg.照片?.捕获设备).toMatchObject({ 设备制造商: 'Demo Imaging', 设备型号: 'GP-1600' });
    expect(jpg.照片?.图像参数).toMatchObject({ 图像宽度: 240, 图像高度: 320, 水平分辨率: 300 });
    expect(jpg.电子属性.文档创建程序).toBe('YWTB Counter Capture 2.1');
    for (const f of captured) {
      expect(f.captured.电子属性.计算机文件大小).toBe(f.bytes.length);
      expect(f.captured.摘要.sm3).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(photoNote(byExt('.pdf'))).toBeUndefined();
    expect(photoNote(byExt('.jpg'))).toBe(
      '法定代表人身份证件.jpg 拍摄信息（EXIF）：摄影时间 2026-03-16T09:05:12+08:00；设备 Demo Imaging GP-1600；240×320 像素，300 dpi，灰度',
    );
  });

  it('arrange: retention from the schedule, component order, 档号, a valid record', () => {
    expect(arranged.retention.retention?.code).toBe('D30');
    expect(arranged.archivalCode).toBe('Z109-WS·2026-D30-DJK-0001');
    expect(arranged.item.components.map((c) => c.kind)).toEqual([
      '依据性材料',
      '依据性材料',
      '结果性材料',
      '电子证照',
    ]);
    const record = arranged.record;
    expect(record.文件实体.电子属性.map((a) => a.计算机文件名)).toEqual(arranged.files.map((f) => f.name));
    expect(record.文件实体.档号).toMatchObject({
      全宗号: 'Z109',
      年度: '2026',
      保管期限: '定期30年',
      室编件号: 1,
    });
    expect(record.文件实体.形式特征.文件组合类型).toBe('组合文件');
    expect(record.文件实体.附注?.some((n) => n.includes('EXIF'))).toBe(true);
    expect(() => validateRecord(record, schemes.ywtb, { now })).not.toThrow();
    expect(arranged.catalogue).toHaveLength(1);
    expect(arranged.catalogue[0]).toMatchObject({ 档号: 'Z109-WS·2026-D30-DJK-0001', 日期: '20260318' });
  });

  it('package + tamper: the copy differs from the package in one byte of one PDF, which still opens', async () => {
    const signing = createDemoSigner(now);
    expect(sm2.parseCertificate(signing.certificate).subject).toBeDefined();
    const pkg = await packageCase(arranged, signing, { outDir: dir, now });
    expect(pkg.zipPath).toBe(join(dir, '310115202603160001.zip'));
    const pdfPath = pkg.result.items[0]!.files.find((f) => f.path.endsWith('.pdf'))!.path;
    const tampering = await tamperCopy(pkg.zipPath, join(dir, '篡改副本.zip'), pdfPath);
    const original = await entries(pkg.zipPath);
    const copy = await entries(tampering.zipPath);
    expect([...copy.keys()]).toEqual([...original.keys()]);
    for (const [path, bytes] of original) {
      const other = copy.get(path)!;
      if (path !== pdfPath) expect(other).toEqual(bytes);
      else {
        const differing = bytes.reduce((n, b, i) => n + (b === other[i] ? 0 : 1), 0);
        expect([other.length, differing]).toEqual([bytes.length, 1]);
        expect((await identifyFormat(other)).id).toBe('pdf');
      }
    }
    await expect(
      tamperCopy(pkg.zipPath, join(dir, 'x.zip'), pdfPath, '不存在的文字', '另一段文字！'),
    ).rejects.toThrow();
  });

  it.skipIf(!hasPdftotext)('makePdf writes Chinese text that pdftotext reads back', () => {
    const file = join(dir, 'form.pdf');
    writeFileSync(
      file,
      makePdf({ title: '申请书', author: '李某', lines: ['注册资本：人民币 100 万元'], created: now }),
    );
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text.status).toBe(0);
    expect(text.stdout.trim()).toBe('注册资本：人民币 100 万元');
  });
});

describe('summary lines', () => {
  const item = (id: string, status: CheckReport['items'][number]['status'], message?: string) => ({
    id,
    group: '1-1',
    property: 'authenticity' as const,
    name: `${id} 名称`,
    status,
    findings:
      message === undefined
        ? []
        : [{ code: 'X', severity: 'error' as const, message, messageEn: `en: ${message}`, path: 'a/b.pdf' }],
  });
  const report = {
    summary: { byStatus: { pass: 2, fail: 1, warning: 0, manual: 3, 'not-applicable': 0, error: 0 } },
    items: [
      item('GD-1-1', 'fail', `摘要不符：记录 ${'ab'.repeat(32)}`),
      item('GD-1-2', 'pass'),
      item('GD-4-5', 'manual'),
    ],
  } as unknown as CheckReport;

  it('counts the statuses that occur, in report order', () => {
    expect(passCounts(report, 'zh')).toBe('通过 2 项，不通过 1 项，待人工检测 3 项');
  });

  it('lists failing items with a shortened digest and the path', () => {
    expect(failingItems(report)).toEqual([`GD-1-1 GD-1-1 名称：摘要不符：记录 ${'ab'.repeat(6)}… (a/b.pdf)`]);
    expect(failingItems(report, 'en')[0]).toContain('en: 摘要不符');
  });
});
