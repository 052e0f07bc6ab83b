import { utf8 } from '@dangan/core';
import { catalogueFileBytes } from './catalogue-file.js';
import { GroupTotals } from './counts.js';
import type { PlannedItem } from './plan-items.js';
import { README_DEFAULTS, readmeBytes, type TransferReadmeFields } from './readme-file.js';
import type { ResolvedTransferOptions } from './resolve-options.js';
import type { TransferCounts, TransferGroupCounts, TransferOptions } from './types.js';

/**
 * The planned counts and breakdown of some items, or `undefined` when a file size is not known yet.
 *
 * @example
 * plannedCounts(items).counts?.件数; // 4
 */
export function plannedCounts(items: readonly PlannedItem[]): {
  readonly counts: TransferCounts | undefined;
  readonly groups: readonly TransferGroupCounts[] | undefined;
} {
  const groups = new GroupTotals();
  for (const p of items) {
    let bytes = 0;
    for (const f of p.files) {
      if (f.size === undefined) return { counts: undefined, groups: undefined };
      bytes += f.size;
    }
    groups.add(p.group, {
      件数: p.rows.length,
      文件数: p.files.length,
      元数据数: p.files.filter((f) => f.metadata).length,
      字节数: bytes,
    });
  }
  return { counts: groups.total(), groups: groups.list() };
}

function span(values: readonly string[], joiner: string): string {
  const set = [...new Set(values.filter((v) => v !== ''))].sort();
  if (set.length === 0) return '未知';
  return set.join(joiner);
}

/**
 * 内容说明 of a carrier for the 数字摘要 sheet: `电子档案 5 件（年度 2024–2025；门类 WS；保管期限 永久、定期30年）`.
 *
 * @example
 * contentDescription(items); // '电子档案 5 件（年度 2024；门类 WS；保管期限 永久）'
 */
export function contentDescription(items: readonly PlannedItem[], level: '文件' | '案卷'): string {
  const n = items.reduce((s, p) => s + p.rows.length, 0);
  const years = [...new Set(items.map((p) => p.group.年度).filter((y) => y !== ''))].sort();
  const yearText =
    years.length === 0 ? '未知' : years.length === 1 ? years[0]! : `${years[0]}–${years[years.length - 1]}`;
  return `电子档案 ${n} ${level === '案卷' ? '卷' : '件'}（年度 ${yearText}；门类 ${span(
    items.map((p) => p.group.门类),
    '、',
  )}；保管期限 ${span(
    items.map((p) => p.group.保管期限),
    '、',
  )}）`;
}

/** What a carrier's 说明文件 needs to know beyond the options. */
export interface ReadmeContext {
  readonly number: string;
  readonly index: number;
  readonly total: number;
  readonly online: boolean;
  /** 载体容量 text (`4.7GB`, `在线`). */
  readonly capacityText: string;
  readonly items: readonly PlannedItem[];
}

/**
 * The fields of one carrier's 说明文件.TXT: the host's values, else defaults — 载体编号 always from the carrier,
 * 载体容量 from the target, 载体类型 `档案级光盘` (offline) or `在线`, 摘要信息 the carrier's content, its place in
 * the set and where the digests are.
 *
 * @example
 * readmeFields(options, resolved, { number: '001', index: 1, total: 2, online: false, capacityText: '4.7GB', items });
 */
export function readmeFields(
  options: TransferOptions,
  resolved: ResolvedTransferOptions,
  ctx: ReadmeContext,
): TransferReadmeFields {
  const given = options.readme ?? {};
  const sheet = `${resolved.layout.other}/${resolved.sheetFormat === 'txt' ? resolved.layout.digestSheetTxt : resolved.layout.digestSheetXml}`;
  const place = ctx.online ? '在线移交' : `第 ${ctx.index} 张，共 ${ctx.total} 张`;
  return {
    载体容量: given.载体容量 ?? ctx.capacityText,
    载体类型: given.载体类型 ?? (ctx.online ? '在线' : '档案级光盘'),
    载体编号: ctx.number,
    载体保管单位: given.载体保管单位 ?? '',
    载体制作单位: given.载体制作单位 ?? '',
    载体检查单位: given.载体检查单位 ?? '',
    摘要信息:
      given.摘要信息 ??
      `${contentDescription(ctx.items, resolved.level)}；${place}；数字摘要（${resolved.algorithmName}）见“${sheet}”`,
    硬件环境: given.硬件环境 ?? README_DEFAULTS.硬件环境,
    软件环境: given.软件环境 ?? README_DEFAULTS.软件环境,
  };
}

/** The fixed files of one carrier: 说明文件.TXT and the catalogue, with their paths. */
export interface CarrierHeadFiles {
  readonly readme: { readonly path: string; readonly bytes: Uint8Array };
  readonly catalogue: { readonly path: string; readonly bytes: Uint8Array };
}

/**
 * Renders a carrier's 说明文件.TXT and 文件目录.XML (its own items' rows).
 *
 * @example
 * const { readme, catalogue } = carrierHeadFiles(options, resolved, ctx);
 */
export function carrierHeadFiles(
  options: TransferOptions,
  resolved: ResolvedTransferOptions,
  ctx: ReadmeContext,
): CarrierHeadFiles {
  const layout = resolved.layout;
  return {
    readme: {
      path: layout.readme,
      bytes: readmeBytes(readmeFields(options, resolved, ctx), {
        encoding: resolved.readmeEncoding,
        newline: resolved.newline,
      }),
    },
    catalogue: {
      path: resolved.level === '案卷' ? layout.volumeCatalogue : layout.fileCatalogue,
      bytes: catalogueFileBytes(
        ctx.items.flatMap((p) => p.rows),
        resolved.catalogueEncoding,
        resolved.level,
      ),
    },
  };
}

/**
 * Bytes one listing line takes for a file (digest, size and path, two tabs and a line feed).
 *
 * @example
 * listingLineBytes('说明文件.TXT', 380, 64); // 64 + 3 + 16 + 3 = 86
 */
export function listingLineBytes(path: string, size: number, hexLength: number): number {
  return hexLength + String(size).length + utf8(path).length + 3;
}
