/**
 * 归档信息包 → 移交信息包 → 移交与接收 checks, with the stock `dangan-ywtb` layout (which renames content files
 * to `{档号}-001-{角色}.pdf` and writes its own 说明文件, 清单, 目录 and 登记表): the items
 * `transferItemsFromArchivalPackage` makes pass every automatic YJ item, online and on each carrier of an
 * offline transfer.
 */
import { schemes } from '@dangan/metadata';
import { type MemoryPackageWritten, memorySink, memorySource, type PackageSource } from '@dangan/packaging';
import { describe, expect, it } from 'vitest';
import {
  type ArchivalItemInput,
  buildArchivalPackage,
  readArchivalPackage,
} from '../../../packaging/src/archival/index.js';
import { buildEep } from '../../../packaging/src/eep/build/build-eep.js';
import {
  buildTransferPackage,
  type TransferItem,
  type TransferTarget,
  transferItemsFromArchivalPackage,
} from '../../../packaging/src/transfer/index.js';
import { runChecks } from '../../src/engine/run-checks.js';
import type { CheckReport } from '../../src/report/types.js';
import { testPki } from './eep-fixtures.js';
import { fixedNow, minimalOfd, minimalPdf, tinyPng, ywtbRecord } from './fixtures.js';
import { itemOf } from './support.js';

const pki = testPki();
const filedAt = new Date('2026-03-20T02:00:00Z');
const AGENCY = '上海市浦东新区市场监督管理局';

interface Spec {
  readonly name: string;
  readonly format: string;
  readonly bytes: Uint8Array;
  readonly material: string;
}

/**
 * The 归档信息包 of 办件 `caseNo` (stock layout, one signed EEP per 件), its 件 numbered `numbers` (室编件号,
 * 永久): each 件 holds `files(i)`.
 */
async function filedCase(
  caseNo: number,
  numbers: readonly number[],
  files: (i: number) => Spec[],
): Promise<PackageSource> {
  const items: ArchivalItemInput[] = numbers.map((n, i) => {
    const fs = files(i);
    const record = ywtbRecord(n, `第${caseNo}号办件材料${i + 1}`, fs) as {
      文件实体: { 档号: Record<string, unknown>; 电子文件号: string };
      业务实体: { 文件标识符: string }[];
      办件: Record<string, unknown>;
    };
    record.文件实体.档号.保管期限 = '永久';
    record.办件.办件编号 = `3101152026031600${String(caseNo).padStart(2, '0')}`;
    record.文件实体.电子文件号 = `310115-MSC-2026-0001${String(caseNo).padStart(2, '0')}-0${i + 1}`;
    for (const b of record.业务实体) b.文件标识符 = record.文件实体.电子文件号;
    return {
      record,
      files: fs.map((_, j) => ({ source: fs[j]!.bytes, attributeIndex: j })),
      buildEep: (r) =>
        buildEep({
          record: r,
          scheme: schemes.ywtb,
          files: fs.map((f) => f.bytes),
          creator: AGENCY,
          createdAt: filedAt,
          signers: [{ ...pki.signer, signedAt: filedAt }],
        }),
    };
  });
  const result = await buildArchivalPackage(
    {
      items,
      registration: { 单位名称: AGENCY, 归档电子文件门类: '文书', 归档方式: '在线' },
      now: filedAt,
    },
    memorySink(), // the stock layout: ARCHIVAL_LAYOUTS['dangan-ywtb']
  );
  return result.written.source;
}

/** Three 办件 of mixed files: an application (PDF + PNG photo) and a decision (OFD) each. */
async function mixedCases(): Promise<PackageSource[]> {
  const ofd = await minimalOfd();
  const files = (caseNo: number) => (i: number) =>
    i === 0
      ? [
          {
            name: '设立登记申请书.pdf',
            format: 'PDF, 1.7, application/pdf',
            bytes: minimalPdf(`apply ${caseNo}`),
            material: '设立登记申请书',
          },
          { name: '营业场所照片.png', format: 'PNG, image/png', bytes: tinyPng(), material: '营业场所照片' },
        ]
      : [
          {
            name: '准予设立登记通知书.ofd',
            format: 'OFD, 1.1, application/ofd',
            bytes: ofd,
            material: '准予设立登记通知书',
          },
        ];
  return [
    await filedCase(1, [1, 2], files(1)),
    await filedCase(2, [3, 4], files(2)),
    await filedCase(3, [5, 6], files(3)),
  ];
}

/** Six 件 of the same size (one PDF each), numbered `numbers`, two per 办件. */
async function evenCases(numbers: readonly number[]): Promise<PackageSource[]> {
  const out: PackageSource[] = [];
  for (let k = 0; k < numbers.length; k += 2) {
    out.push(
      await filedCase(k / 2 + 1, numbers.slice(k, k + 2), (i) => [
        {
          name: `材料${i + 1}.pdf`,
          format: 'PDF, 1.7, application/pdf',
          bytes: minimalPdf(`件${numbers[k + i]}`),
          material: `材料${i + 1}`,
        },
      ]),
    );
  }
  return out;
}

async function itemsOf(packages: readonly PackageSource[]): Promise<TransferItem[]> {
  const items: TransferItem[] = [];
  for (const p of packages) items.push(...(await transferItemsFromArchivalPackage(p)));
  return items;
}

/** The carriers written (one for online transfer), each as a package source. */
async function transfer(
  items: readonly TransferItem[],
  capacity?: string,
): Promise<{ number: string; items: readonly string[]; source: PackageSource }[]> {
  const target: TransferTarget =
    capacity === undefined
      ? { kind: 'online', sink: memorySink() }
      : { kind: 'offline', capacity, carrier: () => memorySink() };
  const result = await buildTransferPackage({ items }, target, {
    readme: {
      载体保管单位: '浦东新区档案馆',
      载体制作单位: `${AGENCY}办公室`,
      载体检查单位: `${AGENCY}档案室`,
    },
    registration: { 交接工作名称: '2026年度电子档案移交', 移交单位: AGENCY, 接收单位: '浦东新区档案馆' },
  });
  return result.carriers.map((c) => ({
    number: c.number,
    items: c.items,
    source: memorySource(new Map((c.written as MemoryPackageWritten).files)),
  }));
}

const check = (source: PackageSource): Promise<CheckReport> =>
  runChecks({ stage: 'transfer', source, trustAnchors: [pki.caCertificate], now: fixedNow });

/** Items whose status is not what an intact package gets without a virus scanner. */
function unexpected(report: CheckReport): [string, string, string][] {
  return report.items
    .filter((i) => {
      if (i.id === 'YJ-4-2') return i.status !== 'error'; // no scanner: an error, never a pass
      // The host's list of allowed environments is data DA/T 70 does not give: not applicable without one.
      if (i.status === 'not-applicable') return !/软硬件环境清单/u.test(i.reason ?? '');
      return i.status !== 'pass' && i.status !== 'manual';
    })
    .map((i) => [
      i.id,
      i.status,
      i.reason ?? i.findings.map((f) => `${f.path ?? ''} ${f.message}`).join('; '),
    ]);
}

describe('归档信息包 (stock layout) → 移交信息包 → 移交与接收 checks', () => {
  it('online: every automatic item passes; only the virus item is an error (no scanner)', async () => {
    const [carrier] = await transfer(await itemsOf(await mixedCases()));
    const report = await check(carrier!.source);
    expect(report.subject.kind).toBe('transfer');
    expect(unexpected(report)).toEqual([]);
    expect(itemOf(report, 'virus.scan').status).toBe('error');
    // The items that failed when whole archival packages travelled as items.
    for (const id of ['YJ-1-10', 'YJ-2-6', 'YJ-2-7', 'YJ-2-8', 'YJ-3-2', 'YJ-3-7']) {
      const item = report.items.find((i) => i.id === id);
      expect([id, item?.status]).toEqual([id, 'pass']);
    }
    // Signatures of every EEP verified against the archiving CA (固化信息).
    expect(itemOf(report, 'fixity').status).toBe('pass');
    expect(report.items.filter((i) => i.status === 'pass').length).toBeGreaterThan(20);
  });

  it('whole archival packages as items fail the content links and formats (why the items are per 件)', async () => {
    const items: TransferItem[] = [];
    for (const [k, p] of (await mixedCases()).entries()) {
      const reading = await readArchivalPackage(p);
      items.push({ name: `办件${k + 1}`, records: reading.records, entries: p });
    }
    const [carrier] = await transfer(items);
    const failed = (await check(carrier!.source)).items.filter((i) => i.status === 'fail').map((i) => i.id);
    expect(failed).toEqual(expect.arrayContaining(['YJ-1-10', 'YJ-2-7', 'YJ-2-8', 'YJ-3-2', 'YJ-3-7']));
  });

  it('offline: each carrier of the set passes, 连续性 (YJ-2-6) included, though carrier 002 starts at 件号 4', async () => {
    const carriers = await transfer(await itemsOf(await evenCases([1, 2, 3, 4, 5, 6])), '60KB');
    expect(carriers.map((c) => [c.number, c.items.map((n) => n.slice(-4))])).toEqual([
      ['001', ['0001', '0002', '0003']],
      ['002', ['0004', '0005', '0006']],
    ]);
    for (const c of carriers) {
      const report = await check(c.source);
      expect([c.number, unexpected(report)]).toEqual([c.number, []]);
      const continuity = report.items.find((i) => i.id === 'YJ-2-6')!;
      expect(continuity.status).toBe('pass');
      // Carrier 002 says why its 件号 may start at 4; carrier 001 starts at 1 and needs no note.
      expect(continuity.findings.map((f) => [f.code, f.severity])).toEqual(
        c.number === '002' ? [['CHECK_SEQUENCE_CONTINUED', 'info']] : [],
      );
    }
  });

  it('offline: a gap inside a carrier still fails YJ-2-6', async () => {
    // 件号 5 was never filed: carrier 002 holds 4 and 6.
    const carriers = await transfer(await itemsOf(await evenCases([1, 2, 3, 4, 6, 7])), '60KB');
    expect(carriers.map((c) => c.items.map((n) => n.slice(-4)))).toEqual([
      ['0001', '0002', '0003'],
      ['0004', '0006', '0007'],
    ]);
    const first = (await check(carriers[0]!.source)).items.find((i) => i.id === 'YJ-2-6')!;
    expect(first.status).toBe('pass');
    const second = (await check(carriers[1]!.source)).items.find((i) => i.id === 'YJ-2-6')!;
    expect(second.status).toBe('fail');
    expect(second.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.message])).toEqual([
      ['FILING_SEQUENCE_GAP', expect.stringContaining('缺少件号 5（断号）')],
    ]);
  });
});
