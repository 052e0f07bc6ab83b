import type { CheckGroupDefinition, CheckStageId, FourPropertyId } from './types.js';

/**
 * The stage code of each stage id (`archiving` → `GD`).
 *
 * @example
 * STAGE_CODES.preservation; // 'BC'
 */
export const STAGE_CODES = { archiving: 'GD', transfer: 'YJ', preservation: 'BC' } as const satisfies Record<
  CheckStageId,
  string
>;

/** A stage code: `GD` 归档, `YJ` 移交与接收, `BC` 长期保存. */
export type CheckStageCode = (typeof STAGE_CODES)[CheckStageId];

/**
 * The property id of each property number, as item ids number them.
 *
 * @example
 * PROPERTY_IDS[2]; // 'integrity'
 */
export const PROPERTY_IDS = {
  1: 'authenticity',
  2: 'integrity',
  3: 'usability',
  4: 'security',
} as const satisfies Record<1 | 2 | 3 | 4, FourPropertyId>;

/**
 * The standard's code in group keys (the prefix of every normative anchor).
 *
 * @example
 * `${DAT70_STANDARD_CODE}:GD:1-2`; // 'DA/T70-2018:GD:1-2'
 */
export const DAT70_STANDARD_CODE = 'DA/T70-2018';

/**
 * The normative anchor of a group: `DA/T70-2018:GD:1-2`.
 *
 * @example
 * groupKeyOf('archiving', '1-2'); // 'DA/T70-2018:GD:1-2'
 */
export function groupKeyOf(stage: CheckStageId, group: string): string {
  return `${DAT70_STANDARD_CODE}:${STAGE_CODES[stage]}:${group}`;
}

/** One row of the 49-group table: the group's name per stage (absent where the stage has no such group). */
interface GroupRow {
  readonly group: string;
  readonly object: string;
  readonly objectByStage?: Partial<Record<CheckStageCode, string>>;
  readonly names: Partial<Record<CheckStageCode, string>>;
  /** 检测目的, common to the stages unless `purposeByStage` has the stage. */
  readonly purpose: string;
  readonly purposeByStage?: Partial<Record<CheckStageCode, string>>;
}

/**
 * The 49 groups (`checks-dat70.md` §3, high confidence): the standard's 检测目的 paraphrased in Chinese.
 * Source: `xintaiwuyanzu/juye_yitihua_hangao` `DAT 70-2018.xls`, second sheet.
 */
function groupRows(): readonly GroupRow[] {
  return [
    {
      group: '1-1',
      object: '固化信息（数字摘要、电子签名、电子印章、时间戳）',
      names: { GD: '电子文件来源真实性', YJ: '电子档案来源真实性', BC: '电子档案固化信息' },
      purpose: '固化信息有效，据以确认来源真实',
      purposeByStage: { BC: '保存期间固化信息仍然有效' },
    },
    {
      group: '1-2',
      object: '元数据',
      names: { GD: '电子文件元数据准确性', YJ: '电子档案元数据准确性', BC: '电子档案元数据准确性' },
      purpose: '元数据符合 DA/T 46-2009 或约定的自定义方案：长度、类型、格式、值域、取值合理',
    },
    {
      group: '1-3',
      object: '内容数据与电子属性',
      names: { GD: '电子文件内容真实性', YJ: '电子档案内容真实性', BC: '电子档案内容真实性' },
      purpose: '内容数据所含的电子属性与元数据中记录的一致',
    },
    {
      group: '1-4',
      object: '元数据与内容数据',
      names: { GD: '元数据与内容关联一致性', YJ: '元数据与内容关联一致性', BC: '元数据与内容关联一致性' },
      purpose: '元数据中记录的存储位置与内容数据的实际存储位置一致',
    },
    {
      group: '1-5',
      object: '信息包',
      names: { GD: '归档信息包真实性', YJ: '移交信息包真实性', BC: '保存信息包真实性' },
      purpose: '',
      purposeByStage: {
        GD: '信息包的结构和内容符合国家规定，接收的信息包与业务部门发送的一致',
        YJ: '信息包的结构符合《电子档案移交与接收办法》，接收的信息包与移交的一致',
        BC: '信息包入库后未被改动；封装包（EEP）及其元数据符合 DA/T 48-2009',
      },
    },
    {
      group: '2-1',
      object: '数据总量（件数与字节数）',
      names: { GD: '电子文件数据总量', YJ: '电子档案数据总量', BC: '电子档案数据总量' },
      purpose: '',
      purposeByStage: {
        GD: '登记的文件数和字节数（GB/T 18894-2016 表A.1）与实际一致',
        YJ: '登记的文件数和字节数（《电子档案移交与接收办法》附件3）与实际一致',
        BC: '各批次的文件数和字节数与元数据中记录的一致',
      },
    },
    {
      group: '2-2',
      object: '元数据',
      names: { GD: '电子文件元数据完整性', YJ: '电子档案元数据完整性', BC: '电子档案元数据完整性' },
      purpose: '',
      purposeByStage: {
        GD: '元数据项按 DA/T 46-2009 或自定义方案齐全；重要事项的文件包含主要修改和办理记录；连续编号的元数据项（归档号、件内顺序号）无断号',
        YJ: '元数据项按 DA/T 46-2009 或自定义方案齐全；重要事项的档案包含主要修改和办理记录；连续编号的元数据项（档号、件内顺序号）无断号',
        BC: '元数据项按 DA/T 46-2009 或自定义方案齐全；连续编号的元数据项（档号、件内顺序号）无断号',
      },
    },
    {
      group: '2-3',
      object: '内容数据',
      names: { GD: '电子文件内容完整性', YJ: '电子档案内容完整性', BC: '电子档案内容完整性' },
      purpose: '内容数据完整',
    },
    {
      group: '2-4',
      object: '信息包',
      names: { GD: '归档信息包完整性', YJ: '移交信息包完整性', BC: '保存信息包完整性' },
      purpose: '',
      purposeByStage: {
        GD: '元数据和内容符合本单位的归档范围；内容与信息包元数据中记录的文件数一致',
        YJ: '内容与信息包元数据中记录的文件数一致',
        BC: '元数据和内容完整；封装包（EEP）的元素符合 DA/T 46-2009 和 DA/T 48-2009',
      },
    },
    {
      group: '3-1',
      object: '元数据',
      names: { GD: '电子文件元数据可用性', YJ: '电子档案元数据可用性', BC: '电子档案元数据可用性' },
      purpose: '元数据可以正常访问',
    },
    {
      group: '3-2',
      object: '内容数据',
      names: { GD: '电子文件内容可用性', YJ: '电子档案内容可用性', BC: '电子档案内容可用性' },
      purpose: '',
      purposeByStage: {
        GD: '内容可以打开和显示，符合归档要求',
        YJ: '内容可以打开和显示，格式符合移交要求',
        BC: '内容可以打开和显示，适合长期保存',
      },
    },
    {
      group: '3-3',
      object: '软硬件环境',
      names: { GD: '电子文件软硬件环境', YJ: '电子档案软硬件环境', BC: '电子档案软硬件环境' },
      purpose: '',
      purposeByStage: {
        GD: '电子属性中记录的软硬件环境符合归档要求',
        YJ: '电子属性中记录的软硬件环境符合移交要求',
        BC: '软硬件环境仍适合继续保存',
      },
    },
    {
      group: '3-4',
      object: '信息包',
      objectByStage: { BC: '备份数据' },
      names: { GD: '归档信息包可用性', YJ: '移交信息包可用性', BC: '备份数据可恢复性' },
      purpose: '没有影响可用性的因素，如非公开压缩算法、加密',
      purposeByStage: { BC: '备份数据能够完整恢复' },
    },
    {
      group: '4-1',
      object: '系统环境与信息包',
      names: { GD: '归档信息包病毒', YJ: '移交信息包病毒', BC: '保存信息包病毒' },
      purpose: '系统安装了杀毒软件，信息包不含病毒',
    },
    {
      group: '4-2',
      object: '载体',
      names: { GD: '归档载体安全性', YJ: '移交载体安全性', BC: '保存载体安全性' },
      purpose: '',
      purposeByStage: {
        GD: '载体中无非归档文件；载体外观和可读性合格；光盘符合 DA/T 38-2008',
        YJ: '载体中无非移交文件；载体外观和可读性合格',
        BC: '载体外观和可读性合格',
      },
    },
    {
      group: '4-3',
      object: '过程',
      objectByStage: { BC: '软件系统' },
      names: { GD: '归档过程安全性', YJ: '移交过程安全性', BC: '软件系统安全性' },
      purpose: '',
      purposeByStage: {
        GD: '归档和存储过程中信息包安全、可控',
        YJ: '移交和接收过程中信息包安全、可控',
        BC: '系统没有安全漏洞隐患',
      },
    },
    {
      group: '4-4',
      object: '载体保管环境',
      names: { BC: '载体保管环境安全性' },
      purpose: '磁盘、磁带、光盘等载体的保管环境符合国家规定',
    },
  ];
}

const STAGE_ORDER: readonly CheckStageId[] = ['archiving', 'transfer', 'preservation'];

/**
 * Builds the 49 group definitions, stage by stage in the standard's order (GD, YJ, BC). Called once by the
 * catalogue on first use.
 */
export function buildGroups(): CheckGroupDefinition[] {
  const rows = groupRows();
  const out: CheckGroupDefinition[] = [];
  for (const stage of STAGE_ORDER) {
    const code = STAGE_CODES[stage];
    for (const row of rows) {
      const name = row.names[code];
      if (name === undefined) continue;
      const property = PROPERTY_IDS[Number(row.group[0]) as 1 | 2 | 3 | 4];
      out.push(
        Object.freeze({
          stage,
          group: row.group,
          key: groupKeyOf(stage, row.group),
          property,
          name,
          object: row.objectByStage?.[code] ?? row.object,
          purpose: row.purposeByStage?.[code] ?? row.purpose,
          confidence: 'high',
        }),
      );
    }
  }
  return out;
}
