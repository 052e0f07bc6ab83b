/**
 * `evaluateRetention(case, schedule)` on a large, realistic 归档范围与保管期限表 — 2,000 事项 with exact-code rows
 * for 依据性/程序性/结果性 and 电子证照 (8,000 rows), 200 prefix families (600 rows), 20 patterns (60 rows) and
 * 事项类型 fallbacks — over 10,000 distinct 办件 of 3–6 components each. The peer is the straightforward host
 * implementation: for each component, `rules.filter(matches)` then pick the best by the same precedence (a
 * linear scan). Both must agree on every component. Target: ≥ 20,000 办件/s on one core.
 *
 * Run: `npx tsx --conditions=@dangan/source bench/filing-retention.ts [--quick]`
 */
import { type CaseComponent, caseComponents, type FilingCase } from '../src/filing/case/index.js';
import {
  evaluateRetention,
  type RetentionRule,
  type RetentionSchedule,
} from '../src/filing/retention/index.js';

const quick = process.argv.includes('--quick');
const total = quick ? 5_000 : 20_000;
const rounds = quick ? 3 : 5;
const TARGET = 20_000;

const KINDS = ['依据性材料', '程序性材料', '结果性材料'] as const;
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
const TYPES = ['行政许可', '行政确认', '行政给付', '公共服务'];
const PERIODS = ['D10', 'D30', 'Y'];
const rules: RetentionRule[] = [];
const code = (district: number, family: string, n: number) =>
  `${String(310101 + district).padEnd(12, '0')}-${family}-${String(n).padStart(4, '0')}`;
for (let i = 0; i < 2000; i++) {
  const c = code(i % 16, `E${String(i % 100).padStart(2, '0')}`, i);
  KINDS.forEach((k, j) => {
    rules.push({
      id: `X${i}-${j}`,
      itemCode: c,
      materialKinds: [k],
      inScope: true,
      retention: pick(PERIODS, i + j),
    });
  });
  rules.push({ id: `X${i}-Z`, itemCode: c, materialKinds: ['电子证照'], inScope: true, retention: 'Y' });
}
for (let f = 0; f < 200; f++) {
  const prefix = `${String(310101 + (f % 16)).padEnd(12, '0')}-P${String(f).padStart(3, '0')}-`;
  KINDS.forEach((k, j) => {
    rules.push({
      id: `P${f}-${j}`,
      itemCodePrefix: prefix,
      materialKinds: [k],
      inScope: j !== 1 || f % 5 !== 0,
      retention: pick(PERIODS, f + j),
    });
  });
}
for (let p = 0; p < 20; p++) {
  KINDS.forEach((k, j) => {
    rules.push({
      id: `R${p}-${j}`,
      itemCodePattern: `^\\d{12}-Q${p}-\\d{4}$`,
      materialKinds: [k],
      inScope: true,
      retention: 'D30',
    });
  });
}
for (const t of TYPES)
  KINDS.forEach((k, j) => {
    rules.push({
      id: `T-${t}-${j}`,
      itemTypes: [t],
      materialKinds: [k],
      inScope: true,
      retention: pick(PERIODS, j),
    });
  });
const schedule: RetentionSchedule = {
  id: 'bench',
  title: '基准测试表',
  version: '1',
  approval: { reference: 'bench' },
  rules,
};

const cases: FilingCase[] = Array.from({ length: 10_000 }, (_, i) => {
  const which = i % 4;
  const itemCode =
    which === 0
      ? code(((i * 7) % 2000) % 16, `E${String(((i * 7) % 2000) % 100).padStart(2, '0')}`, (i * 7) % 2000)
      : which === 1
        ? `${String(310101 + ((i % 200) % 16)).padEnd(12, '0')}-P${String(i % 200).padStart(3, '0')}-${String(i).padStart(4, '0')}`
        : which === 2
          ? `310101000000-Q${i % 20}-${String(i % 10000).padStart(4, '0')}`
          : `440300000000-ZZ-${String(i % 10000).padStart(4, '0')}`;
  const n = 3 + (i % 4);
  return {
    caseNumber: `C${i}`,
    itemCode,
    itemType: pick(TYPES, i),
    materials: Array.from({ length: n - 1 }, (_, j) => ({ name: `材料${j}`, materialClass: pick(KINDS, j) })),
    licences: [{ name: '证照' }],
  };
});

// The peer: a linear scan with the same documented precedence (patterns compiled and row positions known once).
const compiledPatterns = new Map(
  rules.flatMap((r) =>
    r.itemCodePattern === undefined ? [] : [[r, new RegExp(r.itemCodePattern, 'u')] as const],
  ),
);
const position = new Map(rules.map((r, i) => [r, i]));
function peerRule(c: FilingCase, comp: CaseComponent): RetentionRule | undefined {
  const matches = rules.filter((r) => {
    if (r.itemCode !== undefined && r.itemCode !== c.itemCode) return false;
    if (r.itemCodePrefix !== undefined && !c.itemCode.startsWith(r.itemCodePrefix)) return false;
    if (r.itemCodePattern !== undefined && compiledPatterns.get(r)?.test(c.itemCode) !== true) return false;
    if (r.itemTypes !== undefined && (c.itemType === undefined || !r.itemTypes.includes(c.itemType)))
      return false;
    if (r.materialKinds !== undefined) {
      const own = comp.kind !== undefined && r.materialKinds.includes(comp.kind);
      const cls =
        comp.source === '电子证照' &&
        comp.materialClass !== undefined &&
        r.materialKinds.includes(comp.materialClass);
      if (!own && !cls) return false;
    }
    return true;
  });
  const key = (r: RetentionRule): number[] => [
    r.priority ?? 0,
    r.itemCode !== undefined
      ? 3
      : r.itemCodePrefix !== undefined
        ? 2
        : r.itemCodePattern !== undefined
          ? 1
          : 0,
    r.itemCodePrefix?.length ?? 0,
    r.materialKinds === undefined
      ? 0
      : comp.kind !== undefined && r.materialKinds.includes(comp.kind)
        ? 2
        : 1,
    r.itemTypes === undefined ? 0 : 1,
    -(position.get(r) ?? 0),
  ];
  const better = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
    return false;
  };
  let best: RetentionRule | undefined;
  for (const r of matches) if (best === undefined || better(key(r), key(best))) best = r;
  return best;
}

function peer(c: FilingCase): string[] {
  return caseComponents(c).map((comp) => peerRule(c, comp)?.id ?? '-');
}
function ours(c: FilingCase): string[] {
  const r = evaluateRetention(c, schedule);
  const ids = new Map<string, string>();
  for (const m of [...r.inScope, ...r.outOfScope]) ids.set(m.ref, m.ruleId);
  return caseComponents(c).map((comp) => ids.get(comp.ref) ?? '-');
}

for (const c of cases.slice(0, 500)) {
  if (JSON.stringify(ours(c)) !== JSON.stringify(peer(c))) throw new Error(`disagreement on ${c.caseNumber}`);
}

const contenders: [string, (c: FilingCase) => unknown, number][] = [
  ['dangan `evaluateRetention` (indexed by 事项编码)', (c) => evaluateRetention(c, schedule), total],
  ['linear scan per component (filter + best by precedence)', peer, Math.max(200, total / 50)],
];
function run(fn: (c: FilingCase) => unknown, n: number): number {
  const start = performance.now();
  for (let i = 0; i < n; i++) fn(cases[i % cases.length] as FilingCase);
  return n / ((performance.now() - start) / 1000);
}
const rates = new Map<string, number[]>();
for (const [, fn, n] of contenders) run(fn, Math.min(n, 500));
for (let round = 0; round < rounds; round++) {
  for (const [name, fn, n] of contenders) rates.set(name, [...(rates.get(name) ?? []), run(fn, n)]);
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
const ourRate = median(rates.get(contenders[0]?.[0] ?? '') ?? []);
console.log(
  `Retention schedule evaluation: ${rules.length.toLocaleString('en')} rows, 10,000 distinct 办件 of 3–6 components, ${rounds} rounds, median, one core\n`,
);
console.log('| implementation | 办件/s | dangan ÷ it |');
console.log('|---|---:|---:|');
for (const [name] of contenders) {
  const rate = median(rates.get(name) ?? []);
  console.log(`| ${name} | ${Math.round(rate).toLocaleString('en')} | ${(ourRate / rate).toFixed(1)}× |`);
}
console.log(
  `\nTarget ≥ ${TARGET.toLocaleString('en')} 办件/s: ${ourRate >= TARGET ? 'met' : 'NOT met'} (${Math.round(ourRate).toLocaleString('en')}/s)`,
);
