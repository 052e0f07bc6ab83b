import { allocatedBytes } from './capacity.js';
import { carrierHeadFiles, contentDescription, listingLineBytes, plannedCounts } from './carrier-files.js';
import {
  type CarrierFacts,
  digestSheetOf,
  type HandoverSettings,
  handoverFiles,
  registrationFormOf,
} from './handover.js';
import type { PlannedFile } from './item-files.js';
import type { PlannedCarrier } from './plan.js';
import type { PlannedItem } from './plan-items.js';
import type { ResolvedTransferOptions } from './resolve-options.js';
import type { TransferOptions } from './types.js';

/** Each item's cost on a carrier. */
export interface Costs {
  /** Allocated bytes of an item's files plus its catalogue rows and listing lines. */
  readonly item: Map<PlannedItem, number>;
}

/**
 * An item's cost on a carrier: its files rounded up to the allocation unit, plus its catalogue rows and its
 * listing lines (which are parts of files rounded as a whole, bounded in `carrierOverheadBound`).
 *
 * @example
 * itemCost(item, [412], 2048, 64);
 */
export function itemCost(
  p: PlannedItem,
  rowBytes: readonly number[],
  unit: number,
  hexLength: number,
): number {
  let cost = 0;
  for (const f of p.files)
    cost += allocatedBytes(f.size!, unit) + listingLineBytes(f.path, f.size!, hexLength);
  for (const b of rowBytes) cost += b;
  return cost;
}

/**
 * Next-fit packing in arrangement order: items go onto the current carrier while `fixed` plus their costs stay
 * within `limit`, else onto a new one (an item never splits; the first item of a carrier always goes on).
 *
 * @example
 * pack(items, costs, 40_000, 4_700_000_000).length; // carriers needed
 */
export function pack(
  items: readonly PlannedItem[],
  costs: Costs,
  fixed: number,
  limit: number,
): PlannedItem[][] {
  const carriers: PlannedItem[][] = [];
  let current: PlannedItem[] = [];
  let used = fixed;
  for (const p of items) {
    const c = costs.item.get(p)!;
    if (current.length > 0 && used + c > limit) {
      carriers.push(current);
      current = [];
      used = fixed;
    }
    current.push(p);
    used += c;
  }
  if (current.length > 0) carriers.push(current);
  return carriers;
}

/** Carriers rendered from a packing. */
export interface Layout {
  readonly carriers: PlannedCarrier[];
}

/**
 * Renders the carriers of one packing (说明文件, catalogue) and computes their exact allocated sizes, handover
 * documents included (rendered with placeholder digests of the right length).
 *
 * @example
 * const { carriers } = layoutCarriers([items], options, resolved, ctx);
 */
export function layoutCarriers(
  groups: readonly PlannedItem[][],
  options: TransferOptions,
  resolved: ResolvedTransferOptions,
  ctx: { online: boolean; capacityText: string; unit: number; others: readonly PlannedFile[] },
): Layout {
  const total = groups.length;
  const numbers = groups.map((_, i) => resolved.carrierNumber(i + 1, total));
  if (new Set(numbers).size !== numbers.length || numbers.some((n) => typeof n !== 'string' || n === '')) {
    throw new RangeError('carrierNumber must return a distinct non-empty string for every carrier');
  }
  const heads = groups.map((items, i) =>
    carrierHeadFiles(options, resolved, {
      number: numbers[i]!,
      index: i + 1,
      total,
      online: ctx.online,
      capacityText: ctx.capacityText,
      items,
    }),
  );
  const planned = groups.map((items) => plannedCounts(items));
  const known = planned.every((p) => p.counts !== undefined) && ctx.others.every((f) => f.size !== undefined);
  // Content bytes (what the digest covers) of each carrier, and its listing's size.
  const content = groups.map((items, i) => {
    if (!known) return { bytes: 0, allocated: 0, listing: 0 };
    const h = heads[i]!;
    let bytes = h.readme.bytes.length + h.catalogue.bytes.length;
    let allocated =
      allocatedBytes(h.readme.bytes.length, ctx.unit) + allocatedBytes(h.catalogue.bytes.length, ctx.unit);
    let listing =
      listingLineBytes(h.readme.path, h.readme.bytes.length, resolved.hexLength) +
      listingLineBytes(h.catalogue.path, h.catalogue.bytes.length, resolved.hexLength);
    for (const f of [...items.flatMap((p) => p.files), ...ctx.others]) {
      bytes += f.size!;
      allocated += allocatedBytes(f.size!, ctx.unit);
      listing += listingLineBytes(f.path, f.size!, resolved.hexLength);
    }
    return { bytes, allocated: allocated + allocatedBytes(listing, ctx.unit), listing };
  });
  let handover = 0;
  if (known) {
    const facts: CarrierFacts[] = groups.map((items, i) => ({
      number: numbers[i]!,
      counts: planned[i]!.counts!,
      groups: planned[i]!.groups!,
      contentBytes: content[i]!.bytes,
      digest: '0'.repeat(resolved.hexLength),
      description: contentDescription(items, resolved.level),
    }));
    const settings = handoverSettings(options, resolved, ctx.online, ctx.capacityText);
    const files = handoverFiles(registrationFormOf(facts, settings), digestSheetOf(facts, settings), {
      layout: resolved.layout,
      documentEncoding: resolved.documentEncoding,
      sheetFormat: resolved.sheetFormat,
      textEncoding: resolved.readmeEncoding,
      newline: resolved.newline,
    });
    handover =
      allocatedBytes(files.registration.bytes.length, ctx.unit) +
      allocatedBytes(files.sheet.bytes.length, ctx.unit);
  }
  return {
    carriers: groups.map((items, i) => ({
      index: i + 1,
      number: numbers[i]!,
      items,
      head: heads[i]!,
      counts: planned[i]!.counts,
      groups: planned[i]!.groups,
      allocatedBytes: known ? content[i]!.allocated + handover : undefined,
    })),
  };
}

/**
 * The settings of the handover documents for a target (移交载体类型规格 `在线` online, else `载体类型，载体容量`).
 *
 * @example
 * handoverSettings(options, resolved, false, '4.7GB').carrierSpec; // '档案级光盘，4.7GB'
 */
export function handoverSettings(
  options: TransferOptions,
  resolved: ResolvedTransferOptions,
  online: boolean,
  capacityText: string,
): HandoverSettings {
  const type = options.readme?.载体类型 ?? (online ? '在线' : '档案级光盘');
  return {
    details: options.registration ?? {},
    algorithmName: resolved.algorithmName,
    level: resolved.level,
    carrierSpec: online ? '在线' : `${type}，${options.readme?.载体容量 ?? capacityText}`,
    layout: resolved.layout,
  };
}
