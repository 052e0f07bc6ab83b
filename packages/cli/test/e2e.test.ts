/**
 * The issue's end-to-end scenario, twice: against the BUILT binary (`node packages/cli/dist/bin.js`, what
 * users run; CI builds before testing) and in-process through `runCli` (so the scenario never goes untested
 * when there is no fresh build here).
 *
 * `DANGAN_CLI_BIN=<path>` runs another binary (an installed `dangan`, a bundle) instead of dist/bin.js.
 *
 * keygen → pack → check passes (exit 0) → one byte of a content file changed inside the ZIP → check exits 1
 * naming the item and the file → a hostile ZIP → exit 1 with a clear message and nothing written outside
 * the output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { reportJsonSchema } from '@dangan/checks';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { compileSchema } from './support/ajv.js';
import { capture } from './support/capture.js';
import { rawZip } from './support/raw-zip.js';
import { caseDir, noVirusProfile, tamperZipEntry } from './support/scenario.js';

type Run = (args: readonly string[]) => Promise<{ code: number; out: string; err: string }>;

const packages = resolve(__dirname, '../..');
/** The binary under test: `DANGAN_CLI_BIN` (e.g. an installed or bundled `dangan`), else the build in dist. */
const bin = process.env.DANGAN_CLI_BIN ?? join(packages, 'cli/dist/bin.js');

/** Newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

/** Why the built binary cannot be used here (missing or older than its sources), or `undefined`. */
function staleBuild(): string | undefined {
  if (process.env.DANGAN_CLI_BIN !== undefined)
    return existsSync(bin) ? undefined : `DANGAN_CLI_BIN=${bin} does not exist`;
  for (const pkg of ['core', 'metadata', 'packaging', 'checks', 'cli']) {
    const dist = join(packages, pkg, 'dist');
    if (!existsSync(join(dist, pkg === 'cli' ? 'bin.js' : 'index.js')))
      return `packages/${pkg}/dist is missing: run \`pnpm build\` (CI does)`;
    if (newest(dist) < newest(join(packages, pkg, 'src')))
      return `packages/${pkg}/dist is older than its src: run \`pnpm build\` (CI does)`;
  }
  return undefined;
}

const inProcess: Run = async (args) => {
  const c = capture();
  const code = await runCli(args, c.io);
  return { code, out: c.out(), err: c.err() };
};

const binary: Run = async (args) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });
  if (r.error !== undefined) throw r.error;
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
};

async function scenario(run: Run): Promise<void> {
  const validate = compileSchema(reportJsonSchema);
  const { dir, casePath } = caseDir();
  const key = join(dir, 'archive-key.pem');
  const out = join(dir, '310115202603160001.zip');
  const profile = noVirusProfile(dir);

  const keygen = await run(['keygen', '--out', key]);
  expect(keygen.code, keygen.err).toBe(0);

  const pack = await run(['pack', casePath, '--out', out, '--key', key]);
  expect(pack.code, pack.err).toBe(0);
  const digest = /SM3，清单 [^）]+）：([0-9a-f]{64})/.exec(pack.out)?.[1];
  expect(digest, pack.out).toBeDefined();

  const report = join(dir, 'report.json');
  const ok = await run([
    'check',
    out,
    '--stage',
    'archiving',
    '--profile',
    profile,
    '--digest',
    `sm3:${digest}`,
    '--json',
    report,
  ]);
  expect(ok.code, ok.out + ok.err).toBe(0);
  expect(ok.out).toContain('结论：✓ 通过');
  const json = JSON.parse(readFileSync(report, 'utf8')) as unknown;
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);

  const changed = await tamperZipEntry(out, (p) => p.startsWith('电子文件/') && p.endsWith('.jpg'));
  const bad = await run([
    'check',
    out,
    '--stage',
    'archiving',
    '--profile',
    profile,
    '--digest',
    `sm3:${digest}`,
  ]);
  expect(bad.code, bad.out).toBe(1);
  const named = bad.out.split('\n').filter((l) => l.includes(changed));
  expect(named.length, bad.out).toBeGreaterThan(0);
  expect(named[0]).toMatch(/^ {2}GD-\d+-\d+ .+ ✗ /);

  const evil = join(dir, 'evil.zip');
  writeFileSync(evil, rawZip([{ name: '../../escaped.txt', data: new TextEncoder().encode('x') }]));
  const before = readdirSync(dir).sort();
  const hostile = await run(['transfer', evil, '--out', join(dir, 'transfer-out')]);
  expect([1, 2]).toContain(hostile.code);
  expect(hostile.err).toContain('escaped.txt');
  const checked = await run(['check', evil, '--stage', 'archiving']);
  expect(checked.code).toBe(1);
  expect(checked.out).toContain('escaped.txt');
  expect(readdirSync(dir).sort()).toEqual(before);
  expect(existsSync(join(dir, '..', 'escaped.txt'))).toBe(false);
}

describe('end to end: keygen → pack → check → tamper → hostile ZIP', () => {
  it('in process (runCli)', async () => {
    await scenario(inProcess);
  });

  const stale = staleBuild();
  it.skipIf(stale !== undefined)(
    `with the built binary ${relative(packages, bin)}${stale === undefined ? '' : ` — skipped: ${stale}`}`,
    async () => {
      await scenario(binary);
    },
  );
});
