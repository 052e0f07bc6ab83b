/**
 * GD-4-2 through the engine with a real clamd (our own EICAR-only database, see scripts/clamd): a clean package
 * passes the item, a package carrying the EICAR test file fails it naming the file, and a clamd that does not
 * answer gives `error`, never `pass`. Skipped only where clamd cannot be installed; under CI a missing clamd fails.
 */

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/engine/run-checks.js';
import { clamavScanner } from '../../src/node/index.js';
import { eicar, prepareClamd, type RunningClamd, startClamd } from '../clamav/clamd-fixture.js';
import { buildPackage, fixedNow, standardFiles } from './fixtures.js';

const prepared = await prepareClamd({ streamMax: '8M' });
if (!prepared.ok && process.env.CI) throw new Error(`CI needs a real clamd: ${prepared.reason}`);
const setup = prepared.ok ? prepared.setup : undefined;

describe.skipIf(setup === undefined)('GD-4-2 virus scan through runChecks, real clamd', () => {
  let clamd: RunningClamd | undefined;
  beforeAll(async () => {
    clamd = await startClamd(setup!);
  }, 120_000);
  afterAll(async () => {
    await clamd?.stop();
  }, 30_000);

  it('a clean package passes GD-4-2; one carrying EICAR fails it, naming the file', async () => {
    const scanner = clamavScanner({ socket: setup!.socket });
    const clean = await buildPackage();
    const ok = await runChecks({ stage: 'archiving', source: clean.source, scanner, now: fixedNow });
    expect(ok.items.find((i) => i.id === 'GD-4-2')!.status).toBe('pass');

    const files = await standardFiles();
    files[1]!.push({ name: '附件.txt', format: 'TXT, text/plain', bytes: eicar() });
    const infected = await buildPackage(files);
    const report = await runChecks({ stage: 'archiving', source: infected.source, scanner, now: fixedNow });
    const item = report.items.find((i) => i.id === 'GD-4-2')!;
    expect(item.status).toBe('fail');
    expect(item.findings.some((f) => f.path?.endsWith('.txt') && /Eicar/i.test(f.message))).toBe(true);
  });

  it('a clamd that does not answer gives error with a reason, never pass', async () => {
    const scanner = clamavScanner({
      socket: join(tmpdir(), 'dangan-no-such-clamd.sock'),
      connectTimeoutMs: 1000,
    });
    const { source } = await buildPackage();
    const report = await runChecks({ stage: 'archiving', source, scanner, now: fixedNow });
    const item = report.items.find((i) => i.id === 'GD-4-2')!;
    expect(item.status).toBe('error');
    expect(item.reason ?? item.findings.map((f) => f.message).join()).not.toBe('');
  });
});
