import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/engine/run-checks.js';
import { buildPackage, fixedNow, without } from '../../engine/fixtures.js';
import { itemOf } from '../../engine/support.js';

describe('totals rules (2-1)', () => {
  it('pass against the package registration form', async () => {
    const pkg = await buildPackage();
    const report = await runChecks({ stage: 'archiving', source: pkg.source, now: fixedNow });
    expect(itemOf(report, 'totals.count').status).toBe('pass');
    expect(itemOf(report, 'totals.bytes').status).toBe('pass');
  });

  it('a 登记表 件数 mismatch fails totals.count (GD-2-1)', async () => {
    const pkg = await buildPackage();
    const contentBytes = pkg.result.totals.contentBytes;
    const report = await runChecks({
      stage: 'archiving',
      source: pkg.source,
      registered: { items: 4, bytes: contentBytes },
      now: fixedNow,
    });
    const count = itemOf(report, 'totals.count');
    expect(count.id).toBe('GD-2-1');
    expect(count.status).toBe('fail');
    expect(count.findings[0]?.code).toBe('CHECK_TOTAL_ITEMS');
    expect(count.findings[0]?.message).toContain('4 件');
    expect(itemOf(report, 'totals.bytes').status).toBe('pass');
  });

  it('a byte total mismatch fails totals.bytes; a missing content file changes the actual totals', async () => {
    const pkg = await buildPackage();
    const report = await runChecks({
      stage: 'transfer',
      source: pkg.source,
      registered: { items: 3, files: 3, bytes: pkg.result.totals.contentBytes + 1 },
      now: fixedNow,
    });
    expect(itemOf(report, 'totals.bytes').status).toBe('fail');
    expect(itemOf(report, 'totals.count').status).toBe('pass');
    const gone = pkg.result.items[0]!.files[0]!.path;
    const missing = await runChecks({ stage: 'archiving', source: without(pkg.files, gone), now: fixedNow });
    expect(itemOf(missing, 'totals.bytes').status).toBe('fail');
  });

  it('nothing registered: not-applicable with a reason', async () => {
    const pkg = await buildPackage();
    const report = await runChecks({
      stage: 'archiving',
      source: without(pkg.files, '归档登记表.xml'),
      now: fixedNow,
    });
    expect(itemOf(report, 'totals.count').status).toBe('not-applicable');
    expect(itemOf(report, 'totals.count').reason).toContain('登记');
  });
});
