import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/report/summarise.js';
import { CHECK_STATUSES, type CheckItemResult } from '../../src/report/types.js';
import { FOUR_PROPERTIES } from '../../src/stages.js';
import { arbitraryItem } from './support/arbitrary-report.js';
import { archivingItems } from './support/sample-reports.js';

const zero = { pass: 0, fail: 0, warning: 0, manual: 0, 'not-applicable': 0, error: 0 };

describe('summarise', () => {
  it('counts the sample report by status and by property', () => {
    const s = summarise(archivingItems);
    expect(s.total).toBe(12);
    expect(s.byStatus).toEqual({ pass: 5, fail: 1, warning: 1, manual: 2, 'not-applicable': 2, error: 1 });
    expect(s.byProperty.authenticity).toEqual({ ...zero, pass: 1, fail: 1, 'not-applicable': 1 });
    expect(s.byProperty.integrity).toEqual({ ...zero, pass: 1, warning: 1 });
    expect(s.byProperty.usability).toEqual({ ...zero, pass: 1, error: 1 });
    expect(s.byProperty.security).toEqual({ ...zero, pass: 2, manual: 2, 'not-applicable': 1 });
    expect(s.passed).toBe(false);
  });

  it('gives every status and property a zero count for no items, and passes', () => {
    const s = summarise([]);
    expect(s).toEqual({
      total: 0,
      byStatus: zero,
      byProperty: { authenticity: zero, integrity: zero, usability: zero, security: zero },
      passed: true,
    });
  });

  it.each([
    ['pass', true],
    ['warning', true],
    ['manual', true],
    ['not-applicable', true],
    ['fail', false],
    ['error', false],
  ] as const)('a report whose one item is %s has passed = %s', (status, passed) => {
    const item: CheckItemResult = {
      id: 'GD-1-2',
      group: '1-2',
      property: 'authenticity',
      name: '元数据项数据长度检测',
      status,
      findings: [],
      ...(status === 'not-applicable' || status === 'error' ? { reason: '原因' } : {}),
    };
    expect(summarise([item]).passed).toBe(passed);
    expect(summarise([item, { ...item, status: 'pass' }]).passed).toBe(passed);
  });

  it('agrees with a direct count for any items, and does not touch its input', () => {
    fc.assert(
      fc.property(fc.array(arbitraryItem, { maxLength: 30 }), (items) => {
        const before = JSON.stringify(items);
        const s = summarise(items);
        expect(JSON.stringify(items)).toBe(before);
        expect(s.total).toBe(items.length);
        for (const status of CHECK_STATUSES) {
          expect(s.byStatus[status]).toBe(items.filter((i) => i.status === status).length);
          let sum = 0;
          for (const p of FOUR_PROPERTIES) {
            const n = items.filter((i) => i.status === status && i.property === p.id).length;
            expect(s.byProperty[p.id][status]).toBe(n);
            sum += n;
          }
          expect(sum).toBe(s.byStatus[status]);
        }
        expect(s.passed).toBe(!items.some((i) => i.status === 'fail' || i.status === 'error'));
        expect(summarise(items)).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });

  it('throws a TypeError naming the item for a status or property outside the contract', () => {
    const good = archivingItems[0]!;
    expect(() => summarise([good, { ...good, status: 'passed' as never }])).toThrow(
      /items\[1\]\.status must be one of pass, fail, warning, manual, not-applicable, error, got passed/,
    );
    expect(() => summarise([{ ...good, property: 'reliability' as never }])).toThrow(
      /items\[0\]\.property must be one of authenticity, integrity, usability, security/,
    );
    expect(() => summarise([{ ...good, property: '__proto__' as never }])).toThrow(TypeError);
    expect(() => summarise('nope' as never)).toThrow(TypeError);
  });
});
