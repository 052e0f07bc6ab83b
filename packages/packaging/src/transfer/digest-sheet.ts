import {
  type DigestAlgorithm,
  type Finding,
  parseXmlToTree,
  safeParseDigestAlgorithm,
  XmlError,
} from '@dangan/core';
import { transferFinding } from './codes.js';
import { decodeTransferText, encodeTransferText } from './text-encoding.js';
import { child, children, childText, xmlDocumentBytes } from './xml-document.js';

/** One carrier's row of the 数字摘要 sheet (《电子档案移交与接收办法》 附件3; high for the fields). */
export interface DigestSheetRow {
  /** 载体编号 (or package number for online transfer). */
  readonly 载体编号: string;
  /** 内容说明: what the carrier holds. */
  readonly 内容说明: string;
  /** 数字摘要: the carrier digest, lowercase hex. */
  readonly 数字摘要: string;
  /** 实际容量 in decimal GB, 3 decimals (`0.013`). */
  readonly 实际容量: string;
  /** 实际容量 in bytes (dangan's addition: GB with 3 decimals cannot show a change of a few bytes). */
  readonly 字节数: number;
}

/**
 * The 数字摘要 sheet of a transfer: the algorithm **named** (the rules require it), what is digested, and one row
 * per carrier. Every carrier holds the whole sheet.
 */
export interface DigestSheet {
  readonly 交接工作名称: string;
  /** The algorithm's name as written (`SM3`, `SHA-256`, `SHA-512`). */
  readonly 数字摘要算法: string;
  /** What each digest covers, in words. */
  readonly 摘要对象: string;
  readonly 载体: readonly DigestSheetRow[];
}

const NAMES: Readonly<Record<DigestAlgorithm, string>> = {
  sm3: 'SM3',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
  sha1: 'SHA-1',
  md5: 'MD5',
};

/**
 * The name a digest algorithm is written with in the sheet and the 登记表.
 *
 * @example
 * digestAlgorithmName('sm3'); // 'SM3'
 */
export function digestAlgorithmName(algorithm: DigestAlgorithm): string {
  return NAMES[algorithm];
}

/**
 * The sentence the sheet writes in 摘要对象, naming the listing and the documents left out.
 *
 * @example
 * digestSubject('其他/载体文件清单.TXT');
 */
export function digestSubject(listingPath: string): string {
  return `每张载体的数字摘要为该载体文件清单（${listingPath}）的摘要；清单按路径（UTF-8 字节序）逐行列出载体上除移交与接收登记表、数字摘要表和清单本身以外的每个文件的摘要、字节数和路径，实际容量为这些文件的字节数之和（1 GB = 10^9 字节）`;
}

const ROOT = '数字摘要表';
const TXT_HEADER = ['载体编号', '内容说明', '数字摘要', '实际容量（GB）', '字节数'];

/**
 * The sheet as XML bytes:
 * `<数字摘要表><交接工作名称/><数字摘要算法>SM3</数字摘要算法><摘要对象/><载体><载体编号/><内容说明/><数字摘要/>
 * <实际容量 单位="GB"/><字节数/></载体>…</数字摘要表>`.
 *
 * @example
 * digestSheetXml(sheet, 'utf-8');
 */
export function digestSheetXml(sheet: DigestSheet, encoding: 'utf-8' | 'gb18030'): Uint8Array {
  return xmlDocumentBytes(
    (w) => {
      w.startElement(ROOT);
      w.element('交接工作名称', sheet.交接工作名称);
      w.element('数字摘要算法', sheet.数字摘要算法);
      w.element('摘要对象', sheet.摘要对象);
      for (const row of sheet.载体) {
        w.startElement('载体');
        w.element('载体编号', row.载体编号);
        w.element('内容说明', row.内容说明);
        w.element('数字摘要', row.数字摘要);
        w.element('实际容量', row.实际容量, { 单位: 'GB' });
        w.element('字节数', String(row.字节数));
        w.endElement();
      }
      w.endElement();
    },
    encoding,
    '数字摘要表',
  );
}

/**
 * The sheet as text for people: `字段：值` lines for the heading, then a tab-separated table with a header row.
 *
 * @example
 * digestSheetTxt(sheet, { encoding: 'gb18030', newline: '\r\n' });
 */
export function digestSheetTxt(
  sheet: DigestSheet,
  options: { readonly encoding: 'gb18030' | 'utf-8'; readonly newline: '\r\n' | '\n' },
): Uint8Array {
  const clean = (s: string) => s.replace(/[\t\r\n]+/gu, ' ');
  const lines = [
    ROOT,
    `交接工作名称：${clean(sheet.交接工作名称)}`,
    `数字摘要算法：${clean(sheet.数字摘要算法)}`,
    `摘要对象：${clean(sheet.摘要对象)}`,
    TXT_HEADER.join('\t'),
    ...sheet.载体.map((r) =>
      [clean(r.载体编号), clean(r.内容说明), r.数字摘要, r.实际容量, String(r.字节数)].join('\t'),
    ),
  ];
  return encodeTransferText(lines.join(options.newline) + options.newline, options.encoding, {
    what: '数字摘要表',
    bom: true,
  });
}

/** A sheet read back, with its algorithm resolved and any problems. */
export interface ParsedDigestSheet {
  readonly sheet: DigestSheet;
  /** The algorithm, when its name is one dangan computes. */
  readonly algorithm: DigestAlgorithm | undefined;
  readonly findings: readonly Finding[];
}

function checkRows(sheet: DigestSheet, path: string, findings: Finding[]): DigestAlgorithm | undefined {
  const parsed = safeParseDigestAlgorithm(sheet.数字摘要算法);
  if (!parsed.ok) {
    findings.push(
      transferFinding(
        'TRANSFER_DIGEST_SHEET_MALFORMED',
        sheet.数字摘要算法 === ''
          ? '数字摘要表未注明数字摘要算法'
          : `数字摘要表的算法“${sheet.数字摘要算法}”无法识别`,
        `The 数字摘要 sheet names ${sheet.数字摘要算法 === '' ? 'no algorithm' : `an unknown algorithm "${sheet.数字摘要算法}"`}`,
        { path },
      ),
    );
  }
  sheet.载体.forEach((row, i) => {
    if (!/^[0-9a-fA-F]{32,128}$/u.test(row.数字摘要) || row.载体编号 === '') {
      findings.push(
        transferFinding(
          'TRANSFER_DIGEST_SHEET_MALFORMED',
          `数字摘要表第 ${i + 1} 行缺少载体编号或数字摘要不是十六进制值`,
          `Row ${i + 1} of the 数字摘要 sheet lacks a carrier number or a hex digest`,
          { path },
        ),
      );
    }
  });
  return parsed.ok ? parsed.value : undefined;
}

/**
 * Reads a 数字摘要 sheet written as XML ({@link digestSheetXml}) or text ({@link digestSheetTxt}); problems
 * (malformed XML, an unnamed or unknown algorithm, a row without digest) are findings naming `path`.
 *
 * @example
 * const { sheet, algorithm } = await parseDigestSheet(bytes, '其他/数字摘要.XML');
 */
export async function parseDigestSheet(bytes: Uint8Array, path: string): Promise<ParsedDigestSheet> {
  const findings: Finding[] = [];
  const empty: DigestSheet = { 交接工作名称: '', 数字摘要算法: '', 摘要对象: '', 载体: [] };
  const malformed = (zh: string, en: string): ParsedDigestSheet => ({
    sheet: empty,
    algorithm: undefined,
    findings: [transferFinding('TRANSFER_DIGEST_SHEET_MALFORMED', zh, en, { path })],
  });
  if (/\.txt$/iu.test(path)) {
    const decoded = decodeTransferText(bytes);
    if (decoded === undefined)
      return malformed(
        '数字摘要表既不是 UTF-8 也不是 GB18030 文本',
        'The sheet is not UTF-8 or GB18030 text',
      );
    const lines = decoded.text.split(/\r\n|\r|\n/u);
    const head: Record<string, string> = Object.create(null);
    const rows: DigestSheetRow[] = [];
    let table = false;
    for (const line of lines) {
      if (line.trim() === '' || line.trim() === ROOT) continue;
      if (!table) {
        if (line.startsWith('载体编号\t')) {
          table = true;
          continue;
        }
        const m = /^([^：:]+)[：:](.*)$/u.exec(line);
        if (m !== null) head[m[1]!.trim()] = m[2]!.trim();
        continue;
      }
      const cells = line.split('\t');
      rows.push({
        载体编号: cells[0]?.trim() ?? '',
        内容说明: cells[1]?.trim() ?? '',
        数字摘要: cells[2]?.trim().toLowerCase() ?? '',
        实际容量: cells[3]?.trim() ?? '',
        字节数: /^\d+$/u.test(cells[4]?.trim() ?? '') ? Number(cells[4]!.trim()) : Number.NaN,
      });
    }
    const sheet: DigestSheet = {
      交接工作名称: head.交接工作名称 ?? '',
      数字摘要算法: head.数字摘要算法 ?? '',
      摘要对象: head.摘要对象 ?? '',
      载体: rows,
    };
    const algorithm = checkRows(sheet, path, findings);
    return { sheet, algorithm, findings };
  }
  let root: Awaited<ReturnType<typeof parseXmlToTree>>;
  try {
    root = await parseXmlToTree(bytes, { name: path, maxBytes: 16 * 1024 * 1024 });
  } catch (e) {
    if (e instanceof XmlError)
      return malformed(
        `数字摘要表不是格式良好的 XML：${e.message}`,
        `The sheet is not well-formed XML: ${e.messageEn ?? e.message}`,
      );
    throw e;
  }
  if (root.name !== ROOT)
    return malformed(
      `数字摘要表的根元素应为 <${ROOT}>，实为 <${root.name}>`,
      `The sheet's root must be <${ROOT}>, not <${root.name}>`,
    );
  const sheet: DigestSheet = {
    交接工作名称: childText(root, '交接工作名称'),
    数字摘要算法: childText(root, '数字摘要算法'),
    摘要对象: childText(root, '摘要对象'),
    载体: children(root, '载体').map((c) => {
      const bytesText = childText(c, '字节数');
      return {
        载体编号: childText(c, '载体编号'),
        内容说明: childText(c, '内容说明'),
        数字摘要: childText(c, '数字摘要').toLowerCase(),
        实际容量: child(c, '实际容量')?.text.trim() ?? '',
        字节数: /^\d+$/u.test(bytesText) ? Number(bytesText) : Number.NaN,
      };
    }),
  };
  const algorithm = checkRows(sheet, path, findings);
  return { sheet, algorithm, findings };
}
