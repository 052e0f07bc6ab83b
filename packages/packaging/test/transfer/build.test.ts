import { createHasher, type DanganError, utf8 } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import { inventoryPackage } from '../../src/inventory/index.js';
import { type MemoryPackageWritten, memorySink } from '../../src/sinks/index.js';
import {
  buildTransferPackage,
  carrierDigest,
  parseCarrierListing,
  parseTransferReadme,
  planTransferPackage,
  safeBuildTransferPackage,
  selectTransferItems,
  type TransferItem,
} from '../../src/transfer/index.js';
import {
  bytesOf,
  caseItem,
  FULL_OPTIONS,
  fiveCases,
  record,
  type TrackedSink,
  trackedSink,
} from './fixtures.js';

async function online(items: TransferItem[], options = FULL_OPTIONS) {
  const sink = memorySink();
  const result = await buildTransferPackage({ items }, { kind: 'online', sink }, options);
  return { result, written: result.carriers[0]!.written as MemoryPackageWritten };
}

describe('selection (移交范围)', () => {
  it('takes only items kept 30 years or longer (永久 included) and reports the rest with the reason', () => {
    const { selected, excluded, findings } = selectTransferItems(fiveCases());
    expect(selected.map((s) => s.item.name)).toEqual(['办件-0001', '办件-0002', '办件-0004']);
    expect(selected.map((s) => s.retention?.code)).toEqual(['Y', 'D30', 'Y']);
    expect(excluded.map((e) => [e.name, e.reason, e.retention?.code])).toEqual([
      ['办件-0003', 'retention-below-minimum', 'D10'],
      ['办件-0005', 'retention-below-minimum', 'D10'],
    ]);
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['TRANSFER_ITEM_EXCLUDED', '办件-0003'],
      ['TRANSFER_ITEM_EXCLUDED', '办件-0005'],
    ]);
  });

  it('leaves out items with a missing or unreadable period, saying so', () => {
    const items = [
      caseItem('无期限', [{ 文件实体: { 档号: { 全宗号: 'Z109' } } }], 1),
      caseItem('旧值', [record(1, '长期')], 2),
    ];
    const { selected, excluded } = selectTransferItems(items);
    expect(selected).toEqual([]);
    expect(excluded.map((e) => e.reason)).toEqual(['retention-missing', 'retention-invalid']);
  });

  it('lets a host predicate replace the rule, with its own reason', () => {
    const { selected, excluded } = selectTransferItems(fiveCases(), {
      select: (_item, { retention }) =>
        retention?.code === 'D10' ? true : { include: false, reason: '本批只移交定期10年（测试）' },
    });
    expect(selected.map((s) => s.item.name)).toEqual(['办件-0003', '办件-0005']);
    expect(excluded.every((e) => e.reason === 'host' && e.message === '本批只移交定期10年（测试）')).toBe(
      true,
    );
  });

  it('honours minRetentionYears', () => {
    expect(selectTransferItems(fiveCases(), { minRetentionYears: 10 }).selected).toHaveLength(5);
  });

  it('fails the build with TRANSFER_NOTHING_SELECTED when nothing is in scope', async () => {
    const r = await safeBuildTransferPackage(
      { items: [caseItem('办件-0003', [record(3, '定期10年')], 3)] },
      { kind: 'online', sink: memorySink() },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('TRANSFER_NOTHING_SELECTED');
      expect(r.findings.map((f) => f.code)).toContain('TRANSFER_ITEM_EXCLUDED');
    }
  });
});

describe('online transfer', () => {
  it('writes the carrier layout and inventories back with exact counts and no findings', async () => {
    const { result, written } = await online(fiveCases());
    const paths = [...written.files.keys()];
    expect(paths.slice(0, 2)).toEqual(['说明文件.TXT', '文件目录.XML']);
    expect(paths.filter((p) => p.startsWith('电子档案/'))).toHaveLength(9);
    expect(
      paths.every((p) =>
        /^(说明文件\.TXT|文件目录\.XML|电子档案\/2024\/WS\/办件-000[124]\/.+|其他\/.+)$/u.test(p),
      ),
    ).toBe(true);
    expect(paths.slice(-3)).toEqual([
      '其他/载体文件清单.TXT',
      '其他/移交与接收登记表.XML',
      '其他/数字摘要.XML',
    ]);
    expect(result.excluded.map((e) => e.name)).toEqual(['办件-0003', '办件-0005']);

    const expectedBytes = (3000 + 1500 + utf8('<基本信息 编号="办件-0001"/>').length) * 3;
    const inv = await inventoryPackage(written.source);
    expect(inv.findings).toEqual([]);
    expect(inv.totals).toEqual({ 件数: 4, 文件数: 9, 元数据数: 3, 字节数: expectedBytes });
    expect(inv.groups.map((g) => [g.门类, g.年度, g.保管期限, g.件数])).toEqual([
      ['WS', '2024', '永久', 3],
      ['WS', '2024', '定期30年', 1],
    ]);
    expect(inv.digest?.matches).toBe(true);
    expect(inv.digest?.actual).toBe(result.carriers[0]!.digest);
    expect(result.registrationForm.移交电子档案数量).toEqual({
      件数: 4,
      卷数: 0,
      文件数: 9,
      元数据数: 3,
      字节数: expectedBytes,
    });
    expect(result.registrationForm.移交载体类型规格).toBe('在线');
  });

  it('names the algorithm and gives 实际容量 in GB with three decimals in the 数字摘要 sheet', async () => {
    const { result, written } = await online(fiveCases());
    const sheet = new TextDecoder().decode(written.files.get('其他/数字摘要.XML'));
    expect(sheet).toContain('<数字摘要算法>SM3</数字摘要算法>');
    expect(sheet).toMatch(/<实际容量 单位="GB">\d+\.\d{3}<\/实际容量>/u);
    expect(result.digestSheet.载体[0]!.数字摘要).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('defines the carrier digest as the digest of the listing, which lists every other file', async () => {
    const { result, written } = await online(fiveCases());
    const listing = written.files.get('其他/载体文件清单.TXT')!;
    expect(createHasher('sm3').update(listing).digestHex()).toBe(result.carriers[0]!.digest);
    const lines = parseCarrierListing(listing).lines;
    const covered = [...written.files.keys()].filter(
      (p) => !['其他/载体文件清单.TXT', '其他/移交与接收登记表.XML', '其他/数字摘要.XML'].includes(p),
    );
    expect(lines.map((l) => l.path).sort()).toEqual(covered.sort());
    for (const l of lines) {
      expect(l.digest).toBe(createHasher('sm3').update(written.files.get(l.path)!).digestHex());
    }
    const again = await carrierDigest(written.source);
    expect(again.digest).toBe(result.carriers[0]!.digest);
    expect(again.bytes).toBe(result.carriers[0]!.contentBytes);
  });

  it('uses SHA-256 when asked and says so', async () => {
    const { result, written } = await online(fiveCases(), { ...FULL_OPTIONS, digestAlgorithm: 'sha256' });
    expect(result.digestSheet.数字摘要算法).toBe('SHA-256');
    const inv = await inventoryPackage(written.source);
    expect(inv.digest?.algorithm).toBe('sha256');
    expect(inv.findings).toEqual([]);
  });

  it('writes 说明文件.TXT in GB18030 with CRLF by default, or UTF-8 with a BOM', async () => {
    const { written } = await online(fiveCases());
    const bytes = written.files.get('说明文件.TXT')!;
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = new TextDecoder('gb18030').decode(bytes);
    expect(text.split('\r\n').slice(0, 3)).toEqual(['载体容量：在线', '载体类型：在线', '载体编号：001']);
    expect(text.replace(/\r\n/gu, '')).not.toContain('\n');
    expect(parseTransferReadme(bytes)?.encoding).toBe('gb18030');
    const u = (await online(fiveCases(), { ...FULL_OPTIONS, readmeEncoding: 'utf-8', newline: '\n' }))
      .written;
    const ub = u.files.get('说明文件.TXT')!;
    expect([...ub.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseTransferReadme(ub)?.fields.载体保管单位).toBe('某某市档案馆');
  });

  it('warns about empty unit fields of 说明文件', async () => {
    const { result } = await online(fiveCases(), {});
    expect(
      result.findings.filter((f) => f.code === 'TRANSFER_README_FIELD_EMPTY').map((f) => f.message),
    ).toEqual([
      '说明文件的“载体保管单位”为空',
      '说明文件的“载体制作单位”为空',
      '说明文件的“载体检查单位”为空',
    ]);
  });

  it('arranges by configurable levels, down to none', async () => {
    const byRetention = await online(fiveCases(), { ...FULL_OPTIONS, levels: ['保管期限', '年度'] });
    expect([...byRetention.written.files.keys()]).toContain(
      '电子档案/永久/2024/办件-0001/准予设立登记通知书.ofd',
    );
    const flat = await online(fiveCases(), { ...FULL_OPTIONS, levels: [] });
    expect([...flat.written.files.keys()]).toContain('电子档案/办件-0002/设立登记申请书.pdf');
    expect((await inventoryPackage(flat.written.source)).findings).toEqual([]);
    const custom = await online(fiveCases(), {
      ...FULL_OPTIONS,
      levels: [{ name: '批次', value: () => '第一批' }],
    });
    expect([...custom.written.files.keys()]).toContain('电子档案/第一批/办件-0004/设立登记申请书.pdf');
  });

  it('writes 案卷目录.XML at volume level and counts 卷数', async () => {
    const { result, written } = await online(fiveCases(), { ...FULL_OPTIONS, catalogueLevel: '案卷' });
    expect(written.files.has('案卷目录.XML')).toBe(true);
    expect(new TextDecoder().decode(written.files.get('案卷目录.XML'))).toContain('<案卷目录>');
    expect(result.registrationForm.移交电子档案数量.卷数).toBe(4);
    const inv = await inventoryPackage(written.source);
    expect(inv.catalogue?.level).toBe('案卷');
    expect(inv.findings).toEqual([]);
  });

  it('writes each record’s metadata XML when given a scheme', async () => {
    const { schemes } = await import('@dangan/metadata');
    const { written } = await online([caseItem('办件-0001', [record(1, '永久')], 1)], {
      ...FULL_OPTIONS,
      metadata: { scheme: schemes.dat46 },
    });
    const path = '电子档案/2024/WS/办件-0001/Z109-WS·2024-Y-DJK-0001.xml';
    expect(new TextDecoder().decode(written.files.get(path))).toContain('<题名>');
    const inv = await inventoryPackage(written.source);
    expect(inv.totals.元数据数).toBe(2);
    expect(inv.findings).toEqual([]);
  });

  it('takes an item’s files from a PackageSource (e.g. an EEP folder or a 归档信息包 view)', async () => {
    const { memorySource } = await import('../../src/sinks/index.js');
    const { packageSubSource } = await import('../../src/transfer/index.js');
    const archival = memorySource({
      'Z109-0001/正文.ofd': bytesOf(100, 1),
      'Z109-0001/元数据.xml': utf8('<a/>'),
      'Z109-0002/正文.ofd': bytesOf(50, 2),
    });
    const { written } = await online([
      { name: 'Z109-0001', records: [record(1, '永久')], entries: packageSubSource(archival, 'Z109-0001') },
    ]);
    const mine = [...written.files.keys()].filter((p) => p.startsWith('电子档案/'));
    expect(mine).toEqual(['电子档案/2024/WS/Z109-0001/正文.ofd', '电子档案/2024/WS/Z109-0001/元数据.xml']);
  });

  it('refuses an 其他/ document in a format the rules do not allow, before writing', async () => {
    const sink = trackedSink();
    const r = await safeBuildTransferPackage(
      {
        items: fiveCases(),
        otherDocuments: [
          { path: '元数据方案.XML', source: utf8('<方案/>') },
          { path: '工具/reader.exe', source: bytesOf(10, 1) },
        ],
      },
      { kind: 'online', sink },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('TRANSFER_OTHER_DOCUMENT_REFUSED');
      expect(r.findings.map((f) => f.path)).toEqual(['其他/工具/reader.exe']);
    }
    expect(sink.committed()).toBeUndefined();
  });

  it('copies allowed 其他/ documents and covers them by the digest', async () => {
    const r = await buildTransferPackage(
      { items: fiveCases(), otherDocuments: [{ path: '元数据方案.XML', source: utf8('<方案/>') }] },
      { kind: 'online', sink: memorySink() },
      FULL_OPTIONS,
    );
    const w = r.carriers[0]!.written as MemoryPackageWritten;
    expect(parseCarrierListing(w.files.get('其他/载体文件清单.TXT')!).lines.map((l) => l.path)).toContain(
      '其他/元数据方案.XML',
    );
    expect((await inventoryPackage(w.source)).findings).toEqual([]);
  });

  it('rejects unsafe and duplicate item names and file paths with findings', async () => {
    const bad = await safeBuildTransferPackage(
      {
        items: [
          caseItem('a/b', [record(1, '永久')], 1),
          caseItem('同名', [record(2, '永久')], 2),
          caseItem('同名', [record(3, '永久')], 3),
          {
            name: '坏路径',
            records: [record(4, '永久')],
            entries: [{ path: '../x.pdf', source: utf8('x') }],
          },
        ],
      },
      { kind: 'online', sink: memorySink() },
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('TRANSFER_INPUT_INVALID');
      expect(bad.findings.map((f) => f.code).sort()).toEqual(
        ['TRANSFER_ITEM_NAME_DUPLICATE', 'TRANSFER_ITEM_NAME_INVALID'].sort(),
      );
    }
    const paths = await safeBuildTransferPackage(
      {
        items: [
          {
            name: '坏路径',
            records: [record(4, '永久')],
            entries: [{ path: '../x.pdf', source: utf8('x') }],
          },
        ],
      },
      { kind: 'online', sink: memorySink() },
    );
    expect(!paths.ok && paths.findings.map((f) => [f.code, f.path])).toEqual([
      ['TRANSFER_ENTRY_INVALID', '电子档案/2024/WS/坏路径/../x.pdf'],
    ]);
  });

  it('reports records that cannot be catalogued with item-relative paths', async () => {
    const broken = record(1, '永久');
    const r = await safeBuildTransferPackage(
      {
        items: [
          caseItem('好', [record(2, '永久')], 1),
          caseItem('坏', [{ 文件实体: { ...(broken.文件实体 as object), 内容描述: { 题名: '无日期' } } }], 2),
        ],
      },
      { kind: 'online', sink: memorySink() },
    );
    expect(!r.ok && r.findings.find((f) => f.code === 'FILING_CATALOGUE_DATE_INVALID')?.path).toBe(
      '坏/记录1/文件实体/内容描述/日期',
    );
  });
});

describe('failure leaves nothing committed', () => {
  it('aborts every sink when a source fails mid-way, with TRANSFER_WRITE_FAILED', async () => {
    const sinks: TrackedSink[] = [];
    const items = fiveCases();
    const failing: TransferItem = {
      name: '办件-0009',
      records: [record(9, '永久')],
      entries: [
        {
          path: '坏.pdf',
          size: 10,
          source: () =>
            (async function* () {
              yield new Uint8Array(5);
              throw new Error('磁盘读取失败');
            })(),
        },
      ],
    };
    const r = await safeBuildTransferPackage(
      { items: [...items, failing] },
      {
        kind: 'offline',
        capacity: 20_000,
        allocationUnit: 1,
        carrier: () => {
          const s = trackedSink();
          sinks.push(s);
          return s;
        },
      },
      FULL_OPTIONS,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('TRANSFER_WRITE_FAILED');
    expect(sinks.length).toBeGreaterThan(0);
    expect(sinks.every((s) => s.aborted() && s.committed() === undefined)).toBe(true);
  });

  it('stops when a source yields more bytes than its declared size', async () => {
    const sink = trackedSink();
    const r = await safeBuildTransferPackage(
      {
        items: [
          {
            name: '办件-0001',
            records: [record(1, '永久')],
            entries: [{ path: 'a.pdf', size: 3, source: () => [utf8('abcd')] }],
          },
        ],
      },
      { kind: 'online', sink },
    );
    expect(!r.ok && r.error.code).toBe('TRANSFER_WRITE_FAILED');
    expect(!r.ok && (r.error.cause as DanganError).code).toBe('TRANSFER_ENTRY_SIZE_CHANGED');
    expect(sink.aborted()).toBe(true);
  });

  it('rethrows programmer errors (not DanganError) after aborting', async () => {
    const sink = trackedSink();
    await expect(
      buildTransferPackage(
        { items: fiveCases() },
        { kind: 'offline', capacity: '25GB', carrier: () => null as never },
      ),
    ).rejects.toThrow(TypeError);
    expect(sink.aborted()).toBe(false);
  });
});

describe('planning', () => {
  it('plans without writing and without calling the carrier factory', async () => {
    let calls = 0;
    const plan = await planTransferPackage(
      { items: fiveCases() },
      {
        kind: 'offline',
        capacity: 16_000,
        allocationUnit: 1,
        carrier: () => {
          calls++;
          return memorySink();
        },
      },
      FULL_OPTIONS,
    );
    expect(calls).toBe(0);
    expect(plan.carriers.length).toBeGreaterThan(1);
    expect(plan.carriers.flatMap((c) => c.items).sort()).toEqual(['办件-0001', '办件-0002', '办件-0004']);
    expect(plan.carriers.every((c) => c.allocatedBytes! <= 16_000)).toBe(true);
  });

  it('refuses a one-shot stream without a size for offline transfer, naming the file', async () => {
    const r = await safeBuildTransferPackage(
      {
        items: [
          {
            name: '办件-0001',
            records: [record(1, '永久')],
            entries: [{ path: 'a.pdf', source: new Blob([utf8('abc') as BlobPart]).stream() }],
          },
        ],
      },
      { kind: 'offline', capacity: '700MB', carrier: () => memorySink() },
    );
    expect(!r.ok && r.findings.map((f) => [f.code, f.path])).toEqual([
      ['TRANSFER_ENTRY_SIZE_UNKNOWN', '电子档案/2024/WS/办件-0001/a.pdf'],
    ]);
  });

  it('measures a re-readable source without a known size by reading it', async () => {
    const plan = await planTransferPackage(
      {
        items: [
          {
            name: '办件-0001',
            records: [record(1, '永久')],
            entries: [{ path: 'a.pdf', source: () => [bytesOf(777, 1)] }],
          },
        ],
      },
      { kind: 'offline', capacity: '700MB', carrier: () => memorySink() },
      FULL_OPTIONS,
    );
    expect(plan.carriers[0]!.counts?.字节数).toBe(777);
  });

  it('accepts a one-shot stream online (counted as written)', async () => {
    const sink = memorySink();
    const r = await buildTransferPackage(
      {
        items: [
          {
            name: '办件-0001',
            records: [record(1, '永久')],
            entries: [{ path: 'a.pdf', source: new Blob([bytesOf(1234, 1) as BlobPart]).stream() }],
          },
        ],
      },
      { kind: 'online', sink },
      FULL_OPTIONS,
    );
    expect(r.carriers[0]!.counts.字节数).toBe(1234);
    expect(
      (await inventoryPackage((r.carriers[0]!.written as MemoryPackageWritten).source)).findings,
    ).toEqual([]);
  });
});
