/**
 * Step 3 — 整理 (arrange): turn the 办件 into a filed 件 by the institution's filing rules (整理规则), the way
 * 上海《“一网通办”电子文件归档和电子档案管理办法》 asks business systems to do it automatically.
 *
 * 1. 保管期限 — look the case up in the 归档范围与保管期限表 (`evaluateRetention`, by 事项编码 and 材料类别).
 *    The demo uses `EXAMPLE_YWTB_RETENTION_SCHEDULE`, an **example** table; production passes the institution's
 *    approved one.
 * 2. 组件 and 排序 — 1 办件 = 1 件 (上海 办法 第十五条); its components ordered 依据性 → 程序性 → 结果性
 *    (`groupCaseIntoItems`), the 电子证照 filed with the case by reference.
 * 3. 著录 — write the DA/T 46 / 一网通办 record (`schemes.ywtb`): 文件实体 with one 电子属性 per file in
 *    component order, the agents and their actions, the 办件 block.
 * 4. 档号 — classify 年度（办结年度）—保管期限—机构 and draw the next 件号 of that class
 *    (`assignArchivalCode`, DA/T 22-2015 form `Z109-WS·2026-D30-DJK-0001`).
 * 5. 校验 and 编目 — validate the record against the scheme (`validateRecord`) and list it in the 归档文件目录
 *    (`buildCatalogue`, DA/T 22 columns).
 */
import {
  archivalCodeTemplates,
  assignArchivalCode,
  buildCatalogue,
  type CatalogueRow,
  classificationSchemes,
  createMemorySequence,
  defineClassificationScheme,
  EXAMPLE_YWTB_RETENTION_SCHEDULE,
  evaluateRetention,
  type FilingItem,
  groupCaseIntoItems,
  type MetadataRecord,
  type RetentionEvaluation,
  schemes,
  validateRecord,
} from '@dangan/metadata';
import { type CapturedFile, photoNote } from './capture.js';
import type { ReceivedCase } from './case.js';

/** 全宗号 of the demo agency (invented). */
export const DEMO_FONDS = 'Z109';
/** 机构（问题）代码 of the department that handled the case, 登记注册科 (the host's own code table). */
export const DEMO_DEPARTMENT_CODE = 'DJK';

/** A filed 件: its validated record, its files in component order, and how they were decided. */
export interface ArrangedCase {
  readonly record: MetadataRecord<typeof schemes.ywtb>;
  /** The content files in the order of the record's 电子属性. */
  readonly files: readonly CapturedFile[];
  readonly archivalCode: string;
  readonly retention: RetentionEvaluation;
  readonly item: FilingItem;
  readonly catalogue: readonly CatalogueRow[];
}

/** Arranges the case into one filed 件 (see the module comment for the rules applied, in order). */
export async function arrangeCase(
  received: ReceivedCase,
  files: readonly CapturedFile[],
  now: Date,
): Promise<ArrangedCase> {
  const { 办件 } = received;
  const licences = (办件.电子证照 ?? []).map(
    (l) => `${l.证照名称}（证照编号 ${l.证照编号}）为电子证照，${l.调用方式}，随办件归档`,
  );
  const draft = {
    文件实体: {
      聚合层次: '文件',
      来源: { 立档单位名称: received.agency },
      电子文件号: received.electronicFileNumber,
      内容描述: {
        题名: 办件.办件名称 ?? 办件.事项名称,
        文件编号: received.decisionNumber,
        责任者: received.agency,
        日期: (办件.办结时间 ?? 办件.受理时间).slice(0, 10),
        密级: '公开',
      },
      形式特征: { 页数: files.length, 语种: '汉语', 稿本: '正本' },
      存储位置: { 脱机载体编号: ['在线'] },
      权限管理: { 控制标识: '控制' },
      附注: [...files.flatMap((f) => photoNote(f) ?? []), ...licences],
    },
    机构人员实体: received.机构人员实体,
    业务实体: received.业务实体,
    办件,
  };

  // 1. 保管期限 from the retention schedule (the longest period of the case's in-scope components).
  const retention = evaluateRetention(draft, EXAMPLE_YWTB_RETENTION_SCHEDULE);
  if (retention.retention === undefined || !retention.complete)
    throw new Error(`保管期限无法确定：${retention.findings.map((f) => f.message).join('；')}`);

  // 2. 组件: the whole 办件 is one 件; its components in 依据性 → 程序性 → 结果性 order.
  const { items } = groupCaseIntoItems(draft, { evaluation: retention });
  const item = items[0];
  if (items.length !== 1 || item === undefined) throw new Error('一个办件应整理为一件');
  const byName = new Map(files.map((f) => [f.name, f]));
  const ordered = item.components.flatMap((c) => {
    if (c.fileName === undefined) return []; // the 电子证照 is a reference: no file
    const file = byName.get(c.fileName);
    if (file === undefined) throw new Error(`材料“${c.name}”的文件 ${c.fileName} 不在办件中`);
    return [file];
  });

  // 3. 著录: one 电子属性 per file, as captured from its bytes, in component order.
  const described = {
    ...draft,
    文件实体: {
      ...draft.文件实体,
      形式特征: { ...draft.文件实体.形式特征, 文件组合类型: item.combination },
      电子属性: ordered.map((f) => f.captured.电子属性),
    },
  };

  // 4. 档号: 年度 (办结年度) — 保管期限 — 机构, then the next 件号 of that leaf class.
  const scheme = defineClassificationScheme({
    ...classificationSchemes.yearRetentionOrg,
    id: 'z109-ws',
    fonds: DEMO_FONDS,
    category: 'WS',
  });
  const sequence = createMemorySequence(); // production: the host's persistent SequenceProvider
  const assigned = await assignArchivalCode(described, archivalCodeTemplates.dat22Local, sequence, {
    scheme,
    facts: { 保管期限: retention.retention.code, 机构或问题: DEMO_DEPARTMENT_CODE },
  });

  // 5. 校验 (throws METADATA_INVALID listing every error) and 编目.
  const record = validateRecord(
    { ...described, 文件实体: { ...described.文件实体, 档号: assigned.档号 } },
    schemes.ywtb,
    { now },
  );
  const { rows } = buildCatalogue([record]);
  return { record, files: ordered, archivalCode: assigned.code, retention, item, catalogue: rows };
}
