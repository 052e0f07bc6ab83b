import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { archivalCodeTemplates, formatArchivalCode } from '../../../src/filing/archival-code/index.js';
import { createMemorySequence, findSequenceGaps } from '../../../src/filing/sequence/index.js';

const { dat22 } = archivalCodeTemplates;

describe('createMemorySequence', () => {
  it('counts each key from start, reserves blocks, peeks without reserving, and continues after seeds', async () => {
    const s = createMemorySequence();
    expect(await s.peek('a')).toBe(1);
    expect(await s.next('a')).toBe(1);
    expect(await s.next('a')).toBe(2);
    expect(await s.next('b')).toBe(1);
    expect(await s.next('a', { count: 10 })).toBe(3);
    expect(await s.peek('a')).toBe(13);
    expect([...s.snapshot()]).toEqual([
      ['a', 12],
      ['b', 1],
    ]);
    const zero = createMemorySequence(0, { last: [['x', 4]] });
    expect(await zero.next('y')).toBe(0);
    expect(await zero.next('x')).toBe(5);
    const seeded = createMemorySequence(100, { last: { low: 3 } });
    expect(await seeded.next('low')).toBe(100);
  });

  it('refuses bad arguments', async () => {
    expect(() => createMemorySequence(-1)).toThrow(RangeError);
    expect(() => createMemorySequence(1.5)).toThrow(RangeError);
    expect(() => createMemorySequence(1, { last: { a: -2 } })).toThrow(RangeError);
    const s = createMemorySequence();
    await expect(s.next('a', { count: 0 })).rejects.toThrow(RangeError);
    await expect(s.next(1 as never)).rejects.toThrow(TypeError);
    const full = createMemorySequence(1, { last: { a: Number.MAX_SAFE_INTEGER - 1 } });
    await expect(full.next('a', { count: 2 })).rejects.toThrow(RangeError);
  });
});

describe('findSequenceGaps', () => {
  it('finds gaps, duplicates and numbers out of order in plain numbers', () => {
    const r = findSequenceGaps([2, 3, 5, 5, 4, 9, '0010', ' ７ ']);
    expect(r.gaps).toEqual([
      { key: '', from: 1, to: 1 },
      { key: '', from: 6, to: 6 },
      { key: '', from: 8, to: 8 },
    ]);
    expect(r.duplicates).toEqual([{ key: '', value: 5, count: 2, indices: [2, 3] }]);
    expect(r.outOfOrder).toEqual([
      { key: '', index: 4, value: 4, previous: 5 },
      { key: '', index: 7, value: 7, previous: 10 },
    ]);
    expect(r.classes).toEqual([{ key: '', count: 8, first: 2, last: 10 }]);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.code, f.item])).toContainEqual(['FILING_SEQUENCE_GAP', 'GD-2-6']);
    expect(findSequenceGaps([1, 2, 3]).ok).toBe(true);
    expect(findSequenceGaps([]).ok).toBe(true);
    expect(findSequenceGaps([0, 1], { start: 0 }).ok).toBe(true);
  });

  it('reports values that are not numbers or below the start', () => {
    const r = findSequenceGaps([1, 'x', 0, 2.5, -3, 2]);
    expect(r.invalid.map((v) => v.index)).toEqual([1, 2, 3, 4]);
    expect(r.gaps).toEqual([]);
    expect(r.ok).toBe(false);
    expect(() => findSequenceGaps([{} as never])).toThrow(TypeError);
    expect(() => findSequenceGaps('1,2' as never)).toThrow(TypeError);
    expect(() => findSequenceGaps([1], { start: -1 })).toThrow(RangeError);
  });

  it('groups 档号 by leaf class, each counting from 1', () => {
    const codes = [
      'Z109-WS·2024-Y-BGS-0001',
      'Z109-WS·2024-Y-BGS-0002',
      'Z109-WS·2024-Y-0001',
      'Z109-WS·2024-Y-BGS-0004',
      'Z109-WS·2024-D30-BGS-0002',
      'Z109－WS·2024-Y-0001',
      'bad',
    ];
    const r = findSequenceGaps(codes, { template: dat22 });
    expect(r.gaps).toEqual([
      { key: 'Z109-WS·2024-Y-BGS', from: 3, to: 3 },
      { key: 'Z109-WS·2024-D30-BGS', from: 1, to: 1 },
    ]);
    expect(r.duplicates).toEqual([{ key: 'Z109-WS·2024-Y', value: 1, count: 2, indices: [2, 5] }]);
    expect(r.invalid).toMatchObject([
      { index: 6, value: 'bad', findings: [{ code: 'FILING_ARCHIVAL_CODE_STRUCTURE' }] },
    ]);
    expect(r.classes.map((c) => [c.key, c.last])).toEqual([
      ['Z109-WS·2024-Y-BGS', 4],
      ['Z109-WS·2024-Y', 1],
      ['Z109-WS·2024-D30-BGS', 2],
    ]);
  });

  it('seeds a memory sequence so numbering continues after existing codes', async () => {
    const existing = ['Z109-WS·2024-Y-BGS-0001', 'Z109-WS·2024-Y-BGS-0002'];
    const { classes } = findSequenceGaps(existing, { template: dat22 });
    const s = createMemorySequence(1, { last: classes.map((c) => [c.key, c.last] as const) });
    expect(await s.next('Z109-WS·2024-Y-BGS')).toBe(3);
  });

  it('finds exactly the numbers removed from a run (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.func(fc.boolean()),
        fc.constantFrom('numbers', 'codes'),
        (n, drop, form) => {
          const kept = Array.from({ length: n }, (_, i) => i + 1).filter((v) => v === n || !drop(v));
          const values =
            form === 'numbers'
              ? kept
              : kept.map((v) =>
                  formatArchivalCode({ 全宗号: 'A001', 年度: 2024, 保管期限: 'Y', 件号: v }, dat22),
                );
          const r = findSequenceGaps(values, form === 'codes' ? { template: dat22 } : {});
          const missing = new Set(
            r.gaps.flatMap((g) => Array.from({ length: g.to - g.from + 1 }, (_, i) => g.from + i)),
          );
          for (let v = 1; v <= n; v++) expect(missing.has(v)).toBe(!kept.includes(v));
          expect(r.duplicates).toEqual([]);
          expect(r.outOfOrder).toEqual([]);
          for (let i = 1; i < r.gaps.length; i++)
            expect(r.gaps[i]!.from).toBeGreaterThan(r.gaps[i - 1]!.to + 1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
