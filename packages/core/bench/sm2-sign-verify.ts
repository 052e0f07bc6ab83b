/**
 * SM2 sign and verify of a 1 KiB message with the standard user ID: dangan (native-hybrid and pure signing;
 * verification with the per-key table cache and cold) against sm-crypto-v2 (with and without
 * `precomputePublicKey`), with node:crypto as the reference (it signs with an EMPTY user ID, so it is not
 * interoperable and only shows the native ceiling). Targets: sign ≥ 1,000/s, verify (cached key) ≥ 600/s.
 *
 * Run: `npx tsx --conditions=@dangan/source bench/sm2-sign-verify.ts [--quick]`
 */
import {
  createPrivateKey,
  createPublicKey,
  sign as nodeSign,
  verify as nodeVerify,
  randomBytes,
} from 'node:crypto';
import { sm2 as smCrypto } from 'sm-crypto-v2';
import { toHex } from '../src/bytes/encoding.js';
import { useNativeCrypto } from '../src/runtime/native-crypto.js';
import * as sm2 from '../src/sm2/index.js';

const quick = process.argv.includes('--quick');
const rounds = quick ? 3 : 5;
const roundMs = quick ? 300 : 1000;
const SIGN_TARGET = 1000;
const VERIFY_TARGET = 600;

const message = new Uint8Array(randomBytes(1024));
const { privateKey, publicKey } = sm2.generateKeyPair();
const privateHex = toHex(privateKey);
const publicHex = toHex(publicKey);
const nodePrivate = createPrivateKey(sm2.privateKeyToPem(privateKey));
const nodePublic = createPublicKey(sm2.publicKeyToPem(publicKey));
const signature = sm2.sign(message, privateKey);
const signatureHex = toHex(signature);
const nodeSignature = nodeSign('sm3', message, nodePrivate);
const precomputed = smCrypto.precomputePublicKey(publicHex);
const smOptions = { hash: true, der: true, publicKey: publicHex } as const;

// Everyone must agree before anyone is timed.
const smSignature = smCrypto.doSignature(message, privateHex, smOptions);
useNativeCrypto(false);
const pureSignature = sm2.sign(message, privateKey);
useNativeCrypto(true);
const checks = [
  sm2.verify(signature, message, publicKey),
  sm2.verify(pureSignature, message, publicKey),
  sm2.verify(Uint8Array.from(Buffer.from(smSignature, 'hex')), message, publicKey),
  smCrypto.doVerifySignature(message, signatureHex, publicHex, { hash: true, der: true }),
  nodeVerify('sm3', message, nodePublic, nodeSignature),
  sm2.verify(nodeSignature, message, publicKey, { userId: '' }),
];
if (checks.some((ok) => !ok)) throw new Error(`implementations disagree: ${checks.join(', ')}`);

interface Case {
  readonly group: 'sign' | 'verify';
  readonly name: string;
  readonly run: () => unknown;
  readonly native?: boolean;
  readonly target?: boolean;
  readonly reference?: boolean;
}

const cases: readonly Case[] = [
  {
    group: 'sign',
    name: 'dangan `sign` (node:crypto k·G + BigInt, default in Node)',
    run: () => sm2.sign(message, privateKey),
    target: true,
  },
  {
    group: 'sign',
    name: 'dangan `sign`, pure TypeScript (`useNativeCrypto(false)`)',
    run: () => sm2.sign(message, privateKey),
    native: false,
    target: true,
  },
  {
    group: 'sign',
    name: 'sm-crypto-v2 `doSignature` (hash, der, publicKey given)',
    run: () => smCrypto.doSignature(message, privateHex, smOptions),
  },
  {
    group: 'sign',
    name: 'node:crypto `sign` (empty user ID, reference)',
    run: () => nodeSign('sm3', message, nodePrivate),
    reference: true,
  },
  {
    group: 'verify',
    name: 'dangan `verify`, key cached (per-key table)',
    run: () => sm2.verify(signature, message, publicKey),
    target: true,
  },
  {
    group: 'verify',
    name: 'dangan `verify`, key cached, pure TypeScript',
    run: () => sm2.verify(signature, message, publicKey),
    native: false,
    target: true,
  },
  {
    group: 'verify',
    name: 'dangan `verify`, cold (`clearCaches()` before each)',
    run: () => {
      sm2.clearCaches();
      return sm2.verify(signature, message, publicKey);
    },
  },
  {
    group: 'verify',
    name: 'sm-crypto-v2 `doVerifySignature` (public key hex)',
    run: () => smCrypto.doVerifySignature(message, signatureHex, publicHex, { hash: true, der: true }),
  },
  {
    group: 'verify',
    name: 'sm-crypto-v2 `doVerifySignature` (`precomputePublicKey`)',
    run: () => smCrypto.doVerifySignature(message, signatureHex, precomputed, { hash: true, der: true }),
  },
  {
    group: 'verify',
    name: 'node:crypto `verify` (empty user ID, reference)',
    run: () => nodeVerify('sm3', message, nodePublic, nodeSignature),
    reference: true,
  },
];

function opsPerSecond(c: Case, ms: number): number {
  useNativeCrypto(c.native ?? true);
  try {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (let i = 0; i < 16; i++) c.run();
      n += 16;
      elapsed = performance.now() - start;
    }
    return n / (elapsed / 1000);
  } finally {
    useNativeCrypto(true);
  }
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

// Warm-up: JIT, G's tables, the key's table.
for (const c of cases) opsPerSecond(c, quick ? 100 : 300);
const samples = new Map<Case, number[]>(cases.map((c) => [c, []]));
for (let r = 0; r < rounds; r++) for (const c of cases) samples.get(c)!.push(opsPerSecond(c, roundMs));

console.log(
  `SM2, 1 KiB message, user ID '${sm2.DEFAULT_USER_ID}' (node:crypto: empty ID); median of ${rounds} × ${roundMs} ms; ${process.version}\n`,
);
console.log('| operation | implementation | ops/s | ratio to node:crypto | target |');
console.log('|---|---|---:|---:|---|');
let missed = 0;
for (const group of ['sign', 'verify'] as const) {
  const inGroup = cases.filter((c) => c.group === group);
  const reference = median(samples.get(inGroup.find((c) => c.reference)!)!);
  for (const c of inGroup) {
    const ops = median(samples.get(c)!);
    const goal = group === 'sign' ? SIGN_TARGET : VERIFY_TARGET;
    const met = ops >= goal;
    if (c.target && !met) missed++;
    const target = c.target ? `≥ ${goal.toLocaleString('en')}/s ${met ? 'met' : '**not met**'}` : '';
    console.log(
      `| ${group} | ${c.name} | ${Math.round(ops).toLocaleString('en')} | ${(ops / reference).toFixed(2)} | ${target} |`,
    );
  }
}
console.log(missed === 0 ? '\nAll targets met.' : `\n${missed} target(s) not met.`);
