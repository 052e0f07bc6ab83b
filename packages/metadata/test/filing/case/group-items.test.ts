import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_COMPONENT_ORDERS,
  type CaseMaterial,
  caseComponents,
  type EntityRelation,
  type FilingCase,
  groupCaseIntoItems,
  orderCaseComponents,
  safeGroupCaseIntoItems,
} from '../../../src/filing/case/index.js';
import { EXAMPLE_YWTB_RETENTION_SCHEDULE, evaluateRetention } from '../../../src/filing/retention/index.js';
import type { RecordPart } from '../../../src/scheme/record-type.js';
import type { schemes } from '../../../src/schemes/index.js';

const record = JSON.parse(readFileSync(new URL('../../fixtures/ywtb-record.json', import.meta.url), 'utf8'));

const mixed: FilingCase = {
  caseNumber: 'C1',
  itemCode: '310115000000-SPJY-0001',
  itemType: '行政许可',
  electronicFileNumber: 'EF-1',
  materials: [
    { name: '许可决定书', materialClass: '结果性材料' },
    { name: '受理通知书', materialClass: '程序性材料' },
    { name: '申请书', materialClass: '依据性材料' },
    { name: '说明', materialClass: '其他' },
    { name: '营业执照复印件', materialClass: '证据性材料' },
  ],
  licences: [{ name: '食品经营许可证' }],
};

describe('groupCaseIntoItems', () => {
  it('files the README case as one 件 with its licence, basis first', () => {
    const { items, excluded, findings } = groupCaseIntoItems(record);
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item?.id).toBe('310115-MSC-2026-000123-01');
    expect(item?.combination).toBe('组合文件');
    expect(item?.components.map((c) => c.name)).toEqual(['设立登记申请书', '准予设立登记通知书', '营业执照']);
    expect(item?.relations).toEqual([]);
    expect(item?.retention).toBeUndefined();
    expect(excluded).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('orders basis first, result first or by a custom list', () => {
    const names = (order: Parameters<typeof orderCaseComponents>[1]) =>
      orderCaseComponents(caseComponents(mixed), order).map((c) => c.name);
    expect(names('basis-first')).toEqual([
      '申请书',
      '营业执照复印件',
      '受理通知书',
      '许可决定书',
      '食品经营许可证',
      '说明',
    ]);
    expect(names('result-first')).toEqual([
      '许可决定书',
      '食品经营许可证',
      '申请书',
      '营业执照复印件',
      '受理通知书',
      '说明',
    ]);
    expect(names(['电子证照', '程序性材料'])).toEqual([
      '食品经营许可证',
      '受理通知书',
      '许可决定书',
      '申请书',
      '营业执照复印件',
      '说明',
    ]);
    expect(() => orderCaseComponents([], 'newest' as never)).toThrow(RangeError);
    expect(CASE_COMPONENT_ORDERS['basis-first']).toEqual(['依据性材料', '程序性材料', '结果性材料']);
  });

  it('order is a stable permutation for any input', () => {
    const cls = fc.constantFrom('依据性材料', '程序性材料', '结果性材料', '证据性', '其他', undefined);
    fc.assert(
      fc.property(fc.array(cls, { maxLength: 12 }), fc.nat(3), (classes, licences) => {
        const materials: CaseMaterial[] = classes.map((c, i) => ({
          name: `m${i}`,
          ...(c === undefined ? {} : { materialClass: c }),
        }));
        const cs = caseComponents({
          caseNumber: 'X',
          itemCode: 'A',
          materials,
          licences: Array.from({ length: licences }, () => ({})),
        });
        for (const order of ['basis-first', 'result-first'] as const) {
          const sorted = orderCaseComponents(cs, order);
          expect(new Set(sorted)).toEqual(new Set(cs));
          expect(sorted).toHaveLength(cs.length);
          const rank = (k: string | undefined) => {
            const i = CASE_COMPONENT_ORDERS[order].indexOf(k as never);
            return i < 0 ? 99 : i;
          };
          for (let i = 1; i < sorted.length; i++) {
            const a = sorted[i - 1];
            const b = sorted[i];
            if (a === undefined || b === undefined) continue;
            expect(rank(a.materialClass)).toBeLessThanOrEqual(rank(b.materialClass));
            if (rank(a.materialClass) === rank(b.materialClass))
              expect(cs.indexOf(a)).toBeLessThan(cs.indexOf(b));
          }
        }
      }),
    );
  });

  it('splits 来文 from 复文 and links the two 件', () => {
    const { items, findings } = groupCaseIntoItems(mixed, { split: 'incoming-reply', order: 'result-first' });
    expect(items.map((i) => [i.id, i.role, i.components.map((c) => c.name)])).toEqual([
      ['EF-1-01', '来文', ['申请书', '营业执照复印件']],
      ['EF-1-02', '复文', ['许可决定书', '食品经营许可证', '受理通知书', '说明']],
    ]);
    const rel: EntityRelation | undefined = items[0]?.relations[0];
    expect(rel).toEqual({
      实体标识符: 'EF-1-01',
      被关联实体标识符: 'EF-1-02',
      关系类型: '同一办件',
      关系: '复文',
      关系描述: '同一办件（办件编号 C1）的另一件',
    });
    expect(items[1]?.relations[0]?.关系).toBe('来文');
    expect(findings.map((f) => f.code)).toEqual([
      'FILING_MATERIAL_CLASS_UNKNOWN',
      'FILING_MATERIAL_CLASS_ALIAS',
    ]);
  });

  it('drops an empty half, honours explicit roles, custom keys and ids', () => {
    const onlyReply = groupCaseIntoItems(
      { caseNumber: 'C2', itemCode: 'A', materials: [{ materialClass: '结果性' }] },
      { split: 'incoming-reply' },
    );
    expect(onlyReply.items.map((i) => [i.id, i.role, i.combination])).toEqual([['C2', '复文', '单件']]);
    const roles = groupCaseIntoItems(
      {
        caseNumber: 'C3',
        itemCode: 'A',
        materials: [
          { name: 'a', materialClass: '结果性', role: '来文' },
          { name: 'b', materialClass: '依据性' },
        ],
      },
      { split: 'incoming-reply' },
    );
    expect(roles.items.map((i) => [i.role, i.components.map((c) => c.name)])).toEqual([['来文', ['b', 'a']]]);
    const custom = groupCaseIntoItems(mixed, {
      split: (c) => (c.source === '电子证照' ? 'licence' : 'rest'),
      identify: (base, i, n, key) => `${base}/${key}/${i + 1}of${n}`,
    });
    expect(custom.items.map((i) => i.id)).toEqual(['EF-1/rest/1of2', 'EF-1/licence/2of2']);
    expect(custom.items[0]?.relations[0]?.关系).toBe('同一办件');
    expect(groupCaseIntoItems(mixed, { split: 'incoming-reply', baseId: 'B' }).items[0]?.id).toBe('B-01');
  });

  it('leaves out-of-scope components out and gives each 件 its longest period', () => {
    const c: FilingCase = {
      caseNumber: 'G1',
      itemCode: '310000000000-GG-0001',
      itemType: '公共服务',
      materials: [
        { name: '申请表', materialClass: '依据性材料' },
        { name: '流转单', materialClass: '程序性材料' },
        { name: '办理结果', materialClass: '结果性材料' },
      ],
    };
    const evaluation = evaluateRetention(c, EXAMPLE_YWTB_RETENTION_SCHEDULE);
    const { items, excluded, findings } = groupCaseIntoItems(c, { evaluation });
    expect(excluded.map((x) => x.name)).toEqual(['流转单']);
    expect(items[0]?.components.map((x) => x.name)).toEqual(['申请表', '办理结果']);
    expect(items[0]?.retention?.code).toBe('D10');
    expect(findings).toEqual([]);
    const split = groupCaseIntoItems(mixed, {
      split: 'incoming-reply',
      evaluation: evaluateRetention(mixed, EXAMPLE_YWTB_RETENTION_SCHEDULE),
    });
    expect(split.items.map((i) => i.retention?.code)).toEqual(['D30', 'Y']);
  });

  it('relations fit the 实体关系 container of the DA/T 46 record type', () => {
    type Row = RecordPart<typeof schemes.dat46, 'E:实体关系'>;
    const rows: readonly Row[] = groupCaseIntoItems(mixed, { split: 'incoming-reply' }).items.flatMap(
      (i) => i.relations,
    );
    expect(rows).toHaveLength(2);
  });

  it('reports bad input without throwing in the safe form', () => {
    const r = safeGroupCaseIntoItems({ caseNumber: '', itemCode: 'A' });
    expect(r.ok).toBe(false);
    expect(() => groupCaseIntoItems(mixed, { split: () => 3 as never })).toThrow(TypeError);
  });
});
