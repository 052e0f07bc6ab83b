import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportJsonSchema } from '@dangan/checks';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { compileSchema } from './support/ajv.js';
import { capture } from './support/capture.js';
import { caseDir, noVirusProfile, tamperZipEntry } from './support/scenario.js';

const validateReport = compileSchema(reportJsonSchema);

/** keygen → pack (ZIP, signed): the package path, its SM3 digest and the no-virus profile. */
async function packed(options: { folder?: boolean } = {}) {
  const { dir, casePath } = caseDir();
  const key = join(dir, 'key.pem');
  expect(await runCli(['keygen', '--out', key, '-q'], capture().io)).toBe(0);
  const out = join(dir, options.folder ? '办件' : '办件.zip');
  const c = capture();
  expect(await runCli(['pack', casePath, '--out', out, '--key', key, '--json'], c.io), c.err()).toBe(0);
  const digest = (JSON.parse(c.out()) as { packageDigests: { sm3: string } }).packageDigests.sm3;
  return { dir, out, digest, profile: noVirusProfile(dir) };
}

describe('dangan check', () => {
  it('passes a freshly packed 归档信息包 (exit 0), writing a JSON report valid against the schema and an HTML report', async () => {
    const { dir, out, digest, profile } = await packed();
    const json = join(dir, 'report.json');
    const html = join(dir, 'report.html');
    const c = capture();
    const code = await runCli(
      [
        'check',
        out,
        '--stage',
        'archiving',
        '--profile',
        profile,
        '--digest',
        `sm3:${digest}`,
        '--json',
        json,
        '--html',
        html,
      ],
      c.io,
    );
    expect(code, c.out() + c.err()).toBe(0);
    for (const p of ['真实性', '完整性', '可用性', '安全性'])
      expect(c.out()).toMatch(new RegExp(`  ${p}　*  ✓ \\d+ 通过  ✗ 0 不通过`));
    expect(c.out()).toContain('结论：✓ 通过');
    expect(c.out()).toContain('须人工检测');
    expect(c.out()).not.toContain('未通过的检测项');

    const report = JSON.parse(readFileSync(json, 'utf8')) as {
      summary: { passed: boolean };
      profile: string;
      subject: { kind: string; name: string; digest?: { value: string } };
      items: { id: string; status: string }[];
      generator: string;
    };
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.summary.passed).toBe(true);
    expect(report.profile).toBe('cli-test');
    expect(report.subject).toMatchObject({ kind: 'archival', name: '办件.zip' });
    expect(report.items.find((i) => i.id === 'GD-1-14')?.status).toBe('pass');
    expect(report.items.some((i) => i.id === 'GD-4-2')).toBe(false);
    expect(report.generator).toMatch(/^dangan \d/);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/i);
    expect(page).toContain('四性检测报告');
  });

  it('fails without a virus scanner under dat70 (exit 1), naming GD-4-2 and why', async () => {
    const { out } = await packed();
    const c = capture();
    expect(await runCli(['check', out, '--stage', 'archiving'], c.io)).toBe(1);
    expect(c.out()).toContain('未通过的检测项');
    expect(c.out()).toMatch(/GD-4-2 病毒感染检测 ⊘ 未配置病毒扫描引擎/);
    expect(c.out()).toContain('结论：✗ 未通过（0 项不通过，1 项出错）');
    const u = capture();
    expect(await runCli(['check', out, '--stage', 'archiving', '--clamd', join(out, 'no.sock')], u.io)).toBe(
      1,
    );
    expect(u.out()).toMatch(/GD-4-2 病毒感染检测 ⊘/);
  });

  it('fails a package with one changed byte in a content file (exit 1), naming the item and the file', async () => {
    const { out, profile } = await packed();
    const changed = await tamperZipEntry(out, (p) => p.startsWith('电子文件/') && p.endsWith('.pdf'));
    const c = capture();
    expect(await runCli(['check', out, '--stage', 'archiving', '--profile', profile], c.io)).toBe(1);
    const failed = c
      .out()
      .split('\n')
      .filter((l) => l.includes(changed));
    expect(failed.length, c.out()).toBeGreaterThan(0);
    expect(failed[0]).toMatch(/^ {2}GD-\d+-\d+ \S+ ✗ /);
    expect(c.out()).toContain('结论：✗ 未通过');
  });

  it('checks a package folder and a lone EEP, and speaks English with --lang en', async () => {
    const { dir, out, profile } = await packed({ folder: true });
    const c = capture();
    expect(
      await runCli(['check', out, '--stage', 'archiving', '--profile', profile, '--lang', 'en'], c.io),
      c.out(),
    ).toBe(0);
    expect(c.out()).toMatch(/Four-property checks \(Archiving, profile cli-test\)/);
    expect(c.out()).toMatch(/Authenticity\s+✓ \d+ passed/);
    expect(c.out()).toContain('Result: ✓ passed');
    const eep = join(out, '封装包', 'Z109-WS·2026-D30-DJK-0002.xml');
    const e = capture();
    const json = join(dir, 'eep.json');
    const code = await runCli(
      ['check', eep, '--stage', 'archiving', '--profile', profile, '--json', json],
      e.io,
    );
    expect([0, 1]).toContain(code);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { subject: { kind: string } };
    expect(report.subject.kind).toBe('eep');
    expect(validateReport(report)).toBe(true);
  });

  it('takes a person’s results for manual items with --attest, and prints only what failed with --quiet', async () => {
    const { dir, out, profile } = await packed();
    const attest = join(dir, 'attest.json');
    writeFileSync(
      attest,
      JSON.stringify([
        { item: 'GD-4-5', result: 'pass', by: '张三（档案员）', at: '2026-04-01T09:00:00+08:00' },
        { item: 'GD-4-6', result: 'fail', by: '李四', at: '2026-04-01T09:10:00+08:00', note: '光盘划伤' },
      ]),
    );
    const c = capture();
    expect(
      await runCli(
        ['check', out, '--stage', 'archiving', '--profile', profile, '--attest', attest, '-q'],
        c.io,
      ),
    ).toBe(1);
    expect(c.out()).toBe(
      '未通过的检测项：\n  GD-4-6 光盘合格性检测 ✗ 人工检测：李四 于 2026-04-01T09:10:00+08:00 确认不合格（光盘划伤）\n结论：✗ 未通过（1 项不通过，0 项出错）\n',
    );
    writeFileSync(attest, JSON.stringify([{ item: 'GD-4-5', result: 'maybe' }]));
    const bad = capture();
    expect(await runCli(['check', out, '--stage', 'archiving', '--attest', attest], bad.io)).toBe(2);
    expect(bad.err()).toContain('人工检测确认');
  });

  it('draws a progress bar only on a terminal', async () => {
    const { out, profile } = await packed();
    const tty = capture({ tty: true });
    expect(await runCli(['check', out, '--stage', 'archiving', '--profile', profile], tty.io)).toBe(0);
    expect(tty.err()).toMatch(/\r检测 /);
    const pipe = capture();
    expect(await runCli(['check', out, '--stage', 'archiving', '--profile', profile], pipe.io)).toBe(0);
    expect(pipe.err()).toBe('');
  });

  it('exits 2 for usage errors: no or bad --stage, unknown profile, bad --digest, missing package', async () => {
    const { dir, out } = await packed();
    writeFileSync(join(dir, 'bad-profile.json'), JSON.stringify({ id: 'x', name: 'x', extends: 'nope' }));
    for (const args of [
      ['check', out],
      ['check', out, '--stage', 'ingest'],
      ['check', out, '--stage', 'archiving', '--profile', 'no-such-profile'],
      ['check', out, '--stage', 'archiving', '--profile', join(dir, 'bad-profile.json')],
      ['check', out, '--stage', 'archiving', '--digest', 'sm3'],
      ['check', join(dir, 'missing.zip'), '--stage', 'archiving'],
      ['check', out, '--stage', 'archiving', '--json'],
    ]) {
      const c = capture();
      expect(await runCli(args, c.io), args.join(' ')).toBe(2);
      expect(c.err(), args.join(' ')).not.toBe('');
    }
    expect(existsSync(join(dir, 'report.json'))).toBe(false);
  });
});
