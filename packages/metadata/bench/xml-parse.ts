/**
 * Parsing metadata XML into records: a ~10 MiB batch (`<dg:元数据集>`, ≈10,000 DA/T 46 records — the
 * catalogue or manifest of a transfer) read with `recordsFromXml`, side by side with the same bytes through
 * dangan's bare `readXml` (events only), raw saxes (the parser underneath) and libxml2's
 * `xmllint --stream --noout` where installed.
 *
 *   cd packages/metadata && npx tsx --conditions=@dangan/source bench/xml-parse.ts [--quick]
 *
 * Target: all records of the ~10 MiB batch in ≤ 0.5 s.
 *
 * Batch format: one document whose root holds many records, rather than 10,000 documents concatenated
 * (not well-formed XML, and no reader could tell where one ends without a framing format of its own). The
 * cost of reading the records as 10,000 separate documents is shown too.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { readXml } from '@dangan/core';
import { schemes, type UnknownRecord } from '@dangan/metadata';
import { recordFromXml, recordsFromXml, recordsToXml, recordToXml } from '../src/xml/index.js';

const quick = process.argv.includes('--quick');
const MiB = 1024 * 1024;
const RUNS = quick ? 3 : 7;
const COUNT = quick ? 2_000 : 10_000;
const CHUNK = MiB;

// saxes is core's dependency, not this package's: load it from where core resolves it.
interface RawSaxes {
  on(event: 'opentag' | 'closetag', handler: () => void): void;
  on(event: 'text', handler: (text: string) => void): void;
  write(text: string): void;
  close(): void;
}
const requireFromCore = createRequire(fileURLToPath(import.meta.resolve('@dangan/core/package.json')));
const { SaxesParser } = requireFromCore('saxes') as { SaxesParser: new (o: { xmlns: boolean }) => RawSaxes };

const UNITS = [
  '上海市浦东新区政务服务中心',
  '上海市黄浦区市场监督管理局',
  '上海市徐汇区人力资源和社会保障局',
  '上海市静安区民政局',
];
const MATTERS = [
  '食品经营许可',
  '公共场所卫生许可',
  '建设工程规划许可证核发',
  '社会团体成立登记',
  '就业创业证申领',
  '医疗机构执业登记',
];
const KINDS = ['通知', '批复', '决定', '函', '意见'] as const;

/**
 * A realistic 一网通办-style DA/T 46 catalogue record (deterministic in `i`): the 文件实体 elements an
 * archives catalogue carries, one file (≈1.1 KiB as compact XML: DA/T 48's Chinese element names take 3 bytes
 * a character, twice per element).
 */
function record(i: number): UnknownRecord {
  const unit = UNITS[i % UNITS.length]!;
  const matter = MATTERS[i % MATTERS.length]!;
  const year = 2019 + (i % 6);
  const date = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const number = String(i + 1).padStart(5, '0');
  const id = `310115-${year}-${number}`;
  return {
    文件实体: {
      聚合层次: '文件',
      来源: { 立档单位名称: unit },
      电子文件号: id,
      档号: {
        全宗号: `Z${100 + (i % UNITS.length)}`,
        年度: String(year),
        保管期限: i % 5 === 0 ? '永久' : '定期30年',
        室编件号: i + 1,
      },
      内容描述: {
        题名: `关于${matter}申请（受理编号 SH${year}${number}）的${KINDS[i % KINDS.length]}`,
        责任者: unit,
        日期: date,
        文种: KINDS[i % KINDS.length]!,
        密级: '公开',
      },
      形式特征: { 文件组合类型: '单件', 页数: 2 + (i % 9) },
      电子属性: [{ 计算机文件名: `${number}.pdf`, 计算机文件大小: 48_000 + ((i * 7919) % 900_000) }],
      存储位置: { 脱机载体编号: [`BD-${year}-${String(i % 97).padStart(3, '0')}`] },
      权限管理: { 控制标识: i % 7 === 0 ? '控制' : '开放' },
    },
  };
}

function* chunksOf(bytes: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
}

async function readRecords(bytes: Uint8Array): Promise<UnknownRecord[]> {
  const out: UnknownRecord[] = [];
  for await (const r of recordsFromXml(chunksOf(bytes), schemes.dat46)) out.push(r);
  return out;
}

async function readEvents(bytes: Uint8Array): Promise<number> {
  let n = 0;
  await readXml(chunksOf(bytes), {
    startElement: () => void n++,
    text: () => undefined,
    endElement: () => undefined,
  });
  return n;
}

function rawSaxes(bytes: Uint8Array): number {
  const parser = new SaxesParser({ xmlns: true });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let n = 0;
  parser.on('opentag', () => void n++);
  parser.on('text', () => undefined);
  parser.on('closetag', () => undefined);
  for (const chunk of chunksOf(bytes)) parser.write(decoder.decode(chunk, { stream: true }));
  parser.close();
  return n;
}

async function separateDocuments(docs: readonly Uint8Array[]): Promise<number> {
  let n = 0;
  for (const doc of docs) {
    await recordFromXml(doc, schemes.dat46);
    n++;
  }
  return n;
}

/** Best times, interleaved so drift and GC hit each alike (the minimum: noise on a shared machine only adds). */
async function best(fns: readonly (() => unknown)[]): Promise<number[]> {
  for (const fn of fns) await fn();
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

function xmllint(file: string): number | undefined {
  if (spawnSync('xmllint', ['--version']).status !== 0) return undefined;
  let bestMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const t = performance.now();
    const r = spawnSync('xmllint', ['--stream', '--noout', file]);
    const ms = performance.now() - t;
    if (r.status !== 0) return undefined;
    bestMs = Math.min(bestMs, ms);
  }
  return bestMs;
}

const records = Array.from({ length: COUNT }, (_, i) => record(i));
const encoder = new TextEncoder();
// Compact, as a system writes a batch for another system (pretty printing adds a third to the size).
const bytes = encoder.encode(recordsToXml(records, schemes.dat46, { pretty: false }));
const file = join(tmpdir(), 'dangan-bench-records.xml');
writeFileSync(file, bytes);
const mib = bytes.length / MiB;

// Correctness first: every record comes back equal.
const parsed = await readRecords(bytes);
if (parsed.length !== COUNT || !parsed.every((r, i) => isDeepStrictEqual(r, records[i]))) {
  throw new Error('recordsFromXml did not give back the records written');
}
const elements = await readEvents(bytes);
const docs = records.map((r) => encoder.encode(recordToXml(r, schemes.dat46, { pretty: false })));

const [tRecords, tEvents, tSaxes, tSeparate] = (await best([
  () => readRecords(bytes),
  () => readEvents(bytes),
  () => rawSaxes(bytes),
  () => separateDocuments(docs),
])) as [number, number, number, number];
const tLint = xmllint(file);

const fmt = (n: number) => n.toFixed(n < 10 ? 2 : 0);
const rows: string[] = [
  '| reader | ms | MiB/s | records/s | ratio to raw saxes |',
  '|---|---:|---:|---:|---:|',
];
const row = (name: string, ms: number) =>
  rows.push(
    `| ${name} | ${fmt(ms)} | ${fmt(mib / (ms / 1000))} | ${Math.round(COUNT / (ms / 1000))} | ${(ms / tSaxes).toFixed(2)} |`,
  );
row('raw saxes 6 (SAX events, no checks, no records)', tSaxes);
row('dangan readXml (safe events, no records)', tEvents);
row('**dangan recordsFromXml** (records, one batch document)', tRecords);
row(`dangan recordFromXml × ${COUNT} separate documents`, tSeparate);
if (tLint !== undefined) row('xmllint --stream --noout (CLI, incl. start-up)', tLint);
else rows.push('| xmllint | not installed | | | |');

console.log(
  `\n### Metadata XML → records: ${mib.toFixed(1)} MiB, ${COUNT} DA/T 46 records, ${elements} elements (best of ${RUNS}, interleaved)\n`,
);
console.log(rows.join('\n'));
const target = quick ? 0.5 * (COUNT / 10_000) : 0.5;
console.log(
  `\nTarget: ${COUNT} records in ≤ ${(target * 1000).toFixed(0)} ms — ${tRecords <= target * 1000 ? 'met' : 'NOT met'} (${fmt(tRecords)} ms; ` +
    `${(tRecords / tEvents).toFixed(2)}× bare readXml, ${(tRecords / tSaxes).toFixed(2)}× raw saxes${tLint === undefined ? '' : `, ${(tRecords / tLint).toFixed(2)}× xmllint --stream`}).`,
);
