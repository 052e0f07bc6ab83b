import { decodeTransferText, encodeTransferText } from './text-encoding.js';

/**
 * The fields of a carrier's 说明文件.TXT (《电子档案移交与接收办法》 附件2: carrier parameters, number, custodian,
 * producing and checking units, the software and hardware needed to read it; the field names as one
 * implementation has them, packages-and-formats §3, medium).
 */
export interface TransferReadmeFields {
  /** 载体容量 (`4.7GB`; `在线` for online transfer). */
  readonly 载体容量: string;
  /** 载体类型 (`DVD-R 档案级光盘`, `在线`). */
  readonly 载体类型: string;
  /** 载体编号 (the carrier number, `001`). */
  readonly 载体编号: string;
  /** 载体保管单位. */
  readonly 载体保管单位: string;
  /** 载体制作单位. */
  readonly 载体制作单位: string;
  /** 载体检查单位. */
  readonly 载体检查单位: string;
  /** 摘要信息: what the carrier holds (default: counts, years, categories and where the digests are). */
  readonly 摘要信息: string;
  /** 硬件环境 needed to read the carrier. */
  readonly 硬件环境: string;
  /** 软件环境 needed to read the carrier. */
  readonly 软件环境: string;
}

/**
 * The fields of 说明文件.TXT in the order written.
 *
 * @example
 * TRANSFER_README_FIELDS[0]; // '载体容量'
 */
export const TRANSFER_README_FIELDS: readonly (keyof TransferReadmeFields)[] = [
  '载体容量',
  '载体类型',
  '载体编号',
  '载体保管单位',
  '载体制作单位',
  '载体检查单位',
  '摘要信息',
  '硬件环境',
  '软件环境',
];

/**
 * The defaults dangan writes when the host gives no value (placeholders to be reviewed, not facts about the
 * host's environment).
 *
 * @example
 * README_DEFAULTS.软件环境; // '支持 GB18030 和 UTF-8 的文本编辑器；XML 阅读器；OFD、PDF 版式阅读软件'
 */
export const README_DEFAULTS: Pick<TransferReadmeFields, '硬件环境' | '软件环境'> = {
  硬件环境: '通用计算机；光盘驱动器（离线载体）',
  软件环境: '支持 GB18030 和 UTF-8 的文本编辑器；XML 阅读器；OFD、PDF 版式阅读软件',
};

/**
 * 说明文件.TXT as text: one `字段：值` line per field (full-width colon), line breaks inside a value replaced by
 * spaces, and `extra` lines after the standard ones.
 *
 * @example
 * readmeText({ ...fields, 载体编号: '001' }, '\r\n').split('\r\n')[2]; // '载体编号：001'
 */
export function readmeText(
  fields: TransferReadmeFields,
  newline: '\r\n' | '\n',
  extra: Readonly<Record<string, string>> = {},
): string {
  const line = (k: string, v: string) => `${k}：${v.replace(/[\r\n]+/gu, ' ')}`;
  const lines = TRANSFER_README_FIELDS.map((k) => line(k, fields[k]));
  for (const [k, v] of Object.entries(extra)) lines.push(line(k, v));
  return lines.join(newline) + newline;
}

/**
 * 说明文件.TXT as bytes: GB18030 (default) or UTF-8 with a byte order mark. Throws
 * `TRANSFER_TEXT_UNENCODABLE` for a character GB18030 cannot hold.
 *
 * @example
 * readmeBytes(fields, { encoding: 'gb18030', newline: '\r\n' });
 */
export function readmeBytes(
  fields: TransferReadmeFields,
  options: { readonly encoding: 'gb18030' | 'utf-8'; readonly newline: '\r\n' | '\n' },
): Uint8Array {
  return encodeTransferText(readmeText(fields, options.newline), options.encoding, {
    what: '说明文件.TXT',
    bom: true,
  });
}

/** What {@link parseTransferReadme} read. */
export interface ParsedTransferReadme {
  /** Every `字段：值` (or `字段:值`, `字段=值`) line, by field name; later lines win. */
  readonly fields: Readonly<Record<string, string>>;
  readonly encoding: 'utf-8' | 'gb18030';
}

/**
 * Reads 说明文件.TXT in either encoding (UTF-8 with or without BOM, else GB18030) into its fields; `undefined`
 * when the bytes are neither.
 *
 * @example
 * parseTransferReadme(bytes)?.fields.载体编号; // '001'
 */
export function parseTransferReadme(bytes: Uint8Array): ParsedTransferReadme | undefined {
  const decoded = decodeTransferText(bytes);
  if (decoded === undefined) return undefined;
  const fields: Record<string, string> = Object.create(null);
  for (const raw of decoded.text.split(/\r\n|\r|\n/u)) {
    const m = /^\s*([^：:=]+?)\s*[：:=]\s*(.*?)\s*$/u.exec(raw);
    if (m !== null) fields[m[1]!] = m[2]!;
  }
  return { fields, encoding: decoded.encoding };
}
