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
  件: { 档号: string; 办件编号: string; 路径: string; 文件数: number; 元数据数: number }[];
}
interface Inventory {
  在线: Receipt;
  离线: { 载体: Receipt[]; 合计: Counts; 发现项: unknown[] };
  登记表: Record<
    '在线' | '离线',
    { 移交电子档案数量: Counts & { 卷数: number }; 载体: { 载体编号: string }[] }
  >;
  未列入: { name: string; reason: string; 办件编号: string }[];
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
  it('files each 办件 with the stock layout (renamed content files, its own 说明文件, 清单, 目录, 登记表)', () => {
    for (const n of [...TRANSFERRED, ...KEPT]) {
      const dir = join(out, '归档信息包', n);
      for (const part of [
        '说明文件.txt',
        '归档文件目录.xml',
        '归档登记表.xml',
        '归档信息包清单.xml',
        '元数据.xml',
      ])
        expect(existsSync(join(dir, part)), `${n}/${part}`).toBe(true);
      const content = readdirRecursive(join(dir, '电子文件'));
      expect(content.length).toBeGreaterThan(0);
      for (const p of content) expect(p).toMatch(/-\d{3}-[^/]+\.(pdf|jpg)$/u);
    }
  });

  it('selects the 件 kept 30 years or more and says why the others stay', () => {
    const inv = inventory();
    // Two 件 per 办件 left with the agency, each named by its 档号.
    expect(inv.未列入.map((e) => [e.办件编号, e.reason])).toEqual(
      KEPT.flatMap((n) => [n, n]).map((n) => [n, 'retention-below-minimum']),
    );
    for (const e of inv.未列入) expect(e.name).toMatch(/^Z109-WS·2026-D10-DJK-\d{4}$/u);
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
    // Two 件 of each selected 办件, each with its record (元数据.xml) and its EEP.
    const cases = inv.在线.件.map((c) => c.办件编号);
    expect([...new Set(cases)].sort()).toEqual(TRANSFERRED);
    for (const n of TRANSFERRED) expect(cases.filter((c) => c === n)).toHaveLength(2);
    for (const c of inv.在线.件) expect(c.元数据数).toBe(2);
    // The ZIP holds exactly the selected 件, under their own file names, and none of the 归档 documents.
    const { source } = await openPackagePath(join(out, '移交', '在线移交包.zip'));
    try {
      const paths = (await source.list()).map((e) => e.path);
      for (const c of inv.在线.件) {
        expect(paths).toContain(`${c.路径}/元数据.xml`);
        expect(paths).toContain(`${c.路径}/${c.档号}.xml`);
      }
      for (const e of inventory().未列入) expect(paths.some((p) => p.includes(e.name))).toBe(false);
      const records = paths.filter((p) => p.startsWith('电子档案/'));
      expect(records.some((p) => p.endsWith('/现场核查照片1.jpg'))).toBe(true);
      expect(records.filter((p) => /归档|清单|说明文件|-\d{3}-/u.test(p))).toEqual([]);
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
    const onCarriers = inv.离线.载体.flatMap((c) => c.件.map((x) => x.档号));
    expect(onCarriers.sort()).toEqual(inv.在线.件.map((x) => x.档号).sort());
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
      // Signatures (固化信息), structure, consistency with the 登记表 and the digest sheet, the links from
      // records to files, formats and 件号 continuity (on a later carrier too) pass.
      for (const id of [
        'YJ-1-1',
        'YJ-1-10',
        'YJ-1-12',
        'YJ-1-13',
        'YJ-2-1',
        'YJ-2-2',
        'YJ-2-6',
        'YJ-2-7',
        'YJ-2-8',
        'YJ-3-2',
        'YJ-3-7',
      ]) {
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
        (p) => p.startsWith('电子档案/') && p.endsWith('.pdf') && !p.includes('申请书'),
      )!;
      rmSync(join(copy, decision));

      const received = await receiveCarrier('被改动的载体', folderSource(copy));
      expect(received.inventory.digest?.matches).toBe(false);
      const codes = received.inventory.findings.map((f) => [f.code, f.path]);
      expect(codes).toContainEqual(['TRANSFER_FILE_CHANGED', photo]);
      expect(codes).toContainEqual(['TRANSFER_FILE_MISSING', decision]);
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
