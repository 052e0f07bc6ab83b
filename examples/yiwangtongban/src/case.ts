/**
 * Step 1 — 收集 (receive): the 办件 exactly as a 一网通办 business system hands it over when the case is 办结.
 *
 * One 企业设立登记 case of a district 市场监督管理局: the 办件 data (事项, 申请人, 受理/办结时间, 办理结果), the
 * 过程信息 (受理 → 审查 → 决定 → 办结), the business licence (营业执照) as an 电子证照 *reference* called by data
 * sharing (数据共享调用: the licence lives in the 电子证照库, the case keeps its number), the agents and their
 * actions, and three real files made at run time:
 *
 * - 设立登记申请书.pdf — the application form (依据性材料), PDF 1.7;
 * - 法定代表人身份证件.jpg — the legal representative's ID photographed at the counter (依据性材料), a JPEG with
 *   EXIF (camera, capture time, software) that the capture step reads back;
 * - 准予设立登记通知书.ofd — the approval decision (结果性材料), OFD (GB/T 33190).
 *
 * Everything is fixed (ids, times), so two runs describe the same case. Names and numbers are invented.
 */
import type { MetadataRecord, schemes } from '@dangan/metadata';
import { makeJpeg } from './files/jpeg.js';
import { makeOfd } from './files/ofd.js';
import { makePdf } from './files/pdf.js';

type YwtbRecord = MetadataRecord<typeof schemes.ywtb>;

/** One file of the case with the 材料 entry that describes it. */
export interface CaseFile {
  /** 计算机文件名 (M48). */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** 材料名称: also the file's role in its 件 (the package names files `{档号}-001-{材料名称}.pdf`). */
  readonly material: string;
  /** 材料类别 (国办发〔2023〕26号): 依据性材料, 程序性材料 or 结果性材料. */
  readonly materialClass: '依据性材料' | '程序性材料' | '结果性材料';
}

/** What the business system hands over: the case data and its files. */
export interface ReceivedCase {
  /** The 办件 block of the 一网通办 record (DB31/T 1152, provisional profile `schemes.ywtb`). */
  readonly 办件: YwtbRecord['办件'];
  /** Agents (机构人员实体) that acted on the case. */
  readonly 机构人员实体: NonNullable<YwtbRecord['机构人员实体']>;
  /** Their actions (业务实体), one per 过程信息 step. */
  readonly 业务实体: NonNullable<YwtbRecord['业务实体']>;
  /** 立档单位名称 (M6): the agency that files the case. */
  readonly agency: string;
  /** 电子文件号 (M7) of the case's record. */
  readonly electronicFileNumber: string;
  /** 文件编号 (M31): the decision's number. */
  readonly decisionNumber: string;
  readonly files: readonly CaseFile[];
}

/** The fixed facts of the demo case. */
export const DEMO_CASE = {
  agency: '上海市浦东新区市场监督管理局',
  caseNumber: '310115202603160001',
  itemCode: '310115000000-JYXK-0001',
  applicant: '上海某某科技有限公司',
  creditCode: '91310115MA1K4ABC2X',
  legalRepresentative: '李某',
  acceptedAt: '2026-03-16T09:12:40+08:00',
  decidedAt: '2026-03-18T15:40:00+08:00',
  completedAt: '2026-03-18T16:30:00+08:00',
  photoTakenAt: '2026:03:16 09:05:12',
} as const;

/**
 * The 办件 as the business system hands it over, with its three files generated (PDF, JPEG with EXIF, OFD).
 * `archivedAt` is the 归档时间 (the demo's fixed clock).
 */
export async function receiveCase(archivedAt: string): Promise<ReceivedCase> {
  const c = DEMO_CASE;
  const files: CaseFile[] = [
    {
      name: '设立登记申请书.pdf',
      material: '设立登记申请书',
      materialClass: '依据性材料',
      bytes: makePdf({
        title: '公司设立登记申请书',
        author: c.applicant,
        created: new Date('2026-03-16T00:58:00Z'),
        lines: [
          '公司设立登记申请书',
          `名称：${c.applicant}`,
          '住所：上海市浦东新区某某路 100 号',
          `法定代表人：${c.legalRepresentative}`,
          '注册资本：人民币 100 万元',
          '公司类型：有限责任公司（自然人投资或控股）',
          '经营范围：技术开发、技术咨询、技术服务',
          '申请日期：2026 年 3 月 16 日',
        ],
      }),
    },
    {
      name: '法定代表人身份证件.jpg',
      material: '法定代表人身份证件',
      materialClass: '依据性材料',
      // A 240×320 greyscale picture: a light background, a head and shoulders.
      bytes: makeJpeg(
        240,
        320,
        (x, y) => {
          const head = (x - 120) ** 2 / 55 ** 2 + (y - 120) ** 2 / 70 ** 2 < 1;
          const shoulders = y > 215 && Math.abs(x - 120) < 40 + (y - 215) * 0.9;
          return head ? 190 : shoulders ? 70 : 235 - y / 16;
        },
        {
          make: 'Demo Imaging',
          model: 'GP-1600',
          software: 'YWTB Counter Capture 2.1',
          dateTime: c.photoTakenAt,
          offset: '+08:00',
        },
      ),
    },
    {
      name: '准予设立登记通知书.ofd',
      material: '准予设立登记通知书',
      materialClass: '结果性材料',
      bytes: await makeOfd({
        id: 'b7e1c0de-2026-0318-0001-310115000123',
        title: '准予设立登记通知书',
        author: c.agency,
        created: '2026-03-18',
        lines: [
          '准予设立登记通知书',
          '沪市监浦登字〔2026〕第0123号',
          `${c.applicant}：`,
          '经审查，你单位提交的设立登记申请材料齐全，符合法定形式，决定准予设立登记。',
          `统一社会信用代码：${c.creditCode}`,
          c.agency,
          '2026 年 3 月 18 日',
        ],
      }),
    },
  ];

  const electronicFileNumber = `310115-MSC-2026-${c.caseNumber.slice(-6)}`;
  return {
    agency: c.agency,
    electronicFileNumber,
    decisionNumber: '沪市监浦登字〔2026〕第0123号',
    办件: {
      事项编码: c.itemCode,
      事项名称: '企业设立登记',
      事项类型: '行政许可',
      办件编号: c.caseNumber,
      办件名称: `${c.applicant}设立登记`,
      申请人: [
        {
          申请人名称: c.applicant,
          申请人类型: '法人',
          证件类型: '统一社会信用代码',
          证件号码: c.creditCode,
          法定代表人: c.legalRepresentative,
        },
      ],
      受理部门: c.agency,
      受理时间: c.acceptedAt,
      办结时间: c.completedAt,
      办理结果: '准予登记',
      电子证照: [
        {
          证照名称: '营业执照',
          证照编号: c.creditCode,
          颁发机构: c.agency,
          调用方式: '数据共享调用',
          核验结果: '有效',
        },
      ],
      过程信息: [
        {
          环节名称: '受理',
          办理人: '登记注册科',
          意见类型: '受理意见',
          意见: '予以受理',
          办理时间: c.acceptedAt,
        },
        {
          环节名称: '审查',
          办理人: '王某',
          意见类型: '审查意见',
          意见: '材料齐全，符合法定形式',
          办理时间: '2026-03-17T15:02:11+08:00',
        },
        {
          环节名称: '决定',
          办理人: '张某',
          意见类型: '决定意见',
          意见: '准予设立登记',
          办理时间: c.decidedAt,
        },
        {
          环节名称: '办结',
          办理人: '登记注册科',
          意见类型: '办结',
          意见: '核发营业执照（电子证照）',
          办理时间: c.completedAt,
        },
      ],
      行政区划编码: '310115',
      材料: files.map((f) => ({ 材料名称: f.material, 材料类别: f.materialClass, 计算机文件名: f.name })),
      归档时间: archivedAt,
    },
    机构人员实体: [
      { 机构人员标识符: 'A1', 机构人员类型: '内设机构', 机构人员名称: '登记注册科' },
      { 机构人员标识符: 'A2', 机构人员类型: '个人', 机构人员名称: '王某', 个人职位: '审查员' },
      { 机构人员标识符: 'A3', 机构人员类型: '个人', 机构人员名称: '张某', 个人职位: '科长' },
    ],
    业务实体: [
      {
        业务标识符: 'B1',
        机构人员标识符: 'A1',
        业务行为: '受理',
        行为时间: c.acceptedAt,
        行为描述: '予以受理',
      },
      {
        业务标识符: 'B2',
        机构人员标识符: 'A2',
        业务行为: '审查',
        行为时间: '2026-03-17T15:02:11+08:00',
        行为描述: '材料齐全，符合法定形式',
      },
      {
        业务标识符: 'B3',
        机构人员标识符: 'A3',
        业务行为: '决定',
        行为时间: c.decidedAt,
        行为描述: '准予设立登记',
      },
      {
        业务标识符: 'B4',
        机构人员标识符: 'A1',
        业务行为: '办结',
        行为时间: c.completedAt,
        行为描述: '核发营业执照（电子证照）',
      },
      {
        业务标识符: 'B5',
        机构人员标识符: 'A1',
        业务行为: '归档',
        行为时间: archivedAt,
        行为描述: '办结归档',
      },
    ].map((b) => ({ ...b, 文件标识符: electronicFileNumber, 业务状态: '历史行为' as const })),
    files,
  };
}
