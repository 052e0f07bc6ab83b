import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseComponents, type FilingCase } from '../../../src/filing/case/index.js';
import {
  evaluateRetention,
  type RetentionRule,
  type RetentionSchedule,
} from '../../../src/filing/retention/index.js';

const schedule = (rules: readonly RetentionRule[]): RetentionSchedule => ({
  id: 't',
  title: '测试表',
  version: '1',
  approval: { reference: '测试' },
  rules,
});

const winner = (rules: readonly RetentionRule[], c: FilingCase): string | undefined => {
  const r = evaluateRetention(c, schedule(rules));
  return r.inScope[0]?.ruleId ?? r.outOfScope[0]?.ruleId;
};

const c: FilingCase = {
  caseNumber: 'X',
  itemCode: 'AB-12-0001',
  itemType: '行政许可',
  materials: [{ materialClass: '结果性' }],
};
const inScope = { inScope: true, retention: 'D10' } as const;

/** Lexicographic "a > b" of two equal-length number tuples. */
function lexGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  return false;
}

describe('precedence of rules (most specific wins)', () => {
  it('priority, then exact > prefix (longer first) > pattern > none, then kind, then type, then order', () => {
    const typeOnly: RetentionRule = { id: 'type', itemTypes: ['行政许可'], ...inScope };
    const kindOnly: RetentionRule = { id: 'kind', materialKinds: ['结果性材料'], ...inScope };
    const kindType: RetentionRule = {
      id: 'kind+type',
      materialKinds: ['结果性材料'],
      itemTypes: ['行政许可'],
      ...inScope,
    };
    const pattern: RetentionRule = { id: 'pattern', itemCodePattern: '^AB-', ...inScope };
    const shortPrefix: RetentionRule = { id: 'prefix2', itemCodePrefix: 'AB', ...inScope };
    const longPrefix: RetentionRule = { id: 'prefix5', itemCodePrefix: 'AB-12', ...inScope };
    const exact: RetentionRule = { id: 'exact', itemCode: 'AB-12-0001', ...inScope };
    const boosted: RetentionRule = { id: 'boost', priority: 1, ...inScope };
    const ladder = [boosted, exact, longPrefix, shortPrefix, pattern, kindType, kindOnly, typeOnly];
    for (let i = 0; i < ladder.length; i++) {
      const rest = ladder.slice(i);
      expect(winner([...rest].reverse(), c)).toBe(ladder[i]?.id);
      expect(winner(rest, c)).toBe(ladder[i]?.id);
    }
    expect(
      winner(
        [
          { id: 'first', ...inScope },
          { id: 'second', ...inScope },
        ],
        c,
      ),
    ).toBe('first');
    expect(
      winner(
        [
          { id: 'neg', priority: -1, itemCode: 'AB-12-0001', ...inScope },
          { id: 'catch-all', ...inScope },
        ],
        c,
      ),
    ).toBe('catch-all');
  });

  it('a rule’s kind selector must fit; a type selector needs the case’s type', () => {
    expect(winner([{ id: 'basis', materialKinds: ['依据性材料'], ...inScope }], c)).toBeUndefined();
    expect(
      winner([{ id: 't', itemTypes: ['行政许可'], ...inScope }], {
        caseNumber: 'X',
        itemCode: c.itemCode,
        materials: c.materials ?? [],
      }),
    ).toBeUndefined();
    expect(winner([{ id: 't', itemTypes: ['行政许可'], ...inScope }], { ...c, itemType: ' 行政许可 ' })).toBe(
      't',
    );
  });

  it('the indexed matcher agrees with a brute-force reading of the documented order', () => {
    const codes = ['A', 'AB', 'AB-1', 'AB-12', 'B-9', 'AB-12-0001'];
    const types = ['行政许可', '公共服务'];
    const kinds = ['依据性材料', '程序性材料', '结果性材料', '电子证照'] as const;
    const rule = fc.record({
      sel: fc.constantFrom('none', 'exact', 'prefix', 'pattern'),
      code: fc.constantFrom(...codes),
      types: fc.option(fc.subarray(types, { minLength: 1 }), { nil: undefined }),
      kinds: fc.option(fc.subarray([...kinds], { minLength: 1 }), { nil: undefined }),
      priority: fc.option(fc.integer({ min: -1, max: 1 }), { nil: undefined }),
    });
    const caseArb = fc.record({
      code: fc.constantFrom(...codes),
      type: fc.option(fc.constantFrom(...types), { nil: undefined }),
      classes: fc.array(fc.constantFrom('依据性材料', '程序性材料', '结果性材料', undefined), {
        maxLength: 4,
      }),
      licences: fc.array(fc.constantFrom('依据性材料', undefined), { maxLength: 2 }),
    });
    let decided = 0;
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 12 }), caseArb, (specs, cs) => {
        const rules: RetentionRule[] = specs.map((s, i) => ({
          id: `r${i}`,
          inScope: true,
          retention: `D${i + 1}`,
          ...(s.sel === 'exact' ? { itemCode: s.code } : {}),
          ...(s.sel === 'prefix' ? { itemCodePrefix: s.code } : {}),
          ...(s.sel === 'pattern' ? { itemCodePattern: `^${s.code}` } : {}),
          ...(s.types === undefined ? {} : { itemTypes: s.types }),
          ...(s.kinds === undefined ? {} : { materialKinds: s.kinds }),
          ...(s.priority === undefined ? {} : { priority: s.priority }),
        }));
        const fcase: FilingCase = {
          caseNumber: 'X',
          itemCode: cs.code,
          ...(cs.type === undefined ? {} : { itemType: cs.type }),
          materials: cs.classes.map((m) => (m === undefined ? {} : { materialClass: m })),
          licences: cs.licences.map((m) => (m === undefined ? {} : { materialClass: m })),
        };
        const got = evaluateRetention(fcase, schedule(rules));
        const byRef = new Map(got.inScope.map((m) => [m.ref, m.ruleId]));
        const comps = caseComponents(fcase);
        const targets = comps.length === 0 ? [undefined] : comps;
        for (const comp of targets) {
          if (got.inScope.length > 0) decided++;
          let best: { id: string; key: number[] } | undefined;
          specs.forEach((s, i) => {
            const codeOk =
              s.sel === 'none' ||
              (s.sel === 'exact' && cs.code === s.code) ||
              ((s.sel === 'prefix' || s.sel === 'pattern') && cs.code.startsWith(s.code));
            const typeOk = s.types === undefined || (cs.type !== undefined && s.types.includes(cs.type));
            let kindRank = 0;
            if (s.kinds !== undefined) {
              if (comp === undefined) kindRank = -1;
              else if (comp.kind !== undefined && (s.kinds as readonly string[]).includes(comp.kind))
                kindRank = 2;
              else if (
                comp.source === '电子证照' &&
                comp.materialClass !== undefined &&
                (s.kinds as readonly string[]).includes(comp.materialClass)
              )
                kindRank = 1;
              else kindRank = -1;
            }
            if (!codeOk || !typeOk || kindRank < 0) return;
            const codeRank = { exact: 3, prefix: 2, pattern: 1, none: 0 }[s.sel];
            const key = [
              s.priority ?? 0,
              codeRank,
              s.sel === 'prefix' ? s.code.length : 0,
              kindRank,
              s.types === undefined ? 0 : 1,
              -i,
            ];
            const better = best === undefined || lexGreater(key, best.key);
            if (better) best = { id: `r${i}`, key };
          });
          expect(byRef.get(comp?.ref ?? '/办件')).toBe(best?.id);
        }
      }),
      { numRuns: 600 },
    );
    expect(decided).toBeGreaterThan(100); // the generator does reach matches
  });
});
