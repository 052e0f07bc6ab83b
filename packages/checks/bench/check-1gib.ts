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
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromFile } from '@dangan/core/node';
import { folderSink, folderSource } from '@dangan/packaging/node';
import {
  benchRecord,
  type ChildReport,
  MiB,
  median,
  nodeSm3Files,
  printChildReport,
  runChild,
  timed,
  writeRandomFile,
} from '../../../scripts/bench-support.js';
import { buildArchivalPackage } from '../../packaging/src/archival/index.js';
import { runChecks } from '../src/engine/run-checks.js';

const record = (size: number) =>
  benchRecord(
    888,
    '现场核查数据',
    { name: 'data.bin', format: 'application/octet-stream', size },
    '310115202603160888',
  );

type ChildResult = ChildReport & { detail?: string };

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
  printChildReport(ms, { detail: report.items.map((i) => `${i.id}:${i.status}`).join(' ') });
}

function childNodeSm3(file: string): void {
  const started = performance.now();
  nodeSm3Files([file]);
  printChildReport(performance.now() - started);
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
    writeRandomFile(content, size);
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

    const ours: ChildResult[] = [];
    const node: ChildResult[] = [];
    const openssl: number[] = [];
    for (let r = 0; r < runs; r++) {
      ours.push(runChild<ChildResult>(['--child-check', pkgDir]));
      node.push(runChild(['--child-sm3', file]));
      openssl.push(
        timed(() => {
          const o = spawnSync('openssl', ['dgst', '-sm3', file], { encoding: 'utf8' });
          if (o.status !== 0) throw new Error(`openssl failed: ${o.stderr}`);
        }),
      );
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
