import type { MetadataScheme } from '../scheme/model.js';
import { LU, ML, MM, MU, OPTIONAL, REQUIRED } from './confidence.js';
import { dat46 } from './dat46.js';

const BUSINESS = '业务实体';
const ITEM_TYPES = [
  '行政许可',
  '行政确认',
  '行政给付',
  '行政奖励',
  '行政裁决',
  '其他行政权力',
  '公共服务',
] as const;

/**
 * The 办件 rows the 一网通办 profile adds to DA/T 46: one `办件` block per record (1 办件 = 1 件 = 1 归档信息包).
 *
 * `办件` is a root of its own in the 业务实体 entity: it describes the government-service case — the business
 * in which the record was formed (what DA/T 63 calls 职能业务: 事项 ≈ 业务类型, 办件名称 ≈ 业务名称, 受理/办结
 * ≈ 业务开始/结束时间) — and there is exactly one per record, whereas DA/T 46's 业务实体 holds one instance
 * per action (M80–M84, as DA/T 48 packages it). Keeping the additions out of DA/T 46's containers leaves the
 * DA/T 46 part of a record EEP-clean.
 */
// biome-ignore format: one row per element
const ywtbRows = [
  { id: 'YW:办件', key: '办件', name: '办件', nameEn: 'government service case', entity: BUSINESS, obligation: REQUIRED, repeatable: false, type: 'container', confidence: MM, definition: '政务服务办件信息；一个办件归档为一件', note: '暂定：取自实现与综述，非标准原文（DB31/T 1152-2019、DA/T 85-2019、GB/T 42727-2023 的元素表均未得见）' },
  { id: 'YW-事项编码', key: '事项编码', name: '事项编码', nameEn: 'service item code', entity: BUSINESS, parent: 'YW:办件', obligation: REQUIRED, repeatable: false, type: 'string', confidence: ML, definition: '实施清单编码（GB/T 39554.1-2020 的 实施编码）；归档范围与保管期限按此查表', note: '格式未知，不设模式；实现字段 taskCode / eventcode' },
  { id: 'YW-基本编码', key: '基本编码', name: '基本编码', nameEn: 'basic catalogue code', entity: BUSINESS, parent: 'YW:办件', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, definition: '事项基本目录编码（GB/T 39554.1-2020）；实施编码由其派生', note: '与 事项编码 分列：系统通常只带实施编码' },
  { id: 'YW-事项名称', key: '事项名称', name: '事项名称', nameEn: 'service item name', entity: BUSINESS, parent: 'YW:办件', obligation: REQUIRED, repeatable: false, type: 'string', confidence: ML },
  { id: 'YW-事项版本号', key: '事项版本号', name: '事项版本号', nameEn: 'service item version', entity: BUSINESS, parent: 'YW:办件', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, note: '实现字段 taskVersion' },
  { id: 'YW-事项类型', key: '事项类型', name: '事项类型', nameEn: 'service item type', entity: BUSINESS, parent: 'YW:办件', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ITEM_TYPES, open: true }, confidence: MU, note: '数字代码（GB/T 39554.1-2020）未知，存中文名称' },
  { id: 'YW-办件编号', key: '办件编号', name: '办件编号', nameEn: 'case number', entity: BUSINESS, parent: 'YW:办件', obligation: REQUIRED, repeatable: false, type: 'string', confidence: ML, definition: '业务流水号', note: '实现字段 projid' },
  { id: 'YW-办件名称', key: '办件名称', name: '办件名称', nameEn: 'case title', entity: BUSINESS, parent: 'YW:办件', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '如 关于某事项的审批' },
  { id: 'YW-申请人', key: '申请人', name: '申请人', nameEn: 'applicant', entity: BUSINESS, parent: 'YW:办件', obligation: OPTIONAL, repeatable: true, type: 'container', confidence: MU, note: '可重复：联名申请时每人一组' },
  { id: 'YW-申请人名称', key: '申请人名称', name: '申请人名称', nameEn: 'applicant name', entity: BUSINESS, parent: 'YW-申请人', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
  { id: 'YW-申请人类型', key: '申请人类型', name: '申请人类型', nameEn: 'applicant type', entity: BUSINESS, parent: 'YW-申请人', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['自然人', '法人', '其他组织'], open: true }, confidence: LU },
  { id: 'YW-证件类型', key: '证件类型', name: '证件类型', nameEn: 'ID document type', entity: BUSINESS, parent: 'YW-申请人', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '如 居民身份证、统一社会信用代码' },
  { id: 'YW-证件号码', key: '证件号码', name: '证件号码', nameEn: 'ID document number', entity: BUSINESS, parent: 'YW-申请人', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, note: '个人信息：利用时按需脱敏' },
  { id: 'YW-法定代表人', key: '法定代表人', name: '法定代表人', nameEn: 'legal representative', entity: BUSINESS, parent: 'YW-申请人', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
  { id: 'YW-受理部门', key: '受理部门', name: '受理部门', nameEn: 'accepting department', entity: BUSINESS, parent: 'YW:办件', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '实施主体 / 受理部门名称' },
  { id: 'YW-受理时间', key: '受理时间', name: '受理时间', nameEn: 'acceptance time', entity: BUSINESS, parent: 'YW:办件', obligation: REQUIRED, repeatable: false, type: 'dateTime', confidence: ML },
  { id: 'YW-办结时间', key: '办结时间', name: '办结时间', nameEn: 'completion time', entity: BUSINESS, parent: 'YW:办件', obligation: OPTIONAL, repeatable: false, type: 'dateTime', confidence: MU, note: '不早于 受理时间；年度通常取办结年度' },
  { id: 'YW-办理结果', key: '办理结果', name: '办理结果', nameEn: 'outcome', entity: BUSINESS, parent: 'YW:办件', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '如 准予许可、不予许可' },
  { id: 'YW-结果编码', key: '结果编码', name: '结果编码', nameEn: 'outcome code', entity: BUSINESS, parent: 'YW:办件', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
  { id: 'YW-联合办理部门', key: '联合办理部门', name: '联合办理部门', nameEn: 'co-handling department', entity: BUSINESS, parent: 'YW:办件', obligation: OPTIONAL, repeatable: true, type: 'string', confidence: LU },
  { id: 'YW-电子证照', key: '电子证照', name: '电子证照', nameEn: 'electronic licence', entity: BUSINESS, parent: 'YW:办件', obligation: OPTIONAL, repeatable: true, type: 'container', confidence: MU, definition: '办件产生或调用的电子证照（GB/T 36905）' },
  { id: 'YW-证照名称', key: '证照名称', name: '证照名称', nameEn: 'licence name', entity: BUSINESS, parent: 'YW-电子证照', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
  { id: 'YW-证照编号', key: '证照编号', name: '证照编号', nameEn: 'licence number', entity: BUSINESS, parent: 'YW-电子证照', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
  { id: 'YW-证照类型代码', key: '证照类型代码', name: '证照类型代码', nameEn: 'licence type code', entity: BUSINESS, parent: 'YW-电子证照', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
  { id: 'YW-颁发机构', key: '颁发机构', name: '颁发机构', nameEn: 'issuing authority', entity: BUSINESS, parent: 'YW-电子证照', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
  { id: 'YW-调用方式', key: '调用方式', name: '调用方式', nameEn: 'retrieval method', entity: BUSINESS, parent: 'YW-电子证照', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, definition: '如 数据共享调用' },
  { id: 'YW-核验结果', key: '核验结果', name: '核验结果', nameEn: 'verification result', entity: BUSINESS, parent: 'YW-电子证照', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
  { id: 'YW-过程信息', key: '过程信息', name: '过程信息', nameEn: 'process step', entity: BUSINESS, parent: 'YW:办件', obligation: OPTIONAL, repeatable: true, type: 'container', confidence: MU, definition: '办理过程，每个环节一组', note: '可同时写入 DA/T 46 业务实体（业务行为 = 环节名称，行为时间 = 办理时间）以便封装' },
  { id: 'YW-环节名称', key: '环节名称', name: '环节名称', nameEn: 'step name', entity: BUSINESS, parent: 'YW-过程信息', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU, definition: '如 受理、审查、决定、办结' },
  { id: 'YW-办理人', key: '办理人', name: '办理人', nameEn: 'handler', entity: BUSINESS, parent: 'YW-过程信息', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
  { id: 'YW-意见类型', key: '意见类型', name: '意见类型', nameEn: 'opinion type', entity: BUSINESS, parent: 'YW-过程信息', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
  { id: 'YW-意见', key: '意见', name: '意见', nameEn: 'opinion', entity: BUSINESS, parent: 'YW-过程信息', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: MU },
  { id: 'YW-办理时间', key: '办理时间', name: '办理时间', nameEn: 'handling time', entity: BUSINESS, parent: 'YW-过程信息', obligation: OPTIONAL, repeatable: false, type: 'dateTime', confidence: MU },
  { id: 'YW-行政区划编码', key: '行政区划编码', name: '行政区划编码', nameEn: 'administrative division code', entity: BUSINESS, parent: 'YW:办件', obligation: OPTIONAL, repeatable: false, type: 'string', domain: { pattern: '^[0-9]{6}$' }, confidence: MU, definition: 'GB/T 2260 六位代码，如 310000' },
  { id: 'YW-材料', key: '材料', name: '材料', nameEn: 'case material', entity: BUSINESS, parent: 'YW:办件', obligation: OPTIONAL, repeatable: true, type: 'container', confidence: LU, definition: '办件的组成材料，每份一组；以计算机文件名对应 电子属性（M46）', note: '材料类别 属于每份材料而非整个办件，故设此容器' },
  { id: 'YW-材料名称', key: '材料名称', name: '材料名称', nameEn: 'material name', entity: BUSINESS, parent: 'YW-材料', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU },
  { id: 'YW-材料类别', key: '材料类别', name: '材料类别', nameEn: 'material class', entity: BUSINESS, parent: 'YW-材料', obligation: OPTIONAL, repeatable: false, type: 'enum', domain: { enum: ['依据性材料', '程序性材料', '结果性材料'] }, confidence: MU, definition: '国办发〔2023〕26号 的三类归档材料', note: '电子证照属结果性材料，另记于 电子证照；“证据性材料”不是国家用语' },
  { id: 'YW-材料/计算机文件名', key: '计算机文件名', name: '计算机文件名', nameEn: 'computer file name', entity: BUSINESS, parent: 'YW-材料', obligation: OPTIONAL, repeatable: false, type: 'string', confidence: LU, definition: '该材料的文件名，与某个 电子属性 的 计算机文件名（M48）相同' },
  { id: 'YW-归档时间', key: '归档时间', name: '归档时间', nameEn: 'archiving time', entity: BUSINESS, parent: 'YW:办件', obligation: OPTIONAL, repeatable: false, type: 'dateTime', confidence: MU, note: '办结即归档：不早于 办结时间' },
] as const;

/**
 * 政务服务“一网通办”办件元数据 — a PROVISIONAL profile on top of DA/T 46-2009: every DA/T 46 element plus a
 * `办件` block (ids `YW:办件`, `YW-…`). The element lists of the governing texts (DB31/T 1152-2019, DA/T 85-2019,
 * GB/T 42727-2023) were not available (`../shared/standards/metadata-elements.md` §4); the field set comes
 * from implementations and summaries. A host must check it against the profile it is bound by and override
 * it with `extendScheme` (obligations, domains, extra fields).
 *
 * @example
 * const mine = extendScheme(schemes.ywtb, { id: 'sh-ywtb-2026', modify: { 'YW-办结时间': { obligation: { kind: '必选' } } } });
 */
export const ywtb = {
  id: 'ywtb',
  standard: 'DB31/T 1152-2019 (provisional profile)',
  title: '政务服务“一网通办”办件元数据（暂定配置）',
  version: '2026.11',
  confidence: 'low',
  description:
    '整个配置为暂定（PROVISIONAL）：DB31/T 1152-2019、DA/T 85-2019、GB/T 42727-2023 的元数据元素表均未得见，办件字段取自实现与综述。包含 DA/T 46 的全部元素，另加 办件 块（YW- 开头的 id，不是标准编号）。宿主须按所执行的规范以 extendScheme 覆盖。',
  rules: [
    ...dat46.rules,
    { kind: 'notBefore', earlier: 'YW-受理时间', later: 'YW-办结时间' },
    { kind: 'notBefore', earlier: 'YW-办结时间', later: 'YW-归档时间' },
  ],
  elements: [...dat46.elements, ...ywtbRows],
} as const satisfies MetadataScheme;
