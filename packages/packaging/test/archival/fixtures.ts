import { createHash } from 'node:crypto';
import { type ByteSource, concatBytes, utf8 } from '@dangan/core';
import type { ArchivalItemInput, ArchivalPackageInput } from '../../src/archival/index.js';

/** Deterministic pseudo-random bytes. */
export function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Bytes that look like a PDF. */
export function pdfLike(bodyBytes: number, seed = 1): Uint8Array {
  return concatBytes([
    utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nstream\n'),
    noise(bodyBytes, seed),
    utf8('\nendstream\n%%EOF\n'),
  ]);
}

/** Bytes that look like a JPEG. */
export function jpegLike(bodyBytes: number, seed = 2): Uint8Array {
  return concatBytes([
    new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48,
    ]),
    noise(bodyBytes, seed),
    new Uint8Array([0xff, 0xd9]),
  ]);
}

/** Bytes of an XML form. */
export function xmlLike(): Uint8Array {
  return utf8(
    '<?xml version="1.0" encoding="UTF-8"?>\n<申请表><申请人>上海某某科技有限公司</申请人><事项>企业设立登记</事项><日期>2026-03-16</日期></申请表>\n',
  );
}

export function sm3Hex(bytes: Uint8Array): string {
  return createHash('sm3').update(bytes).digest('hex');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface FileSpec {
  readonly name: string;
  readonly format: string;
  readonly bytes: Uint8Array;
  readonly material?: string;
}

const CASE = {
  事项编码: '310115000000-JYXK-0001',
  事项名称: '企业设立登记',
  事项类型: '行政许可',
  办件编号: '310115202603160001',
  办件名称: '上海某某科技有限公司设立登记',
  受理部门: '上海市浦东新区市场监督管理局',
  受理时间: '2026-03-16T09:12:40+08:00',
  办结时间: '2026-03-18T16:30:00+08:00',
  办理结果: '准予登记',
  行政区划编码: '310115',
};

/** A 一网通办 record of 件 `n` of the case, describing `files`. */
export function ywtbRecord(
  n: number,
  title: string,
  files: readonly FileSpec[],
  extra: { readonly pages?: number; readonly caseId?: string } = {},
): Record<string, unknown> {
  const id = `310115-MSC-2026-000123-${String(n).padStart(2, '0')}`;
  const materials = files
    .filter((f) => f.material !== undefined)
    .map((f) => ({ 材料名称: f.material, 材料类别: '依据性材料', 计算机文件名: f.name }));
  return {
    文件实体: {
      聚合层次: '文件',
      来源: { 立档单位名称: '上海市浦东新区市场监督管理局' },
      电子文件号: id,
      档号: { 全宗号: 'Z109', 年度: '2026', 保管期限: '定期30年', 机构或问题: 'DJK', 室编件号: n },
      内容描述: {
        题名: title,
        责任者: '上海市浦东新区市场监督管理局',
        日期: '2026-03-18',
        密级: '公开',
      },
      形式特征: {
        文件组合类型: files.length > 1 ? '组合文件' : '单件',
        ...(extra.pages === undefined ? {} : { 页数: extra.pages }),
        语种: '汉语',
      },
      电子属性: files.map((f) => ({
        格式信息: f.format,
        计算机文件名: f.name,
        计算机文件大小: f.bytes.length,
      })),
      存储位置: { 当前位置: `oss://archives/2026/310115/000123/${n}/`, 脱机载体编号: ['在线'] },
      权限管理: { 控制标识: '控制' },
    },
    机构人员实体: [{ 机构人员标识符: 'A1', 机构人员类型: '内设机构', 机构人员名称: '登记注册科' }],
    业务实体: [
      {
        业务标识符: 'B1',
        机构人员标识符: 'A1',
        文件标识符: id,
        业务状态: '历史行为',
        业务行为: '归档',
        行为时间: '2026-03-20T10:00:00+08:00',
      },
    ],
    办件: Object.assign(
      { ...CASE },
      extra.caseId === undefined ? {} : { 办件编号: extra.caseId },
      materials.length === 0 ? {} : { 材料: materials },
    ),
  };
}

/** A realistic 办件 of three 件: a PDF, a JPEG and an XML form (one file each). */
export function threeItemCase(): { input: ArchivalPackageInput; files: FileSpec[][] } {
  const files: FileSpec[][] = [
    [
      {
        name: '设立登记申请书.pdf',
        format: 'PDF, 1.7, application/pdf',
        bytes: pdfLike(40_000),
        material: '设立登记申请书',
      },
    ],
    [
      {
        name: '营业场所照片.jpg',
        format: 'JPEG, 1.01, image/jpeg',
        bytes: jpegLike(25_000),
        material: '营业场所照片',
      },
    ],
    [{ name: '申请表.xml', format: 'XML, 1.0, application/xml', bytes: xmlLike() }],
  ];
  const titles = ['设立登记申请书', '营业场所照片', '设立登记申请表（数据）'];
  const pages = [3, 1, undefined];
  const items: ArchivalItemInput[] = files.map((fs, i) => ({
    record: ywtbRecord(i + 1, titles[i]!, fs, pages[i] === undefined ? {} : { pages: pages[i]! }),
    files: fs.map((f, j) => ({ source: f.bytes, attributeIndex: j })),
  }));
  return {
    files,
    input: {
      items,
      registration: { 单位名称: '上海市浦东新区市场监督管理局', 归档电子文件门类: '文书', 归档方式: '在线' },
      now: new Date('2026-03-20T02:00:00Z'),
    },
  };
}

/** A source that yields the first half of `good`, then fails. */
export function failingAfter(good: Uint8Array, message = '磁盘读取失败'): ByteSource {
  return (async function* () {
    yield good.subarray(0, good.length >> 1);
    throw new Error(message);
  })();
}
