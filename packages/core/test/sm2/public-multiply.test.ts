import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SM2_GX, SM2_GY, SM2_N, SM2_P, sm2Curve } from '../../src/sm2/curve.js';
import { linearCombinationX, windowTable } from '../../src/sm2/public-multiply.js';

// The verification arithmetic against noble's (independent formulas, complete additions).
const G = sm2Curve().BASE;
const scalar = fc.bigInt({ min: 1n, max: SM2_N - 1n });
const expectedX = (s: bigint, q: ReturnType<typeof sm2Curve>['BASE'], t: bigint) => {
  const sum = G.multiplyUnsafe(s).add(q.multiplyUnsafe(t));
  return sum.is0() ? undefined : sum.toAffine().x;
};

describe('linearCombinationX = x(s·G + t·Q)', () => {
  const base8 = windowTable(SM2_GX, SM2_GY, 8);

  it('matches noble for random keys and scalars, with and without a table for Q', () => {
    fc.assert(
      fc.property(scalar, scalar, scalar, fc.constantFrom(4, 5, 6, 7), (d, s, t, window) => {
        const q = G.multiply(d);
        const { x, y } = q.toAffine();
        const want = expectedX(s, q, t);
        expect(linearCombinationX(base8, s, [x, y], t)).toBe(want);
        expect(linearCombinationX(base8, s, windowTable(x, y, window), t)).toBe(want);
      }),
      { numRuns: 40 },
    );
  });

  it('handles the exceptional additions: equal points, opposite points, small and extreme scalars', () => {
    const minusG = G.negate();
    const gTable = windowTable(SM2_GX, SM2_GY, 6);
    const minusGTable = windowTable(SM2_GX, SM2_P - SM2_GY, 6);
    const cases: Array<[bigint, bigint]> = [
      [1n, 1n],
      [2n, 2n],
      [1n, 2n],
      [5n, SM2_N - 5n],
      [SM2_N - 1n, 1n],
      [SM2_N - 1n, SM2_N - 1n],
      [0x80n, 0x80n],
      [(SM2_N - 1n) / 2n, (SM2_N + 1n) / 2n],
    ];
    for (const [s, t] of cases) {
      expect(linearCombinationX(base8, s, gTable, t), `${s}, ${t}`).toBe(expectedX(s, G, t));
      expect(linearCombinationX(base8, s, [SM2_GX, SM2_GY], t), `${s}, ${t} (no table)`).toBe(
        expectedX(s, G, t),
      );
      expect(linearCombinationX(base8, s, minusGTable, t), `${s}, −${t}`).toBe(expectedX(s, minusG, t));
      expect(linearCombinationX(base8, s, [SM2_GX, SM2_P - SM2_GY], t)).toBe(expectedX(s, minusG, t));
    }
    expect(linearCombinationX(base8, 5n, gTable, SM2_N - 5n)).toBeUndefined();
  });

  it('builds tables whose every entry is on the curve', () => {
    const table = windowTable(SM2_GX, SM2_GY, 4);
    expect(table.xs).toHaveLength(table.windows * 8);
    table.xs.forEach((x, i) => {
      expect(() => sm2Curve().fromAffine({ x, y: table.ys[i]! }).assertValidity()).not.toThrow();
    });
    // Entry j of window w is j·2^(4w)·G.
    expect(table.xs[3 * 8 + 4]).toBe(G.multiply(5n << 12n).toAffine().x);
  });
});
