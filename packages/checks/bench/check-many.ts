/**
 * 批量四性检测 benchmark: `runChecksMany` over 1,000 归档信息包 folders of about 1 MiB each (one 1 MiB content file
 * of pseudo-random bytes plus metadata, catalogue, registration form, readme and SM3 manifest), archiving
 * stage, every automatic item, no scanner, concurrency 2 (the machine's cores). Peer: one node:crypto SM3 pass
 * over exactly the same files (every entry of every package, 1 MiB reads, sequential) — what the checks cannot
 * avoid doing. Reports packages/s, MiB/s and the ratio of our time to the hashing time.
 *
 * Each measurement runs in a child process and reports its time from inside (start-up not counted) and its
 * peak RSS. Run: `cd packages/checks && npx tsx --conditions=@dangan/source bench/check-many.ts [--quick]`
 * (`--quick`: 100 packages).
 */

import { randomFillSync } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderSink, folderSource } from '@dangan/packaging/node';
import {
  benchRecord,
  type ChildReport,
  MiB,
  median,
  nodeSm3Files,
  printChildReport,
  runChild,
} from '../../../scripts/bench-support.js';
import { buildArchivalPackage } from '../../packaging/src/archival/index.js';
import { runChecksMany } from '../src/engine/run-many.js';

const record = (n: number, size: number) =>
  benchRecord(n, `申请材料（第${n}号）`, { name: 'data.bin', format: 'application/octet-stream', size });

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

async function childCheck(root: string, concurrency: number): Promise<void> {
  const dirs = readdirSync(root)
    .sort()
    .map((d) => join(root, d));
  const started = performance.now();
  let passed = 0;
  for await (const { report } of runChecksMany({
    stage: 'archiving',
    sources: dirs.map((d) => folderSource(d)),
    concurrency,
    now: () => new Date('2026-04-01T00:00:00Z'),
  })) {
    if (report.items.find((i) => i.id === 'GD-1-1')?.status === 'pass') passed++;
  }
  const ms = performance.now() - started;
  if (passed !== dirs.length) throw new Error(`fixity passed for ${passed} of ${dirs.length}`);
  printChildReport(ms);
}

function childHash(root: string): void {
  const files = walk(root);
  const started = performance.now();
  nodeSm3Files(files);
  printChildReport(performance.now() - started);
}

if (process.argv[2] === '--child-check') {
  await childCheck(process.argv[3]!, Number(process.argv[4]));
} else if (process.argv[2] === '--child-hash') {
  childHash(process.argv[3]!);
} else {
  const quick = process.argv.includes('--quick');
  const count = quick ? 100 : 1000;
  const concurrency = 2;
  const runs = quick ? 3 : 2;
  const root = mkdtempSync(join(tmpdir(), 'dangan-check-many-'));
  try {
    const content = new Uint8Array(MiB);
    for (let n = 1; n <= count; n++) {
      randomFillSync(content);
      await buildArchivalPackage(
        {
          items: [
            {
              record: record(n, content.length),
              files: [{ source: content, attributeIndex: 0, role: '数据' }],
            },
          ],
          registration: {
            单位名称: '上海市浦东新区市场监督管理局',
            归档电子文件门类: '文书',
            归档方式: '在线',
          },
          now: new Date('2026-03-20T02:00:00Z'),
        },
        folderSink(join(root, String(n).padStart(5, '0'))),
      );
    }
    const bytes = walk(root).reduce((sum, f) => sum + statSync(f).size, 0);
    const ours: ChildReport[] = [];
    const hashes: ChildReport[] = [];
    for (let r = 0; r < runs; r++) {
      ours.push(runChild(['--child-check', root, String(concurrency)]));
      hashes.push(runChild(['--child-hash', root]));
    }
    const t = median(ours.map((x) => x.ms)) / 1000;
    const th = median(hashes.map((x) => x.ms)) / 1000;
    console.log(
      `### 批量四性检测: ${count} 归档信息包 of ~1 MiB (${(bytes / MiB).toFixed(0)} MiB in all), archiving stage, concurrency ${concurrency}, median of ${runs}\n`,
    );
    console.log('| run | time (s) | packages/s | MiB/s | ratio to hashing | peak RSS (MiB) |');
    console.log('|---|---:|---:|---:|---:|---:|');
    console.log(
      `| dangan runChecksMany (folderSource) | ${t.toFixed(2)} | ${(count / t).toFixed(0)} | ${(bytes / MiB / t).toFixed(0)} | ${(t / th).toFixed(2)}× | ${Math.max(...ours.map((x) => x.maxRssMiB)).toFixed(0)} |`,
    );
    console.log(
      `| peer: node:crypto SM3 over the same files | ${th.toFixed(2)} | ${(count / th).toFixed(0)} | ${(bytes / MiB / th).toFixed(0)} | 1.00× | ${Math.max(...hashes.map((x) => x.maxRssMiB)).toFixed(0)} |`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
