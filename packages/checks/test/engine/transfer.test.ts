import { utf8 } from '@dangan/core';
import { schemes } from '@dangan/metadata';
import { type MemoryPackageWritten, memorySink, memorySource } from '@dangan/packaging';
import { describe, expect, it } from 'vitest';
import { buildTransferPackage } from '../../../packaging/src/transfer/index.js';
import { runChecks } from '../../src/engine/run-checks.js';
import { fixedNow, minimalOfd, minimalPdf, ywtbRecord } from './fixtures.js';
import { errorPaths, itemOf, readingScanner } from './support.js';

async function carrier(digestAlgorithm: 'sm3' | 'sha256' = 'sm3') {
  const pdf = minimalPdf('transfer');
  const ofd = await minimalOfd();
  const records = [
    ywtbRecord(1, '设立登记申请书', [
      { name: '设立登记申请书.pdf', format: 'PDF, 1.7, application/pdf', bytes: pdf },
    ]),
    ywtbRecord(2, '准予设立登记通知书', [
      { name: '通知书.ofd', format: 'OFD, 1.1, application/ofd', bytes: ofd },
    ]),
  ].map((r) => {
    const e = (r as { 文件实体: { 档号: Record<string, unknown> } }).文件实体;
    e.档号.保管期限 = '永久';
    return r;
  });
  const sink = memorySink();
  const result = await buildTransferPackage(
    {
      items: [
        {
          name: 'Z109-WS·2026-Y-DJK-0001',
          records: [records[0]!],
          entries: [{ path: '设立登记申请书.pdf', source: pdf }],
        },
        {
          name: 'Z109-WS·2026-Y-DJK-0002',
          records: [records[1]!],
          entries: [{ path: '通知书.ofd', source: ofd }],
        },
      ],
    },
    { kind: 'online', sink },
    {
      metadata: { scheme: schemes.ywtb },
      digestAlgorithm,
      readme: { 载体保管单位: '某某市档案馆', 载体制作单位: '某某局办公室', 载体检查单位: '某某局档案室' },
      registration: { 交接工作名称: '2026年度电子档案移交', 移交单位: '某某局', 接收单位: '某某市档案馆' },
    },
  );
  const written = result.carriers[0]!.written as MemoryPackageWritten;
  return new Map(written.files);
}

describe('移交信息包 carriers', () => {
  it('a valid carrier: structure, readme, catalogue, digests, carrier digest, totals pass', async () => {
    const files = await carrier();
    const report = await runChecks({
      stage: 'transfer',
      source: memorySource(files),
      scanner: readingScanner(),
      now: fixedNow,
    });
    expect(report.subject.kind).toBe('transfer');
    for (const rule of [
      'fixity',
      'package.structure',
      'package.readme-catalogue',
      'package.digest',
      'totals.count',
      'totals.bytes',
      'content.complete',
      'content.format',
      'content.readable',
      'content.attributes',
      'link.location',
      'carrier.extra-files',
      'virus.scan',
    ]) {
      const item = itemOf(report, rule);
      expect(item.status, `${rule} ${JSON.stringify(item.findings)} ${item.reason ?? ''}`).toBe('pass');
    }
  });

  it('follows the 数字摘要 sheet algorithm (SHA-256): every file and the carrier digest', async () => {
    const files = await carrier('sha256');
    const report = await runChecks({ stage: 'transfer', source: memorySource(files), now: fixedNow });
    expect(itemOf(report, 'fixity').status, JSON.stringify(itemOf(report, 'fixity').findings)).toBe('pass');
    expect(itemOf(report, 'package.digest').status).toBe('pass');
    expect(report.subject.digest?.algorithm).toBe('sha256');
  });

  it('reads every file of the carrier once', async () => {
    const files = await carrier();
    const reads = new Map<string, number>();
    const inner = memorySource(files);
    const source = {
      list: () => inner.list(),
      has: (p: string) => inner.has(p),
      close: () => inner.close(),
      read: (p: string) => () => {
        reads.set(p, (reads.get(p) ?? 0) + 1);
        return files.get(p)!;
      },
    };
    const report = await runChecks({ stage: 'transfer', source, now: fixedNow });
    expect(itemOf(report, 'package.digest').status).toBe('pass');
    expect([...reads.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [path, n] of reads) expect(n, path).toBe(1);
  });

  it('a changed file fails fixity and the carrier digest; an extra file fails 4-2', async () => {
    const files = await carrier();
    const target = [...files.keys()].find((p) => p.endsWith('.pdf'))!;
    const changed = new Map(files);
    const bytes = files.get(target)!.slice();
    bytes[20] = bytes[20]! ^ 0x20;
    changed.set(target, bytes);
    changed.set('电子档案/说明.doc', utf8('x'));
    const report = await runChecks({ stage: 'transfer', source: memorySource(changed), now: fixedNow });
    expect(errorPaths(itemOf(report, 'fixity'))).toContain(target);
    expect(itemOf(report, 'package.digest').status).toBe('fail');
    expect(errorPaths(itemOf(report, 'carrier.extra-files'))).toEqual(['电子档案/说明.doc']);
  });
});
