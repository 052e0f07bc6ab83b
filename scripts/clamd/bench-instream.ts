/**
 * Benchmark: clamavScanner (zINSTREAM over the local socket) against clamd's own client `clamdscan --stream`, on
 * the same private clamd (scripts/clamd/setup.sh). Measures wall time and peak RSS of each client in a child
 * process (`/usr/bin/time -v`), for a 64 MiB and a 1 GiB file with the EICAR string at the very end (so the
 * verdict proves every byte reached clamd). Target: the scanner's peak RSS does not grow with the file
 * (1 GiB within 32 MiB of 64 MiB), and its wall time is within 1.25× of clamdscan's.
 *
 *   cd packages/checks && npx tsx --conditions=@dangan/source ../../scripts/clamd/bench-instream.ts [--quick]
 *
 * `--quick`: 16 MiB and 64 MiB.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clamavScanner } from '../../packages/checks/src/node/clamav.js';
import { fromFile } from '../../packages/core/src/node.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const MiB = 1024 * 1024;

if (process.argv[2] === '--child') {
  // The measured client: scan one file, print the verdict.
  const [, , , file, socket, chunk] = process.argv;
  const scanner = clamavScanner({
    socket: socket!,
    maxStreamSize: Number.POSITIVE_INFINITY,
    chunkSize: Number(chunk),
  });
  const started = performance.now();
  const result = await scanner.scan(fromFile(file!), { path: file! });
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ result, seconds, rssKiB: process.resourceUsage().maxRSS }));
} else {
  await main();
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const sizes = quick ? [16 * MiB, 64 * MiB] : [64 * MiB, 1024 * MiB];
  const dir = join(repo, '.cache', 'clamd', `bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const limit = `${Math.ceil(sizes.at(-1)! / MiB) + 16}M`;
  const setup = spawnSync('bash', [join(here, 'setup.sh')], {
    env: { ...process.env, DANGAN_CLAMD_DIR: dir, DANGAN_CLAMD_STREAM_MAX: limit },
    stdio: 'inherit',
  });
  if (setup.status !== 0) throw new Error('scripts/clamd/setup.sh failed');
  const conf = join(dir, 'clamd.conf');
  const socket = join(dir, 'clamd.sock');
  const clamd = spawn('/usr/sbin/clamd', [`--config-file=${conf}`], { stdio: 'ignore' });
  try {
    const probe = clamavScanner({ socket, connectTimeoutMs: 1000 });
    for (let i = 0; !(await probe.ping()); i++) {
      if (i > 600) throw new Error('clamd did not start');
      await new Promise((ok) => setTimeout(ok, 100));
    }
    const version = await probe.version();
    const rows: string[] = [];
    // The child's own footprint (Node, tsx, the modules) on a 1 KiB file: what streaming adds is above this.
    const small = join(dir, 'small.bin');
    writeNoiseWithEicar(small, 1024);
    const baseline = child(small, socket, 256 * 1024);
    let rssFirst: number | undefined;
    let rssLast = 0;
    let worstRatio = 0;
    for (const size of sizes) {
      const file = join(dir, `bench-${size}.bin`);
      writeNoiseWithEicar(file, size);
      const peer = measure(['clamdscan', '--stream', '--no-summary', `--config-file=${conf}`, file]);
      if (!/FOUND/.test(peer.output)) throw new Error(`clamdscan missed EICAR: ${peer.output}`);
      for (const chunk of [64 * 1024, 256 * 1024]) {
        const ours = child(file, socket, chunk);
        if (ours.result.status !== 'infected')
          throw new Error(`scanner missed EICAR: ${JSON.stringify(ours)}`);
        const ratio = ours.seconds / peer.seconds;
        if (chunk === 256 * 1024) {
          rssFirst ??= ours.rssKiB;
          rssLast = ours.rssKiB;
          worstRatio = Math.max(worstRatio, ratio);
        }
        rows.push(
          `| ${size / MiB} MiB | ${chunk / 1024} KiB | ${ours.seconds.toFixed(2)} s (${(size / MiB / ours.seconds).toFixed(0)} MiB/s) | ${(ours.rssKiB / 1024).toFixed(0)} MiB | ${peer.seconds.toFixed(2)} s (${(size / MiB / peer.seconds).toFixed(0)} MiB/s) | ${(peer.rssKiB / 1024).toFixed(0)} MiB | ${ratio.toFixed(2)}× |`,
        );
      }
      rmSync(file, { force: true });
    }
    const growth = (rssLast - rssFirst!) / 1024;
    console.log(`\n${version}, private EICAR-only database, local socket; 2-core shared machine.`);
    console.log(
      `clamavScanner: time of scan() inside the child; peak RSS of the child (Node + tsx: ${(baseline.rssKiB / 1024).toFixed(0)} MiB for a 1 KiB file). clamdscan: whole process.\n`,
    );
    console.log(
      '| file | chunk | clamavScanner wall | clamavScanner peak RSS | clamdscan --stream wall | clamdscan peak RSS | time ratio |',
    );
    console.log('|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
    console.log(
      `\nPeak RSS growth ${sizes[0]! / MiB} MiB → ${sizes.at(-1)! / MiB} MiB (256 KiB chunks): ${growth.toFixed(1)} MiB — target ≤ 32 MiB: ${growth <= 32 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `Worst time ratio vs clamdscan (256 KiB chunks): ${worstRatio.toFixed(2)}× — target ≤ 1.25×: ${worstRatio <= 1.25 ? 'met' : 'NOT met'}`,
    );
  } finally {
    clamd.kill('SIGTERM');
    await new Promise((ok) => clamd.once('exit', ok));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The scanner in a child process (this file with --child): verdict, seconds in scan(), peak RSS (KiB). */
function child(
  file: string,
  socket: string,
  chunk: number,
): { result: { status: string }; seconds: number; rssKiB: number } {
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--child', file, socket, String(chunk)],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}

/** Runs `argv` under /usr/bin/time -v: wall seconds, peak RSS (KiB) and stdout. */
function measure(argv: string[]): { seconds: number; rssKiB: number; output: string } {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-v', ...argv], { encoding: 'utf8', cwd: process.cwd() });
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  if (!rss) throw new Error(`no RSS from /usr/bin/time: ${run.stderr}`);
  return { seconds, rssKiB: Number(rss[1]), output: run.stdout };
}

/** `size` bytes of random data ending with the EICAR string (assembled here from two halves). */
function writeNoiseWithEicar(file: string, size: number): void {
  const tail = new TextEncoder().encode(
    ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$EIC', 'AR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''),
  );
  const fd = openSync(file, 'w');
  const block = new Uint8Array(4 * MiB);
  let left = size - tail.length;
  while (left > 0) {
    randomFillSync(block);
    const n = Math.min(left, block.length);
    writeSync(fd, block, 0, n);
    left -= n;
  }
  writeSync(fd, tail);
  closeSync(fd);
}
