/**
 * Streaming SM3 of a file: `digest(fromFile(path), 'sm3')` against its peers
 * - node:crypto `createHash('sm3')` over a `readSync` loop with one reused 1 MiB buffer (the fastest way
 *   Node can do it), and
 * - `openssl dgst -sm3` (OpenSSL's own CLI, the reference users will compare with).
 *
 * Both Node runs happen in fresh child processes, so each reports its own peak RSS (`maxRSS`). The file
 * (1 GiB, or 256 MiB with --quick) is created under /tmp once and read from the page cache, so hashing —
 * not the disk — is what is compared. Targets: ≥ 0.9× node:crypto, ≥ 1.0× openssl, peak RSS ≤ 150 MiB.
 *
 * Run: `npx tsx --conditions=@dangan/source bench/sm3-stream.ts [--quick]`
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MiB = 1 << 20;
const quick = process.argv.includes('--quick');

interface ChildResult {
  readonly ms: number;
  readonly hex: string;
  readonly maxRssMiB: number;
}

if (process.argv[2] === '--child') {
  const [, , , mode, path] = process.argv;
  const result = await runChild(mode ?? '', path ?? '');
  process.stdout.write(JSON.stringify(result));
} else {
  await main();
}

async function runChild(mode: string, path: string): Promise<ChildResult> {
  let hex: string;
  const start = performance.now();
  if (mode === 'dangan') {
    const { digest } = await import('../src/hash/index.js');
    const { fromFile } = await import('../src/node/from-file.js');
    const t0 = performance.now();
    hex = await digest(fromFile(path), 'sm3');
    return { ms: performance.now() - t0, hex, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
  }
  if (mode === 'node') {
    const hash = createHash('sm3');
    const buffer = Buffer.allocUnsafe(MiB);
    const fd = openSync(path, 'r');
    for (let n = readSync(fd, buffer, 0, MiB, null); n > 0; n = readSync(fd, buffer, 0, MiB, null)) {
      hash.update(n === MiB ? buffer : buffer.subarray(0, n));
    }
    closeSync(fd);
    hex = hash.digest('hex');
    return { ms: performance.now() - start, hex, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
  }
  if (mode === 'idle') {
    // Bare child with the same loader: the RSS floor every Node run starts from.
    return { ms: 0, hex: '', maxRssMiB: process.resourceUsage().maxRSS / 1024 };
  }
  throw new Error(`unknown mode ${mode}`);
}

function child(mode: string, path: string): ChildResult {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=@dangan/source', self, '--child', mode, path],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) throw new Error(`child ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildResult;
}

function openssl(path: string): { ms: number; hex: string } {
  const start = performance.now();
  const out = execFileSync('openssl', ['dgst', '-sm3', '-r', path], { encoding: 'utf8' });
  const ms = performance.now() - start;
  return { ms, hex: out.split(' ')[0] ?? '' };
}

function ensureFile(size: number): string {
  const path = `/tmp/dangan-bench-sm3-${size / MiB}MiB.bin`;
  if (existsSync(path) && statSync(path).size === size) return path;
  const tmp = `${path}.part`;
  const fd = openSync(tmp, 'w');
  const block = randomBytes(16 * MiB);
  for (let written = 0; written < size; written += block.length) {
    block[0] = written / block.length; // every block differs
    writeSync(fd, block, 0, Math.min(block.length, size - written));
  }
  closeSync(fd);
  renameSync(tmp, path);
  return path;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const size = (quick ? 256 : 1024) * MiB;
  const runs = 3;
  const path = ensureFile(size);
  openssl(path); // warm the page cache
  const ours: ChildResult[] = [];
  const node: ChildResult[] = [];
  const ossl: { ms: number; hex: string }[] = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved so drift in machine load hits every contender alike.
    ours.push(child('dangan', path));
    node.push(child('node', path));
    ossl.push(openssl(path));
  }
  const idle = child('idle', path);
  const hexes = new Set([...ours, ...node, ...ossl].map((r) => r.hex));
  if (hexes.size !== 1) throw new Error(`digests differ: ${[...hexes].join(', ')}`);

  const mibs = size / MiB;
  const oursMs = median(ours.map((r) => r.ms));
  const nodeMs = median(node.map((r) => r.ms));
  const osslMs = median(ossl.map((r) => r.ms));
  const oursRss = Math.max(...ours.map((r) => r.maxRssMiB));
  const nodeRss = Math.max(...node.map((r) => r.maxRssMiB));
  const speed = (ms: number) => (mibs / (ms / 1000)).toFixed(0);
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

  console.log(`SM3 of a ${mibs} MiB file from the page cache, median of ${runs} runs\n`);
  console.log('| implementation | time (ms) | MiB/s | peak RSS (MiB) |');
  console.log('|---|---:|---:|---:|');
  console.log(
    `| dangan \`digest(fromFile(p), 'sm3')\` | ${oursMs.toFixed(0)} | ${speed(oursMs)} | ${oursRss.toFixed(0)} |`,
  );
  console.log(
    `| node:crypto createHash + readSync 1 MiB | ${nodeMs.toFixed(0)} | ${speed(nodeMs)} | ${nodeRss.toFixed(0)} |`,
  );
  console.log(`| openssl dgst -sm3 | ${osslMs.toFixed(0)} | ${speed(osslMs)} | — |`);
  console.log(`| (bare child with the tsx loader) | — | — | ${idle.maxRssMiB.toFixed(0)} |`);
  console.log('');
  console.log('| check | value | target | result |');
  console.log('|---|---:|---:|---|');
  const vsNode = nodeMs / oursMs;
  const vsOssl = osslMs / oursMs;
  console.log(
    `| speed vs node:crypto readSync loop | ${vsNode.toFixed(2)}× | ≥ 0.90× | ${met(vsNode >= 0.9)} |`,
  );
  console.log(`| speed vs openssl dgst -sm3 | ${vsOssl.toFixed(2)}× | ≥ 1.00× | ${met(vsOssl >= 1)} |`);
  console.log(
    `| peak RSS of the dangan run | ${oursRss.toFixed(0)} MiB | ≤ 150 MiB | ${met(oursRss <= 150)} |`,
  );
}
