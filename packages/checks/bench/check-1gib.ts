/**
 * 四性检测 benchmark: `runChecks` at the archiving stage (every automatic item, no virus scanner) on a 归档信息包
 * folder holding one 1 GiB content file of pseudo-random bytes, its metadata, catalogue, registration form,
 * readme and SM3 manifest. Peers, over the same content file: `openssl dgst -sm3` and a node:crypto SM3 pass
 * (1 MiB reads), each a single native SM3 pass. Targets: our time ≤ 1.25× one native SM3 pass (openssl's, the
 * native ceiling), peak RSS ≤ 200 MiB.
 *
 * Each measurement runs in a child process (same Node flags) that reports its own time from inside (Node and
 * tsx start-up not counted) and its peak RSS (`process.resourceUsage().maxRSS`). openssl's time includes its
 * process start-up (milliseconds). The file is written once and read from the page cache by every run; runs
 * alternate so that none is favoured by the cache.
 *
 * Run: `cd packages/checks && npx tsx --conditions=@dangan/source bench/check-1gib.ts [--quick]` (`--quick`: 128 MiB).
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromFile } from '@dangan/core/node';
import { folderSink, folderSource } from '@dangan/packaging/node';
import { buildArchivalPackage } from '../../packaging/src/archival/index.js';
import { runChecks } from '../src/engine/run-checks.js';

const MiB = 1024 * 1024;

function record(size: number) {
  const id = '310115-MSC-2026-000888-01';
  return {
    文件实体: {
      聚合层次: '文件',
      来源: { 立档单位名称: '上海市浦东新区市场监督管理局' },
      电子文件号: id,
      档号: { 全宗号: 'Z109', 年度: '2026', 保管期限: '永久', 机构或问题: 'DJK', 室编件号: 888 },
      内容描述: {
        题名: '现场核查数据',
        责任者: '上海市浦东新区市场监督管理局',
        日期: '2026-03-18',
        密级: '公开',
      },
      形式特征: { 文件组合类型: '单件', 语种: '汉语' },
      电子属性: [{ 格式信息: 'application/octet-stream', 计算机文件名: 'data.bin', 计算机文件大小: size }],
      存储位置: { 当前位置: 'oss://archives/2026/888/', 脱机载体编号: ['在线'] },
      权限管理: { 控制标识: '控制' },
    },
    机构人员实体: [{ 机构人员标识符: 'A1', 机构人员名称: '登记注册科' }],
    业务实体: [
      {
        业务标识符: 'B1',
        机构人员标识符: 'A1',
        文件标识符: id,
        业务状态: '历史行为',
        业务行为: '归档',
        行为时间: '2026-03-20T10:00:00+08:00',
      },
    ],
    办件: {
      事项编码: '310115000000-JYXK-0001',
      事项名称: '企业设立登记',
      办件编号: '310115202603160888',
      受理时间: '2026-03-16T09:12:40+08:00',
    },
  };
}

type ChildResult = { ms: number; maxRssMiB: number; detail?: string };

async function childCheck(dir: string): Promise<void> {
  const started = performance.now();
  const report = await runChecks({
    stage: 'archiving',
    source: folderSource(dir),
    now: () => new Date('2026-04-01T00:00:00Z'),
  });
  const ms = performance.now() - started;
  const fixity = report.items.find((i) => i.id === 'GD-1-1');
  if (fixity?.status !== 'pass') throw new Error(`fixity did not pass: ${JSON.stringify(fixity)}`);
  const statuses = report.items.map((i) => `${i.id}:${i.status}`).join(' ');
  console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, detail: statuses }));
}

function childNodeSm3(file: string): void {
  const started = performance.now();
  const hash = createHash('sm3');
  const fd = openSync(file, 'r');
  const buffer = new Uint8Array(MiB);
  for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  closeSync(fd);
  hash.digest('hex');
  console.log(
    JSON.stringify({ ms: performance.now() - started, maxRssMiB: process.resourceUsage().maxRSS / 1024 }),
  );
}

function runChild(args: string[]): ChildResult {
  const c = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (c.status !== 0) throw new Error(`child failed: ${c.stderr}`);
  return JSON.parse(c.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

if (process.argv[2] === '--child-check') {
  await childCheck(process.argv[3]!);
} else if (process.argv[2] === '--child-sm3') {
  childNodeSm3(process.argv[3]!);
} else {
  const quick = process.argv.includes('--quick');
  const size = quick ? 128 * MiB : 1024 * MiB;
  const runs = 3;
  const work = mkdtempSync(join(tmpdir(), 'dangan-check-bench-'));
  const content = join(work, 'data.bin');
  const pkgDir = join(work, 'pkg');
  try {
    const fd = openSync(content, 'w');
    const block = new Uint8Array(MiB);
    for (let written = 0; written < size; written += MiB) writeSync(fd, randomFillSync(block));
    closeSync(fd);
    await buildArchivalPackage(
      {
        items: [
          { record: record(size), files: [{ source: fromFile(content), attributeIndex: 0, role: '数据' }] },
        ],
        registration: {
          单位名称: '上海市浦东新区市场监督管理局',
          归档电子文件门类: '文书',
          归档方式: '在线',
        },
        now: new Date('2026-03-20T02:00:00Z'),
      },
      folderSink(pkgDir),
    );
    const stored = join(
      pkgDir,
      '电子文件',
      spawnSync('ls', [join(pkgDir, '电子文件')], { encoding: 'utf8' }).stdout.trim(),
    );
    const file = join(stored, spawnSync('ls', [stored], { encoding: 'utf8' }).stdout.trim());
    if (statSync(file).size !== size) throw new Error('content file not where expected');

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ours: ChildResult[] = [];
    const node: ChildResult[] = [];
    const openssl: number[] = [];
    for (let r = 0; r < runs; r++) {
      ours.push(runChild(['--child-check', pkgDir]));
      node.push(runChild(['--child-sm3', file]));
      const started = performance.now();
      const o = spawnSync('openssl', ['dgst', '-sm3', file], { encoding: 'utf8' });
      if (o.status !== 0) throw new Error(`openssl failed: ${o.stderr}`);
      openssl.push(performance.now() - started);
    }
    const t = median(ours.map((x) => x.ms)) / 1000;
    const tn = median(node.map((x) => x.ms)) / 1000;
    const to = median(openssl) / 1000;
    const rss = Math.max(...ours.map((x) => x.maxRssMiB));
    const ratio = t / to;
    const label = quick ? '128 MiB' : '1 GiB';
    console.log(
      `### 四性检测: 归档信息包 with one ${label} content file, archiving stage, every automatic item, median of ${runs}\n`,
    );
    console.log(
      '| run | time (s) | MiB/s | ratio to openssl | ratio to node:crypto | peak RSS (MiB) | target |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---|');
    console.log(
      `| dangan runChecks (folderSource) | ${t.toFixed(2)} | ${(size / MiB / t).toFixed(0)} | ${ratio.toFixed(2)}× | ${(t / tn).toFixed(2)}× | ${rss.toFixed(0)} | ≤ 1.25× one native SM3 pass: ${ratio <= 1.25 ? 'met' : 'NOT met'}; RSS ≤ 200 MiB: ${rss <= 200 ? 'met' : 'NOT met'} |`,
    );
    console.log(
      `| peer: openssl dgst -sm3 | ${to.toFixed(2)} | ${(size / MiB / to).toFixed(0)} | 1.00× | ${(to / tn).toFixed(2)}× | — | |`,
    );
    console.log(
      `| peer: node:crypto SM3, 1 MiB reads | ${tn.toFixed(2)} | ${(size / MiB / tn).toFixed(0)} | ${(tn / to).toFixed(2)}× | 1.00× | ${Math.max(...node.map((x) => x.maxRssMiB)).toFixed(0)} | |`,
    );
    console.log(`\nItem statuses (first run): ${ours[0]!.detail}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
