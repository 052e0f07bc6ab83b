import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArchivalPackage, zipSink } from '@dangan/packaging';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FileSpec, xmlLike, ywtbRecord } from '../../../packages/packaging/test/archival/fixtures.js';
import { makeJpeg } from '../../yiwangtongban/src/files/jpeg.js';
import { makePdf } from '../../yiwangtongban/src/files/pdf.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const CHROMIUM = '/usr/bin/chromium';

/** Installs Debian's chromium when it is missing and we may (root, apt); CI's .ci/run installs it too. */
function ensureChromium(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.getuid?.() !== 0) return 'chromium is not installed and this user cannot install it';
  const apt = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return existsSync(CHROMIUM) ? undefined : `apt-get install chromium failed: ${apt.stderr.slice(-300)}`;
}

const missing = ensureChromium();
if (missing !== undefined && process.env.CI) throw new Error(missing);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

describe.skipIf(missing !== undefined)('browser checker (Vite build, headless Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let url: string;
  const work = mkdtempSync(join(tmpdir(), 'dangan-browser-'));
  const dist = join(work, 'dist');
  const requests: string[] = [];

  beforeAll(async () => {
    await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(
        /^(\.\.[/\\])+/,
        '',
      );
      const file = join(dist, path === '/' ? 'index.html' : path);
      if (!file.startsWith(dist) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    rmSync(work, { recursive: true, force: true });
  });

  async function packageZip(tamper: boolean): Promise<string> {
    const input = validCase();
    const sink = zipSink();
    const bytes = (await buildArchivalPackage(input, sink)).written.bytes!;
    let out = bytes;
    if (tamper) {
      // Flip one byte inside the stored PDF: the manifest's SM3 (and the ZIP CRC) no longer match.
      out = bytes.slice();
      const at = indexOf(out, new TextEncoder().encode('%PDF-')) + 200;
      expect(at).toBeGreaterThan(200);
      out[at] = (out[at]! ^ 0xff) & 0xff;
    }
    const file = join(work, tamper ? '篡改的信息包.zip' : '信息包.zip');
    writeFileSync(file, out);
    return file;
  }

  async function checkInPage(file: string): Promise<{ result: string; status: string; report: string }> {
    const page = await browser.newPage();
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(url) && !r.url().startsWith('about:') && !r.url().startsWith('data:'))
        external.push(r.url());
    });
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') uploads.push(`${r.method()} ${r.url()}`);
    });
    await page.goto(url);
    await page.setInputFiles('#file', file);
    await page.waitForFunction(
      () => ['passed', 'failed', 'error'].includes(document.getElementById('status')?.dataset.result ?? ''),
      undefined,
      { timeout: 120_000 },
    );
    const result = (await page.getAttribute('#status', 'data-result')) ?? '';
    const status = (await page.textContent('#status')) ?? '';
    const report = (await page.frameLocator('#report').locator('body').textContent()) ?? '';
    await page.close();
    expect(external, 'no request leaves the page').toEqual([]);
    expect(uploads, 'nothing is uploaded').toEqual([]);
    return { result, status, report };
  }

  it('checks a valid 归档信息包 locally and renders the Chinese report', async () => {
    const { result, status, report } = await checkInPage(await packageZip(false));
    if (!status.includes('检测通过')) console.log(report.slice(0, 6000));
    expect(status).toContain('检测通过');
    expect(result).toBe('passed');
    expect(report).toContain('四性检测报告');
    for (const property of ['真实性', '完整性', '可用性', '安全性']) expect(report).toContain(property);
    expect(report).toContain('GD-1-1');
    expect(report).toContain('浏览器中不能运行病毒扫描引擎');
  }, 180_000);

  it('shows the failing fixity item for a tampered package, naming the file', async () => {
    const { result, report } = await checkInPage(await packageZip(true));
    expect(result).toBe('failed');
    expect(report).toMatch(/GD-1-1[\s\S]*不通过/);
    expect(report).toMatch(/\.pdf/);
  }, 180_000);
});

/** A 办件 of three 件 with real, valid files (a PDF, a JPEG with EXIF, an XML form). */
function validCase(): Parameters<typeof buildArchivalPackage>[0] {
  const pdf = makePdf({
    title: '设立登记申请书',
    author: '上海某某科技有限公司',
    lines: ['Application for company registration', 'Applicant: Shanghai Example Tech Co., Ltd.'],
    created: new Date('2026-03-16T01:12:40Z'),
  });
  const jpeg = makeJpeg(64, 48, (x, y) => 80 + ((x * 3 + y * 2) % 160), {
    make: 'dangan',
    model: 'demo camera',
    dateTime: '2026:03:16 09:20:00',
  });
  const files: FileSpec[][] = [
    [
      {
        name: '设立登记申请书.pdf',
        format: 'PDF, 1.7, application/pdf',
        bytes: pdf,
        material: '设立登记申请书',
      },
    ],
    [{ name: '营业场所照片.jpg', format: 'JPEG, 1.01, image/jpeg', bytes: jpeg, material: '营业场所照片' }],
    [{ name: '申请表.xml', format: 'XML, 1.0, application/xml', bytes: xmlLike() }],
  ];
  const titles = ['设立登记申请书', '营业场所照片', '设立登记申请表（数据）'];
  return {
    items: files.map((fs, i) => ({
      record: ywtbRecord(i + 1, titles[i]!, fs, i === 2 ? {} : { pages: 1 }),
      files: fs.map((f, j) => ({ source: f.bytes, attributeIndex: j })),
    })),
    registration: { 单位名称: '上海市浦东新区市场监督管理局', 归档电子文件门类: '文书', 归档方式: '在线' },
    now: new Date('2026-03-20T02:00:00Z'),
  };
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}
