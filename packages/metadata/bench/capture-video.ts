/**
 * Benchmark: captureAttributes on a large MP4 whose moov sits at the end (ftyp, a huge mdat, moov), read
 * once from disk. Each measured run is a plain-node child process (this script bundled by esbuild)
 * reporting its own peak RSS; the page cache is warmed first so both sides read from memory.
 *
 * Peers in the same run: core `digest(fromFile(p), 'sm3')` alone (the same bytes hashed without capture;
 * target: capture ≤ 1.1× its time) and `ffprobe` when installed (parses the header only; no hashing).
 * Targets: peak RSS ≤ 150 MiB, the file opened once.
 *
 *   cd packages/metadata && npx tsx --conditions=@dangan/source bench/capture-video.ts [--quick]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { digest } from '@dangan/core';
import { fromFile } from '@dangan/core/node';
import { captureAttributes } from '../src/capture/index.js';
import { box, buildMp4 } from '../test/capture/helpers/media-builders.js';

const MiB = 1024 * 1024;

interface ChildReport {
  readonly mode: string;
  readonly ms: number;
  readonly maxRssMiB: number;
  readonly opens: number;
  readonly sm3: string;
  readonly frames?: number;
  readonly findings?: number;
  readonly duration?: string;
}

async function child(mode: string, path: string): Promise<void> {
  let opens = 0;
  const source = fromFile(path);
  const counted = () => {
    opens++;
    return source();
  };
  const started = performance.now();
  let report: ChildReport;
  if (mode === 'capture') {
    const a = await captureAttributes(counted, 'bench.mp4');
    report = {
      mode,
      ms: performance.now() - started,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      opens,
      sm3: a.摘要.sm3,
      ...(a.音视频?.总帧数 === undefined ? {} : { frames: a.音视频.总帧数 }),
      ...(a.音视频?.时间长度 === undefined ? {} : { duration: a.音视频.时间长度 }),
      findings: a.findings.length,
    };
  } else {
    const sm3 = await digest(counted, 'sm3');
    report = {
      mode,
      ms: performance.now() - started,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      opens,
      sm3,
    };
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** Writes ftyp + mdat (a repeated 8 MiB pattern) + moov, `size` bytes in all, unless it is already there. */
function ensureFile(path: string, size: number): void {
  if (existsSync(path) && statSync(path).size === size) return;
  const small = buildMp4({ seconds: 600, fps: 25, mdatBytes: 0, withAudio: true });
  const ftypSize = new DataView(small.buffer).getUint32(0);
  const ftyp = small.subarray(0, ftypSize);
  const moov = small.subarray(ftypSize + 8); // after the empty mdat's 8-byte header
  const mdatPayload = size - ftyp.length - 8 - moov.length;
  const pattern = new Uint8Array(8 * MiB);
  let x = 0x12345678;
  for (let i = 0; i < pattern.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    pattern[i] = x >>> 24;
  }
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, ftyp);
    const header = box('mdat').slice();
    new DataView(header.buffer).setUint32(0, 8 + mdatPayload);
    writeSync(fd, header);
    for (let left = mdatPayload; left > 0; left -= pattern.length)
      writeSync(fd, pattern, 0, Math.min(left, pattern.length));
    writeSync(fd, moov);
  } finally {
    closeSync(fd);
  }
}

/**
 * Bundles this script for plain `node` (no tsx in the measured process: its transpiler alone costs
 * ~80 MiB of RSS that a host's build would not have).
 */
async function bundleChild(): Promise<string> {
  const out = '/tmp/dangan-capture-bench-child.mjs';
  const { build } = await import('esbuild');
  await build({
    external: ['esbuild'],
    entryPoints: [fileURLToPath(import.meta.url)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@dangan/source'],
    outfile: out,
    logLevel: 'error',
  });
  return out;
}

let childScript = '';

function run(mode: string, path: string): ChildReport {
  const r = spawnSync(process.execPath, [childScript, '--child', mode, path], {
    encoding: 'utf8',
    maxBuffer: 16 * MiB,
  });
  if (r.status !== 0) throw new Error(`child ${mode} failed: ${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as ChildReport;
}

function ffprobeMs(path: string): number | undefined {
  if (spawnSync('ffprobe', ['-version'], { stdio: 'ignore' }).status !== 0) return undefined;
  const started = performance.now();
  execFileSync('ffprobe', ['-v', 'quiet', '-show_streams', '-show_format', '-of', 'json', path], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return performance.now() - started;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--child');
  if (at >= 0) return child(args[at + 1]!, args[at + 2]!);
  const quick = args.includes('--quick');
  const size = quick ? 256 * MiB : 1024 * MiB;
  const path = `/tmp/dangan-capture-bench-${size / MiB}MiB.mp4`;
  ensureFile(path, size);
  childScript = await bundleChild();
  // Warm the page cache so that neither side pays for the first disk read.
  run('digest', path);
  const rounds = quick ? 2 : 3;
  const digests: ChildReport[] = [];
  const captures: ChildReport[] = [];
  for (let i = 0; i < rounds; i++) {
    digests.push(run('digest', path));
    captures.push(run('capture', path));
  }
  const best = (rs: ChildReport[]) => rs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const d = best(digests);
  const c = best(captures);
  const peakRss = Math.max(...captures.map((r) => r.maxRssMiB));
  const probe = ffprobeMs(path);
  const ratio = c.ms / d.ms;
  const rate = (ms: number) => (size / MiB / (ms / 1000)).toFixed(0);
  console.log(`\n### captureAttributes on a ${size / MiB} MiB MP4 (moov at the end), best of ${rounds}\n`);
  console.log('| run | time | MiB/s | peak RSS | vs digest alone | target | met |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- | --- |');
  console.log(
    `| core digest(fromFile, 'sm3') (peer) | ${(d.ms / 1000).toFixed(2)} s | ${rate(d.ms)} | ${d.maxRssMiB.toFixed(0)} MiB | 1.00× | | |`,
  );
  console.log(
    `| captureAttributes(fromFile) | ${(c.ms / 1000).toFixed(2)} s | ${rate(c.ms)} | ${peakRss.toFixed(0)} MiB | ${ratio.toFixed(2)}× | ≤ 1.10× time, ≤ 150 MiB RSS | ${ratio <= 1.1 ? 'yes' : 'no'} / ${peakRss <= 150 ? 'yes' : 'no'} |`,
  );
  if (probe !== undefined)
    console.log(`| ffprobe (header only, no hashing) | ${(probe / 1000).toFixed(2)} s | — | — | — | | |`);
  console.log('');
  console.log(`- file opened ${c.opens} time(s) by capture (target 1: ${c.opens === 1 ? 'met' : 'NOT met'})`);
  console.log(
    `- SM3 equal to digest(): ${c.sm3 === d.sm3 ? 'yes' : 'NO'}; frames ${c.frames ?? '—'}, 时间长度 ${c.duration ?? '—'}, findings ${c.findings}`,
  );
  console.log(
    `- all capture runs (ms): ${captures.map((r) => r.ms.toFixed(0)).join(', ')}; digest runs (ms): ${digests.map((r) => r.ms.toFixed(0)).join(', ')}`,
  );
}

await main();
