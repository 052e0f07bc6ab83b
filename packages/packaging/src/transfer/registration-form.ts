import { type Finding, parseXmlToTree, type XmlElement, XmlError, type XmlWriter } from '@dangan/core';
import { transferFinding } from './codes.js';
import type { TransferCounts, TransferGroupCounts } from './types.js';
import { child, children, childText, xmlDocumentBytes } from './xml-document.js';

/**
 * The five 检验内容 of the 登记表, filled in by each side (《办法》 附件3; high).
 *
 * @example
 * TRANSFER_REGISTRATION_CHECKS[4]; // '载体外观检验'
 */
export const TRANSFER_REGISTRATION_CHECKS = [
  '准确性检验',
  '完整性检验',
  '可用性检验',
  '安全性检验',
  '载体外观检验',
] as const;

/** One of {@link TRANSFER_REGISTRATION_CHECKS}. */
export type TransferRegistrationCheck = (typeof TRANSFER_REGISTRATION_CHECKS)[number];

/** One side's sign-off (填表人, 审核人, date; the seal is on paper). */
export interface TransferRegistrationSignOff {
  readonly 填表人?: string;
  readonly 审核人?: string;
  readonly 日期?: string;
}

/** What the host supplies for the 登记表; every count is computed by the builder. */
export interface TransferRegistrationDetails {
  /** 交接工作名称 (default `电子档案移交`). */
  readonly 交接工作名称?: string;
  readonly 内容描述?: string;
  readonly 移交单位?: string;
  readonly 接收单位?: string;
  /** 移交载体类型、规格 (default `在线` online, else `载体类型，载体容量` from 说明文件). */
  readonly 移交载体类型规格?: string;
  /** Results of the 检验内容 per side, if already known (usually filled in at the handover). */
  readonly 检验内容?: {
    readonly 移交单位?: Partial<Record<TransferRegistrationCheck, string>>;
    readonly 接收单位?: Partial<Record<TransferRegistrationCheck, string>>;
  };
  readonly 移交单位签署?: TransferRegistrationSignOff;
  readonly 接收单位签署?: TransferRegistrationSignOff;
}

/** The counts of the 登记表 (移交电子档案数量, plus dangan's 文件数/元数据数/字节数 and 卷数). */
export interface RegisteredCounts extends TransferCounts {
  /** 卷数: volumes (0 for item-level transfer). */
  readonly 卷数: number;
}

/** One carrier as the 登记表 registers it (dangan's addition, so each carrier can be checked on its own). */
export interface RegisteredCarrier extends TransferCounts {
  readonly 载体编号: string;
  /** The carrier's 实际容量 in bytes (what its digest covers). */
  readonly 实际容量字节数: number;
  readonly 分类统计: readonly TransferGroupCounts[];
}

/**
 * The 移交与接收登记表 (《电子档案移交与接收办法》 附件3; packages-and-formats §4) as data: the form's fields
 * (交接工作名称, 内容描述, 移交电子档案数量, 移交数据量 in GB with 3 decimals, 载体起止顺序号, 移交载体类型规格,
 * 检验内容, sign-off) plus dangan's machine-checkable additions (文件数, 元数据数, 字节数, the breakdown by
 * 门类/年度/保管期限, and one entry per carrier). Numbers read back from an unreadable value are `NaN`.
 */
export interface TransferRegistrationForm {
  readonly 交接工作名称: string;
  readonly 内容描述: string;
  readonly 移交单位: string;
  readonly 接收单位: string;
  readonly 移交电子档案数量: RegisteredCounts;
  /** 移交数据量 in decimal GB, 3 decimals: the carriers' 实际容量 summed. */
  readonly 移交数据量: string;
  readonly 移交数据量字节数: number;
  /** `001-003` (or the one number). */
  readonly 载体起止顺序号: string;
  readonly 移交载体类型规格: string;
  readonly 数字摘要算法: string;
  readonly 分类统计: readonly TransferGroupCounts[];
  readonly 载体: readonly RegisteredCarrier[];
  readonly 检验内容: {
    readonly 移交单位: Readonly<Record<TransferRegistrationCheck, string>>;
    readonly 接收单位: Readonly<Record<TransferRegistrationCheck, string>>;
  };
  readonly 移交单位签署: Required<TransferRegistrationSignOff>;
  readonly 接收单位签署: Required<TransferRegistrationSignOff>;
}

const ROOT = '移交与接收登记表';
const COUNT_FIELDS = ['件数', '文件数', '元数据数', '字节数'] as const;

function writeCounts(w: XmlWriter, c: TransferCounts): void {
  for (const k of COUNT_FIELDS) w.element(k, String(c[k]));
}

function writeGroups(w: XmlWriter, groups: readonly TransferGroupCounts[]): void {
  w.startElement('分类统计');
  for (const g of groups) {
    w.startElement('统计');
    w.element('门类', g.门类).element('年度', g.年度).element('保管期限', g.保管期限);
    writeCounts(w, g);
    w.endElement();
  }
  w.endElement();
}

/**
 * The 登记表 as XML bytes (root `<移交与接收登记表>`, elements named as the form's fields; see
 * {@link TransferRegistrationForm}).
 *
 * @example
 * transferRegistrationFormXml(form, 'utf-8');
 */
export function transferRegistrationFormXml(
  form: TransferRegistrationForm,
  encoding: 'utf-8' | 'gb18030',
): Uint8Array {
  return xmlDocumentBytes(
    (w) => {
      w.startElement(ROOT);
      w.element('交接工作名称', form.交接工作名称);
      w.element('内容描述', form.内容描述);
      w.element('移交单位', form.移交单位);
      w.element('接收单位', form.接收单位);
      w.startElement('移交电子档案数量');
      w.element('件数', String(form.移交电子档案数量.件数));
      w.element('卷数', String(form.移交电子档案数量.卷数));
      w.element('文件数', String(form.移交电子档案数量.文件数));
      w.element('元数据数', String(form.移交电子档案数量.元数据数));
      w.element('字节数', String(form.移交电子档案数量.字节数));
      w.endElement();
      w.element('移交数据量', form.移交数据量, { 单位: 'GB' });
      w.element('移交数据量字节数', String(form.移交数据量字节数));
      w.element('载体起止顺序号', form.载体起止顺序号);
      w.element('移交载体类型规格', form.移交载体类型规格);
      w.element('数字摘要算法', form.数字摘要算法);
      writeGroups(w, form.分类统计);
      w.startElement('载体清单');
      for (const c of form.载体) {
        w.startElement('载体');
        w.element('载体编号', c.载体编号);
        writeCounts(w, c);
        w.element('实际容量字节数', String(c.实际容量字节数));
        writeGroups(w, c.分类统计);
        w.endElement();
      }
      w.endElement();
      for (const side of ['移交单位', '接收单位'] as const) {
        w.startElement('检验内容', { 填写方: side });
        for (const check of TRANSFER_REGISTRATION_CHECKS) w.element(check, form.检验内容[side][check]);
        w.endElement();
      }
      for (const side of ['移交单位签署', '接收单位签署'] as const) {
        w.startElement(side);
        w.element('填表人', form[side].填表人)
          .element('审核人', form[side].审核人)
          .element('日期', form[side].日期);
        w.endElement();
      }
      w.endElement();
    },
    encoding,
    '移交与接收登记表',
  );
}

/** A 登记表 read back, with the problems found. */
export interface ParsedTransferRegistrationForm {
  /** `undefined` when the document could not be read at all. */
  readonly form: TransferRegistrationForm | undefined;
  readonly findings: readonly Finding[];
}

/**
 * Reads a 登记表 written by {@link transferRegistrationFormXml} (UTF-8 or GB18030, from the XML declaration).
 * Malformed XML, a wrong root and counts that are not non-negative integers are findings naming `path`; a
 * missing count reads as `NaN` and is reported.
 *
 * @example
 * const { form } = await parseTransferRegistrationForm(bytes, '其他/移交与接收登记表.XML');
 * form?.移交电子档案数量.件数; // 5
 */
export async function parseTransferRegistrationForm(
  bytes: Uint8Array,
  path: string,
): Promise<ParsedTransferRegistrationForm> {
  const findings: Finding[] = [];
  const bad = (zh: string, en: string) =>
    findings.push(transferFinding('TRANSFER_REGISTRATION_MALFORMED', zh, en, { path }));
  let root: XmlElement;
  try {
    root = await parseXmlToTree(bytes, { name: path, maxBytes: 16 * 1024 * 1024 });
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    bad(
      `登记表不是格式良好的 XML：${e.message}`,
      `The form is not well-formed XML: ${e.messageEn ?? e.message}`,
    );
    return { form: undefined, findings };
  }
  if (root.name !== ROOT) {
    bad(
      `登记表的根元素应为 <${ROOT}>，实为 <${root.name}>`,
      `The form's root must be <${ROOT}>, not <${root.name}>`,
    );
    return { form: undefined, findings };
  }
  const num = (parent: XmlElement | undefined, name: string, where: string): number => {
    const text = childText(parent, name);
    if (/^\d{1,16}$/u.test(text)) return Number(text);
    bad(
      `登记表${where}的“${name}”${text === '' ? '缺失' : `“${text}”不是非负整数`}`,
      `The form's ${name} (${where}) is ${text === '' ? 'missing' : `not a non-negative integer: "${text}"`}`,
    );
    return Number.NaN;
  };
  const counts = (parent: XmlElement | undefined, where: string): TransferCounts => ({
    件数: num(parent, '件数', where),
    文件数: num(parent, '文件数', where),
    元数据数: num(parent, '元数据数', where),
    字节数: num(parent, '字节数', where),
  });
  const groups = (parent: XmlElement | undefined, where: string): TransferGroupCounts[] =>
    children(child(parent, '分类统计'), '统计').map((g) => ({
      门类: childText(g, '门类'),
      年度: childText(g, '年度'),
      保管期限: childText(g, '保管期限'),
      ...counts(g, `${where}分类统计`),
    }));
  const quantity = child(root, '移交电子档案数量');
  const checks = (side: '移交单位' | '接收单位') => {
    const el = children(root, '检验内容').find((c) => c.attributes.填写方 === side);
    return Object.fromEntries(TRANSFER_REGISTRATION_CHECKS.map((k) => [k, childText(el, k)])) as Record<
      TransferRegistrationCheck,
      string
    >;
  };
  const signOff = (name: string) => {
    const el = child(root, name);
    return { 填表人: childText(el, '填表人'), 审核人: childText(el, '审核人'), 日期: childText(el, '日期') };
  };
  const form: TransferRegistrationForm = {
    交接工作名称: childText(root, '交接工作名称'),
    内容描述: childText(root, '内容描述'),
    移交单位: childText(root, '移交单位'),
    接收单位: childText(root, '接收单位'),
    移交电子档案数量: {
      ...counts(quantity, '移交电子档案数量'),
      卷数: num(quantity, '卷数', '移交电子档案数量'),
    },
    移交数据量: childText(root, '移交数据量'),
    移交数据量字节数: num(root, '移交数据量字节数', ''),
    载体起止顺序号: childText(root, '载体起止顺序号'),
    移交载体类型规格: childText(root, '移交载体类型规格'),
    数字摘要算法: childText(root, '数字摘要算法'),
    分类统计: groups(root, ''),
    载体: children(child(root, '载体清单'), '载体').map((c) => {
      const number = childText(c, '载体编号');
      const where = `载体“${number}”`;
      return {
        载体编号: number,
        ...counts(c, where),
        实际容量字节数: num(c, '实际容量字节数', where),
        分类统计: groups(c, where),
      };
    }),
    检验内容: { 移交单位: checks('移交单位'), 接收单位: checks('接收单位') },
    移交单位签署: signOff('移交单位签署'),
    接收单位签署: signOff('接收单位签署'),
  };
  return { form, findings };
}
