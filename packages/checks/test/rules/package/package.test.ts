import { utf8 } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/engine/run-checks.js';
import { buildPackage, fixedNow, withEntry, without } from '../../engine/fixtures.js';
import { itemOf } from '../../engine/support.js';

describe('package rules', () => {
  it('a missing readme fails package.readme-catalogue (GD-1-12)', async () => {
    const pkg = await buildPackage();
    const report = await runChecks({
      stage: 'archiving',
      source: without(pkg.files, '说明文件.txt'),
      now: fixedNow,
    });
    const item = itemOf(report, 'package.readme-catalogue');
    expect(item.id).toBe('GD-1-12');
    expect(item.status).toBe('fail');
    expect(item.findings.some((f) => f.path === '说明文件.txt')).toBe(true);
  });

  it('a readme without its required fields fails, and the required set is a profile param', async () => {
    const pkg = await buildPackage();
    const bare = withEntry(pkg.files, '说明文件.txt', utf8('归档信息包说明文件\r\n\r\n信息包名称：x\r\n'));
    const report = await runChecks({ stage: 'archiving', source: bare, now: fixedNow });
    const item = itemOf(report, 'package.readme-catalogue');
    expect(item.status).toBe('fail');
    expect(
      item.findings.filter((f) => f.code === 'CHECK_README_FIELD_MISSING').map((f) => f.message),
    ).toContain('说明文件缺少“单位名称”');
    const relaxed = await runChecks({
      stage: 'archiving',
      source: bare,
      now: fixedNow,
      profile: {
        id: 'r',
        name: 'r',
        extends: 'dat70',
        items: { 'package.readme-catalogue': { params: { readmeFields: ['信息包名称'] } } },
      },
    });
    // The readme is in the manifest: changing it also fails fixity, but the readme item itself passes.
    expect(itemOf(relaxed, 'package.readme-catalogue').status).toBe('pass');
  });

  it('a catalogue that does not parse fails package.readme-catalogue', async () => {
    const pkg = await buildPackage();
    const report = await runChecks({
      stage: 'archiving',
      source: withEntry(pkg.files, '归档文件目录.xml', utf8('<文件目录><文件>')),
      now: fixedNow,
    });
    expect(itemOf(report, 'package.readme-catalogue').status).toBe('fail');
  });

  it('without a manifest: structure and package metadata fail', async () => {
    const pkg = await buildPackage();
    const report = await runChecks({
      stage: 'archiving',
      source: without(pkg.files, pkg.result.manifestPath),
      now: fixedNow,
    });
    expect(itemOf(report, 'package.structure').status).toBe('fail');
    expect(itemOf(report, 'fixity').status).toBe('fail');
  });

  it('a missing registration form fails package.metadata-complete (GD-2-10)', async () => {
    const pkg = await buildPackage();
    const report = await runChecks({
      stage: 'archiving',
      source: without(pkg.files, '归档登记表.xml'),
      now: fixedNow,
    });
    const item = itemOf(report, 'package.metadata-complete');
    expect(item.id).toBe('GD-2-10');
    expect(item.status).toBe('fail');
  });

  it('a missing content file fails package.content-count (GD-2-11) and content.complete (GD-2-7)', async () => {
    const pkg = await buildPackage();
    const gone = pkg.result.items[2]!.files[0]!.path;
    const report = await runChecks({ stage: 'archiving', source: without(pkg.files, gone), now: fixedNow });
    const count = itemOf(report, 'package.content-count');
    expect(count.id).toBe('GD-2-11');
    expect(count.status).toBe('fail');
    const complete = itemOf(report, 'content.complete');
    expect(complete.status).toBe('fail');
    expect(complete.findings.some((f) => f.path === gone)).toBe(true);
    expect(itemOf(report, 'link.location').status).toBe('fail');
  });

  it('a registered digest of another package fails package.digest; none is not-applicable', async () => {
    const pkg = await buildPackage();
    const none = await runChecks({ stage: 'archiving', source: pkg.source, now: fixedNow });
    expect(itemOf(none, 'package.digest').status).toBe('not-applicable');
    const wrong = await runChecks({
      stage: 'archiving',
      source: pkg.source,
      registered: { digest: { algorithm: 'SM3', value: '00'.repeat(32) } },
      now: fixedNow,
    });
    expect(itemOf(wrong, 'package.digest').status).toBe('fail');
    const bad = await runChecks({
      stage: 'archiving',
      source: pkg.source,
      registered: { digest: { algorithm: 'CRC99', value: 'ab' } },
      now: fixedNow,
    });
    expect(itemOf(bad, 'package.digest').status).toBe('error');
  });
});
