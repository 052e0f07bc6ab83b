import { allocatedBytes } from './capacity.js';
import { contentDescription, listingLineBytes, plannedCounts, readmeFields } from './carrier-files.js';
import { catalogueFileBytes } from './catalogue-file.js';
import {
  type CarrierFacts,
  digestSheetOf,
  type HandoverSettings,
  handoverFiles,
  registrationFormOf,
} from './handover.js';
import type { PlannedFile } from './item-files.js';
import type { PlannedItem } from './plan-items.js';
import { readmeBytes } from './readme-file.js';
import type { ResolvedTransferOptions } from './resolve-options.js';
import type { TransferOptions } from './types.js';

/** What the bound needs beyond the options. */
export interface BoundContext {
  readonly items: readonly PlannedItem[];
  readonly others: readonly PlannedFile[];
  readonly unit: number;
  readonly capacityText: string;
  readonly settings: HandoverSettings;
  /** Bytes of the catalogue of every item (its size bounds each carrier's catalogue). */
  readonly catalogueBytes: number;
}

/**
 * An upper bound of the bytes a carrier's own files take when the transfer has `total` carriers, whatever items
 * it holds: 说明文件.TXT (its longest carrier number, summarising all items), the catalogue's envelope, the
 * `其他/` documents, the listing's lines for those files, the 登记表 and the 数字摘要 sheet rendered for `total`
 * carriers that each hold every group with the transfer's totals (so every count has at least as many digits as
 * the real one), and one allocation unit of slack each for the catalogue and the listing, which grow with the
 * items and are rounded up as whole files. Add an item's cost (its files rounded up, its catalogue rows and its
 * listing lines) to get an upper bound of a carrier's allocated size. Non-decreasing in `total`.
 *
 * @example
 * const fixed = carrierOverheadBound(3, options, resolved, ctx);
 */
export function carrierOverheadBound(
  total: number,
  options: TransferOptions,
  resolved: ResolvedTransferOptions,
  ctx: BoundContext,
): number {
  const { unit } = ctx;
  let longest = '';
  for (let i = 1; i <= total; i++) {
    const n = resolved.carrierNumber(i, total);
    if (n.length > longest.length) longest = n;
  }
  const readme = readmeBytes(
    readmeFields(options, resolved, {
      number: longest,
      index: total,
      total,
      online: false,
      capacityText: ctx.capacityText,
      items: ctx.items,
    }),
    { encoding: resolved.readmeEncoding, newline: resolved.newline },
  ).length;
  const envelope = catalogueFileBytes([], resolved.catalogueEncoding, resolved.level).length;
  const allRows = ctx.catalogueBytes;
  const layout = resolved.layout;
  let fixed = allocatedBytes(readme, unit) + envelope + 2 * Math.max(0, unit - 1);
  fixed += listingLineBytes(layout.readme, readme, resolved.hexLength);
  fixed += listingLineBytes(
    resolved.level === '案卷' ? layout.volumeCatalogue : layout.fileCatalogue,
    allRows,
    resolved.hexLength,
  );
  let otherBytes = 0;
  for (const f of ctx.others) {
    fixed += allocatedBytes(f.size!, unit) + listingLineBytes(f.path, f.size!, resolved.hexLength);
    otherBytes += f.size!;
  }
  const all = plannedCounts(ctx.items);
  let content = readme + allRows + otherBytes;
  for (const p of ctx.items) for (const f of p.files) content += f.size!;
  const facts: CarrierFacts[] = Array.from({ length: total }, (_, i) => ({
    number: resolved.carrierNumber(i + 1, total),
    counts: all.counts!,
    groups: all.groups!,
    contentBytes: content,
    digest: '0'.repeat(resolved.hexLength),
    description: contentDescription(ctx.items, resolved.level),
  }));
  const docs = handoverFiles(registrationFormOf(facts, ctx.settings), digestSheetOf(facts, ctx.settings), {
    layout,
    documentEncoding: resolved.documentEncoding,
    sheetFormat: resolved.sheetFormat,
    textEncoding: resolved.readmeEncoding,
    newline: resolved.newline,
  });
  return (
    fixed +
    allocatedBytes(docs.registration.bytes.length, unit) +
    allocatedBytes(docs.sheet.bytes.length, unit)
  );
}
