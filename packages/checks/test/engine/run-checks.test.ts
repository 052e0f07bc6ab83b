import { DanganError, sm2 } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/catalogue/catalogue.js';
import { runChecks } from '../../src/engine/run-checks.js';
import { buildPackage, fixedNow, withEntry } from './fixtures.js';
import { itemOf, readingScanner } from './support.js';

const manualIds = catalogue
  .forStage('archiving')
  .filter((i) => i.rule === undefined)
  .map((i) => i.id);

describe('runChecks on a valid 归档信息包', () => {
  it('passes every automatic item; manual items are manual with a reason', async () => {
    const pkg = await buildPackage();
    const scanner = readingScanner();
    const report = await runChecks({
      stage: 'archiving',
      source: pkg.source,
      scanner,
      registered: { digest: { algorithm: 'SM3', value: pkg.result.packageDigests.sm3! } },
      profile: {
        id: 'test',
        name: '测试方案',
        extends: 'dat70',
        parameters: { allowedEnvironments: ['数科'] },
      },
      now: fixedNow,
    });
    expect(report.stage).toBe('archiving');
    expect(report.profile).toBe('test');
    expect(report.startedAt).toBe('2026-04-01T08:00:00.000Z');
    expect(report.subject.kind).toBe('archival');
    expect(report.subject.entries).toBe(pkg.files.size);
    expect(report.subject.digest).toEqual({ algorithm: 'sm3', value: pkg.result.packageDigests.sm3 });
    expect(report.items.map((i) => i.id)).toEqual(catalogue.forStage('archiving').map((i) => i.id));
    for (const item of report.items) {
      const def = catalogue.byId(item.id)!;
      if (def.rule === undefined) {
        expect(item.status, item.id).toBe('manual');
        expect(item.reason, item.id).toMatch(/人工/);
      } else if (def.rule === 'package.scope') {
        // The institution's 归档范围 table is host data: without it the item says so.
        expect(item.status).toBe('not-applicable');
        expect(item.reason).toBeTruthy();
      } else {
        expect(item.status, `${item.id} ${JSON.stringify(item.findings)} ${item.reason ?? ''}`).toBe('pass');
      }
      for (const f of item.findings) expect(f.item).toBe(item.id);
    }
    // The scanner saw every entry, whole.
    expect([...scanner.scanned.keys()].sort()).toEqual([...pkg.files.keys()].sort());
    for (const [path, bytes] of pkg.files) expect(scanner.scanned.get(path)).toBe(bytes.length);
    expect(report.summary.passed).toBe(true);
    expect(report.summary.byStatus.manual).toBe(manualIds.length);
  });

  it('reports the virus item as error, never pass, without a scanner', async () => {
    const pkg = await buildPackage();
    const report = await runChecks({ stage: 'GD', source: pkg.source, now: fixedNow });
    const virus = itemOf(report, 'virus.scan');
    expect(virus.status).toBe('error');
    expect(virus.reason).toContain('未配置病毒扫描引擎');
    expect(report.summary.passed).toBe(false);
  });

  it('fails the virus item naming the infected file', async () => {
    const pkg = await buildPackage();
    const [path] = [...pkg.files.keys()].filter((p) => p.endsWith('.pdf'));
    const bytes = new Uint8Array([...pkg.files.get(path!)!, ...Buffer.from('EICAR-TEST')]);
    const report = await runChecks({
      stage: 'GD',
      source: withEntry(pkg.files, path!, bytes),
      scanner: readingScanner(),
      now: fixedNow,
    });
    const virus = itemOf(report, 'virus.scan');
    expect(virus.status).toBe('fail');
    expect(virus.findings.find((f) => f.code === 'CHECK_VIRUS_FOUND')?.path).toBe(path);
  });

  it('turns attestations into pass or fail with the attestation attached', async () => {
    const pkg = await buildPackage();
    const [appearance, disc] = manualIds.filter((id) => id === 'GD-4-5' || id === 'GD-4-6');
    const report = await runChecks({
      stage: 'archiving',
      source: pkg.source,
      now: fixedNow,
      attestations: [
        {
          item: appearance!,
          result: 'pass',
          by: '张三（档案员）',
          at: '2026-04-01T09:00:00+08:00',
          note: '光盘无划痕',
        },
        { item: disc!, result: 'fail', by: '李四', at: '2026-04-01T09:10:00+08:00' },
      ],
    });
    const a = report.items.find((i) => i.id === appearance)!;
    expect(a.status).toBe('pass');
    expect(a.attestation?.by).toBe('张三（档案员）');
    expect(a.findings[0]?.message).toContain('光盘无划痕');
    const d = report.items.find((i) => i.id === disc)!;
    expect(d.status).toBe('fail');
    expect(d.attestation?.result).toBe('fail');
    expect(report.items.find((i) => i.id === 'GD-4-7')?.status).toBe('manual');
  });

  it('makes a failed item with profile severity warning a warning', async () => {
    const pkg = await buildPackage();
    const report = await runChecks({
      stage: 'archiving',
      source: pkg.source,
      now: fixedNow,
      profile: {
        id: 'lenient',
        name: '宽松',
        extends: 'dat70',
        items: { 'virus.scan': { severity: 'warning' }, 'carrier.extra-files': { severity: 'warning' } },
      },
      scanner: readingScanner(),
    });
    expect(itemOf(report, 'carrier.extra-files').status).toBe('pass');
    const extra = await runChecks({
      stage: 'archiving',
      source: withEntry(pkg.files, '多余.tmp', new Uint8Array([1, 2, 3])),
      now: fixedNow,
      profile: {
        id: 'lenient',
        name: '宽松',
        extends: 'dat70',
        items: { 'carrier.extra-files': { severity: 'warning' } },
      },
    });
    expect(itemOf(extra, 'carrier.extra-files').status).toBe('warning');
  });

  it('skips items a profile disables', async () => {
    const pkg = await buildPackage();
    const report = await runChecks({
      stage: 'archiving',
      source: pkg.source,
      now: fixedNow,
      profile: { id: 'p', name: 'p', extends: 'dat70', items: { 'GD-4-6': { enabled: false } } },
    });
    expect(report.items.some((i) => i.id === 'GD-4-6')).toBe(false);
  });

  it('throws TypeError/RangeError for programmer errors', async () => {
    const pkg = await buildPackage();
    await expect(runChecks({ stage: 'XX' as 'GD', source: pkg.source })).rejects.toBeInstanceOf(RangeError);
    await expect(runChecks({ stage: 'GD', source: 'nope' as unknown as Uint8Array })).rejects.toBeInstanceOf(
      TypeError,
    );
    await expect(
      runChecks({
        stage: 'GD',
        source: pkg.source,
        attestations: [{ item: 'GD-4-5', result: 'ok' as 'pass', by: 'x', at: '2026-01-01' }],
      }),
    ).rejects.toBeInstanceOf(RangeError);
    await expect(
      runChecks({ stage: 'GD', source: pkg.source, profile: 'no-such-profile' }),
    ).rejects.toBeInstanceOf(DanganError);
  });

  it('reports a damaged ZIP as findings, not an exception', async () => {
    const report = await runChecks({
      stage: 'archiving',
      source: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]),
      now: fixedNow,
    });
    const structure = itemOf(report, 'package.structure');
    expect(structure.status).toBe('fail');
    expect(structure.findings[0]?.code).toBe('ZIP_MALFORMED');
    expect(itemOf(report, 'fixity').status).toBe('error');
    expect(itemOf(report, 'fixity').reason).toContain('无法读取');
    expect(report.items.filter((i) => i.status === 'pass')).toEqual([]);
  });

  it('verifies the same package given as a ZIP, and its container digest on request', async () => {
    const { zipSink, openZip } = await import('@dangan/packaging');
    const pkg = await buildPackage();
    const parts: Uint8Array[] = [];
    const sink = zipSink({ write: (c: Uint8Array) => void parts.push(c.slice()) });
    for (const [path, bytes] of pkg.files) await sink.write(path, bytes);
    await sink.commit();
    const zip = new Uint8Array(Buffer.concat(parts));
    expect((await openZip(zip)).entries.length).toBe(pkg.files.size);
    const { createHash } = await import('node:crypto');
    const report = await runChecks({
      stage: 'archiving',
      source: zip,
      now: fixedNow,
      packageDigestOf: 'container',
      registered: { digest: { algorithm: 'sha256', value: createHash('sha256').update(zip).digest('hex') } },
    });
    expect(itemOf(report, 'fixity').status).toBe('pass');
    expect(itemOf(report, 'package.digest').status).toBe('pass');
    expect(itemOf(report, 'package.no-nonpublic-compression').status).toBe('pass');
    expect(report.subject.digest?.algorithm).toBe('sha256');
    void sm2;
  });
});
