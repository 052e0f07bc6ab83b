import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inventoryPackage } from '@dangan/packaging';
import { openPackagePath } from '@dangan/packaging/node';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { capture } from './support/capture.js';
import { caseDir, loadCase, noVirusProfile } from './support/scenario.js';

/** Two 办件 packed as ZIPs (the example case, and a copy with another 办件编号 and 件号). */
async function twoPackages(retention = '定期30年') {
  const { dir, casePath } = caseDir();
  const key = join(dir, 'key.pem');
  expect(await runCli(['keygen', '--out', key, '-q'], capture().io)).toBe(0);
  const outs: string[] = [];
  for (const n of [0, 1]) {
    const c = loadCase(casePath);
    c.items.forEach((item, i) => {
      const r = item.record;
      r.办件.办件编号 = `31011520260316000${n + 1}`;
      r.文件实体.档号.室编件号 = n * 2 + i + 1;
      r.文件实体.档号.保管期限 = retention;
      r.文件实体.电子文件号 = `310115-MSC-2026-00012${n}-0${i + 1}`;
      for (const b of r.业务实体) b.文件标识符 = r.文件实体.电子文件号;
    });
    const path = join(dir, 'case', `case-${n}.json`);
    writeFileSync(path, JSON.stringify(c));
    const out = join(dir, `办件-${n}.zip`);
    const p = capture();
    expect(await runCli(['pack', path, '--out', out, '--key', key, '-q'], p.io), p.err()).toBe(0);
    outs.push(out);
  }
  return { dir, outs };
}

describe('dangan transfer', () => {
  it('builds an online 移交信息包 from two 归档信息包 that the transfer-stage checks accept', async () => {
    const { dir, outs } = await twoPackages();
    const out = join(dir, '移交.zip');
    const c = capture();
    expect(await runCli(['transfer', ...outs, '--out', out], c.io), c.err()).toBe(0);
    expect(c.out()).toContain('已生成移交信息包：1 个（在线移交）');
    expect(c.out()).toMatch(/件数 4，文件数 \d+/);
    expect(c.out()).toMatch(/载体摘要（SM3）：[0-9a-f]{64}/);
    const pkg = await openPackagePath(out);
    try {
      const inv = await inventoryPackage(pkg.source);
      expect(inv.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(inv.totals.件数).toBe(4);
      expect(inv.items.map((i) => i.name).sort()).toEqual([
        'Z109-WS·2026-D30-DJK-0001',
        'Z109-WS·2026-D30-DJK-0002',
        'Z109-WS·2026-D30-DJK-0003',
        'Z109-WS·2026-D30-DJK-0004',
      ]);
    } finally {
      await pkg.source.close();
    }
    const check = capture();
    const code = await runCli(
      ['check', out, '--stage', 'transfer', '--profile', noVirusProfile(dir)],
      check.io,
    );
    expect(check.out()).toContain('移交与接收环节');
    expect(code, check.out()).toBe(0);
  });

  it('splits across carriers with --carrier-size, each a complete folder', async () => {
    const { dir, outs } = await twoPackages();
    const out = join(dir, '载体');
    const c = capture();
    expect(
      await runCli(['transfer', ...outs, '--out', out, '--carrier-size', '60KB', '--json'], c.io),
      c.err(),
    ).toBe(0);
    const json = JSON.parse(c.out()) as { carriers: { number: string; items: string[] }[] };
    expect(json.carriers.map((x) => x.number)).toEqual(['001', '002']);
    expect(json.carriers.flatMap((x) => x.items)).toHaveLength(4);
    expect(readdirSync(out).sort()).toEqual(['001', '002']);
    for (const n of ['001', '002']) expect(existsSync(join(out, n, '说明文件.TXT'))).toBe(true);
    // Each carrier is complete on its own: the transfer-stage checks pass both (the second's 件号 start at 3,
    // continuing the first's: 连续性 YJ-2-6 judges a carrier of a set as its stretch of the sequence).
    const profile = noVirusProfile(dir);
    for (const n of ['001', '002']) {
      const check = capture();
      expect(
        await runCli(['check', join(out, n), '--stage', 'transfer', '--profile', profile], check.io),
        check.out(),
      ).toBe(0);
    }
  });

  it('leaves out 办件 below 30 years, and exits 1 when nothing is left', async () => {
    const { dir, outs } = await twoPackages('定期10年');
    const out = join(dir, '移交');
    const c = capture();
    expect(await runCli(['transfer', ...outs, '--out', out], c.io)).toBe(1);
    expect(c.err()).not.toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses what is not an intact 归档信息包 (exit 1), an existing output and a bad capacity (exit 2)', async () => {
    const { dir, outs } = await twoPackages();
    const notPkg = capture();
    expect(await runCli(['transfer', join(dir, 'case'), '--out', join(dir, 't1')], notPkg.io)).toBe(1);
    expect(notPkg.err()).toContain('没有清单');
    expect(existsSync(join(dir, 't1'))).toBe(false);
    const exists = capture();
    expect(await runCli(['transfer', outs[0]!, '--out', outs[1]!], exists.io)).toBe(2);
    expect(exists.err()).toContain('已存在');
    const capacity = capture();
    expect(
      await runCli(['transfer', outs[0]!, '--out', join(dir, 't2'), '--carrier-size', '4.7 斤'], capacity.io),
    ).toBe(2);
    expect(capacity.err()).toContain('载体容量');
    expect(await runCli(['transfer', '--out', join(dir, 't3')], capture().io)).toBe(2);
  });
});
