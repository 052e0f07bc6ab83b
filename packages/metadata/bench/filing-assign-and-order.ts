/**
 * Issue 4's target as one run: order 100,000 一网通办 件 within their classes (`orderItems`: by date, 事由 kept
 * together), order each 件's components (`orderComponents`), then assign every 档号 in that order
 * (`assignArchivalCode`: classify + sequence + format, DA/T 22-2015). Target: ≤ 1 s for 100,000 件.
 * Peer: the same work done naively (Array.prototype.sort with comparators, a Map counter and a template
 * literal, no checks); both must give identical codes.
 *
 * Run: `npx tsx --conditions=@dangan/source bench/filing-assign-and-order.ts [--quick]`
 */
import {
  archivalCodeTemplates,
  assignArchivalCode,
  classificationSchemes,
  createMemorySequence,
  defineClassificationScheme,
  orderComponents,
  orderItems,
} from '../src/index.js';

const quick = process.argv.includes('--quick');
const total = quick ? 20_000 : 100_000;
const rounds = quick ? 3 : 5;
const TARGET_MS = 1000 * (total / 100_000);
const ORGS = ['BGS', 'CWC', 'RSK', 'DJK', 'XKK', 'ZFK', 'JCD', 'FGK', 'XXK', 'ZHK'];
const RETENTION = ['永久', '定期30年', '定期10年'] as const;
const CODE: Record<string, string> = { 永久: 'Y', 定期30年: 'D30', 定期10年: 'D10' };
const ROLES = ['附件', '正文', '定稿', '正本'];

interface Item {
  readonly date: string;
  readonly matter: string;
  readonly key: string;
  readonly components: readonly { readonly role: string; readonly name: string }[];
  readonly record: {
    文件实体: {
      档号: { 全宗号: string; 保管期限: string; 机构或问题: string };
      内容描述: { 题名: string; 日期: string };
    };
    办件: { 事项编码: string; 办结时间: string };
  };
}

let seed = 7;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const items: Item[] = Array.from({ length: total }, (_, i) => {
  const year = 2020 + (i % 5);
  const date = `${year}-${String(1 + rand(12)).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`;
  return {
    date,
    matter: `事由${rand(2000)}`,
    key: String(i).padStart(6, '0'),
    components: ROLES.map((role) => ({ role, name: `${i}-${role}` })),
    record: {
      文件实体: {
        档号: { 全宗号: 'Z109', 保管期限: RETENTION[i % 3]!, 机构或问题: ORGS[Math.floor(i / 15) % 10]! },
        内容描述: { 题名: `关于第${i}号申请的决定`, 日期: date },
      },
      办件: { 事项编码: `310115-XK-${i % 97}`, 办结时间: `${date}T10:00:00+08:00` },
    },
  };
});
const scheme = defineClassificationScheme({
  ...classificationSchemes.yearRetentionOrg,
  id: 'z109-ws',
  fonds: 'Z109',
  category: 'WS',
});

async function dangan(): Promise<string[]> {
  const ordered = orderItems(items);
  for (const item of ordered) orderComponents(item.components);
  const sequence = createMemorySequence();
  const codes: string[] = [];
  for (const item of ordered)
    codes.push(
      (await assignArchivalCode(item.record, archivalCodeTemplates.dat22, sequence, { scheme })).code,
    );
  return codes;
}

function naive(): string[] {
  // Groups (事由) by their earliest date, then their smallest key, as orderItems documents.
  const firstDate = new Map<string, string>();
  const firstKey = new Map<string, string>();
  for (const i of items) {
    if (!firstDate.has(i.matter) || i.date < firstDate.get(i.matter)!) firstDate.set(i.matter, i.date);
    if (!firstKey.has(i.matter) || i.key < firstKey.get(i.matter)!) firstKey.set(i.matter, i.key);
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const ordered = items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        cmp(firstDate.get(a.item.matter)!, firstDate.get(b.item.matter)!) ||
        cmp(firstKey.get(a.item.matter)!, firstKey.get(b.item.matter)!) ||
        cmp(a.item.matter, b.item.matter) ||
        cmp(a.item.date, b.item.date) ||
        cmp(a.item.key, b.item.key) ||
        a.index - b.index,
    )
    .map((x) => x.item);
  const rank: Record<string, number> = { 正本: 0, 定稿: 1, 正文: 2, 附件: 3 };
  for (const item of ordered) [...item.components].sort((a, b) => rank[a.role]! - rank[b.role]!);
  const counters = new Map<string, number>();
  return ordered.map((item) => {
    const a = item.record.文件实体.档号;
    const leaf = `${item.date.slice(0, 4)}-${CODE[a.保管期限]}-${a.机构或问题}`;
    const n = (counters.get(leaf) ?? 0) + 1;
    counters.set(leaf, n);
    return `${a.全宗号}-WS·${leaf.slice(0, 4)}-${CODE[a.保管期限]}-${a.机构或问题}-${String(n).padStart(4, '0')}`;
  });
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const ours: number[] = [];
const theirs: number[] = [];
let same = true;
for (let r = 0; r < rounds; r++) {
  let t = performance.now();
  const a = await dangan();
  ours.push(performance.now() - t);
  t = performance.now();
  const b = naive();
  theirs.push(performance.now() - t);
  same &&= a.length === b.length && a.every((c, i) => c === b[i]);
}
const m = median(ours);
console.log(`### Ordering and assigning 档号 to ${total.toLocaleString('en')} 件 (median of ${rounds})\n`);
console.log('| implementation | ms | ratio to naive |\n|---|---:|---:|');
console.log(
  `| dangan \`orderItems\` + \`orderComponents\` + \`assignArchivalCode\` | ${m.toFixed(0)} | ${(m / median(theirs)).toFixed(2)}× |`,
);
console.log(
  `| naive sort + Map counter + template literal (no checks) | ${median(theirs).toFixed(0)} | 1.00× |`,
);
console.log(
  `\nIdentical codes: ${same ? 'yes' : 'NO'}. Target ≤ ${TARGET_MS} ms: ${m <= TARGET_MS && same ? 'met' : 'NOT met'} (${m.toFixed(0)} ms).`,
);
if (!same) process.exitCode = 1;
