/**
 * Pure TypeScript SM3 (`sm3` of @dangan/core) against the best pure JS peer, sm-crypto-v2's `sm3`, with
 * node:crypto (OpenSSL, native) as the ceiling, on one large buffer (throughput) and on 1 KiB messages
 * (per-call overhead). sm-crypto-v2 returns hex, so dangan is also timed with `toHex` for a like-for-like
 * ratio. Target: ≥ 1.0× sm-crypto-v2 on both.
 *
 * Run: `npx tsx --conditions=@dangan/source bench/sm3-pure.ts [--quick]`
 */
import { createHash, hash as nodeHash, randomBytes } from 'node:crypto';
import { sm3 as smCryptoV2 } from 'sm-crypto-v2';
import { toHex } from '../src/bytes/encoding.js';
import { sm3 } from '../src/hash/sm3.js';

const MiB = 1 << 20;
const quick = process.argv.includes('--quick');
const bigSize = (quick ? 16 : 64) * MiB;
const rounds = quick ? 3 : 5;
const smallMs = quick ? 200 : 500;

type Fn = (data: Uint8Array) => unknown;
const contenders: readonly [string, Fn][] = [
  ['dangan `sm3` (bytes)', (d) => sm3(d)],
  ['dangan `toHex(sm3())`', (d) => toHex(sm3(d))],
  ['sm-crypto-v2 `sm3` (hex)', (d) => smCryptoV2(d)],
  ['node:crypto `createHash`', (d) => createHash('sm3').update(d).digest()],
  ['node:crypto `crypto.hash`', (d) => nodeHash('sm3', d, 'buffer')],
];

const big = new Uint8Array(randomBytes(bigSize));
const small = new Uint8Array(randomBytes(1024));
const expected = createHash('sm3').update(big).digest('hex');
if (toHex(sm3(big)) !== expected || smCryptoV2(big) !== expected) throw new Error('SM3 results differ');

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function throughput(fn: Fn): number {
  const start = performance.now();
  fn(big);
  return bigSize / MiB / ((performance.now() - start) / 1000);
}

function opsPerSecond(fn: Fn): number {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < smallMs) {
    for (let i = 0; i < 256; i++) fn(small);
    n += 256;
    elapsed = performance.now() - start;
  }
  return n / (elapsed / 1000);
}

// Warm-up lets every JIT reach its optimised code before timing.
for (const [, fn] of contenders) {
  fn(big.subarray(0, 4 * MiB));
  for (let i = 0; i < 2000; i++) fn(small);
}
const mibs = new Map<string, number[]>();
const ops = new Map<string, number[]>();
for (let r = 0; r < rounds; r++) {
  // Interleaved rounds spread machine-load drift over every contender.
  for (const [name, fn] of contenders) {
    mibs.set(name, [...(mibs.get(name) ?? []), throughput(fn)]);
    ops.set(name, [...(ops.get(name) ?? []), opsPerSecond(fn)]);
  }
}
const m = (name: string) => median(mibs.get(name)!);
const o = (name: string) => median(ops.get(name)!);
const peer = 'sm-crypto-v2 `sm3` (hex)';
const native = 'node:crypto `createHash`';

console.log(`SM3, ${bigSize / MiB} MiB buffer and 1 KiB messages, median of ${rounds} rounds\n`);
console.log(
  `| implementation | ${bigSize / MiB} MiB: MiB/s | vs sm-crypto-v2 | vs node | 1 KiB: ops/s | vs sm-crypto-v2 | vs node |`,
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [name] of contenders) {
  console.log(
    `| ${name} | ${m(name).toFixed(0)} | ${(m(name) / m(peer)).toFixed(2)}× | ${(m(name) / m(native)).toFixed(2)}× | ` +
      `${o(name).toFixed(0)} | ${(o(name) / o(peer)).toFixed(2)}× | ${(o(name) / o(native)).toFixed(2)}× |`,
  );
}
const ours = 'dangan `toHex(sm3())`';
const bigRatio = m(ours) / m(peer);
const smallRatio = o(ours) / o(peer);
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log('');
console.log('| check | value | target | result |');
console.log('|---|---:|---:|---|');
console.log(
  `| ${bigSize / MiB} MiB vs sm-crypto-v2 | ${bigRatio.toFixed(2)}× | ≥ 1.00× | ${met(bigRatio >= 1)} |`,
);
console.log(
  `| 1 KiB messages vs sm-crypto-v2 | ${smallRatio.toFixed(2)}× | ≥ 1.00× | ${met(smallRatio >= 1)} |`,
);
