import { safeFormatArchivalCode } from '../archival-code/format.js';
import { recordArchivalCodeParts } from '../archival-code/record-parts.js';
import { archivalCodeTemplates } from '../archival-code/templates.js';

/** A plain object, or `undefined`. */
export function objectAt(value: unknown, ...keys: string[]): Record<string, unknown> | undefined {
  let v: unknown = value;
  for (const k of keys) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** A string field (trimmed; `''` counts as absent); a number is written in decimal; an array of strings is joined with `；`. */
export function textAt(obj: Record<string, unknown> | undefined, key: string): string | undefined {
  const v = obj?.[key];
  let text: string | undefined;
  if (typeof v === 'string') text = v;
  else if (typeof v === 'number' && Number.isFinite(v)) text = String(v);
  else if (Array.isArray(v)) {
    const parts = v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
    text = parts.length > 0 ? parts.join('；') : undefined;
  }
  const t = text?.trim();
  return t === '' ? undefined : t;
}

/** Whether `value` looks like a DA/T 46 / 一网通办 record (it has a 文件实体 object). */
export function isMetadataRecord(value: unknown): value is Record<string, unknown> {
  return objectAt(value, '文件实体') !== undefined;
}

/**
 * The 档号 of a DA/T 46 record in the DA/T 22-2015 form `全宗号-门类·年度-保管期限代码-机构(问题)-件号`
 * (`Z109-WS·2011-Y-BGS-0001`; the 机构(问题) segment is left out when absent), from 文件实体.档号's 全宗号, 年度,
 * 保管期限, 机构或问题 and 室编件号 (or 馆编件号). `undefined` when a part is missing or unreadable. This is
 * the catalogue's default only: pass `archivalCode` to `buildCatalogue` to use the institution's 档号 template.
 *
 * @example
 * dat22ArchivalCode({ 文件实体: { 档号: { 全宗号: 'Z109', 年度: '2011', 保管期限: '永久', 机构或问题: 'BGS', 室编件号: 1 } } });
 * // 'Z109-WS·2011-Y-BGS-0001'
 */
export function dat22ArchivalCode(
  record: unknown,
  options: { readonly category?: string; readonly itemWidth?: number } = {},
): string | undefined {
  // The one 档号 rule lives in archival-code/: the DA/T 22 template as local schemes write it (any 门类,
  // 2-letter or Chinese 机构 codes), with the host's 门类 and 件号 width.
  const base = archivalCodeTemplates.dat22Local;
  const width = options.itemWidth;
  const template =
    width === undefined
      ? base
      : {
          ...base,
          id: `${base.id}-${width}`,
          groups: base.groups.map((group) =>
            group.map((segment) =>
              segment.kind === 'item' ? { ...segment, width, minWidth: Math.min(width, 3) } : segment,
            ),
          ),
        };
  const recorded = recordArchivalCodeParts(record);
  const parts = Object.assign({}, recorded, { 门类代码: options.category ?? recorded.门类代码 ?? 'WS' });
  const formatted = safeFormatArchivalCode(parts, template);
  return formatted.ok ? formatted.value : undefined;
}
