import type { RetentionPeriod } from '../retention-period.js';
import type { ArchivalCodeParts, ParsedArchivalCodeParts } from './model.js';
import { nfkcTrim, retentionCodeOf, retentionPeriodOf } from './text.js';

/** Options of {@link recordArchivalCodeParts} and {@link archivalCodePartsToRecord}. */
export interface RecordArchivalCodeOptions {
  /**
   * Which number is the 件号 (案卷号): `室编` (M17 室编件号 / M15 室编案卷号), `馆编` (M18 / M16), or `auto`
   * (default: 馆编 when present, else 室编 — DA/T 22-2015 merged both into one 件号). When writing, `auto` is 室编.
   */
  readonly numbering?: 'auto' | '室编' | '馆编';
}

/**
 * The 档号 container of a DA/T 46 record (M8: M9–M20) as {@link archivalCodePartsToRecord} writes it: 保管期限 in
 * words, 年度 as a string, 件号 as 室编件号 (or 馆编件号).
 */
export interface RecordArchivalCode {
  readonly 全宗号?: string;
  readonly 目录号?: string;
  readonly 年度?: string;
  readonly 保管期限?: RetentionPeriod;
  readonly 机构或问题?: string;
  readonly 类别号?: string;
  readonly 室编案卷号?: string;
  readonly 馆编案卷号?: string;
  readonly 室编件号?: number;
  readonly 馆编件号?: number;
  readonly 页号?: string;
}

const CLASS_CODE = /^[A-Z]{2}(?:·[A-Z0-9\p{Script=Han}]+)*$/u;

/**
 * The 档号 parts recorded in a DA/T 46 or 一网通办 record (`文件实体.档号`): 全宗号, 目录号, 年度, 保管期限 (as a
 * code when it can be read; otherwise as written, so formatting reports it), 机构或问题, 类别号 (also split at
 * `·` into 门类代码 / 二级类别号 / 三级类别号 when it looks like `WS` or `ZY·JC·CC`), 案卷号, 件号, 页号. Absent
 * values are left out; a record without a 档号 gives `{}`.
 *
 * @example
 * recordArchivalCodeParts({ 文件实体: { 档号: { 全宗号: 'Z109', 年度: '2026', 保管期限: '定期30年', 机构或问题: 'DJK', 室编件号: 123 } } });
 * // { 全宗号: 'Z109', 年度: '2026', 保管期限: 'D30', 机构或问题: 'DJK', 件号: 123 }
 */
export function recordArchivalCodeParts(
  record: unknown,
  options: RecordArchivalCodeOptions = {},
): ArchivalCodeParts {
  const entity = field(record, '文件实体');
  const code = field(entity, '档号');
  const parts: Record<string, string | number> = {};
  if (typeof code !== 'object' || code === null) return parts;
  const c = code as Record<string, unknown>;
  const numbering = options.numbering ?? 'auto';
  copy(parts, '全宗号', c.全宗号);
  copy(parts, '目录号', c.目录号);
  copy(parts, '年度', c.年度);
  if (typeof c.保管期限 === 'string' && c.保管期限.trim() !== '')
    parts.保管期限 = retentionCodeOf(c.保管期限) ?? c.保管期限;
  copy(parts, '机构或问题', c.机构或问题);
  if (typeof c.类别号 === 'string' && c.类别号.trim() !== '') {
    const classCode = nfkcTrim(c.类别号);
    parts.类别号 = classCode;
    if (CLASS_CODE.test(classCode)) {
      const [category, second, third] = classCode.split('·');
      copy(parts, '门类代码', category);
      copy(parts, '二级类别号', second);
      copy(parts, '三级类别号', third);
    }
  }
  copy(parts, '案卷号', pick(c, numbering, '室编案卷号', '馆编案卷号'));
  copy(parts, '件号', pick(c, numbering, '室编件号', '馆编件号'));
  copy(parts, '页号', c.页号);
  return parts;
}

/**
 * The DA/T 46 档号 container (M9–M20) for parts read or assigned: 保管期限 in words (`D30` → `定期30年`), 年度 as
 * a string, 件号 as 室编件号 (or 馆编件号 with `numbering: '馆编'`), 门类代码 and sub-classes joined into 类别号.
 *
 * @example
 * archivalCodePartsToRecord(parseArchivalCode('Z109-WS·2011-Y-BGS-0001', archivalCodeTemplates.dat22).parts);
 * // { 全宗号: 'Z109', 年度: '2011', 保管期限: '永久', 机构或问题: 'BGS', 类别号: 'WS', 室编件号: 1 }
 */
export function archivalCodePartsToRecord(
  parts: ParsedArchivalCodeParts | ArchivalCodeParts,
  options: RecordArchivalCodeOptions = {},
): RecordArchivalCode {
  const out: Record<string, string | number> = {};
  const archive = options.numbering === '馆编';
  set(out, '全宗号', parts.全宗号);
  set(out, '目录号', parts.目录号);
  set(out, '年度', parts.年度);
  // an unreadable retention is left out; formatting and validation report it
  const retention = parts.保管期限;
  const period =
    retention === undefined || retention === '' ? undefined : retentionPeriodOf(String(retention));
  if (period !== undefined) out.保管期限 = period;
  set(out, '机构或问题', parts.机构或问题);
  let classCode = '';
  for (const v of [parts.门类代码, parts.二级类别号, parts.三级类别号])
    if (v !== undefined && v !== '') classCode += classCode === '' ? String(v) : `·${v}`;
  set(out, '类别号', classCode === '' ? parts.类别号 : classCode);
  set(out, archive ? '馆编案卷号' : '室编案卷号', parts.案卷号);
  const item = parts.件号;
  const n =
    typeof item === 'number'
      ? item
      : typeof item === 'string' && /^\d+$/.test(item)
        ? Number(item)
        : undefined;
  if (n !== undefined) out[archive ? '馆编件号' : '室编件号'] = n;
  set(out, '页号', parts.页号);
  return out as RecordArchivalCode;
}

function pick(c: Record<string, unknown>, numbering: string, own: string, archive: string): unknown {
  return numbering === '室编' ? c[own] : numbering === '馆编' ? c[archive] : (c[archive] ?? c[own]);
}

/** Sets a string value (numbers written as text) unless absent. */
function set(out: Record<string, string | number>, key: string, value: string | number | undefined): void {
  if (value !== undefined && value !== '') out[key] = String(value);
}

function field(node: unknown, key: string): unknown {
  return typeof node === 'object' && node !== null && !Array.isArray(node)
    ? (node as Record<string, unknown>)[key]
    : undefined;
}

function copy(parts: Record<string, string | number>, key: string, value: unknown): void {
  if (typeof value === 'number' && Number.isFinite(value)) parts[key] = value;
  else if (typeof value === 'string' && value.trim() !== '') parts[key] = value;
}
