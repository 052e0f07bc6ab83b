/**
 * `dangan check --clamd` against a real clamd (our own EICAR-only database, started here from
 * scripts/clamd/setup.sh and stopped afterwards): the default dat70 profile passes a clean package and fails
 * one carrying the EICAR test file, naming it under GD-4-2. Skipped (with the reason) only where clamd cannot
 * be installed; under CI a missing clamd fails.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eicar,
  prepareClamd,
  type RunningClamd,
  startClamd,
} from '../../checks/test/clamav/clamd-fixture.js';
import { runCli } from '../src/index.js';
import { capture } from './support/capture.js';
import { caseDir, editCase } from './support/scenario.js';

const prepared = await prepareClamd({ streamMax: '8M' });
if (!prepared.ok) {
  if (process.env.CI)
    throw new Error(`CI needs a real clamd, but it could not be installed: ${prepared.reason}`);
  console.warn(`dangan check --clamd tests skipped: clamd cannot be installed here (${prepared.reason})`);
}
const setup = prepared.ok ? prepared.setup : undefined;

describe.skipIf(setup === undefined)(
  `dangan check --clamd with a real clamd${prepared.ok ? '' : ` (skipped: ${prepared.reason})`}`,
  () => {
    let clamd: RunningClamd | undefined;
    beforeAll(async () => {
      clamd = await startClamd(setup!);
    }, 120_000);
    afterAll(async () => {
      await clamd?.stop();
    }, 30_000);

    it('passes a clean package under the default profile (exit 0) and fails one with EICAR (exit 1)', async () => {
      const { dir, casePath } = caseDir();
      const clean = join(dir, 'clean.zip');
      expect(await runCli(['pack', casePath, '--out', clean, '-q'], capture().io)).toBe(0);
      const ok = capture();
      expect(
        await runCli(['check', clean, '--stage', 'archiving', '--clamd', setup!.socket], ok.io),
        ok.out(),
      ).toBe(0);
      expect(ok.out()).toContain('结论：✓ 通过');
      const tcp = capture();
      expect(
        await runCli(['check', clean, '--stage', 'archiving', '--clamd', `127.0.0.1:${setup!.port}`], tcp.io),
        tcp.out(),
      ).toBe(0);

      // A third file in the second 件: the EICAR test string.
      writeFileSync(join(dir, 'case', '材料', '附件.txt'), eicar());
      editCase(casePath, (c) => {
        c.items[1]!.files.push('材料/附件.txt');
        c.items[1]!.record.文件实体.电子属性!.push({
          格式信息: 'TXT, text/plain',
          计算机文件名: '附件.txt',
          计算机文件大小: eicar().length,
        });
      });
      const infected = join(dir, 'infected.zip');
      const p = capture();
      expect(await runCli(['pack', casePath, '--out', infected, '-q'], p.io), p.err()).toBe(0);
      const bad = capture();
      expect(
        await runCli(['check', infected, '--stage', 'archiving', '--clamd', setup!.socket], bad.io),
      ).toBe(1);
      expect(bad.out()).toMatch(/GD-4-2 病毒感染检测 ✗ 电子文件\/Z109-WS·2026-D30-DJK-0002\/\S+-002\.txt/);
    });
  },
);
