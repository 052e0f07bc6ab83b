/**
 * XML writing: dangan's checking, escaping streaming writer against the floor of hand-written template
 * strings (same escaping, no checks), and its streamed Base64 against Node's native Buffer Base64.
 *
 *   cd packages/core && npx tsx --conditions=@dangan/source bench/xml-write.ts [--quick]
 *
 * Targets: metadata at most 4× the template-string floor (the writer also validates every name and
 * character and tracks nesting); Base64 payload at least 100 MiB/s of input (a 1 GiB file in ~10 s).
 */
import { XmlWriter } from '../src/xml/index.js';

const quick = process.argv.includes('--quick');
const MiB = 1024 * 1024;
const RUNS = quick ? 7 : 9;
const RECORDS = quick ? 10_000 : 30_000;
const encoder = new TextEncoder();

function titleOf(i: number): string {
  return `关于做好第${i}批政务服务事项归档工作的通知 & <附件>`;
}

/** The floor: template strings and a regex escape, no validation. */
function templates(sink: (b: Uint8Array) => void): void {
  const esc = (s: string) =>
    s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
  let out = '<?xml version="1.0" encoding="UTF-8"?><文件目录>';
  for (let i = 0; i < RECORDS; i++) {
    out +=
      `<文件 顺序号="${i}"><档号>Z001-WS-2024-Y-${i}</档号><题名>${esc(titleOf(i))}</题名>` +
      `<责任者>上海市某区政务服务中心</责任者><日期>2024-06-01</日期><密级>公开</密级><页数>3</页数><备注/></文件>`;
    if (out.length >= 65536) {
      sink(encoder.encode(out));
      out = '';
    }
  }
  sink(encoder.encode(`${out}</文件目录>`));
}

async function writer(sink: (b: Uint8Array) => void): Promise<void> {
  const w = new XmlWriter({ write: sink });
  w.declaration().startElement('文件目录');
  for (let i = 0; i < RECORDS; i++) {
    w.startElement('文件', { 顺序号: String(i) })
      .element('档号', `Z001-WS-2024-Y-${i}`)
      .element('题名', titleOf(i))
      .element('责任者', '上海市某区政务服务中心')
      .element('日期', '2024-06-01')
      .element('密级', '公开')
      .element('页数', '3')
      .element('备注')
      .endElement();
  }
  await w.end();
}

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

let bytesA = 0;
let bytesB = 0;
const [tTemplates, tWriter] = (await best([
  () => {
    bytesA = 0;
    templates((b) => {
      bytesA += b.length;
    });
  },
  async () => {
    bytesB = 0;
    await writer((b) => {
      bytesB += b.length;
    });
  },
])) as [number, number];
if (bytesA !== bytesB) throw new Error(`outputs differ in size: ${bytesA} vs ${bytesB}`);
const docMiB = bytesA / MiB;
const rows = [
  `\n### XML writing: ${docMiB.toFixed(1)} MiB metadata, ${RECORDS * 8 + 1} elements (best of ${RUNS}, interleaved)\n`,
  '| writer | ms | MiB/s | ratio to templates |',
  '|---|---:|---:|---:|',
  `| template strings + regex escape (no checks) | ${tTemplates.toFixed(0)} | ${(docMiB / (tTemplates / 1000)).toFixed(0)} | 1.00 |`,
  `| **dangan XmlWriter** | ${tWriter.toFixed(0)} | ${(docMiB / (tWriter / 1000)).toFixed(0)} | ${(tWriter / tTemplates).toFixed(2)} |`,
];
console.log(rows.join('\n'));
const ratio = tWriter / tTemplates;
console.log(
  `\nTarget: XmlWriter ≤ 4× template strings — ${ratio <= 4 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×).`,
);

// Base64 payload, streamed in 1 MiB (3 × 2^18 bytes) chunks.
const payloadMiB = quick ? 16 : 64;
const chunk = new Uint8Array(3 * 256 * 1024).map((_, i) => (i * 31) & 0xff);
const count = Math.round((payloadMiB * MiB) / chunk.length);
let outA = 0;
let outB = 0;
const [tNative, tOurs] = (await best([
  () => {
    outA = 0;
    outA += encoder.encode('<编码数据>').length;
    for (let i = 0; i < count; i++)
      outA += encoder.encode(Buffer.from(chunk.buffer).toString('base64')).length;
    outA += encoder.encode('</编码数据>').length;
  },
  async () => {
    outB = 0;
    const w = new XmlWriter({
      write: (b) => {
        outB += b.length;
      },
    });
    w.startElement('编码数据');
    for (let i = 0; i < count; i++) {
      w.base64Chunk(chunk);
      await w.flush();
    }
    await w.end();
  },
])) as [number, number];
if (outA !== outB) throw new Error(`Base64 outputs differ in size: ${outA} vs ${outB}`);
const inMiB = (count * chunk.length) / MiB;
console.log(
  [
    `\n### XML writing: ${inMiB.toFixed(0)} MiB payload as Base64 text (best of ${RUNS}, interleaved)\n`,
    '| writer | ms | input MiB/s | ratio to native |',
    '|---|---:|---:|---:|',
    `| Node Buffer base64 + TextEncoder (native floor) | ${tNative.toFixed(0)} | ${(inMiB / (tNative / 1000)).toFixed(0)} | 1.00 |`,
    `| **dangan XmlWriter.base64Chunk** (pure JS) | ${tOurs.toFixed(0)} | ${(inMiB / (tOurs / 1000)).toFixed(0)} | ${(tOurs / tNative).toFixed(2)} |`,
  ].join('\n'),
);
const speed = inMiB / (tOurs / 1000);
console.log(
  `\nTarget: ≥ 100 MiB/s of input — ${speed >= 100 ? 'met' : 'NOT met'} (${speed.toFixed(0)} MiB/s).`,
);
