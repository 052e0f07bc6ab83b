/**
 * 档号 assignment and reading for 100,000 一网通办 件 (filing-rules §2, §6.2, §8):
 *
 * - **assign**: `assignArchivalCode(record, archivalCodeTemplates.dat22, sequence, { scheme })` — classify
 *   (年度 from 办结时间, 保管期限 words → code, 机构), check the parts, draw the next number of the leaf class from
 *   an in-memory `SequenceProvider` (async, as a host's would be), write the code and the DA/T 46 档号 container —
 *   against a naive peer: a template literal, a retention lookup table, a `Map` counter and `padStart` (no checks).
 * - **format only**: `formatArchivalCode(parts, dat22)` against the template literal, given the same parts.
 * - **parse**: `parseArchivalCode(code, dat22)` against the strict DA/T 22-2015 regex of filing-rules §2.1
 *   (`exec` + named groups).
 * - **GD-2-6**: `findSequenceGaps(codes, { template })` over all 100,000 codes (no peer).
 *
 * Both sides must produce identical codes (checked). Ordering (`orderItems`, another module) is not included:
 * the target (assign ≤ 1 s per 100,000 件) is for this part alone; the lead adds ordering.
 *
 * Run: `npx tsx --conditions=@dangan/source bench/filing-archival-code.ts [--quick]`
 */
import {
  archivalCodeTemplates,
  assignArchivalCode,
  formatArchivalCode,
  parseArchivalCode,
} from '../src/filing/archival-code/index.js';
import { classificationSchemes, defineClassificationScheme } from '../src/filing/classification/index.js';
import { createMemorySequence, findSequenceGaps } from '../src/filing/sequence/index.js';

const quick = process.argv.includes('--quick');
const total = quick ? 20_000 : 100_000;
const rounds = quick ? 3 : 5;
const TARGET_MS = 1000 * (total / 100_000);

const ORGS = ['BGS', 'CWC', 'RSK', 'DJK', 'XKK', 'ZFK', 'JCD', 'FGK', 'XXK', 'ZHK'];
const RETENTION = ['永久', '定期30年', '定期10年'] as const;
const CODES: Record<string, string> = { 永久: 'Y', 定期30年: 'D30', 定期10年: 'D10' };
const STRICT_DAT22 =
  /^(?<fonds>[A-Z0-9]{4})-(?<category>WS)·(?<year>\d{4})-(?<retention>Y|D30|D10)(?:-(?<org>[A-Z0-9]{3}))?-(?<item>\d{4})$/u;

interface BenchRecord {
  文件实体: {
    档号: { 全宗号: string; 保管期限: string; 机构或问题?: string };
    内容描述: { 题名: string; 日期: string };
  };
  办件: { 事项编码: string; 办结时间: string };
}

// 5 years × 3 periods × 10 机构 = 150 leaf classes, ~670 件 each (fits 4 digits)
const records: BenchRecord[] = Array.from({ length: total }, (_, i) => {
  const year = 2020 + (i % 5);
  const org = ORGS[Math.floor(i / 15) % 10];
  const month = String((i % 12) + 1).padStart(2, '0');
  return {
    文件实体: {
      档号: {
        全宗号: 'Z109',
        保管期限: RETENTION[i % 3]!,
        ...(org === undefined ? {} : { 机构或问题: org }),
      },
      内容描述: { 题名: `关于第${i}号申请的决定`, 日期: `${year}-${month}-15` },
    },
    办件: { 事项编码: `310115-XK-${i % 97}`, 办结时间: `${year}-${month}-20T10:00:00+08:00` },
  };
});

const template = archivalCodeTemplates.dat22;
const scheme = defineClassificationScheme({
  ...classificationSchemes.yearRetentionOrg,
  id: 'z109-ws',
  fonds: 'Z109',
  category: 'WS',
});

async function danganAssign(): Promise<string[]> {
  const sequence = createMemorySequence();
  const out = new Array<string>(records.length);
  for (let i = 0; i < records.length; i++)
    out[i] = (await assignArchivalCode(records[i], template, sequence, { scheme })).code;
  return out;
}

function naiveAssign(): string[] {
  const counters = new Map<string, number>();
  return records.map((r) => {
    const d = r.文件实体.档号;
    const org = d.机构或问题;
    const key = `${d.全宗号}-WS·${r.办件.办结时间.slice(0, 4)}-${CODES[d.保管期限]}${org === undefined ? '' : `-${org}`}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return `${key}-${String(n).padStart(4, '0')}`;
  });
}

function time<T>(fn: () => T): [number, T] {
  const start = performance.now();
  const value = fn();
  return [performance.now() - start, value];
}
async function timeAsync<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

const ours = await danganAssign();
const theirs = naiveAssign();
for (let i = 0; i < total; i++)
  if (ours[i] !== theirs[i]) throw new Error(`codes differ at ${i}: ${ours[i]} vs ${theirs[i]}`);
const codes = ours;
const parts = codes.map((c) => parseArchivalCode(c, template).parts);

const contenders: [string, string, () => unknown | Promise<unknown>][] = [
  ['assign', 'dangan `assignArchivalCode` (classify + sequence + format)', danganAssign],
  ['assign', 'naive: template literal + `Map` counter + `padStart`', naiveAssign],
  ['format', 'dangan `formatArchivalCode`', () => parts.map((p) => formatArchivalCode(p, template))],
  [
    'format',
    'naive: template literal + `padStart`',
    () =>
      parts.map(
        (p) =>
          `${p.全宗号}-WS·${p.年度}-${p.保管期限}${p.机构或问题 === undefined ? '' : `-${p.机构或问题}`}-${String(p.件号).padStart(4, '0')}`,
      ),
  ],
  ['parse', 'dangan `parseArchivalCode`', () => codes.map((c) => parseArchivalCode(c, template).parts)],
  [
    'parse',
    'strict §2.1 regex (`exec` + groups)',
    () =>
      codes.map((c) => {
        const g = STRICT_DAT22.exec(c)?.groups;
        if (g === undefined) throw new Error(c);
        return {
          fonds: g.fonds,
          category: g.category,
          year: g.year,
          retention: g.retention,
          org: g.org,
          item: Number(g.item),
        };
      }),
  ],
  [
    'gaps',
    'dangan `findSequenceGaps(codes, { template })` (GD-2-6)',
    () => findSequenceGaps(codes, { template }),
  ],
];

const times = new Map<string, number[]>();
for (const [, , fn] of contenders) await fn(); // warm-up
for (let round = 0; round < rounds; round++) {
  for (const [, name, fn] of contenders) {
    const [ms] = await timeAsync(async () => fn());
    times.set(name, [...(times.get(name) ?? []), ms]);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const gapReport = time(() => findSequenceGaps(codes, { template }))[1];
if (!gapReport.ok) throw new Error('assigned codes have gaps');

console.log(
  `档号 for ${total.toLocaleString('en')} 件 (dat22, ${gapReport.classes.length} leaf classes), ${rounds} rounds, median, one core\n`,
);
console.log('| task | implementation | ms | µs/件 | dangan ÷ peer |');
console.log('|---|---|---:|---:|---:|');
for (const [task, name] of contenders) {
  const ms = median(times.get(name)!);
  const peer = contenders.find(([t, n]) => t === task && n !== name && !n.startsWith('dangan'));
  const own = contenders.find(([t, n]) => t === task && n.startsWith('dangan'));
  const ratio =
    name.startsWith('dangan') && peer !== undefined
      ? `${(ms / median(times.get(peer[1])!)).toFixed(1)}×`
      : own === undefined
        ? '—'
        : '';
  console.log(`| ${task} | ${name} | ${ms.toFixed(1)} | ${((ms * 1000) / total).toFixed(2)} | ${ratio} |`);
}
const assignMs = median(times.get(contenders[0]![1])!);
console.log(
  `\nTarget assign ≤ ${TARGET_MS.toFixed(0)} ms per ${total.toLocaleString('en')} 件 (without ordering): ${assignMs <= TARGET_MS ? 'met' : 'NOT met'} (${assignMs.toFixed(0)} ms)`,
);
