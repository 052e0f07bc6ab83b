import { describe, expect, it } from 'vitest';
import { catalogue, createCatalogue } from '../../src/catalogue/catalogue.js';
import { groupKeyOf, STAGE_CODES } from '../../src/catalogue/groups.js';
import { isRuleKey, RULE_KEYS } from '../../src/catalogue/rule-keys.js';
import { CHECK_STAGES, FOUR_PROPERTIES } from '../../src/stages.js';

/**
 * The 归档 items of `checks-dat70.md` §4 as the table gives them: id, group, name (`null` where the table has
 * no attested name). The catalogue must match every row.
 */
const GD_TABLE: readonly [string, string, string | null][] = [
  ['GD-1-1', '1-1', '固化信息有效性检测'],
  ['GD-1-2', '1-2', '元数据项数据长度检测'],
  ['GD-1-3', '1-2', '元数据项数据类型、格式检测'],
  ['GD-1-4', '1-2', '设定值域的元数据项值域符合度检测'],
  ['GD-1-5', '1-2', '元数据项数据值合理性检测'],
  ['GD-1-6', '1-2', '元数据项数据包含特殊字符检测'],
  ['GD-1-7', '1-2', '档号规范性检测'],
  ['GD-1-8', '1-2', '元数据项数据重复性检测'],
  ['GD-1-9', '1-3', null],
  ['GD-1-10', '1-3', '内容数据的电子属性一致性检测'],
  ['GD-1-11', '1-4', '元数据是否关联内容数据检测'],
  ['GD-1-12', '1-5', '说明文件和目录文件规范性检测'],
  ['GD-1-13', '1-5', '归档信息包目录结构规范性检测'],
  ['GD-1-14', '1-5', '归档信息包一致性检测'],
  ['GD-2-1', '2-1', '总件数相符性检测'],
  ['GD-2-2', '2-1', '总字节数相符性检测'],
  ['GD-2-3', '2-2', '元数据项完整性检测'],
  ['GD-2-4', '2-2', '元数据必填著录项目检测'],
  ['GD-2-5', '2-2', '过程信息完整性检测'],
  ['GD-2-6', '2-2', '连续性元数据项检测'],
  ['GD-2-7', '2-3', '内容数据完整性检测'],
  ['GD-2-8', '2-3', null],
  ['GD-2-9', '2-4', '归档范围检测'],
  ['GD-2-10', '2-4', '归档信息包元数据完整性检测'],
  ['GD-2-11', '2-4', '归档信息包内容数据完整性检测'],
  ['GD-3-1', '3-1', '信息包中元数据的可读性检测'],
  ['GD-3-2', '3-1', '目标数据库中的元数据可访问性检测'],
  ['GD-3-3', '3-2', '内容数据格式检测'],
  ['GD-3-4', '3-2', '内容数据的可读性检测'],
  ['GD-3-5', '3-3', null],
  ['GD-3-6', '3-4', null],
  ['GD-3-7', '3-4', null],
  ['GD-3-8', '3-4', '信息包中包含的内容数据格式合规性检测'],
  ['GD-4-1', '4-1', '系统环境中是否安装杀毒软件检测'],
  ['GD-4-2', '4-1', '病毒感染检测'],
  ['GD-4-3', '4-2', '载体中多余文件检测'],
  ['GD-4-4', '4-2', '载体读取速度检测'],
  ['GD-4-5', '4-2', '载体外观检测'],
  ['GD-4-6', '4-2', '光盘合格性检测'],
  ['GD-4-7', '4-3', '归档过程安全性检测'],
];

describe('the DA/T 70 catalogue', () => {
  it('has the 40 GD items of §4 with their groups and names, in order', () => {
    const gd = catalogue.forStage('GD');
    expect(gd.map((i) => [i.id, i.group])).toEqual(GD_TABLE.map(([id, group]) => [id, group]));
    for (const [id, , name] of GD_TABLE) {
      const item = catalogue.byId(id)!;
      if (name === null) {
        expect(item.nameConfidence, id).toBe('unknown');
        expect(item.name, id).toMatch(/（暂定名）$/);
      } else {
        expect(item.name, id).toBe(name);
        expect(item.nameConfidence, id).not.toBe('unknown');
      }
    }
  });

  it('has the attested per-property maxima in GD: 14, 11, 8, 7', () => {
    const gd = catalogue.forStage('archiving');
    const counts = FOUR_PROPERTIES.map((p) => gd.filter((i) => i.property === p.id).length);
    expect(counts).toEqual([14, 11, 8, 7]);
  });

  it('covers all 49 groups, as many per stage as CHECK_STAGES says, each with at least one item', () => {
    expect(catalogue.groups).toHaveLength(49);
    for (const stage of CHECK_STAGES) {
      const groups = catalogue.groupsForStage(stage.id);
      expect(groups, stage.code).toHaveLength(stage.groups);
      const itemGroups = new Set(catalogue.forStage(stage.code).map((i) => i.group));
      expect([...itemGroups].sort(), stage.code).toEqual(groups.map((g) => g.group).sort());
      for (const g of groups) {
        expect(g.key).toBe(groupKeyOf(stage.id, g.group));
        expect(catalogue.forGroup(stage.code, g.group).length, g.key).toBeGreaterThan(0);
        expect(g.purpose.length, g.key).toBeGreaterThan(0);
      }
    }
    expect(catalogue.groupsForStage('BC').map((g) => g.group)).toContain('4-4');
    expect(catalogue.groupsForStage('GD').map((g) => g.group)).not.toContain('4-4');
  });

  it('has unique, well-formed ids numbered 1…n within each stage and property', () => {
    const ids = catalogue.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const stage of CHECK_STAGES) {
      for (const p of FOUR_PROPERTIES) {
        const items = catalogue.forStage(stage.id).filter((i) => i.property === p.id);
        expect(
          items.map((i) => i.id),
          `${stage.code} ${p.name}`,
        ).toEqual(items.map((_, n) => `${stage.code}-${p.number}-${n + 1}`));
        for (const i of items) {
          expect(i.group.startsWith(`${p.number}-`), i.id).toBe(true);
          expect(i.stage).toBe(stage.id);
          expect(i.groupKey).toBe(`DA/T70-2018:${STAGE_CODES[stage.id]}:${i.group}`);
          expect(i.groupName).toBe(catalogue.groupByKey(i.groupKey!)!.name);
        }
      }
    }
  });

  it('uses only known rule keys, and every known key somewhere', () => {
    const used = new Set<string>();
    for (const item of catalogue.items) {
      if (item.rule === undefined) continue;
      expect(isRuleKey(item.rule), `${item.id} ${item.rule}`).toBe(true);
      used.add(item.rule);
    }
    expect([...used].sort()).toEqual([...RULE_KEYS].sort());
  });

  it('marks items without a rule manual, and items with one not', () => {
    for (const item of catalogue.items) {
      if (item.rule === undefined) expect(item.automation, item.id).toBe('manual');
      else expect(item.automation, item.id).not.toBe('manual');
    }
    for (const id of [
      'GD-3-2',
      'GD-4-1',
      'GD-4-4',
      'GD-4-5',
      'GD-4-6',
      'GD-4-7',
      'BC-4-5',
      'BC-4-6',
      'YJ-4-6',
    ])
      expect(catalogue.byId(id)?.rule, id).toBeUndefined();
  });

  it('marks ids provisional exactly where their confidence is low or unknown', () => {
    for (const item of catalogue.items) {
      expect(item.provisional, item.id).toBe(item.idConfidence === 'low' || item.idConfidence === 'unknown');
      expect(item.name.length, item.id).toBeGreaterThan(0);
      expect(item.method.length, item.id).toBeGreaterThan(0);
      expect(item.methodEn?.length, item.id).toBeGreaterThan(0);
      expect(item.source?.length, item.id).toBeGreaterThan(0);
    }
    const provisionalGd = catalogue
      .forStage('GD')
      .filter((i) => i.provisional)
      .map((i) => i.id);
    expect(provisionalGd).toEqual(['GD-1-9', 'GD-2-8', 'GD-3-5', 'GD-3-6', 'GD-3-7']);
    expect(catalogue.forStage('BC').every((i) => i.provisional)).toBe(true);
    expect(
      catalogue
        .forStage('YJ')
        .filter((i) => !i.provisional)
        .map((i) => [i.id, i.name]),
    ).toEqual([
      ['YJ-1-6', '元数据项数据包含特殊字符检测'],
      ['YJ-1-8', '元数据项数据重复性检测'],
    ]);
  });

  it('gives the same check the same rule in every stage', () => {
    expect(catalogue.forRule('metadata.length').map((i) => i.id)).toEqual(['GD-1-2', 'YJ-1-2', 'BC-1-3']);
    expect(catalogue.forRule('metadata.continuity').map((i) => i.id)).toEqual(['GD-2-6', 'YJ-2-6', 'BC-2-5']);
    expect(catalogue.forRule('package.scope').map((i) => i.id)).toEqual(['GD-2-9']);
    expect(catalogue.forRule('backup.restorable').map((i) => i.group)).toEqual(['3-4']);
    expect(catalogue.forRule('fixity.audit').map((i) => i.stage)).toEqual(['preservation']);
    expect(catalogue.forRule('nope')).toEqual([]);
  });

  it('looks items and groups up by id, code and key', () => {
    expect(catalogue.byId('GD-1-7')?.name).toBe('档号规范性检测');
    expect(catalogue.byId('GD-99-1')).toBeUndefined();
    expect(catalogue.forStage('GD')).toBe(catalogue.forStage('archiving'));
    expect(catalogue.forGroup('GD', '1-2').map((i) => i.id)).toEqual([
      'GD-1-2',
      'GD-1-3',
      'GD-1-4',
      'GD-1-5',
      'GD-1-6',
      'GD-1-7',
      'GD-1-8',
    ]);
    expect(catalogue.groupByKey('GD:1-2')).toBe(catalogue.groupByKey('DA/T70-2018:GD:1-2'));
    expect(catalogue.groupByKey('BC:3-4')?.name).toBe('备份数据可恢复性');
    expect(() => catalogue.forStage('XX' as 'GD')).toThrow(RangeError);
  });

  it('is frozen data, and each catalogue object builds its own tables on first use', () => {
    expect(Object.isFrozen(catalogue.items)).toBe(true);
    expect(Object.isFrozen(catalogue.items[0])).toBe(true);
    const fresh = createCatalogue();
    expect(fresh.items).not.toBe(catalogue.items);
    expect(fresh.items).toEqual(catalogue.items);
    expect(fresh.items).toBe(fresh.items);
  });
});
