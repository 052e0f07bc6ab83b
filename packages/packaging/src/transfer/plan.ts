import { type DanganError, type Finding, type SafeResult, safelyAsync } from '@dangan/core';
import { formatCapacity, parseCarrierCapacity } from './capacity.js';
import { carrierOverheadBound } from './carrier-bound.js';
import type { CarrierHeadFiles } from './carrier-files.js';
import { catalogueFileBytes, catalogueRowBytes } from './catalogue-file.js';
import { transferError, transferFinding } from './codes.js';
import type { PlannedFile } from './item-files.js';
import { type Costs, handoverSettings, itemCost, layoutCarriers, pack } from './pack-carriers.js';
import { fillSizes, otherFiles } from './plan-files.js';
import { type PlannedItem, planItems } from './plan-items.js';
import { type ResolvedTransferOptions, resolveTransferOptions } from './resolve-options.js';
import { selectTransferItems } from './selection.js';
import type {
  ExcludedItem,
  TransferCounts,
  TransferGroupCounts,
  TransferInput,
  TransferOptions,
  TransferTarget,
} from './types.js';

/** One carrier of a plan. */
export interface PlannedCarrier {
  readonly index: number;
  /** 载体编号. */
  readonly number: string;
  readonly items: readonly PlannedItem[];
  readonly head: CarrierHeadFiles;
  /** Planned counts (`undefined` online when a size is known only once written). */
  readonly counts: TransferCounts | undefined;
  readonly groups: readonly TransferGroupCounts[] | undefined;
  /**
   * Bytes the carrier will take, every file rounded up to the allocation unit, handover documents included
   * (`undefined` when a size is not known up front).
   */
  readonly allocatedBytes: number | undefined;
}

/** The full plan `buildTransferPackage` writes from. */
export interface TransferPlanDetail {
  readonly resolved: ResolvedTransferOptions;
  readonly online: boolean;
  /** Carrier capacity in bytes (offline). */
  readonly capacity: number | undefined;
  /** 载体容量 as written in 说明文件.TXT (`4.7GB`, `在线`). */
  readonly capacityText: string;
  readonly allocationUnit: number;
  /** Bytes kept free on each carrier (offline). */
  readonly reserve: number;
  readonly carriers: readonly PlannedCarrier[];
  readonly otherDocuments: readonly PlannedFile[];
  readonly excluded: readonly ExcludedItem[];
  readonly findings: readonly Finding[];
}

/** A plan as the host sees it (see {@link planTransferPackage}). */
export interface TransferPlan {
  readonly carriers: readonly {
    readonly number: string;
    readonly items: readonly string[];
    readonly counts: TransferCounts | undefined;
    readonly allocatedBytes: number | undefined;
  }[];
  readonly excluded: readonly ExcludedItem[];
  readonly findings: readonly Finding[];
}

function tooLargeFinding(p: PlannedItem, needed: number, limit: number, total: number): Finding {
  const set = total === 1 ? '' : `（按 ${total} 张载体的交接文书计）`;
  return transferFinding(
    'TRANSFER_ITEM_TOO_LARGE',
    `件“${p.item.name}”连同载体的说明文件、目录和交接文书${set}最多需要 ${needed} 字节，超过单张载体可用的 ${limit} 字节（${formatCapacity(limit)}）；一件（办件）不能拆分到多张载体`,
    `Item "${p.item.name}" needs up to ${needed} bytes with the carrier's own files, more than one carrier's ${limit}`,
    { path: p.folder },
  );
}

function tooLargeError(findings: readonly Finding[]): DanganError {
  return transferError('TRANSFER_ITEM_TOO_LARGE', findings[0]!.message, findings[0]!.messageEn ?? '', {
    findings,
  });
}

/**
 * Plans a transfer in full without writing anything: selection, arrangement, catalogue, sizes (from the
 * sources where they know them; a re-readable source without a known size is read once to measure it; a
 * one-shot stream needs a `size` for offline transfer) and, offline, the split into carriers. Throws the
 * typed `DanganError` the build would (`TRANSFER_NOTHING_SELECTED`, `TRANSFER_INPUT_INVALID`,
 * `TRANSFER_ITEM_TOO_LARGE`, `TRANSFER_OTHER_DOCUMENT_REFUSED`, `TRANSFER_CAPACITY_INVALID` …).
 *
 * @internal The public face is {@link planTransferPackage}.
 *
 * @example
 * const plan = await makeTransferPlan(input, { kind: 'online', sink }, options);
 */
export async function makeTransferPlan(
  input: TransferInput,
  target: TransferTarget,
  options: TransferOptions = {},
): Promise<TransferPlanDetail> {
  if (input === null || typeof input !== 'object' || !Array.isArray(input.items as unknown)) {
    throw new TypeError('input must be { items: TransferItem[], otherDocuments? }');
  }
  if (
    target === null ||
    typeof target !== 'object' ||
    (target.kind !== 'online' && target.kind !== 'offline')
  ) {
    throw new TypeError("target must be { kind: 'online', sink } or { kind: 'offline', capacity, carrier }");
  }
  const resolved = resolveTransferOptions(options);
  const online = target.kind === 'online';
  let capacity: number | undefined;
  let unit = 1;
  let reserve = 0;
  if (target.kind === 'offline') {
    if (typeof target.carrier !== 'function') throw new TypeError('target.carrier must be a function');
    capacity = parseCarrierCapacity(target.capacity);
    unit = target.allocationUnit ?? 2048;
    reserve = target.reserve ?? 0;
    if (!Number.isSafeInteger(unit) || unit < 1)
      throw new RangeError('allocationUnit must be a positive integer');
    if (!Number.isSafeInteger(reserve) || reserve < 0)
      throw new RangeError('reserve must be a non-negative integer');
  } else if (
    target.sink === null ||
    typeof target.sink !== 'object' ||
    typeof target.sink.write !== 'function'
  ) {
    throw new TypeError('target.sink must be a PackageSink');
  }
  const capacityText = online
    ? '在线'
    : typeof (target as { capacity: unknown }).capacity === 'string'
      ? String((target as { capacity: string }).capacity).trim()
      : formatCapacity(capacity!);

  const selection = selectTransferItems(input.items, options);
  const findings: Finding[] = [...selection.findings];
  if (selection.selected.length === 0) {
    throw transferError(
      'TRANSFER_NOTHING_SELECTED',
      `${input.items.length} 件中没有符合移交范围的件`,
      `None of the ${input.items.length} items is in the transfer scope`,
      {
        findings: [
          transferFinding(
            'TRANSFER_NOTHING_SELECTED',
            '没有符合移交范围的件',
            'No item is in the transfer scope',
          ),
          ...selection.findings,
        ],
      },
    );
  }
  const { items, findings: catalogueNotes } = await planItems(selection.selected, options, resolved);
  findings.push(...catalogueNotes);
  const others = otherFiles(input, resolved);
  if (others.problems.length > 0) {
    const refused = others.problems.some((p) => p.code === 'TRANSFER_OTHER_DOCUMENT_REFUSED');
    throw transferError(
      refused ? 'TRANSFER_OTHER_DOCUMENT_REFUSED' : 'TRANSFER_INPUT_INVALID',
      `“其他”文件夹的文件有 ${others.problems.length} 个问题：${others.problems[0]!.message}`,
      `${others.problems.length} problem(s) with the documents for 其他/`,
      { findings: others.problems },
    );
  }
  const sizeProblems = [
    ...(await fillSizes(
      items.flatMap((p) => p.files),
      !online,
      options.signal,
    )),
    ...(await fillSizes(others.files, !online, options.signal)),
  ];
  if (sizeProblems.length > 0) {
    throw transferError(
      'TRANSFER_ENTRY_SIZE_UNKNOWN',
      sizeProblems[0]!.message,
      sizeProblems[0]!.messageEn ?? '',
      {
        findings: sizeProblems,
      },
    );
  }
  for (const f of ['载体保管单位', '载体制作单位', '载体检查单位'] as const) {
    if ((options.readme?.[f] ?? '') === '') {
      findings.push(
        transferFinding(
          'TRANSFER_README_FIELD_EMPTY',
          `说明文件的“${f}”为空`,
          `说明文件.TXT: ${f} is empty`,
          {
            path: resolved.layout.readme,
          },
        ),
      );
    }
  }
  const ctx = { online, capacityText, unit, others: others.files };
  const base = {
    resolved,
    online,
    capacity,
    capacityText,
    allocationUnit: unit,
    reserve,
    otherDocuments: others.files,
    excluded: selection.excluded,
    findings,
  };
  if (online) {
    return { ...base, carriers: layoutCarriers([items], options, resolved, ctx).carriers };
  }

  // Offline: next-fit in arrangement order (carriers keep 年度 → 类别 → 件 order). Each carrier's own files are
  // bounded from above for a given number of carriers N (see carrierOverheadBound), so a packing under the bound
  // always fits; N starts at 1 and grows to the number of carriers the packing needs until they agree (the
  // bound never shrinks as N grows, so this ends by the number of items at the latest).
  const limit = capacity! - reserve;
  const rowBytes = catalogueRowBytes(
    items.flatMap((p) => p.rows),
    resolved.catalogueEncoding,
    resolved.level,
  );
  const costs: Costs = { item: new Map() };
  let r = 0;
  for (const p of items) {
    costs.item.set(p, itemCost(p, rowBytes.slice(r, r + p.rows.length), unit, resolved.hexLength));
    r += p.rows.length;
  }
  const boundCtx = {
    items,
    others: others.files,
    unit,
    capacityText,
    settings: handoverSettings(options, resolved, false, capacityText),
    catalogueBytes: catalogueFileBytes(
      items.flatMap((p) => p.rows),
      resolved.catalogueEncoding,
      resolved.level,
    ).length,
  };
  let total = 1;
  for (;;) {
    const fixed = carrierOverheadBound(total, options, resolved, boundCtx);
    const big = items
      .filter((p) => fixed + costs.item.get(p)! > limit)
      .map((p) => tooLargeFinding(p, fixed + costs.item.get(p)!, limit, total));
    if (big.length > 0) throw tooLargeError(big);
    const packed = pack(items, costs, fixed, limit);
    if (packed.length <= total) {
      const laid = layoutCarriers(packed, options, resolved, ctx);
      const over = laid.carriers.find((c) => c.allocatedBytes! > limit);
      if (over !== undefined) {
        // Cannot happen while carrierOverheadBound is an upper bound; refuse rather than overfill a disc.
        throw transferError(
          'TRANSFER_PLAN_FAILED',
          `载体 ${over.number} 规划为 ${over.allocatedBytes} 字节，超过可用容量 ${limit} 字节`,
          `Carrier ${over.number} was planned at ${over.allocatedBytes} bytes, over the ${limit} available`,
        );
      }
      return { ...base, carriers: laid.carriers };
    }
    total = packed.length;
  }
}

/**
 * Plans a transfer without writing: which items are selected and why others are not, and — offline — which
 * items go on which carrier and how many bytes each carrier takes. Reads sources only to measure those whose
 * size is unknown. Throws what `buildTransferPackage` would throw before writing.
 *
 * @example
 * const plan = await planTransferPackage(input, { kind: 'offline', capacity: '4.7GB', carrier: makeSink });
 * plan.carriers.map((c) => [c.number, c.items.length]); // [['001', 120], ['002', 37]]
 */
export async function planTransferPackage(
  input: TransferInput,
  target: TransferTarget,
  options: TransferOptions = {},
): Promise<TransferPlan> {
  const plan = await makeTransferPlan(input, target, options);
  return {
    carriers: plan.carriers.map((c) => ({
      number: c.number,
      items: c.items.map((p) => p.item.name),
      counts: c.counts,
      allocatedBytes: c.allocatedBytes,
    })),
    excluded: plan.excluded,
    findings: plan.findings,
  };
}

/**
 * {@link planTransferPackage} as a result.
 *
 * @example
 * const r = await safePlanTransferPackage(input, target);
 * if (!r.ok) r.findings; // e.g. TRANSFER_ITEM_TOO_LARGE naming the item
 */
export function safePlanTransferPackage(
  input: TransferInput,
  target: TransferTarget,
  options: TransferOptions = {},
): Promise<SafeResult<TransferPlan>> {
  return safelyAsync(() => planTransferPackage(input, target, options));
}
