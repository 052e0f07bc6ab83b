/**
 * ZIP writer benchmark: 1,000 × 10 KiB DEFLATE entries into one archive (target ≤ 0.5 s), peer: the
 * `zip` CLI on the same files. Run: `npx tsx --conditions=@dangan/source bench/zip-write.ts [--quick]`.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createZipWriter } from '../src/zip/index.js';

const quick = process.argv.includes('--quick');
const count = quick ? 200 : 1000;
const runs = quick ? 1 : 5;
const dir = mkdtempSync(join(tmpdir(), 'dangan-zip-bench-'));
const files: [string, Uint8Array][] = [];
let seed = 1;
for (let i = 0; i < count; i++) {
  // Text-like content: compressible but not trivial.
  const bytes = new Uint8Array(10 * 1024);
  for (let j = 0; j < bytes.length; j++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    bytes[j] = 97 + ((seed >>> 16) % 16);
  }
  files.push([`f${i}.txt`, bytes]);
}
mkdirSync(join(dir, 'src'));
for (const [name, bytes] of files) writeFileSync(join(dir, 'src', name), bytes);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function ours(): Promise<number> {
  const start = performance.now();
  const out = Writable.toWeb(createWriteStream(join(dir, 'ours.zip'))) as WritableStream<Uint8Array>;
  const zip = createZipWriter(out, { method: 'deflate' });
  for (const [name, bytes] of files) await zip.addEntry(name, bytes);
  await zip.close();
  return performance.now() - start;
}

function peer(): number {
  rmSync(join(dir, 'peer.zip'), { force: true });
  const start = performance.now();
  execFileSync('zip', ['-q', '-r', join(dir, 'peer.zip'), '.'], { cwd: join(dir, 'src') });
  return performance.now() - start;
}

const oursTimes: number[] = [];
const peerTimes: number[] = [];
await ours(); // warm-up
for (let r = 0; r < runs; r++) {
  oursTimes.push(await ours());
  peerTimes.push(peer());
}
execFileSync('unzip', ['-tq', join(dir, 'ours.zip')]);
const o = median(oursTimes) / 1000;
const p = median(peerTimes) / 1000;
const target = (0.5 * count) / 1000;
console.log(`| ${count} × 10 KiB DEFLATE | time (s) | ratio to zip CLI | target ≤ ${target} s |`);
console.log('|---|---:|---:|---|');
console.log(
  `| dangan createZipWriter | ${o.toFixed(3)} | ${(o / p).toFixed(2)} | ${o <= target ? 'met' : 'NOT met'} |`,
);
console.log(`| zip CLI (peer) | ${p.toFixed(3)} | 1.00 | |`);
rmSync(dir, { recursive: true, force: true });
