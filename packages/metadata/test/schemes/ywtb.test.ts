import {
  extendScheme,
  type MetadataElement,
  type MetadataRecord,
  schemeIndex,
  schemes,
} from '@dangan/metadata';
import { describe, expect, expectTypeOf, it } from 'vitest';

const { dat46, ywtb } = schemes;
type RecordYw = MetadataRecord<typeof ywtb>;
const find = (id: string): MetadataElement | undefined => ywtb.elements.find((e) => e.id === id);

describe('ywtb profile (一网通办 办件, provisional, on top of DA/T 46)', () => {
  it('declares itself provisional', () => {
    expect(ywtb.standard).toBe('DB31/T 1152-2019 (provisional profile)');
    expect(ywtb.confidence).toBe('low');
    expect(ywtb.description).toMatch(/暂定.*PROVISIONAL|PROVISIONAL/);
    expect(ywtb.description).toContain('extendScheme');
  });

  it('contains every DA/T 46 row unchanged, then the 办件 block', () => {
    expect(ywtb.elements.slice(0, dat46.elements.length)).toEqual(dat46.elements);
    const added = ywtb.elements.slice(dat46.elements.length);
    expect(added[0]?.id).toBe('YW:办件');
    const { paths } = schemeIndex(ywtb);
    for (const e of added) {
      expect(e.id).toMatch(/^YW[:-]/);
      expect('number' in e, e.id).toBe(false);
      expect(paths.get(e.id)?.[0], e.id).toBe('办件');
      expect(['medium', 'low', 'unknown'], e.id).toContain(e.confidence.numberAndName);
    }
  });

  it('puts 办件 at the top level of the record, mandatory, in the business entity', () => {
    const root = find('YW:办件');
    expect(root).toMatchObject({
      key: '办件',
      entity: '业务实体',
      obligation: { kind: '必选' },
      type: 'container',
    });
    expect(root && 'parent' in root).toBe(false);
  });

  it('has the 办件 fields at the expected paths', () => {
    const { paths } = schemeIndex(ywtb);
    const all = new Set([...paths.values()].map((p) => p.join('.')));
    for (const p of [
      '办件.事项编码',
      '办件.基本编码',
      '办件.事项名称',
      '办件.事项版本号',
      '办件.事项类型',
      '办件.办件编号',
      '办件.办件名称',
      '办件.申请人.申请人名称',
      '办件.申请人.申请人类型',
      '办件.申请人.证件类型',
      '办件.申请人.证件号码',
      '办件.申请人.法定代表人',
      '办件.受理部门',
      '办件.受理时间',
      '办件.办结时间',
      '办件.办理结果',
      '办件.结果编码',
      '办件.联合办理部门',
      '办件.电子证照.证照名称',
      '办件.电子证照.证照编号',
      '办件.电子证照.证照类型代码',
      '办件.电子证照.颁发机构',
      '办件.电子证照.调用方式',
      '办件.电子证照.核验结果',
      '办件.过程信息.环节名称',
      '办件.过程信息.办理人',
      '办件.过程信息.意见类型',
      '办件.过程信息.意见',
      '办件.过程信息.办理时间',
      '办件.行政区划编码',
      '办件.材料.材料名称',
      '办件.材料.材料类别',
      '办件.材料.计算机文件名',
      '办件.归档时间',
      // still there from DA/T 46
      '文件实体.内容描述.题名',
    ]) {
      expect(all.has(p), p).toBe(true);
    }
  });

  it('makes 事项编码, 事项名称, 办件编号 and 受理时间 mandatory, with low obligation confidence', () => {
    const mandatory = ywtb.elements.filter(
      (e) => 'parent' in e && e.parent === 'YW:办件' && e.obligation.kind === '必选',
    );
    expect(mandatory.map((e) => e.key)).toEqual(['事项编码', '事项名称', '办件编号', '受理时间']);
    for (const e of mandatory) expect(e.confidence.obligation).toBe('low');
  });

  it('keeps DA/T 46’s rule and adds 办结时间 ≥ 受理时间', () => {
    expect(ywtb.rules).toContainEqual({ kind: 'yearMatchesDate', year: 'M11', date: 'M33' });
    expect(ywtb.rules).toContainEqual({ kind: 'notBefore', earlier: 'YW-受理时间', later: 'YW-办结时间' });
  });

  it('uses the three material classes of 国办发〔2023〕26号 and six-digit division codes', () => {
    expect(find('YW-材料类别')?.domain).toEqual({ enum: ['依据性材料', '程序性材料', '结果性材料'] });
    const division = new RegExp(find('YW-行政区划编码')?.domain?.pattern ?? '(?!)', 'u');
    expect(division.test('310000')).toBe(true);
    expect(division.test('31000')).toBe(false);
    expect(division.test('3100001')).toBe(false);
  });

  it('derives the record type from the table', () => {
    expectTypeOf<RecordYw['办件']['事项编码']>().toEqualTypeOf<string>();
    expectTypeOf<RecordYw['办件']['受理时间']>().toEqualTypeOf<string>();
    expectTypeOf<RecordYw['办件']['事项类型']>().toEqualTypeOf<
      | '行政许可'
      | '行政确认'
      | '行政给付'
      | '行政奖励'
      | '行政裁决'
      | '其他行政权力'
      | '公共服务'
      | (string & {})
      | undefined
    >();
    expectTypeOf<RecordYw['办件']['联合办理部门']>().toEqualTypeOf<readonly string[] | undefined>();
    expectTypeOf<NonNullable<RecordYw['办件']['材料']>[number]['材料类别']>().toEqualTypeOf<
      '依据性材料' | '程序性材料' | '结果性材料' | undefined
    >();
    expectTypeOf<RecordYw['文件实体']['内容描述']['题名']>().toEqualTypeOf<string>();
  });

  it('is overridable with extendScheme, as the host must', () => {
    const mine = extendScheme(ywtb, {
      id: 'sh-ywtb-test',
      modify: { 'YW-办结时间': { obligation: { kind: '必选' } } },
      remove: ['YW-电子证照'],
    });
    expect(mine.elements.find((e) => e.id === 'YW-办结时间')?.obligation.kind).toBe('必选');
    expect(mine.elements.some((e) => e.id === 'YW-证照编号')).toBe(false);
    expect(mine.rules).toContainEqual({ kind: 'notBefore', earlier: 'YW-受理时间', later: 'YW-办结时间' });
  });
});
