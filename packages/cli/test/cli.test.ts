import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sm2 } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import { runCli, VERSION } from '../src/index.js';
import { capture } from './support/capture.js';

const dir = mkdtempSync(join(tmpdir(), 'dangan-cli-'));
const a = join(dir, 'a.txt');
const b = join(dir, '档案 b.bin');
writeFileSync(a, 'abc');
writeFileSync(
  b,
  new Uint8Array(3_000_000).map((_, i) => i & 0xff),
);

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();

describe('dangan digest', () => {
  it('prints "<hex>  <file>" lines with SM3 by default', async () => {
    const c = capture();
    expect(await runCli(['digest', a, b], c.io)).toBe(0);
    const lines = c.out().trim().split('\n');
    expect(lines[0]).toBe(`66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0  ${a}`);
    expect(lines[1]).toBe(`${createHash('sm3').update(readFileSync(b)).digest('hex')}  ${b}`);
  });

  it('matches sha256sum-style output for --alg sha256 and verifies its own list with --check', async () => {
    const c = capture();
    expect(await runCli(['digest', '--alg', 'sha256', a, b], c.io)).toBe(0);
    expect(c.out()).toContain(`${createHash('sha256').update('abc').digest('hex')}  ${a}`);
    const list = join(dir, 'list.sha256');
    writeFileSync(list, c.out());
    const ok = capture();
    expect(await runCli(['digest', '--check', list, '--alg', 'sha256'], ok.io)).toBe(0);
    expect(ok.out()).toContain(`${a}: 正确`);
    writeFileSync(a, 'abd');
    const bad = capture();
    expect(await runCli(['digest', '--check', list, '--alg', 'sha256', '--lang', 'en'], bad.io)).toBe(1);
    expect(bad.out()).toContain(`${a}: FAILED`);
    writeFileSync(a, 'abc');
  });

  it('exits 2 on usage errors and unreadable input, with a Chinese message', async () => {
    const c = capture();
    expect(await runCli(['digest', join(dir, 'missing.pdf')], c.io)).toBe(2);
    expect(c.err()).toMatch(/读取|无法/);
    expect(await runCli(['digest', '--alg', 'crc32', a], capture().io)).toBe(2);
    expect(await runCli(['frobnicate'], capture().io)).toBe(2);
    expect(await runCli(['digest', '--bogus'], capture().io)).toBe(2);
    expect(await runCli([], capture().io)).toBe(2);
  });

  it('prints JSON with --json', async () => {
    const c = capture();
    expect(await runCli(['digest', '--json', a], c.io)).toBe(0);
    expect(JSON.parse(c.out())).toEqual({
      algorithm: 'sm3',
      files: [{ file: a, digest: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0' }],
    });
  });
});

describe('dangan keygen', () => {
  it('writes an SM2 key pair as PEM that dangan reads back, and refuses to overwrite', async () => {
    const key = join(dir, 'k.pem');
    const pub = join(dir, 'k.pub.pem');
    expect(await runCli(['keygen', '--out', key, '--pub', pub, '--quiet'], capture().io)).toBe(0);
    const privateKey = sm2.privateKeyFromPem(readFileSync(key, 'utf8'));
    expect(sm2.publicKeyFromPem(readFileSync(pub, 'utf8'))).toEqual(sm2.getPublicKey(privateKey));
    const again = capture();
    expect(await runCli(['keygen', '--out', key], again.io)).toBe(2);
    expect(again.err()).toContain('已存在');
    expect(await runCli(['keygen', '--out', key, '--force', '--quiet'], capture().io)).toBe(0);
  });

  it.skipIf(!hasOpenssl && !process.env.CI)('writes keys OpenSSL reads as SM2', async () => {
    const key = join(dir, 'o.pem');
    expect(await runCli(['keygen', '--out', key, '--quiet'], capture().io)).toBe(0);
    const text = execFileSync('openssl', ['pkey', '-in', key, '-noout', '-text'], { encoding: 'utf8' });
    expect(text).toMatch(/SM2/);
  });
});

describe('dangan --version and --help', () => {
  it('prints the package version and help in both languages', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(VERSION).toBe(pkg.version);
    const v = capture();
    expect(await runCli(['--version'], v.io)).toBe(0);
    expect(v.out().trim()).toBe(pkg.version);
    const zh = capture();
    expect(await runCli(['--help'], zh.io)).toBe(0);
    expect(zh.out()).toContain('用法');
    const en = capture();
    expect(await runCli(['--help', '--lang', 'en'], en.io)).toBe(0);
    expect(en.out()).toContain('usage');
  });
});
