import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CheckReport, reportJsonSchema } from '@dangan/checks';
import { identifyFormat, readAll } from '@dangan/core';
import { type ArchivalPackageReading, readArchivalPackage } from '@dangan/packaging';
import { openPackagePath } from '@dangan/packaging/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const has = (command: string, probe: string[]) => spawnSync(command, probe).error === undefined;
const hasUnzip = has('unzip', ['-v']);
const hasDjpeg = has('djpeg', ['-version']);

// ajv is CommonJS; createRequire sidesteps its default-export interop under ESM.
const Ajv2020 = createRequire(import.meta.url)(
  'ajv/dist/2020.js',
) as typeof import('ajv/dist/2020.js').default;

const ZIP = '310115202603160001.zip';

interface Run {
  readonly out: string;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function runDemo(args: readonly string[]): Run {
  const out = mkdtempSync(join(tmpdir(), 'dangan-ywtb-test-'));
  made.push(out);
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@dangan/source',
      join(here, '..', 'main.ts'),
      '--',
      '--out',
      out,
      ...args,
    ],
    { encoding: 'utf8', cwd: join(here, '..') },
  );
  return { out, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function readPackage(
  path: string,
): Promise<{ reading: ArchivalPackageReading; bytes: Map<string, Uint8Array> }> {
  const { source } = await openPackagePath(path);
  try {
    const reading = await readArchivalPackage(source);
    const bytes = new Map<string, Uint8Array>();
    for (const { path: entry } of await source.list())
      bytes.set(entry, await readAll(source.read(entry), { maxBytes: 16 * 1024 * 1024 }));
    return { reading, bytes };
  } finally {
    await source.close();
  }
}

const report = (out: string, name: string) =>
  JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')) as CheckReport;

describe('pnpm demo (yiwangtongban)', () => {
  let run: Run;
  beforeAll(() => {
    run = runDemo([]);
  });

  it('exits 0 and prints each step, the 档号, the package and the report paths', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    for (const step of ['✓ 1 收集', '✓ 2 捕获', '✓ 3 整理', '✓ 4 封装', '✓ 5 检测', '✓ 6 篡改', '✓ 7 再检测'])
      expect(lines.some((l) => l.startsWith(step))).toBe(true);
    expect(run.stdout).toContain('档号 Z109-WS·2026-D30-DJK-0001');
    expect(run.stdout).toContain('保管期限 定期30年');
    expect(run.stdout).toContain(join(run.out, ZIP));
    expect(run.stdout).toContain(join(run.out, '检测报告.html'));
    expect(run.stdout).toContain(join(run.out, '篡改副本.zip'));
    expect(run.stdout).toContain(join(run.out, '篡改副本-检测报告.html'));
    expect(run.stdout).toContain('篡改被发现');
    expect(run.stdout).toMatch(/✗ GD-1-1 .*设立登记申请书\.pdf/);
  });

  it.skipIf(!hasUnzip)('writes ZIPs that unzip -t accepts', () => {
    for (const zip of [ZIP, '篡改副本.zip']) {
      const t = spawnSync('unzip', ['-t', join(run.out, zip)], { encoding: 'utf8' });
      expect(t.status, t.stdout + t.stderr).toBe(0);
      expect(t.stdout).toContain('No errors detected');
    }
  });

  it('packages real files: the PDF and OFD are identified, the EEP is signed, the manifest lists them', async () => {
    const { reading, bytes } = await readPackage(join(run.out, ZIP));
    expect(reading.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const item = reading.items[0]!;
    expect(item.archivalCode).toBe('Z109-WS·2026-D30-DJK-0001');
    expect(item.files.map((f) => f.path.split('/').at(-1))).toEqual([
      'Z109-WS·2026-D30-DJK-0001-001-设立登记申请书.pdf',
      'Z109-WS·2026-D30-DJK-0001-002-法定代表人身份证件.jpg',
      'Z109-WS·2026-D30-DJK-0001-003-准予设立登记通知书.ofd',
    ]);
    const pdf = await identifyFormat(bytes.get(item.files[0]!.path)!);
    expect([pdf.id, pdf.version]).toEqual(['pdf', '1.7']);
    const ofd = await identifyFormat(bytes.get(item.files[2]!.path)!);
    expect(ofd.id).toBe('ofd');
    const eep = new TextDecoder().decode(bytes.get(item.eep!.path)!);
    expect(eep).toContain('<签名算法标识>1.2.156.10197.1.501</签名算法标识>');
    expect(eep).toContain('锁定签名');
  });

  it('captured the photo EXIF into the record in the package metadata', async () => {
    const { reading } = await readPackage(join(run.out, ZIP));
    const record = reading.items[0]!.record as {
      文件实体: { 附注: string[]; 电子属性: { 计算机文件名: string; 文档创建程序?: string }[] };
    };
    const note = record.文件实体.附注.find((n) => n.includes('EXIF'));
    expect(note).toContain('摄影时间 2026-03-16T09:05:12+08:00');
    expect(note).toContain('设备 Demo Imaging GP-1600');
    expect(note).toContain('240×320 像素');
    const jpeg = record.文件实体.电子属性.find((a) => a.计算机文件名.endsWith('.jpg'));
    expect(jpeg?.文档创建程序).toBe('YWTB Counter Capture 2.1'); // EXIF Software
  });

  it.skipIf(!hasDjpeg)('writes a JPEG that djpeg decodes', async () => {
    const { reading, bytes } = await readPackage(join(run.out, ZIP));
    const path = reading.items[0]!.files.find((f) => f.path.endsWith('.jpg'))!.path;
    const file = join(run.out, 'photo-for-djpeg.jpg');
    writeFileSync(file, bytes.get(path)!);
    const decoded = spawnSync('djpeg', [file]);
    expect(decoded.status, String(decoded.stderr)).toBe(0);
    expect(decoded.stdout.subarray(0, 14).toString('latin1')).toBe('P5\n240 320\n255');
  });

  it('writes a report that the JSON Schema accepts and that passes; the HTML beside it', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(
      reportJsonSchema,
    );
    const clean = report(run.out, '检测报告');
    expect(validate(clean), JSON.stringify(validate.errors)).toBe(true);
    expect(clean.stage).toBe('archiving');
    expect(clean.summary.passed).toBe(true);
    const fixity = clean.items.find((i) => i.id === 'GD-1-1');
    expect(fixity?.status).toBe('pass');
    // The EEP's SM2 signatures verified, their certificate chained to the demo CA given as trust anchor.
    expect(fixity?.findings.map((f) => f.code)).not.toContain('CHECK_CERTIFICATE_CHAIN_NOT_CHECKED');
    expect(clean.items.find((i) => i.id === 'GD-1-14')?.status).toBe('pass'); // the registered package digest
    expect(clean.items.every((i) => i.status !== 'fail' && i.status !== 'error')).toBe(true);
    const html = readFileSync(join(run.out, '检测报告.html'), 'utf8');
    expect(html.slice(0, 15)).toBe('<!DOCTYPE html>');
    expect(html.includes('<code class="item-id">GD-1-1</code>')).toBe(true);
  });

  it('the tampered copy fails, and the failing items name the tampered file', () => {
    const tampered = report(run.out, '篡改副本-检测报告');
    expect(tampered.summary.passed).toBe(false);
    const failed = tampered.items.filter((i) => i.status === 'fail');
    expect(failed.map((i) => i.id)).toContain('GD-1-1');
    for (const item of failed)
      expect(item.findings.some((f) => f.path?.endsWith('-001-设立登记申请书.pdf'))).toBe(true);
  });
});

describe('pnpm demo -- --lang en', () => {
  it('prints English lines and writes English reports', () => {
    const run = runDemo(['--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('✓ 3 arrange');
    expect(run.stdout).toContain('archival code Z109-WS·2026-D30-DJK-0001');
    expect(run.stdout).toMatch(/✗ GD-1-1 .*SM3/);
    const html = readFileSync(join(run.out, '检测报告.html'), 'utf8');
    expect(html.slice(0, 200)).toContain('lang="en"');
    expect(html).toContain('<h1>Four-property check report: Archiving</h1>');
  });
});
