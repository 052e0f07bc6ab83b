import { type ByteSource, DanganError, type Finding, readXml } from '@dangan/core';
import { transferFinding } from '../transfer/codes.js';
import type { InventoryCatalogueRow } from './types.js';

/** The fields of a catalogue entry (《电子档案移交与接收办法》 附件2). */
const FIELDS = ['顺序号', '档号', '责任者', '题名', '日期', '密级', '电子档案名称', '备注'] as const;
type Field = (typeof FIELDS)[number];

/** A catalogue as read, with the problems found. */
export interface ReadCatalogue {
  readonly level: '文件' | '案卷';
  readonly encoding: string;
  readonly declaredEncoding: string | undefined;
  /** Entries read (those read before a fatal XML error too). */
  readonly rows: InventoryCatalogueRow[];
  readonly findings: Finding[];
}

/**
 * Reads a received 文件目录.XML or 案卷目录.XML with the safe streaming reader (no DTD, no entities, bounded
 * depth; UTF-8, GB18030, GBK or GB2312 as its declaration says): root `<文件目录>`/`<案卷目录>`, entries
 * `<文件>`/`<案卷>` with 顺序号, 档号, 责任者, 题名, 日期, 密级, 电子档案名称, 备注. A document that is not
 * well-formed, has another root or entries without 档号 / 电子档案名称 (or repeating a 档号) gives findings naming
 * `path:line`; it never throws for bad input.
 *
 * @example
 * const { rows, findings } = await readCatalogue(source.read('文件目录.XML'), '文件目录.XML');
 */
export async function readCatalogue(
  source: ByteSource,
  path: string,
  options: { readonly maxBytes?: number; readonly signal?: AbortSignal } = {},
): Promise<ReadCatalogue> {
  const rows: InventoryCatalogueRow[] = [];
  const findings: Finding[] = [];
  let level: '文件' | '案卷' = '文件';
  let current: { values: Partial<Record<Field, string>>; line: number } | undefined;
  let field: Field | undefined;
  let encoding = '';
  let declaredEncoding: string | undefined;
  let badRoot = false;
  const malformed = (zh: string, en: string, at?: string) =>
    findings.push(transferFinding('TRANSFER_CATALOGUE_MALFORMED', zh, en, { path: at ?? path }));
  try {
    const info = await readXml(
      source,
      {
        startElement(el) {
          if (el.depth === 1) {
            if (el.name === '文件目录' || el.name === '案卷目录')
              level = el.name === '案卷目录' ? '案卷' : '文件';
            else {
              badRoot = true;
              malformed(
                `目录文件的根元素应为 <文件目录> 或 <案卷目录>，实为 <${el.name}>`,
                `The catalogue's root must be <文件目录> or <案卷目录>, not <${el.name}>`,
              );
            }
          } else if (el.depth === 2 && !badRoot) {
            if (el.name === level) current = { values: {}, line: el.line };
            else
              malformed(
                `目录中出现了不应有的元素 <${el.name}>（第 ${el.line} 行）`,
                `Unexpected element <${el.name}> (line ${el.line})`,
                `${path}:${el.line}`,
              );
          } else if (el.depth === 3 && current !== undefined) {
            field = (FIELDS as readonly string[]).includes(el.name) ? (el.name as Field) : undefined;
          }
        },
        text(chunk, el) {
          if (el.depth === 3 && current !== undefined && field !== undefined) {
            current.values[field] = (current.values[field] ?? '') + chunk;
          }
        },
        endElement(el) {
          if (el.depth === 3) field = undefined;
          else if (el.depth === 2 && current !== undefined) {
            const v = current.values;
            rows.push({
              顺序号: v.顺序号?.trim() ?? '',
              档号: v.档号?.trim() ?? '',
              责任者: v.责任者?.trim() ?? '',
              题名: v.题名?.trim() ?? '',
              日期: v.日期?.trim() ?? '',
              密级: v.密级?.trim() ?? '',
              电子档案名称: v.电子档案名称?.trim() ?? '',
              备注: v.备注?.trim() ?? '',
              line: current.line,
            });
            current = undefined;
          }
        },
      },
      {
        name: path,
        maxDepth: 16,
        ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      },
    );
    encoding = info.encoding;
    declaredEncoding = info.declaredEncoding;
  } catch (e) {
    if (!(e instanceof DanganError) || e.code === 'ABORTED') throw e;
    malformed(`目录文件无法读取：${e.message}`, `The catalogue cannot be read: ${e.messageEn ?? e.message}`);
  }
  const seen = new Map<string, number>();
  for (const row of rows) {
    const at = `${path}:${row.line}`;
    if (row.档号 === '' || row.电子档案名称 === '') {
      findings.push(
        transferFinding(
          'TRANSFER_CATALOGUE_ENTRY_INVALID',
          `目录第 ${row.line} 行的条目缺少${row.档号 === '' ? '档号' : '电子档案名称'}`,
          `The entry at line ${row.line} lacks its ${row.档号 === '' ? 'archival code' : 'record name'}`,
          { path: at, element: row.档号 === '' ? '档号' : '电子档案名称' },
        ),
      );
      continue;
    }
    const earlier = seen.get(row.档号);
    if (earlier !== undefined) {
      findings.push(
        transferFinding(
          'TRANSFER_CATALOGUE_ENTRY_INVALID',
          `目录第 ${row.line} 行的档号“${row.档号}”与第 ${earlier} 行重复`,
          `The archival code "${row.档号}" at line ${row.line} repeats line ${earlier}`,
          { path: at, element: '档号' },
        ),
      );
    } else seen.set(row.档号, row.line);
  }
  return { level, encoding, declaredEncoding, rows, findings };
}
