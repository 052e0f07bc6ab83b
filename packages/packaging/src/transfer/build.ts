import {
  type ByteSource,
  chunks,
  createHasher,
  DanganError,
  type Finding,
  type SafeResult,
  safelyAsync,
  utf8,
} from '@dangan/core';
import type { PackageSink, PackageWritten } from '../sinks/types.js';
import { allocatedBytes } from './capacity.js';
import { contentDescription } from './carrier-files.js';
import { type ListingLine, listingDigest } from './carrier-listing.js';
import { transferError, transferFinding } from './codes.js';
import { GroupTotals } from './counts.js';
import { type CarrierFacts, digestSheetOf, handoverFiles, registrationFormOf } from './handover.js';
import { handoverSettings } from './pack-carriers.js';
import { makeTransferPlan, type PlannedCarrier, type TransferPlanDetail } from './plan.js';
import type {
  CarrierWritten,
  TransferInput,
  TransferOptions,
  TransferPackageResult,
  TransferTarget,
} from './types.js';

interface CarrierState {
  readonly planned: PlannedCarrier;
  readonly sink: PackageSink;
  readonly lines: ListingLine[];
  readonly groups: GroupTotals;
}

/**
 * Streams `source` into the sink at `path`, hashing it on the way (one read feeds the sink and the digest) and
 * checking the byte count against the planned size.
 */
async function writeFile(
  state: CarrierState,
  path: string,
  source: ByteSource,
  expected: number | undefined,
  algorithm: TransferPlanDetail['resolved']['algorithm'],
  signal: AbortSignal | undefined,
): Promise<number> {
  const hasher = createHasher(algorithm);
  let size = 0;
  async function* tee(): AsyncGenerator<Uint8Array> {
    for await (const chunk of chunks(source, signal === undefined ? {} : { signal })) {
      hasher.update(chunk);
      size += chunk.length;
      if (expected !== undefined && size > expected) break;
      yield chunk;
    }
    if (expected !== undefined && size !== expected) {
      throw transferError(
        'TRANSFER_ENTRY_SIZE_CHANGED',
        `“${path}”${size > expected ? '超过' : '不足'}规划时的 ${expected} 字节（来源在移交过程中被改动），移交已中止`,
        `"${path}" has ${size > expected ? 'more' : 'fewer'} bytes than the ${expected} planned`,
        { path },
      );
    }
  }
  await state.sink.write(path, tee(), signal === undefined ? {} : { signal });
  state.lines.push({ digest: hasher.digestHex(), size, path });
  return size;
}

async function writeContent(
  plan: TransferPlanDetail,
  state: CarrierState,
  signal?: AbortSignal,
): Promise<void> {
  const { algorithm } = plan.resolved;
  const { head } = state.planned;
  for (const f of [head.readme, head.catalogue]) {
    await writeFile(state, f.path, f.bytes, f.bytes.length, algorithm, signal);
  }
  for (const p of state.planned.items) {
    let bytes = 0;
    let metadata = 0;
    for (const f of p.files) {
      bytes += await writeFile(state, f.path, f.source(), f.size, algorithm, signal);
      if (f.metadata) metadata++;
    }
    state.groups.add(p.group, {
      件数: p.rows.length,
      文件数: p.files.length,
      元数据数: metadata,
      字节数: bytes,
    });
  }
  for (const f of plan.otherDocuments) await writeFile(state, f.path, f.source(), f.size, algorithm, signal);
}

async function abortAll(states: readonly CarrierState[], reason: unknown): Promise<void> {
  await Promise.allSettled(states.map((s) => s.sink.abort(reason)));
}

/**
 * Builds a 移交信息包 (transfer package; 《电子档案移交与接收办法》 附件2, packages-and-formats §3–4):
 *
 * 1. **Selection** — items whose longest 保管期限 is 30 years or more (永久 included) by default; `select`
 *    overrides; every item left out is reported (`excluded`, `TRANSFER_ITEM_EXCLUDED`).
 * 2. **Arrangement** — `电子档案/<年度>/<门类>/<item name>/<its files>` (levels are data: `levels`).
 * 3. **Per carrier** — `说明文件.TXT` (GB18030 + CRLF by default), `文件目录.XML` (its own rows, 顺序号 across the
 *    transfer; or `案卷目录.XML`), `电子档案/…`, `其他/` (host documents: TXT, XML or long-term formats only),
 *    then the handover documents `其他/载体文件清单.TXT`, `其他/移交与接收登记表.XML` and `其他/数字摘要.XML` (every
 *    carrier's digest, algorithm named, 实际容量 in GB with 3 decimals).
 * 4. **Targets** — online: one package into `target.sink`; offline: split by whole items across carriers of
 *    `target.capacity` (`'4.7GB'`, decimal), each made by `target.carrier(number, index, total)` and complete on
 *    its own. Everything is planned first (sizes from the sources; an item larger than a carrier is
 *    `TRANSFER_ITEM_TOO_LARGE` before any sink is made), then written in one read of each file.
 *
 * The carrier digest is defined in `carrierListingText` and recomputed by `carrierDigest`. Carrier sinks stay open
 * until every carrier's content is written (the sheet on each carrier lists all digests), then each gets its
 * handover documents and is committed. On any failure every sink not yet committed is aborted and a
 * `DanganError('TRANSFER_WRITE_FAILED')` (cause and findings kept) is thrown; planning errors keep their own
 * codes. If a commit fails after earlier carriers committed, the error's findings name those carriers.
 *
 * @example
 * const result = await buildTransferPackage(
 *   { items: [{ name: 'Z109-WS·2024-Y-0001', records: [record], entries: [{ path: '正文.ofd', source: ofdBytes }] }] },
 *   { kind: 'offline', capacity: '4.7GB', carrier: (n) => folderSink(`/out/载体${n}`) },
 *   { registration: { 移交单位: '某某局', 接收单位: '某某市档案馆' } },
 * );
 * result.carriers.map((c) => [c.number, c.digest]);
 */
export async function buildTransferPackage(
  input: TransferInput,
  target: TransferTarget,
  options: TransferOptions = {},
): Promise<TransferPackageResult> {
  const plan = await makeTransferPlan(input, target, options);
  const { resolved } = plan;
  const signal = options.signal;
  const states: CarrierState[] = [];
  const committed: string[] = [];
  let stage = '';
  try {
    const total = plan.carriers.length;
    for (const planned of plan.carriers) {
      stage = `载体 ${planned.number}`;
      const sink =
        target.kind === 'online' ? target.sink : await target.carrier(planned.number, planned.index, total);
      if (sink === null || typeof sink !== 'object' || typeof sink.write !== 'function') {
        throw new TypeError(`target.carrier(${planned.number}) did not return a PackageSink`);
      }
      const state: CarrierState = { planned, sink, lines: [], groups: new GroupTotals() };
      states.push(state);
      await writeContent(plan, state, signal);
    }
    stage = '交接文书';
    const facts: CarrierFacts[] = states.map((s) => {
      const d = listingDigest(s.lines, resolved.algorithm);
      return {
        number: s.planned.number,
        counts: s.groups.total(),
        groups: s.groups.list(),
        contentBytes: d.bytes,
        digest: d.digest,
        description: contentDescription(s.planned.items, resolved.level),
      };
    });
    const settings = handoverSettings(options, resolved, plan.online, plan.capacityText);
    const form = registrationFormOf(facts, settings);
    const sheet = digestSheetOf(facts, settings);
    const docs = handoverFiles(form, sheet, {
      layout: resolved.layout,
      documentEncoding: resolved.documentEncoding,
      sheetFormat: resolved.sheetFormat,
      textEncoding: resolved.readmeEncoding,
      newline: resolved.newline,
    });
    const written: PackageWritten[] = [];
    for (const s of states) {
      stage = `载体 ${s.planned.number}`;
      const listing = listingDigest(s.lines, resolved.algorithm).listing;
      const opts = signal === undefined ? {} : { signal };
      await s.sink.write(`${resolved.layout.other}/${resolved.layout.listing}`, utf8(listing), opts);
      await s.sink.write(docs.registration.path, docs.registration.bytes, opts);
      await s.sink.write(docs.sheet.path, docs.sheet.bytes, opts);
    }
    if (plan.capacity !== undefined)
      checkCapacity(plan, states, [docs.registration.bytes.length, docs.sheet.bytes.length]);
    for (const s of states) {
      stage = `载体 ${s.planned.number}`;
      written.push(await s.sink.commit());
      committed.push(s.planned.number);
    }
    const carriers: CarrierWritten[] = states.map((s, i) => ({
      number: s.planned.number,
      items: s.planned.items.map((p) => p.item.name),
      counts: facts[i]!.counts,
      groups: facts[i]!.groups,
      contentBytes: facts[i]!.contentBytes,
      digest: facts[i]!.digest,
      algorithm: resolved.algorithm,
      written: written[i]!,
    }));
    return {
      carriers,
      excluded: plan.excluded,
      registrationForm: form,
      digestSheet: sheet,
      findings: plan.findings,
    };
  } catch (cause) {
    await abortAll(states, cause);
    if (!(cause instanceof DanganError)) throw cause;
    const findings: Finding[] = [...cause.findings];
    if (committed.length > 0) {
      findings.push(
        transferFinding(
          'TRANSFER_WRITE_FAILED',
          `载体 ${committed.join('、')} 已提交，其余已中止；请删除已提交的载体后重做`,
          `Carriers ${committed.join(', ')} were committed before the failure; remove them and redo the transfer`,
        ),
      );
    }
    throw transferError(
      'TRANSFER_WRITE_FAILED',
      `写入移交信息包失败（${stage}）：${cause.message}`,
      `Writing the transfer package failed (${stage}): ${cause.messageEn ?? cause.message}`,
      { cause, findings },
    );
  }
}

/** A last guard: every offline carrier, as written, within the capacity. */
function checkCapacity(
  plan: TransferPlanDetail,
  states: readonly CarrierState[],
  handover: readonly number[],
): void {
  const limit = plan.capacity! - plan.reserve;
  for (const s of states) {
    let used = 0;
    for (const size of handover) used += allocatedBytes(size, plan.allocationUnit);
    for (const l of s.lines) used += allocatedBytes(l.size, plan.allocationUnit);
    const listing = listingDigest(s.lines, plan.resolved.algorithm).listing;
    used += allocatedBytes(utf8(listing).length, plan.allocationUnit);
    if (used > limit) {
      throw transferError(
        'TRANSFER_PLAN_FAILED',
        `载体 ${s.planned.number} 写入后占用 ${used} 字节，超过容量 ${limit} 字节`,
        `Carrier ${s.planned.number} takes ${used} bytes, more than its ${limit}`,
      );
    }
  }
}

/**
 * {@link buildTransferPackage} as a result: planning problems and write failures as findings (sinks aborted).
 *
 * @example
 * const r = await safeBuildTransferPackage(input, { kind: 'online', sink: memorySink() });
 * if (!r.ok) console.log(r.findings.map((f) => f.message));
 */
export function safeBuildTransferPackage(
  input: TransferInput,
  target: TransferTarget,
  options: TransferOptions = {},
): Promise<SafeResult<TransferPackageResult>> {
  return safelyAsync(() => buildTransferPackage(input, target, options));
}
