import { memorySource } from '@dangan/packaging';
import { describe, expect, it } from 'vitest';
import { auditFixity } from '../../../src/engine/audit-fixity.js';
import { runChecks } from '../../../src/engine/run-checks.js';
import { buildPackage, fixedNow, sm3Hex, withEntry, without } from '../../engine/fixtures.js';
import { itemOf } from '../../engine/support.js';

describe('preservation rules', () => {
  it('backup.restorable: an identical backup passes, a changed or missing entry fails naming it', async () => {
    const pkg = await buildPackage();
    const none = await runChecks({ stage: 'preservation', source: pkg.source, now: fixedNow });
    expect(itemOf(none, 'backup.restorable').status).toBe('not-applicable');
    const same = await runChecks({
      stage: 'preservation',
      source: pkg.source,
      backupSource: memorySource(new Map(pkg.files)),
      now: fixedNow,
    });
    expect(itemOf(same, 'backup.restorable').status).toBe('pass');
    const target = pkg.result.items[0]!.files[0]!.path;
    const changed = pkg.files.get(target)!.slice();
    changed[10] = changed[10]! ^ 0xff;
    const bad = await runChecks({
      stage: 'preservation',
      source: pkg.source,
      backupSource: withEntry(pkg.files, target, changed),
      now: fixedNow,
    });
    const item = itemOf(bad, 'backup.restorable');
    expect(item.status).toBe('fail');
    expect(item.findings.map((f) => [f.code, f.path])).toEqual([['CHECK_BACKUP_MISMATCH', target]]);
    const missing = await runChecks({
      stage: 'preservation',
      source: pkg.source,
      backupSource: without(pkg.files, '元数据.xml'),
      now: fixedNow,
    });
    expect(itemOf(missing, 'backup.restorable').findings.map((f) => f.path)).toEqual(['元数据.xml']);
  });

  it('fixity.audit compares with the digests taken at ingest', async () => {
    const pkg = await buildPackage();
    const reference = Object.fromEntries(
      [...pkg.files].map(([p, b]) => [p, { algorithm: 'SM3', value: sm3Hex(b) }]),
    );
    const ok = await runChecks({
      stage: 'preservation',
      source: pkg.source,
      referenceDigests: reference,
      now: fixedNow,
    });
    expect(itemOf(ok, 'fixity.audit').status).toBe('pass');
    const target = pkg.result.items[1]!.files[0]!.path;
    const changed = pkg.files.get(target)!.slice();
    changed[0] = changed[0]! ^ 1;
    const bad = await runChecks({
      stage: 'preservation',
      source: withEntry(pkg.files, target, changed),
      referenceDigests: reference,
      now: fixedNow,
    });
    expect(
      itemOf(bad, 'fixity.audit')
        .findings.filter((f) => f.severity === 'error')
        .map((f) => f.path),
    ).toEqual([target]);
  });

  it('auditFixity audits a list of packages with a concurrency limit', async () => {
    const a = await buildPackage();
    const b = await buildPackage();
    const target = b.result.items[0]!.files[0]!.path;
    const changed = b.files.get(target)!.slice();
    changed[3] = changed[3]! ^ 4;
    const reference = Object.fromEntries(
      [...a.files].map(([p, bytes]) => [p, { algorithm: 'sm3', value: sm3Hex(bytes) }]),
    );
    const audit = await auditFixity(
      [
        { id: 'AIP-1', source: a.source, reference },
        { id: 'AIP-2', source: withEntry(b.files, target, changed) },
        { id: 'AIP-3', source: new Uint8Array([1, 2, 3]) },
      ],
      { concurrency: 2, now: fixedNow },
    );
    expect(audit.packages.map((p) => [p.id, p.status])).toEqual([
      ['AIP-1', 'pass'],
      ['AIP-2', 'fail'],
      ['AIP-3', 'error'],
    ]);
    expect(audit.packages[1]!.findings.find((f) => f.severity === 'error')?.path).toBe(target);
    expect(audit.packages[0]!.files).toBe(a.files.size);
    expect(audit.summary).toEqual({ total: 3, passed: 1, failed: 1, errors: 1 });
    expect(audit.startedAt).toBe('2026-04-01T08:00:00.000Z');
  });
});
