/**
 * The five 办件 of the demo, as a business system (一网通办) would hand them over at 归档: each has an 申请材料 件
 * (the application form and on-site photographs) and a 办理结果 件 (the decision), with the 保管期限 its
 * retention schedule gave it. Everything is made at run time from fixed seeds, so every run writes the same
 * bytes.
 */
import { captureAttributes, type SequenceProvider } from '@dangan/metadata';
import { makeJpeg } from '../../yiwangtongban/src/files/jpeg.js';
import { makePdf } from '../../yiwangtongban/src/files/pdf.js';

/** 保管期限 as the records write it. */
export type RetentionPeriod = '永久' | '定期30年' | '定期10年';

/** What the demo knows of one 办件 before its files are made. */
export interface CaseSpec {
  readonly 办件编号: string;
  readonly 事项编码: string;
  readonly 事项名称: string;
  readonly 事项类型: string;
  readonly 办件名称: string;
  readonly 申请人: string;
  readonly 证件号码: string;
  readonly 保管期限: RetentionPeriod;
  readonly 办理结果: string;
  /** 题名 of the decision (the 办理结果 件). */
  readonly 决定书: string;
  /** Day of March 2026 on which the 办件 was accepted (办结 two days later). */
  readonly day: number;
  /** Number of on-site photographs (现场核查照片) in the 申请材料 件. */
  readonly photos: number;
}

/** The five 办件: two 永久, one 定期30年 (transferred), two 定期10年 (kept by the agency). */
export const CASES: readonly CaseSpec[] = [
  {
    办件编号: '310115202603020001',
    事项编码: '310115000000-JYXK-0001',
    事项名称: '企业设立登记',
    事项类型: '行政许可',
    办件名称: '上海某某科技有限公司设立登记',
    申请人: '上海某某科技有限公司',
    证件号码: '91310115MA1K4ABC2X',
    保管期限: '永久',
    办理结果: '准予登记',
    决定书: '上海某某科技有限公司准予设立登记通知书',
    day: 2,
    photos: 3,
  },
  {
    办件编号: '310115202603050002',
    事项编码: '310115000000-JYXK-0102',
    事项名称: '食品经营许可',
    事项类型: '行政许可',
    办件名称: '上海某某餐饮管理有限公司食品经营许可',
    申请人: '上海某某餐饮管理有限公司',
    证件号码: '91310115MA1K5DEF3Y',
    保管期限: '定期30年',
    办理结果: '准予许可',
    决定书: '上海某某餐饮管理有限公司食品经营许可决定书',
    day: 5,
    photos: 4,
  },
  {
    办件编号: '310115202603090003',
    事项编码: '310115000000-JYXK-0003',
    事项名称: '个体工商户变更登记',
    事项类型: '行政许可',
    办件名称: '浦东新区某某便利店变更登记',
    申请人: '浦东新区某某便利店',
    证件号码: '92310115MA1K6GHI4Z',
    保管期限: '定期10年',
    办理结果: '准予变更登记',
    决定书: '浦东新区某某便利店准予变更登记通知书',
    day: 9,
    photos: 1,
  },
  {
    办件编号: '310115202603120004',
    事项编码: '310115000000-JYXK-0004',
    事项名称: '企业注销登记',
    事项类型: '行政许可',
    办件名称: '上海某某贸易有限公司注销登记',
    申请人: '上海某某贸易有限公司',
    证件号码: '91310115MA1K7JKL5A',
    保管期限: '永久',
    办理结果: '准予注销登记',
    决定书: '上海某某贸易有限公司准予注销登记通知书',
    day: 12,
    photos: 2,
  },
  {
    办件编号: '310115202603160005',
    事项编码: '310115000000-QTXZ-0007',
    事项名称: '广告发布登记',
    事项类型: '其他行政权力',
    办件名称: '上海某某传媒有限公司广告发布登记',
    申请人: '上海某某传媒有限公司',
    证件号码: '91310115MA1K8MNO6B',
    保管期限: '定期10年',
    办理结果: '准予登记',
    决定书: '上海某某传媒有限公司广告发布登记证明',
    day: 16,
    photos: 1,
  },
];

/** The agency that files the 办件 (立档单位) and its 全宗号. */
export const AGENCY = {
  name: '上海市浦东新区市场监督管理局',
  fonds: 'Z109',
  department: '登记注册科',
  departmentCode: 'DJK',
} as const;

/** One content file of a 件: its name and bytes. */
export interface CaseFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** 材料名称 (the role in the 件's file names). */
  readonly material: string;
  readonly category: '依据性材料' | '结果性材料';
}

/** One 件 of a 办件: its metadata record (一网通办 scheme) and its files, in component order. */
export interface CaseItem {
  readonly record: Record<string, unknown>;
  readonly files: readonly CaseFile[];
}

/** A 办件 ready to file: its spec and its 件. */
export interface PreparedCase {
  readonly spec: CaseSpec;
  readonly items: readonly CaseItem[];
}

const two = (n: number) => String(n).padStart(2, '0');

const RETENTION_CODES: Readonly<Record<RetentionPeriod, string>> = {
  永久: 'Y',
  定期30年: 'D30',
  定期10年: 'D10',
};

/**
 * Makes the files of a 办件 and describes them in two records (申请材料 and 办理结果): the 电子属性 of every
 * file are read from its bytes by `captureAttributes` (format, size), the way a host fills them in. Each 件
 * takes its 室编件号 from `sequence`, counted per 末级类目 (全宗—门类·年度—保管期限—机构), as DA/T 22 numbers them.
 */
export async function prepareCase(spec: CaseSpec, sequence: SequenceProvider): Promise<PreparedCase> {
  const day = `2026-03-${two(spec.day)}`;
  const done = `2026-03-${two(spec.day + 2)}`;
  const created = new Date(`${day}T01:30:00Z`);
  const application: CaseFile = {
    name: `${spec.事项名称}申请书.pdf`,
    material: `${spec.事项名称}申请书`,
    category: '依据性材料',
    bytes: makePdf({
      title: `${spec.办件名称}申请书`,
      author: spec.申请人,
      lines: [
        `Application: ${spec.事项编码}`,
        `Case number: ${spec.办件编号}`,
        `Applicant ID: ${spec.证件号码}`,
        `Date: ${day}`,
      ],
      created,
    }),
  };
  const photos: CaseFile[] = [];
  for (let i = 1; i <= spec.photos; i++) {
    photos.push({
      name: `现场核查照片${i}.jpg`,
      material: `现场核查照片${i}`,
      category: '依据性材料',
      bytes: sitePhoto(Number(spec.办件编号.slice(-4)) * 10 + i, `${day.replaceAll('-', ':')} 10:0${i}:00`),
    });
  }
  const decision: CaseFile = {
    name: `${spec.决定书}.pdf`,
    material: spec.决定书,
    category: '结果性材料',
    bytes: makePdf({
      title: spec.决定书,
      author: AGENCY.name,
      lines: [`Decision: ${spec.办理结果}`, `Case number: ${spec.办件编号}`, `Date: ${done}`],
      created: new Date(`${done}T08:30:00Z`),
    }),
  };
  const items: CaseItem[] = [];
  const parts: [string, CaseFile[]][] = [
    [`${spec.办件名称}申请材料`, [application, ...photos]],
    [spec.决定书, [decision]],
  ];
  for (const [index, [title, files]] of parts.entries()) {
    const category = `${AGENCY.fonds}-WS·2026-${RETENTION_CODES[spec.保管期限]}-${AGENCY.departmentCode}`;
    const number = await sequence.next(category);
    const attributes = [];
    for (const f of files) attributes.push((await captureAttributes(f.bytes, f.name)).电子属性);
    items.push({
      record: ywtbRecord(spec, index, number, title, index === 0 ? day : done, files, attributes),
      files,
    });
  }
  return { spec, items };
}

/** A 一网通办 record (scheme `ywtb`) of the 办件's 件 `index` (from 0), 室编件号 `number`. */
function ywtbRecord(
  spec: CaseSpec,
  index: number,
  number: number,
  title: string,
  date: string,
  files: readonly CaseFile[],
  attributes: readonly unknown[],
): Record<string, unknown> {
  const id = `310115-MSC-2026-${spec.办件编号.slice(-6)}-${two(index + 1)}`;
  const accepted = `2026-03-${two(spec.day)}T09:12:40+08:00`;
  const finished = `2026-03-${two(spec.day + 2)}T16:30:00+08:00`;
  return {
    文件实体: {
      聚合层次: '文件',
      来源: { 立档单位名称: AGENCY.name },
      电子文件号: id,
      档号: {
        全宗号: AGENCY.fonds,
        年度: '2026',
        保管期限: spec.保管期限,
        机构或问题: AGENCY.departmentCode,
        室编件号: number,
      },
      内容描述: { 题名: title, 责任者: AGENCY.name, 日期: date, 密级: '公开' },
      形式特征: {
        文件组合类型: files.length > 1 ? '组合文件' : '单件',
        页数: files.length,
        语种: '汉语',
      },
      电子属性: attributes,
      存储位置: { 当前位置: `oss://archives/2026/310115/${spec.办件编号}/`, 脱机载体编号: ['在线'] },
      权限管理: { 控制标识: '控制' },
    },
    机构人员实体: [
      { 机构人员标识符: 'A1', 机构人员类型: '内设机构', 机构人员名称: AGENCY.department },
      { 机构人员标识符: 'A2', 机构人员类型: '个人', 机构人员名称: '王某', 个人职位: '审核员' },
    ],
    业务实体: [
      {
        业务标识符: 'B1',
        机构人员标识符: 'A1',
        文件标识符: id,
        业务状态: '历史行为',
        业务行为: '受理',
        行为时间: accepted,
      },
      {
        业务标识符: 'B2',
        机构人员标识符: 'A2',
        文件标识符: id,
        业务状态: '历史行为',
        业务行为: '办结',
        行为时间: finished,
        行为描述: spec.办理结果,
      },
    ],
    办件: {
      事项编码: spec.事项编码,
      事项名称: spec.事项名称,
      事项类型: spec.事项类型,
      办件编号: spec.办件编号,
      办件名称: spec.办件名称,
      申请人: [
        {
          申请人名称: spec.申请人,
          申请人类型: '法人',
          证件类型: '统一社会信用代码',
          证件号码: spec.证件号码,
        },
      ],
      受理部门: AGENCY.name,
      受理时间: accepted,
      办结时间: finished,
      办理结果: spec.办理结果,
      行政区划编码: '310115',
      材料: files.map((f) => ({ 材料名称: f.material, 材料类别: f.category, 计算机文件名: f.name })),
    },
  };
}

/**
 * A 4000×3000 on-site photograph: a soft gradient with sensor-like noise (so it does not compress to nothing,
 * as real photographs do not), EXIF from the inspector's camera.
 */
function sitePhoto(seed: number, dateTime: string): Uint8Array {
  let x = seed * 2654435761 || 1;
  const noise = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32 - 0.5;
  };
  return makeJpeg(
    4000,
    3000,
    (px, py) => 128 + 70 * Math.sin(px / 450 + seed) * Math.cos(py / 320) + 90 * noise(),
    { make: 'HUAWEI', model: 'MatePad 11', dateTime },
  );
}
