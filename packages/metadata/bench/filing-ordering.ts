/**
 * Ordering 100,000 件 of one year (`orderItems`: by date, keeping each 事由 together) and their ~400,000
 * components (`orderComponents`: 件内排序 by role), then writing each 件's 档号 (`formatArchivalCode`, DA/T
 * 22-2015 template, 件号 counted per leaf class). Peer: the obvious code — `Array.prototype.sort` with a
 * comparator that looks everything up on each comparison (the matter's earliest date from a Map, dates as
 * strings, role ranks from the table). Both must produce the same order. Target: ordering plus 档号 ≤ 1 s for
 * 100k 件 on one core.
 *
 * Run: `npx tsx --conditions=@dangan/source bench/filing-ordering.ts [--quick]`
 */
import { archivalCodeTemplates, formatArchivalCode } from '../src/filing/archival-code/index.js';
import { COMPONENT_ROLE_DIMENSIONS, orderComponents, orderItems } from '../src/filing/ordering/index.js';

const quick = process.argv.includes('--quick');
const N = quick ? 20_000 : 100_000;
const rounds = quick ? 3 : 5;
const TARGET_MS = 1000 * (N / 100_000);

interface Component {
  readonly roles: readonly string[];
  readonly file: string;
}
interface Item {
  readonly date: string;
  readonly matter?: string;
  readonly key: string;
  readonly org: string;
  readonly components: readonly Component[];
}

// Deterministic data: dates over 2024, a third of the 件 in matters of 2–6, 20 機构 classes, 2–6 components.
let seed = 42;
const rand = () => {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
  return seed / 2 ** 32;
};
const ORGS = [
  'BGS',
  'ZZB',
  'XCB',
  'CWK',
  'RSK',
  'DJK',
  'XKK',
  'ZFK',
  'JCK',
  'FGK',
  'TJK',
  'XXK',
  'AQK',
  'HBK',
  'JYK',
  'WSK',
  'JTK',
  'SLK',
  'NYK',
  'SWK',
];
const ROLE_SETS: readonly (readonly string[])[] = [
  ['正本', '正文'],
  ['正本', '附件'],
  ['定稿', '正文'],
  ['文件处理单'],
  ['复制件', '附件'],
  ['来文', '正文'],
  ['外文本'],
  ['修改稿'],
];
const day = (d: number) => {
  const date = new Date(Date.UTC(2024, 0, 1 + d));
  return date.toISOString().slice(0, 10);
};
const items: Item[] = [];
let matterNo = 0;
while (items.length < N) {
  const inMatter = rand() < 0.33;
  const size = inMatter ? 2 + Math.floor(rand() * 5) : 1;
  const matter = inMatter ? `事由${++matterNo}` : undefined;
  const org = ORGS[Math.floor(rand() * ORGS.length)]!;
  const start = Math.floor(rand() * 360);
  for (let k = 0; k < size && items.length < N; k++) {
    const count = 2 + Math.floor(rand() * 5);
    const components = Array.from({ length: count }, (_, c) => ({
      roles: ROLE_SETS[Math.floor(rand() * ROLE_SETS.length)]!,
      file: `f${items.length}-${c}`,
    }));
    items.push({
      date: day(start + Math.floor(rand() * 5)),
      ...(matter === undefined ? {} : { matter }),
      key: `310115${String(items.length).padStart(8, '0')}`,
      org,
      components,
    });
  }
}
// Shuffle so the input is not already ordered.
for (let i = items.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [items[i], items[j]] = [items[j]!, items[i]!];
}
const componentCount = items.reduce((n, i) => n + i.components.length, 0);

// --- the peer: naive comparator sorts -------------------------------------------------------------------
function naiveOrderItems(list: readonly Item[]): Item[] {
  const earliest = new Map<string, string>();
  for (const i of list) {
    if (i.matter === undefined) continue;
    const e = earliest.get(i.matter);
    if (e === undefined || i.date < e) earliest.set(i.matter, i.date);
  }
  const minKey = new Map<string, string>();
  for (const i of list) {
    if (i.matter === undefined) continue;
    const e = minKey.get(i.matter);
    if (e === undefined || i.key < e) minKey.set(i.matter, i.key);
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return list.slice().sort((a, b) => {
    const ga = a.matter === undefined ? a.date : earliest.get(a.matter)!;
    const gb = b.matter === undefined ? b.date : earliest.get(b.matter)!;
    const ka = a.matter === undefined ? a.key : minKey.get(a.matter)!;
    const kb = b.matter === undefined ? b.key : minKey.get(b.matter)!;
    return (
      cmp(ga, gb) ||
      cmp(ka, kb) ||
      cmp(a.matter ?? '', b.matter ?? '') ||
      cmp(a.date, b.date) ||
      cmp(a.key, b.key)
    );
  });
}
function naiveRank(c: Component): number[] {
  return COMPONENT_ROLE_DIMENSIONS.map((d) => {
    let best = -2;
    for (const r of c.roles) {
      const rank = d.ranks.findIndex((g) => g.includes(r));
      if (rank >= 0 && (best === -2 || rank < best)) best = rank;
    }
    return best === -2 ? (d.absent ?? 0) : best;
  });
}
function naiveOrderComponents(list: readonly Component[]): Component[] {
  return list.slice().sort((a, b) => {
    const ra = naiveRank(a);
    const rb = naiveRank(b);
    for (let d = 0; d < ra.length; d++) if (ra[d] !== rb[d]) return ra[d]! - rb[d]!;
    return 0;
  });
}

// --- the work ---------------------------------------------------------------------------------------------
function assignCodes(ordered: readonly Item[]): string[] {
  const counters = new Map<string, number>();
  return ordered.map((i) => {
    const n = (counters.get(i.org) ?? 0) + 1;
    counters.set(i.org, n);
    return formatArchivalCode(
      { 全宗号: 'Z109', 年度: 2024, 保管期限: 'D30', 机构或问题: i.org, 件号: n },
      archivalCodeTemplates.dat22,
    );
  });
}

function time<T>(fn: () => T): [number, T] {
  const start = performance.now();
  const value = fn();
  return [performance.now() - start, value];
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

// Same result as the peer (items compared by key; components by file).
{
  const ours = orderItems(items);
  const peer = naiveOrderItems(items);
  if (ours.some((x, i) => x.key !== peer[i]!.key)) throw new Error('orderItems differs from the naive peer');
  for (const i of items.slice(0, 2000)) {
    const a = orderComponents(i.components)
      .map((c) => c.file)
      .join();
    const b = naiveOrderComponents(i.components)
      .map((c) => c.file)
      .join();
    if (a !== b) throw new Error('orderComponents differs from the naive peer');
  }
}

const t = {
  items: [] as number[],
  components: [] as number[],
  codes: [] as number[],
  naiveItems: [] as number[],
  naiveComponents: [] as number[],
};
for (let r = 0; r <= rounds; r++) {
  const [a, ordered] = time(() => orderItems(items));
  const [b] = time(() => {
    for (const i of ordered) orderComponents(i.components);
  });
  const [c] = time(() => assignCodes(ordered));
  const [d] = time(() => naiveOrderItems(items));
  const [e] = time(() => {
    for (const i of items) naiveOrderComponents(i.components);
  });
  if (r === 0) continue; // warm-up
  t.items.push(a);
  t.components.push(b);
  t.codes.push(c);
  t.naiveItems.push(d);
  t.naiveComponents.push(e);
}
const ours = median(t.items) + median(t.components);
const peer = median(t.naiveItems) + median(t.naiveComponents);
const total = ours + median(t.codes);

console.log(
  `Ordering ${N.toLocaleString('en')} 件 (${componentCount.toLocaleString('en')} components) of one year, ${rounds} rounds, median ms, one core\n`,
);
console.log('| step | dangan | naive `Array.prototype.sort` + comparator | naive ÷ dangan |');
console.log('|---|---:|---:|---:|');
const row = (name: string, a: number, b: number) =>
  console.log(`| ${name} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(2)}× |`);
row('`orderItems` (时间结合事由)', median(t.items), median(t.naiveItems));
row('`orderComponents` (件内排序), every 件', median(t.components), median(t.naiveComponents));
row('ordering, total', ours, peer);
console.log(
  `| \`formatArchivalCode\` (DA/T 22 template), every 件 | ${median(t.codes).toFixed(1)} | — | — |`,
);
console.log(
  `\nTarget ≤ ${TARGET_MS.toFixed(0)} ms for ordering + 档号 of ${N.toLocaleString('en')} 件: ${total <= TARGET_MS ? 'met' : 'NOT met'} (${total.toFixed(0)} ms)`,
);
