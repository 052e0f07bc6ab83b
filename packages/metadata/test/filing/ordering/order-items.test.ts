import { isDanganError } from '@dangan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, orderItems, safeOrderItems } from '../../../src/filing/ordering/index.js';
import { shuffle } from './shuffle.js';

interface Item {
  readonly date: string;
  readonly matter?: string;
  readonly key?: string;
  readonly id: number;
}

describe('dayNumber', () => {
  it('reads YYYY-MM-DD and YYYYMMDD, checking the calendar', () => {
    expect(dayNumber('2024-02-29')).toBe(20240229);
    expect(dayNumber('20240229')).toBe(20240229);
    expect(dayNumber('2000-02-29')).toBe(20000229);
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '0000-01-01',
      '2024/01/01',
      '2024-1-01',
      '',
      '２０２４-01-01',
      20240101,
    ]) {
      expect(dayNumber(bad)).toBeUndefined();
    }
  });
});

describe('orderItems (排列: 时间结合事由)', () => {
  it('keeps a matter together, ordering groups by their earliest date', () => {
    const items: Item[] = [
      { id: 1, date: '2024-03-05', matter: '第2次常务会议' },
      { id: 2, date: '2024-03-01', matter: '第1次常务会议' },
      { id: 3, date: '2024-03-02' },
      { id: 4, date: '2024-03-09', matter: '第1次常务会议' },
      { id: 5, date: '2024-03-03', matter: '第2次常务会议' },
      { id: 6, date: '2024-01-15' },
    ];
    expect(orderItems(items).map((i) => i.id)).toEqual([6, 2, 4, 3, 5, 1]);
    expect(orderItems(items, { keepMattersTogether: false }).map((i) => i.id)).toEqual([6, 2, 3, 5, 1, 4]);
  });

  it('breaks ties by key, then keeps input order; matters compare after NFKC and trimming', () => {
    const items: Item[] = [
      { id: 1, date: '2024-05-01', key: 'b' },
      { id: 2, date: '2024-05-01', key: 'a' },
      { id: 3, date: '2024-05-01', key: 'a' },
      { id: 4, date: '2024-05-01', matter: ' ＡＢ ', key: 'z' },
      { id: 5, date: '2024-04-01', matter: 'AB', key: 'y' },
    ];
    expect(orderItems(items).map((i) => i.id)).toEqual([5, 4, 2, 3, 1]);
  });

  it('orders any item type through readers', () => {
    const records = [
      { 办件编号: 'B', 办结: '2024-06-02', 事项: 'X' },
      { 办件编号: 'A', 办结: '2024-06-03', 事项: 'Y' },
      { 办件编号: 'C', 办结: '2024-06-04', 事项: 'X' },
    ];
    const out = orderItems(records, { date: (r) => r.办结, matter: (r) => r.事项, key: (r) => r.办件编号 });
    expect(out.map((r) => r.办件编号)).toEqual(['B', 'C', 'A']);
  });

  it('refuses missing or invalid dates with one finding per item', () => {
    const items = [{ date: '2024-02-30' }, { date: '2024-01-01' }, {} as { date: string }];
    expect(() => orderItems(items)).toThrow(expect.objectContaining({ code: 'FILING_ORDER_DATE_INVALID' }));
    const r = safeOrderItems(items);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.findings.map((f) => f.path)).toEqual(['/0/date', '/2/date']);
      expect(isDanganError(r.error, 'FILING_ORDER_DATE_INVALID')).toBe(true);
      expect(r.findings[0]?.message).toContain('2024-02-30');
    }
    expect(safeOrderItems([{ date: '2024-01-01' }]).ok).toBe(true);
    expect(() => orderItems(null as unknown as Item[])).toThrow(TypeError);
  });

  const date = fc
    .record({
      y: fc.integer({ min: 2020, max: 2022 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const item = fc.record(
    {
      date,
      matter: fc.constantFrom('甲', '乙', '丙', '丁', ''),
      key: fc.constantFrom('k1', 'k2', 'k3', ''),
    },
    { requiredKeys: ['date'] },
  );
  const items = fc.array(item, { maxLength: 60 }).map((list) => list.map((x, id) => ({ ...x, id })));
  const sortKey = (i: { date: string; matter?: string; key?: string }) =>
    `${i.date}|${i.matter ?? ''}|${i.key ?? ''}`;

  it('property: a permutation; idempotent; the same for any input order (up to equal items)', () => {
    fc.assert(
      fc.property(items, fc.integer(), (list, seed) => {
        const once = orderItems(list);
        expect([...once].sort((a, b) => a.id - b.id)).toEqual(list);
        expect(orderItems(once)).toEqual(once);
        expect(orderItems(shuffle(list, seed)).map(sortKey)).toEqual(once.map(sortKey));
      }),
    );
  });

  it('property: equal items keep input order; matters are contiguous and ordered by earliest date', () => {
    fc.assert(
      fc.property(items, (list) => {
        const out = orderItems(list);
        const lastId = new Map<string, number>();
        for (const i of out) {
          expect(i.id).toBeGreaterThan(lastId.get(sortKey(i)) ?? -1);
          lastId.set(sortKey(i), i.id);
        }
        // Each matter is one run; runs start at non-decreasing earliest dates; dates rise inside a run.
        const runs: { matter: string; dates: string[] }[] = [];
        for (const i of out) {
          const m = i.matter === '' || i.matter === undefined ? `#${i.id}` : i.matter;
          const last = runs[runs.length - 1];
          if (last !== undefined && last.matter === m) last.dates.push(i.date);
          else runs.push({ matter: m, dates: [i.date] });
        }
        expect(new Set(runs.map((r) => r.matter)).size).toBe(runs.length);
        for (let r = 0; r < runs.length; r++) {
          const ds = runs[r]!.dates;
          expect([...ds].sort()).toEqual(ds);
          if (r > 0) expect(runs[r - 1]!.dates[0]! <= ds[0]!).toBe(true);
        }
      }),
    );
  });

  it('property: without matters the order is by date, then key, then input', () => {
    fc.assert(
      fc.property(items, (list) => {
        const out = orderItems(list, { keepMattersTogether: false });
        const expected = list.slice().sort((a, b) => {
          const ka = a.key ?? '';
          const kb = b.key ?? '';
          return (
            (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
            (ka < kb ? -1 : ka > kb ? 1 : 0) ||
            a.id - b.id
          );
        });
        expect(out).toEqual(expected);
      }),
    );
  });
});
