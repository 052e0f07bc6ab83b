import { formatGigabytes } from './capacity.js';
import { addCounts, GroupTotals, ZERO_COUNTS } from './counts.js';
import { type DigestSheet, digestSheetTxt, digestSheetXml, digestSubject } from './digest-sheet.js';
import type { TransferLayout } from './layout.js';
import {
  TRANSFER_REGISTRATION_CHECKS,
  type TransferRegistrationCheck,
  type TransferRegistrationDetails,
  type TransferRegistrationForm,
  transferRegistrationFormXml,
} from './registration-form.js';
import type { TransferCounts, TransferGroupCounts } from './types.js';

/** What the handover documents need to know about one carrier. */
export interface CarrierFacts {
  readonly number: string;
  readonly counts: TransferCounts;
  readonly groups: readonly TransferGroupCounts[];
  /** 实际容量 in bytes. */
  readonly contentBytes: number;
  /** Carrier digest, hex. */
  readonly digest: string;
  /** 内容说明 for the 数字摘要 sheet. */
  readonly description: string;
}

/** Settings of the handover documents. */
export interface HandoverSettings {
  readonly details: TransferRegistrationDetails;
  readonly algorithmName: string;
  readonly level: '文件' | '案卷';
  /** 移交载体类型规格 when the details give none. */
  readonly carrierSpec: string;
  readonly layout: TransferLayout;
}

function checks(
  given: Partial<Record<TransferRegistrationCheck, string>> | undefined,
): Record<TransferRegistrationCheck, string> {
  return Object.fromEntries(TRANSFER_REGISTRATION_CHECKS.map((k) => [k, given?.[k] ?? ''])) as Record<
    TransferRegistrationCheck,
    string
  >;
}

/**
 * The 登记表 of a transfer from its carriers: totals summed, the breakdown merged, 移交数据量 = the carriers'
 * 实际容量 summed (decimal GB, 3 decimals), 载体起止顺序号 = first–last carrier number.
 *
 * @example
 * const form = registrationFormOf(carriers, settings);
 */
export function registrationFormOf(
  carriers: readonly CarrierFacts[],
  settings: HandoverSettings,
): TransferRegistrationForm {
  let total = ZERO_COUNTS;
  let bytes = 0;
  const groups = new GroupTotals();
  for (const c of carriers) {
    total = addCounts(total, c.counts);
    bytes += c.contentBytes;
    for (const g of c.groups) groups.add(g, g);
  }
  const d = settings.details;
  const first = carriers[0]?.number ?? '';
  const last = carriers[carriers.length - 1]?.number ?? '';
  return {
    交接工作名称: d.交接工作名称 ?? '电子档案移交',
    内容描述: d.内容描述 ?? '',
    移交单位: d.移交单位 ?? '',
    接收单位: d.接收单位 ?? '',
    移交电子档案数量: { ...total, 卷数: settings.level === '案卷' ? total.件数 : 0 },
    移交数据量: formatGigabytes(bytes),
    移交数据量字节数: bytes,
    载体起止顺序号: first === last ? first : `${first}-${last}`,
    移交载体类型规格: d.移交载体类型规格 ?? settings.carrierSpec,
    数字摘要算法: settings.algorithmName,
    分类统计: groups.list(),
    载体: carriers.map((c) => ({
      载体编号: c.number,
      ...c.counts,
      实际容量字节数: c.contentBytes,
      分类统计: c.groups,
    })),
    检验内容: { 移交单位: checks(d.检验内容?.移交单位), 接收单位: checks(d.检验内容?.接收单位) },
    移交单位签署: { 填表人: '', 审核人: '', 日期: '', ...d.移交单位签署 },
    接收单位签署: { 填表人: '', 审核人: '', 日期: '', ...d.接收单位签署 },
  };
}

/**
 * The 数字摘要 sheet of a transfer: the algorithm named, what is digested, one row per carrier.
 *
 * @example
 * const sheet = digestSheetOf(carriers, settings);
 */
export function digestSheetOf(carriers: readonly CarrierFacts[], settings: HandoverSettings): DigestSheet {
  return {
    交接工作名称: settings.details.交接工作名称 ?? '电子档案移交',
    数字摘要算法: settings.algorithmName,
    摘要对象: digestSubject(`${settings.layout.other}/${settings.layout.listing}`),
    载体: carriers.map((c) => ({
      载体编号: c.number,
      内容说明: c.description,
      数字摘要: c.digest,
      实际容量: formatGigabytes(c.contentBytes),
      字节数: c.contentBytes,
    })),
  };
}

/** The two handover documents as bytes, with their paths on a carrier. */
export interface HandoverFiles {
  readonly registration: { readonly path: string; readonly bytes: Uint8Array };
  readonly sheet: { readonly path: string; readonly bytes: Uint8Array };
}

/**
 * The 登记表 and the 数字摘要 sheet as the files every carrier gets.
 *
 * @example
 * const { registration, sheet } = handoverFiles(form, digestSheet, { ... });
 */
export function handoverFiles(
  form: TransferRegistrationForm,
  sheet: DigestSheet,
  options: {
    readonly layout: TransferLayout;
    readonly documentEncoding: 'utf-8' | 'gb18030';
    readonly sheetFormat: 'xml' | 'txt';
    readonly textEncoding: 'gb18030' | 'utf-8';
    readonly newline: '\r\n' | '\n';
  },
): HandoverFiles {
  const { layout } = options;
  return {
    registration: {
      path: `${layout.other}/${layout.registrationForm}`,
      bytes: transferRegistrationFormXml(form, options.documentEncoding),
    },
    sheet:
      options.sheetFormat === 'txt'
        ? {
            path: `${layout.other}/${layout.digestSheetTxt}`,
            bytes: digestSheetTxt(sheet, { encoding: options.textEncoding, newline: options.newline }),
          }
        : {
            path: `${layout.other}/${layout.digestSheetXml}`,
            bytes: digestSheetXml(sheet, options.documentEncoding),
          },
  };
}
