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
import { randomFillSync } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromFile } from '@dangan/core/node';
import { buildArchivalPackage } from '../src/archival/index.js';
import { zipFileSink } from '../src/node/index.js';

const MiB = 1024 * 1024;

/** The child: builds the package and prints `{ ms, maxRssMiB, sm3, zipSize }`. */
async function child(video: string, out: string): Promise<void> {
  const size = statSync(video).size;
  const id = '310115-MSC-2026-000777-01';
  const record = {
    文件实体: {
      聚合层次: '文件',
      来源: { 立档单位名称: '上海市浦东新区市场监督管理局' },
      电子文件号: id,
      档号: { 全宗号: 'Z109', 年度: '2026', 保管期限: '永久', 机构或问题: 'DJK', 室编件号: 777 },
      内容描述: {
        题名: '现场核查录像',
        责任者: '上海市浦东新区市场监督管理局',
        日期: '2026-03-18',
        密级: '公开',
      },
      形式特征: { 文件组合类型: '单件', 语种: '汉语' },
      电子属性: [{ 格式信息: 'MPEG-4, video/mp4', 计算机文件名: 'video.mp4', 计算机文件大小: size }],
      存储位置: { 当前位置: 'oss://archives/2026/777/', 脱机载体编号: ['在线'] },
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
      办件编号: '310115202603160777',
      受理时间: '2026-03-16T09:12:40+08:00',
    },
  };
  const started = performance.now();
  const result = await buildArchivalPackage(
    {
      items: [{ record, files: [{ source: fromFile(video), attributeIndex: 0, role: '现场核查录像' }] }],
      registration: { 单位名称: '上海市浦东新区市场监督管理局', 归档电子文件门类: '录像', 归档方式: '在线' },
      now: new Date('2026-03-20T02:00:00Z'),
    },
    zipFileSink(out),
  );
  const ms = performance.now() - started;
  console.log(
    JSON.stringify({
      ms,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      sm3: result.items[0]!.files[0]!.digests.sm3,
      zipSize: result.written.zipSize,
      entries: result.totals.files,
    }),
  );
}

if (process.argv[2] === '--child') {
  await child(process.argv[3]!, process.argv[4]!);
} else {
  const quick = process.argv.includes('--quick');
  const size = quick ? 128 * MiB : 1024 * MiB;
  const runs = 3;
  const dir = mkdtempSync(join(tmpdir(), 'dangan-archival-bench-'));
  const video = join(dir, 'video.mp4');
  try {
    // Pseudo-random content (incompressible, like real video), written in 1 MiB pieces.
    const fd = openSync(video, 'w');
    const block = new Uint8Array(MiB);
    for (let written = 0; written < size; written += MiB) writeSync(fd, randomFillSync(block));
    closeSync(fd);

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ours: { ms: number; maxRssMiB: number; sm3: string; zipSize: number }[] = [];
    const peer: number[] = [];
    let peerSm3 = '';
    for (let r = 0; r < runs; r++) {
      const out = join(dir, 'ours.zip');
      rmSync(out, { force: true });
      const c = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--child', video, out], {
        encoding: 'utf8',
      });
      if (c.status !== 0) throw new Error(`child failed: ${c.stderr}`);
      ours.push(JSON.parse(c.stdout.trim().split('\n').at(-1)!));
      if (r === 0) {
        const t = spawnSync('unzip', ['-tq', out], { encoding: 'utf8' });
        if (t.status !== 0) throw new Error(`unzip -t failed: ${t.stdout}${t.stderr}`);
      }
      rmSync(out, { force: true });

      const peerZip = join(dir, 'peer.zip');
      rmSync(peerZip, { force: true });
      const started = performance.now();
      execFileSync('zip', ['-q', '-0', peerZip, 'video.mp4'], { cwd: dir });
      const dgst = execFileSync('openssl', ['dgst', '-sm3', video], { encoding: 'utf8' });
      peer.push(performance.now() - started);
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
