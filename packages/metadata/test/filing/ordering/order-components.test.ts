import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMPONENT_ROLE_DIMENSIONS,
  type ComponentRoleDimension,
  componentRoleFindings,
  orderComponents,
} from '../../../src/filing/ordering/index.js';
import { shuffle } from './shuffle.js';

interface C {
  readonly id: string;
  readonly roles?: readonly string[];
  readonly role?: string;
}

const ids = (cs: readonly C[]) => cs.map((c) => c.id);

describe('orderComponents (件内排序)', () => {
  it('puts each DA/T 22-2015 pair in order, whatever the input order', () => {
    const pairs: [string, string][] = [
      ['正本', '定稿'],
      ['正文', '附件'],
      ['原件', '复制件'],
      ['转发文', '被转发文'],
      ['复文', '来文'],
      ['汉文本', '少数民族文字本'],
      ['中文本', '外文本'],
      ['汉文文本', '少数民族文字文本'],
    ];
    for (const [first, second] of pairs) {
      const input: C[] = [
        { id: second, role: second },
        { id: first, role: first },
      ];
      expect(ids(orderComponents(input))).toEqual([first, second]);
      expect(ids(orderComponents(input.slice().reverse()))).toEqual([first, second]);
    }
  });

  it('orders a whole 件: handling form first, the reply document before the incoming one, 正本 before 定稿', () => {
    const input: C[] = [
      { id: '来文', roles: ['来文', '正文'] },
      { id: '定稿附件', roles: ['复文', '定稿', '附件'] },
      { id: '正本附件', roles: ['复文', '正本', '附件'] },
      { id: '处理单', role: '文件处理单' },
      { id: '来文附件', roles: ['来文', '附件'] },
      { id: '定稿', roles: ['复文', '定稿', '正文'] },
      { id: '正本', roles: ['复文', '正本', '正文'] },
      { id: '英文本', roles: ['复文', '正本', '外文本'] },
    ];
    expect(ids(orderComponents(input))).toEqual([
      '处理单',
      '正本',
      '正本附件',
      '英文本',
      '定稿',
      '定稿附件',
      '来文',
      '来文附件',
    ]);
  });

  it('moves the handling form last on request (its place is low confidence)', () => {
    const input: C[] = [
      { id: 'form', role: '发文稿纸' },
      { id: 'main', role: '正本' },
      { id: 'draft', role: '定稿' },
    ];
    expect(ids(orderComponents(input))).toEqual(['form', 'main', 'draft']);
    expect(ids(orderComponents(input, { handlingForm: 'last' }))).toEqual(['main', 'draft', 'form']);
    expect(() => orderComponents(input, { handlingForm: 'middle' as 'first' })).toThrow(RangeError);
  });

  it('is stable: components with equal roles keep their input order; unknown roles are ignored', () => {
    const input: C[] = [
      { id: 'a2', roles: ['附件'] },
      { id: 'x', roles: ['封面'] },
      { id: 'a1', roles: ['附件'] },
      { id: 'main' },
    ];
    expect(ids(orderComponents(input))).toEqual(['x', 'main', 'a2', 'a1']);
  });

  it('reads roles through an accessor, normalises them (NFKC, spaces) and takes a custom table', () => {
    const input = [
      { n: 1, r: '附 件' },
      { n: 2, r: '正文' },
    ];
    expect(orderComponents(input, { roles: (c) => c.r }).map((c) => c.n)).toEqual([2, 1]);
    const mine: ComponentRoleDimension[] = [{ id: 'mine', name: '结果在前', ranks: [['结果'], ['申请']] }];
    const cases = [
      { id: 'apply', role: '申请' },
      { id: 'result', role: '结果' },
    ];
    expect(ids(orderComponents(cases, { dimensions: mine }))).toEqual(['result', 'apply']);
    expect(ids(orderComponents(cases, { dimensions: [...mine].reverse() }))).toEqual(['result', 'apply']);
    expect(() =>
      orderComponents(cases, { dimensions: [{ id: 'bad' } as unknown as ComponentRoleDimension] }),
    ).toThrow(TypeError);
  });

  it('does not change the input and handles tiny inputs', () => {
    const input: C[] = [
      { id: 'b', role: '附件' },
      { id: 'a', role: '正文' },
    ];
    const copy = input.slice();
    orderComponents(input);
    expect(input).toEqual(copy);
    expect(orderComponents([])).toEqual([]);
    expect(() => orderComponents('x' as unknown as C[])).toThrow(TypeError);
  });

  it('reports unknown and conflicting roles', () => {
    const findings = componentRoleFindings([
      { roles: ['正文', '附件'] },
      { role: '封面' },
      { roles: ['正本'] },
    ]);
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['FILING_COMPONENT_ROLE_CONFLICT', '/0'],
      ['FILING_COMPONENT_ROLE_UNKNOWN', '/1'],
    ]);
    expect(findings[0]?.message).toContain('正文');
  });

  const allRoles = COMPONENT_ROLE_DIMENSIONS.flatMap((d) => d.ranks.flat());
  const component = fc.record({
    roles: fc.array(fc.constantFrom(...allRoles, '封面', '其他'), { maxLength: 4 }),
  });

  // The rank of a component on each dimension (the smallest of its roles there), as a string.
  const key = (c: { roles: readonly string[] }) =>
    COMPONENT_ROLE_DIMENSIONS.map((d) => {
      const ranks = c.roles.map((r) => d.ranks.findIndex((g) => g.includes(r))).filter((r) => r >= 0);
      return String(ranks.length === 0 ? (d.absent ?? 0) : Math.min(...ranks));
    }).join(',');

  it('property: a permutation, idempotent, independent of input order up to equal components', () => {
    fc.assert(
      fc.property(fc.array(component, { maxLength: 30 }), fc.integer(), (list, seed) => {
        const tagged = list.map((c, i) => ({ ...c, id: String(i) }));
        const once = orderComponents(tagged);
        expect([...once].sort((a, b) => Number(a.id) - Number(b.id))).toEqual(tagged);
        expect(orderComponents(once)).toEqual(once);
        const shuffled = shuffle(tagged, seed);
        // Components with the same ranks are equal; everything else must land in the same places.
        expect(orderComponents(shuffled).map(key)).toEqual(once.map(key));
      }),
    );
  });

  it('property: equal components keep their input order', () => {
    fc.assert(
      fc.property(fc.array(component, { maxLength: 30 }), (list) => {
        const tagged = list.map((c, i) => ({ ...c, id: i }));
        const out = orderComponents(tagged);
        const last = new Map<string, number>();
        for (const c of out) {
          const k = key(c);
          expect(c.id).toBeGreaterThan(last.get(k) ?? -1);
          last.set(k, c.id);
        }
      }),
    );
  });
});
