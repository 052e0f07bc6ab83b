/**
 * `identifyFormat` against libmagic's `file` command (the usual peer for magic-number identification):
 * 1. throughput over a corpus of small real files (every format dangan knows, copied to fill ~1 000
 *    files), dangan reading each file as a Blob (`fs.openAsBlob`) vs one `file --mime-type` run over all;
 * 2. one large PDF (1 GiB, `--quick` 256 MiB) whose trailer says /Encrypt: time, bytes read and RSS;
 * 3. agreement of MIME types with `file` on the corpus (differences listed, for review, not a score).
 * Targets: corpus throughput ≥ 1.0× `file`; the large file read ≤ 4 MiB with RSS growth < 64 MiB.
 *
 * Run: `npx tsx --conditions=@dangan/source bench/format-identify.ts [--quick]`
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openAsBlob,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { identifyFormat } from '../src/format/index.js';
import { buildPdf } from '../test/format/helpers/file-builders.js';
import { samples } from '../test/format/helpers/fixtures.js';

const MiB = 1 << 20;
const quick = process.argv.includes('--quick');
const copies = quick ? 5 : 25;
const bigSize = (quick ? 256 : 1024) * MiB;
const dir = '/tmp/dangan-bench-format';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function hasFile(): boolean {
  try {
    execFileSync('file', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// 1. corpus
mkdirSync(dir, { recursive: true });
const corpus: { path: string; fileName: string; name: string }[] = [];
const all = samples();
for (let c = 0; c < copies; c++) {
  all.forEach((s, i) => {
    const fileName = `${String(i).padStart(2, '0')}-${c}-${s.fileName.replace(/[^\w.]/g, '_')}`;
    const path = `${dir}/${fileName}`;
    if (c === 0 || !existsSync(path)) writeFileSync(path, s.bytes);
    corpus.push({ path, fileName, name: s.name });
  });
}

async function danganCorpus(): Promise<number> {
  const start = performance.now();
  for (const f of corpus) await identifyFormat(await openAsBlob(f.path), { fileName: f.fileName });
  return performance.now() - start;
}

async function danganCorpusBytes(): Promise<number> {
  const start = performance.now();
  for (const f of corpus) await identifyFormat(readFileSync(f.path), { fileName: f.fileName });
  return performance.now() - start;
}

// Node's own cost of a file-backed Blob: open it and read its first 64 KiB, nothing else.
async function blobFloor(): Promise<number> {
  const start = performance.now();
  for (const f of corpus) await (await openAsBlob(f.path)).slice(0, 64 * 1024).arrayBuffer();
  return performance.now() - start;
}

function fileCorpus(): number {
  const start = performance.now();
  execFileSync('file', ['--mime-type', '-b', ...corpus.map((f) => f.path)], { maxBuffer: 64 * MiB });
  return performance.now() - start;
}

const peer = hasFile();
await danganCorpus();
await danganCorpusBytes();
const runs = 5;
const oursBlob: number[] = [];
const oursBytes: number[] = [];
const floor: number[] = [];
const fileRuns: number[] = [];
for (let i = 0; i < runs; i++) {
  oursBytes.push(await danganCorpusBytes());
  oursBlob.push(await danganCorpus());
  floor.push(await blobFloor());
  if (peer) fileRuns.push(fileCorpus());
}
const ours = median(oursBytes);
const theirs = peer ? median(fileRuns) : Number.NaN;

// 2. one large file
const bigPath = `/tmp/dangan-bench-format-${bigSize / MiB}MiB.pdf`;
if (!existsSync(bigPath) || statSync(bigPath).size !== bigSize) {
  // A valid PDF grown to size: comment lines between the last object and the xref table, startxref moved.
  const whole = Buffer.from(buildPdf({ version: '1.7', encrypted: true }));
  const xrefAt = whole.lastIndexOf('xref\n0 ');
  const objects = whole.subarray(0, xrefAt);
  const table = whole.subarray(xrefAt, whole.lastIndexOf('startxref'));
  const fillerLine = Buffer.from('% filler line\n');
  const fillerBytes = bigSize - objects.length - table.length - 64;
  const fd = openSync(bigPath, 'w');
  writeSync(fd, objects);
  const block = Buffer.alloc(16 * MiB - ((16 * MiB) % fillerLine.length), fillerLine.toString());
  let written = 0;
  while (written + block.length <= fillerBytes) written += writeSync(fd, block);
  written += writeSync(fd, Buffer.alloc(fillerBytes - written, 0x20));
  writeSync(fd, table);
  const end = Buffer.from(`startxref\n${objects.length + written}\n%%EOF\n`);
  writeSync(
    fd,
    Buffer.concat([end, Buffer.alloc(bigSize - objects.length - written - table.length - end.length, 0x0a)]),
  );
  closeSync(fd);
}
const counter = { bytes: 0 };
const bigBlob = await openAsBlob(bigPath);
const counted = new Proxy(bigBlob, {
  get(target, key) {
    if (key === 'slice') {
      return (a?: number, b?: number) => {
        counter.bytes += Math.max(0, Math.min(b ?? target.size, target.size) - (a ?? 0));
        return target.slice(a, b);
      };
    }
    const v = Reflect.get(target, key, target);
    return typeof v === 'function' ? v.bind(target) : v;
  },
});
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const bigTimes: number[] = [];
let bigInfo = await identifyFormat(counted as Blob, { fileName: 'big.pdf' });
const readOnce = counter.bytes;
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  bigInfo = await identifyFormat(await openAsBlob(bigPath), { fileName: 'big.pdf' });
  bigTimes.push(performance.now() - start);
}
const rssGrowth = (process.memoryUsage().rss - rssBefore) / MiB;
let fileBig = Number.NaN;
let fileBigSays = '';
if (peer) {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    fileBigSays = execFileSync('file', ['-b', bigPath]).toString().trim();
    times.push(performance.now() - start);
  }
  fileBig = median(times);
}

// 3. agreement
const disagreements: string[] = [];
if (peer) {
  const mimes = execFileSync('file', ['--mime-type', '-b', ...corpus.slice(0, all.length).map((f) => f.path)])
    .toString()
    .trim()
    .split('\n');
  for (let i = 0; i < all.length; i++) {
    const info = await identifyFormat(all[i]!.bytes, { fileName: all[i]!.fileName });
    if (info.mimeType !== mimes[i])
      disagreements.push(`| ${all[i]!.name} | ${info.id} \`${info.mimeType}\` | \`${mimes[i]}\` |`);
  }
}

const perFile = (ms: number) => ((ms / corpus.length) * 1000).toFixed(0);
const ratio = theirs / ours;
const blobRatio = theirs / median(oursBlob);
console.log(
  `\n### Format identification (${corpus.length} files; large file ${bigSize / MiB} MiB; medians of ${runs})\n`,
);
console.log('| measure | dangan | `file` (libmagic) | ratio (file ÷ dangan) | target | met |');
console.log('|---|---:|---:|---:|---|---|');
console.log(
  `| corpus, µs per file: readFileSync + identify | ${perFile(ours)} | ${peer ? perFile(theirs) : 'n/a'} | ${peer ? ratio.toFixed(2) : 'n/a'} | ≥ 1.0 | ${peer ? (ratio >= 1 ? 'yes' : 'no') : 'n/a'} |`,
);
console.log(
  `| corpus, µs per file: openAsBlob + identify | ${perFile(median(oursBlob))} | ${peer ? perFile(theirs) : 'n/a'} | ${peer ? blobRatio.toFixed(2) : 'n/a'} | — | — |`,
);
console.log(
  `| (floor: openAsBlob + one 64 KiB read, no identification) | ${perFile(median(floor))} | — | — | — | — |`,
);
console.log(
  `| large PDF, ms | ${median(bigTimes).toFixed(1)} | ${peer ? fileBig.toFixed(1) : 'n/a'} | ${peer ? (fileBig / median(bigTimes)).toFixed(2) : 'n/a'} | — | — |`,
);
console.log(
  `| large PDF, bytes read | ${(readOnce / MiB).toFixed(2)} MiB | — | — | ≤ 4 MiB | ${readOnce <= 4 * MiB ? 'yes' : 'no'} |`,
);
console.log(
  `| large PDF, RSS growth | ${rssGrowth.toFixed(1)} MiB | — | — | < 64 MiB | ${rssGrowth < 64 ? 'yes' : 'no'} |`,
);
console.log(
  `\nLarge PDF: dangan says \`${bigInfo.id} ${bigInfo.version ?? ''}\` encrypted=${String(bigInfo.flags.encrypted)}; file says \`${fileBigSays}\`.`,
);
if (peer) {
  console.log(`\nMIME types differing from \`file\` (${disagreements.length} of ${all.length} samples):\n`);
  console.log('| sample | dangan | file |');
  console.log('|---|---|---|');
  for (const d of disagreements) console.log(d);
}
