/**
 * XML reading: dangan's safe streaming reader against raw saxes (the parser it wraps) and, where installed,
 * libxml2's `xmllint --stream`. Two documents: a ~10 MiB metadata document of ~300k elements, and one 64 MiB
 * Base64 text node (the shape of an EEP's <编码数据>).
 *
 *   cd packages/core && npx tsx --conditions=@dangan/source bench/xml-read.ts [--quick]
 *
 * Targets: on metadata the reader takes at most 2× raw saxes (it adds limit checks, element paths, tag
 * positions and chunked text on top of saxes' own events); on the big text node it delivers the text in
 * pieces of at most 128 Ki characters (raw saxes delivers it as one string) at no more than 1.5× the time.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { parseXmlToTree, readXml } from '../src/xml/index.js';

const quick = process.argv.includes('--quick');
const MiB = 1024 * 1024;
const CHUNK = MiB;
const RUNS = quick ? 5 : 9;

function metadataDocument(targetBytes: number): { bytes: Uint8Array; elements: number } {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<文件目录 xmlns="http://www.saac.gov.cn/standards/ERM/encapsulation">\n',
  ];
  const encoder = new TextEncoder();
  let size = 0;
  let elements = 1;
  for (let i = 0; size < targetBytes; i++) {
    const record =
      `<文件 顺序号="${i}"><档号>Z001-WS-2024-Y-${i}</档号><题名>关于做好第${i}批政务服务事项归档工作的通知 &amp; 附件</题名>` +
      `<责任者>上海市某区政务服务中心</责任者><日期>2024-06-${String((i % 28) + 1).padStart(2, '0')}</日期>` +
      '<密级>公开</密级><页数>3</页数><备注/></文件>\n';
    parts.push(record);
    size += encoder.encode(record).length;
    elements += 9;
  }
  parts.push('</文件目录>\n');
  return { bytes: new TextEncoder().encode(parts.join('')), elements };
}

function* chunksOf(bytes: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
}

function rawSaxes(source: Iterable<Uint8Array>): { largestText: number; elements: number } {
  const parser = new SaxesParser({ xmlns: true });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let largestText = 0;
  let elements = 0;
  parser.on('opentag', () => void elements++);
  parser.on('text', (t) => {
    largestText = Math.max(largestText, t.length);
  });
  parser.on('closetag', () => undefined);
  for (const chunk of source) parser.write(decoder.decode(chunk, { stream: true }));
  parser.close();
  return { largestText, elements };
}

async function dangan(source: Iterable<Uint8Array>): Promise<{ largestText: number; elements: number }> {
  let largestText = 0;
  let elements = 0;
  await readXml(source, {
    startElement: () => void elements++,
    text: (t) => {
      largestText = Math.max(largestText, t.length);
    },
    endElement: () => undefined,
  });
  return { largestText, elements };
}

/**
 * Best times of several functions, run interleaved so drift and GC hit each alike. The minimum, not the
 * median: on a shared 2-core machine the noise only ever adds time.
 */
async function best(fns: readonly (() => unknown)[]): Promise<number[]> {
  for (const fn of fns) await fn(); // warm-up
  const times: number[][] = fns.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < fns.length; k++) {
      const t = performance.now();
      await fns[k]!();
      times[k]!.push(performance.now() - t);
    }
  }
  return times.map((ts) => Math.min(...ts));
}

function xmllint(args: string[], file: string): number | undefined {
  if (spawnSync('xmllint', ['--version']).status !== 0) return undefined;
  const t = performance.now();
  const r = spawnSync('xmllint', [...args, file]);
  const ms = performance.now() - t;
  return r.status === 0 ? ms : undefined;
}

const rows: string[] = [];
const row = (cells: (string | number)[]) => rows.push(`| ${cells.join(' | ')} |`);
const fmt = (n: number) => n.toFixed(n < 10 ? 2 : 0);

// 1. Metadata document.
const meta = metadataDocument((quick ? 2 : 10) * MiB);
const metaFile = '/tmp/dangan-bench-metadata.xml';
writeFileSync(metaFile, meta.bytes);
const metaMiB = meta.bytes.length / MiB;
const check = rawSaxes(chunksOf(meta.bytes));
const ours = await dangan(chunksOf(meta.bytes));
if (check.elements !== ours.elements)
  throw new Error(`element counts differ: ${check.elements} vs ${ours.elements}`);
const [tSaxes, tOurs, tTree] = (await best([
  () => rawSaxes(chunksOf(meta.bytes)),
  () => dangan(chunksOf(meta.bytes)),
  () => parseXmlToTree(meta.bytes, { maxBytes: 64 * MiB }),
])) as [number, number, number];
const tLintStream = xmllint(['--stream', '--noout'], metaFile);
const tLint = xmllint(['--noout'], metaFile);

console.log(
  `\n### XML reading: ${metaMiB.toFixed(1)} MiB metadata, ${ours.elements} elements (best of ${RUNS}, interleaved)\n`,
);
rows.push('| reader | ms | MiB/s | ratio to raw saxes |', '|---|---:|---:|---:|');
row(['raw saxes 6 (SAX events, no checks)', fmt(tSaxes), fmt(metaMiB / (tSaxes / 1000)), '1.00']);
row([
  '**dangan readXml** (limits, paths, positions)',
  fmt(tOurs),
  fmt(metaMiB / (tOurs / 1000)),
  (tOurs / tSaxes).toFixed(2),
]);
row(['dangan parseXmlToTree', fmt(tTree), fmt(metaMiB / (tTree / 1000)), (tTree / tSaxes).toFixed(2)]);
if (tLintStream !== undefined)
  row([
    'xmllint --stream --noout (CLI, incl. start-up)',
    fmt(tLintStream),
    fmt(metaMiB / (tLintStream / 1000)),
    (tLintStream / tSaxes).toFixed(2),
  ]);
if (tLint !== undefined)
  row([
    'xmllint --noout (CLI, incl. start-up)',
    fmt(tLint),
    fmt(metaMiB / (tLint / 1000)),
    (tLint / tSaxes).toFixed(2),
  ]);
if (tLint === undefined) row(['xmllint', 'not installed', '', '']);
console.log(rows.join('\n'));
const metaRatio = tOurs / tSaxes;
console.log(
  `\nTarget: readXml ≤ 2× raw saxes — ${metaRatio <= 2 ? 'met' : 'NOT met'} (${metaRatio.toFixed(2)}×).`,
);

// 2. One big Base64 text node.
rows.length = 0;
const textMiB = quick ? 16 : 64;
const block = new TextEncoder().encode(
  'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODkrLw=='
    .slice(0, 64)
    .repeat(MiB / 64),
);
function* bigText(): Generator<Uint8Array> {
  yield new TextEncoder().encode('<编码><编码数据 编码数据ID="D1">');
  for (let i = 0; i < textMiB; i++) yield block;
  yield new TextEncoder().encode('</编码数据></编码>');
}
const rawBig = rawSaxes(bigText());
const oursBig = await dangan(bigText());
const [tSaxesBig, tOursBig] = (await best([() => rawSaxes(bigText()), () => dangan(bigText())])) as [
  number,
  number,
];
console.log(`\n### XML reading: one ${textMiB} MiB Base64 text node (best of ${RUNS}, interleaved)\n`);
rows.push(
  '| reader | ms | MiB/s | ratio to raw saxes | largest text event (chars) |',
  '|---|---:|---:|---:|---:|',
);
row(['raw saxes 6', fmt(tSaxesBig), fmt(textMiB / (tSaxesBig / 1000)), '1.00', rawBig.largestText]);
row([
  '**dangan readXml**',
  fmt(tOursBig),
  fmt(textMiB / (tOursBig / 1000)),
  (tOursBig / tSaxesBig).toFixed(2),
  oursBig.largestText,
]);
console.log(rows.join('\n'));
const bounded = oursBig.largestText <= 128 * 1024;
const bigRatio = tOursBig / tSaxesBig;
console.log(
  `\nTarget: text delivered in pieces ≤ 131072 characters — ${bounded ? 'met' : 'NOT met'} (raw saxes: one ${rawBig.largestText}-character string); ` +
    `time ≤ 1.5× raw saxes — ${bigRatio <= 1.5 ? 'met' : 'NOT met'} (${bigRatio.toFixed(2)}×).`,
);
