import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { folderSource, openPackagePath } from '@dangan/packaging/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveCarrier } from '../src/receive.js';

const here = dirname(fileURLToPath(import.meta.url));
const TRANSFERRED = ['310115202603020001', '310115202603050002', '310115202603120004'];
const KEPT = ['310115202603090003', '310115202603160005'];

interface Counts {
  件数: number;
  文件数: number;
  元数据数: number;
  字节数: number;
}
interface Receipt {
  载体编号?: string;
  合计: Counts;
  数字摘要?: { matches: boolean; actual: string; registered?: string };
  发现项: unknown[];
  办件: { 办件编号: string; 合计: Counts; 登记?: Partial<Counts>; 发现项: unknown[] }[];
}
interface Inventory {
  在线: Receipt;
  离线: { 载体: Receipt[]; 合计: Counts; 发现项: unknown[] };
  登记表: Record<
    '在线' | '离线',
    { 移交电子档案数量: Counts & { 卷数: number }; 载体: { 载体编号: string }[] }
  >;
  未列入: { name: string; reason: string }[];
}
interface Report {
  stage: string;
  summary: { total: number; byStatus: Record<string, number> };
  items: { id: string; status: string }[];
}

let out = '';
let stdout = '';

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'dangan-receive-test-'));
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=@dangan/source', join(here, '..', 'main.ts'), '--', '--out', out],
    { encoding: 'utf8', cwd: join(here, '..') },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  stdout = run.stdout;
}, 120_000);

afterAll(() => {
  if (out !== '') rmSync(out, { recursive: true, force: true });
});

const inventory = (): Inventory => JSON.parse(readFileSync(join(out, '接收清点.json'), 'utf8')) as Inventory;
const report = (name: string): Report =>
  JSON.parse(readFileSync(join(out, '检测报告', `${name}.json`), 'utf8')) as Report;

describe('receive-transfer example', () => {
  it('selects the 办件 kept 30 years or more and says why the others stay', () => {
    const inv = inventory();
    expect(inv.未列入.map((e) => [e.name, e.reason])).toEqual(
      KEPT.map((n) => [n, 'retention-below-minimum']),
    );
    for (const n of KEPT) expect(stdout).toContain(`未列入 ${n}`);
    expect(inv.登记表.在线.移交电子档案数量).toMatchObject({ 件数: 6, 卷数: 0 });
    expect(inv.登记表.离线.移交电子档案数量).toEqual(inv.登记表.在线.移交电子档案数量);
  });

  it('takes inventory of the online package: totals agree with the 登记表 and the carrier digest', async () => {
    const inv = inventory();
    const registered = inv.登记表.在线.移交电子档案数量;
    expect(inv.在线.合计).toEqual({
      件数: registered.件数,
      文件数: registered.文件数,
      元数据数: registered.元数据数,
      字节数: registered.字节数,
    });
    expect(inv.在线.数字摘要?.matches).toBe(true);
    expect(inv.在线.数字摘要?.actual).toBe(inv.在线.数字摘要?.registered);
    expect(inv.在线.发现项).toEqual([]);
    // Each 办件 on it, inventoried as a 归档信息包 through the reader hook, agrees with its 归档登记表 and manifest.
    expect(inv.在线.办件.map((c) => c.办件编号).sort()).toEqual(TRANSFERRED);
    for (const c of inv.在线.办件) {
      expect(c.发现项).toEqual([]);
      expect(c.合计.件数).toBe(2);
      expect(c.登记).toEqual({ 件数: c.合计.件数, 文件数: c.合计.文件数, 字节数: c.合计.字节数 });
    }
    // The ZIP holds exactly the selected 办件.
    const { source } = await openPackagePath(join(out, '移交', '在线移交包.zip'));
    try {
      const paths = (await source.list()).map((e) => e.path);
      for (const n of TRANSFERRED) expect(paths.some((p) => p.includes(`/${n}/`))).toBe(true);
      for (const n of KEPT) expect(paths.some((p) => p.includes(n))).toBe(false);
    } finally {
      await source.close();
    }
  });

  it('splits the offline transfer across 5MB carriers, each complete, together equal to the online one', () => {
    const inv = inventory();
    const carriers = readdirSync(join(out, '移交', '离线')).sort();
    expect(carriers.length).toBeGreaterThan(1);
    const registered = inv.登记表.离线.载体.map((c) => c.载体编号);
    expect(carriers).toEqual(registered.map((n) => `载体${n}`));
    expect(inv.离线.载体.map((c) => c.载体编号)).toEqual(registered);
    for (const c of inv.离线.载体) {
      expect(c.数字摘要?.matches).toBe(true);
      expect(c.发现项).toEqual([]);
      expect(existsSync(join(out, '移交', '离线', `载体${c.载体编号}`, '说明文件.TXT'))).toBe(true);
    }
    expect(inv.离线.合计).toEqual(inv.在线.合计);
    expect(inv.离线.发现项).toEqual([]);
    expect(inv.离线.载体.flatMap((c) => c.办件.map((x) => x.办件编号)).sort()).toEqual(TRANSFERRED);
  });

  it('runs the 移交与接收 checks on every package and writes JSON and HTML reports', () => {
    const names = ['在线移交包', ...inventory().离线.载体.map((c) => `载体${c.载体编号}`)];
    for (const name of names) {
      const r = report(name);
      expect(r.stage).toBe('transfer');
      expect(r.items.every((i) => i.id.startsWith('YJ-'))).toBe(true);
      expect(r.summary.total).toBe(r.items.length);
      // Nothing fails; without a virus scanner the virus item is an error, never a pass.
      expect(r.summary.byStatus.fail).toBe(0);
      expect(r.items.find((i) => i.id === 'YJ-4-2')?.status).toBe('error');
      // Signatures (固化信息), structure, consistency with the 登记表 and the digest sheet pass.
      for (const id of ['YJ-1-1', 'YJ-1-12', 'YJ-1-13', 'YJ-2-1', 'YJ-2-2', 'YJ-2-7']) {
        expect([id, r.items.find((i) => i.id === id)?.status]).toEqual([id, 'pass']);
      }
      const html = readFileSync(join(out, '检测报告', `${name}.html`), 'utf8');
      expect(html).toContain('<!DOCTYPE html>');
      expect(html).toContain('移交与接收环节四性检测报告');
      expect(html).toContain(name.startsWith('载体') ? `载体 ${name.slice(2)}` : name);
    }
    expect(stdout).toContain('5. 移交与接收检测');
  });

  it('catches a changed byte and a missing file on a received carrier', async () => {
    const first = inventory().离线.载体[0]!;
    const copy = mkdtempSync(join(tmpdir(), 'dangan-receive-tamper-'));
    try {
      cpSync(join(out, '移交', '离线', `载体${first.载体编号}`), copy, { recursive: true });
      const files = readdirRecursive(copy);
      const photo = files.find((p) => p.endsWith('现场核查照片1.jpg'))!;
      const bytes = readFileSync(join(copy, photo));
      const at = bytes.length >> 1;
      bytes[at] = bytes[at]! ^ 0x01;
      writeFileSync(join(copy, photo), bytes);
      const decision = files.find(
        (p) => p.includes('/电子文件/') && p.endsWith('.pdf') && !p.includes('申请书'),
      )!;
      rmSync(join(copy, decision));

      const received = await receiveCarrier('被改动的载体', folderSource(copy));
      expect(received.inventory.digest?.matches).toBe(false);
      const codes = received.inventory.findings.map((f) => [f.code, f.path]);
      expect(codes).toContainEqual(['TRANSFER_FILE_CHANGED', photo]);
      expect(codes).toContainEqual(['TRANSFER_FILE_MISSING', decision]);
      // The reader hook sees the 归档信息包 lose a file its manifest lists.
      const inner = received.cases.flatMap((c) => c.inventory.findings.map((f) => f.code));
      expect(inner).toContain('ARCHIVAL_FILE_MISSING');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

function readdirRecursive(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1));
}
