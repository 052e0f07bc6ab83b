/**
 * 归档信息包 benchmark: one 1 GiB video (pseudo-random bytes, `.mp4` so the ZIP stores it) packaged by
 * `buildArchivalPackage` into a ZIP file (`zipFileSink`) with its SM3 manifest — one read of the video feeding
 * SM3 (native node:crypto through core's createHasher) and CRC-32 (native zlib through core's createCrc32), in
 * 1 MiB chunks. Peer: `zip -0 out.zip video.mp4` then `openssl dgst -sm3 video.mp4`, run one after the other
 * (two reads). Targets: our time ≤ peer time / 0.8 (≥ 0.8× the peer's speed) and peak RSS ≤ 200 MiB.
 *
 * Ours runs in a child process (same Node flags) that reports its build time (from inside, so Node and tsx
 * start-up are not counted) and its peak RSS (`process.resourceUsage().maxRSS`). The peer's time includes its
 * two process start-ups (milliseconds). The video is generated once and read from the page cache by both.
 *
 * Run: `cd packages/packaging && npx tsx --conditions=@dangan/source bench/archival-1gib-video.ts [--quick]`
 * (`--quick`: 128 MiB).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromFile } from '@dangan/core/node';
import {
  benchRecord,
  type ChildReport,
  MiB,
  median,
  printChildReport,
  runChild,
  timed,
  writeRandomFile,
} from '../../../scripts/bench-support.js';
import { buildArchivalPackage } from '../src/archival/index.js';
import { zipFileSink } from '../src/node/index.js';

/** The child: builds the package and prints `{ ms, maxRssMiB, sm3, zipSize }`. */
async function child(video: string, out: string): Promise<void> {
  const record = benchRecord(
    777,
    '现场核查录像',
    { name: 'video.mp4', format: 'MPEG-4, video/mp4', size: statSync(video).size },
    '310115202603160777',
  );
  const started = performance.now();
  const result = await buildArchivalPackage(
    {
      items: [{ record, files: [{ source: fromFile(video), attributeIndex: 0, role: '现场核查录像' }] }],
      registration: { 单位名称: '上海市浦东新区市场监督管理局', 归档电子文件门类: '录像', 归档方式: '在线' },
      now: new Date('2026-03-20T02:00:00Z'),
    },
    zipFileSink(out),
  );
  printChildReport(performance.now() - started, {
    sm3: result.items[0]!.files[0]!.digests.sm3,
    zipSize: result.written.zipSize,
    entries: result.totals.files,
  });
}

type OursReport = ChildReport & { readonly sm3: string; readonly zipSize: number };

if (process.argv[2] === '--child') {
  await child(process.argv[3]!, process.argv[4]!);
} else {
  const quick = process.argv.includes('--quick');
  const size = quick ? 128 * MiB : 1024 * MiB;
  const runs = 3;
  const dir = mkdtempSync(join(tmpdir(), 'dangan-archival-bench-'));
  const video = join(dir, 'video.mp4');
  try {
    writeRandomFile(video, size);

    const ours: OursReport[] = [];
    const peer: number[] = [];
    let peerSm3 = '';
    for (let r = 0; r < runs; r++) {
      const out = join(dir, 'ours.zip');
      rmSync(out, { force: true });
      ours.push(runChild<OursReport>(['--child', video, out]));
      if (r === 0) {
        const t = spawnSync('unzip', ['-tq', out], { encoding: 'utf8' });
        if (t.status !== 0) throw new Error(`unzip -t failed: ${t.stdout}${t.stderr}`);
      }
      rmSync(out, { force: true });

      const peerZip = join(dir, 'peer.zip');
      rmSync(peerZip, { force: true });
      let dgst = '';
      peer.push(
        timed(() => {
          execFileSync('zip', ['-q', '-0', peerZip, 'video.mp4'], { cwd: dir });
          dgst = execFileSync('openssl', ['dgst', '-sm3', video], { encoding: 'utf8' });
        }),
      );
      peerSm3 = dgst.trim().split('= ').at(-1)!;
      rmSync(peerZip, { force: true });
    }
    if (ours.some((o) => o.sm3 !== peerSm3))
      throw new Error(`SM3 differs: ${ours[0]!.sm3} vs openssl ${peerSm3}`);
    const o = median(ours.map((x) => x.ms)) / 1000;
    const p = median(peer) / 1000;
    const rss = Math.max(...ours.map((x) => x.maxRssMiB));
    const speed = p / o;
    const label = quick ? '128 MiB' : '1 GiB';
    console.log(`### 归档信息包: one ${label} video → ZIP (STORE) + SM3 manifest, median of ${runs}\n`);
    console.log('| run | time (s) | MiB/s | speed vs peer | peak RSS (MiB) | target |');
    console.log('|---|---:|---:|---:|---:|---|');
    console.log(
      `| dangan buildArchivalPackage → zipFileSink | ${o.toFixed(2)} | ${(size / MiB / o).toFixed(0)} | ${speed.toFixed(2)}× | ${rss.toFixed(0)} | speed ≥ 0.8×: ${speed >= 0.8 ? 'met' : 'NOT met'}; RSS ≤ 200 MiB: ${rss <= 200 ? 'met' : 'NOT met'} |`,
    );
    console.log(
      `| peer: zip -0 then openssl dgst -sm3 | ${p.toFixed(2)} | ${(size / MiB / p).toFixed(0)} | 1.00× | — | |`,
    );
    console.log(`\nSM3 of the video equals openssl's (${peerSm3.slice(0, 16)}…); unzip -t passed.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
