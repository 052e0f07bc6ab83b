import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAll } from '@dangan/core';
import { readArchivalPackage } from '@dangan/packaging';
import { openPackagePath } from '@dangan/packaging/node';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { capture } from './support/capture.js';
import { caseDir, editCase } from './support/scenario.js';

type Json = Record<string, unknown>;

async function keygen(dir: string): Promise<string> {
  const key = join(dir, 'key.pem');
  expect(await runCli(['keygen', '--out', key, '--quiet'], capture().io)).toBe(0);
  return key;
}

describe('dangan pack', () => {
  it('writes the 归档信息包 of the example case as a ZIP, with a signed EEP per 件', async () => {
    const { dir, casePath } = caseDir();
    const key = await keygen(dir);
    const out = join(dir, '办件.zip');
    const c = capture();
    expect(await runCli(['pack', casePath, '--out', out, '--key', key], c.io), c.err()).toBe(0);
    expect(c.out()).toContain('已生成归档信息包');
    expect(c.out()).toContain('310115202603160001');
    expect(c.out()).toMatch(/件数：2，内容文件：3 个/);
    expect(c.out()).toContain('已签名，自签名证书');
    expect(c.err()).toBe('');

    const pkg = await openPackagePath(out);
    try {
      const reading = await readArchivalPackage(pkg.source);
      expect(reading.findings).toEqual([]);
      expect(reading.items.map((i) => i.archivalCode)).toEqual([
        'Z109-WS·2026-D30-DJK-0001',
        'Z109-WS·2026-D30-DJK-0002',
      ]);
      expect(reading.items.map((i) => i.eep?.present)).toEqual([true, true]);
      // The first 件's record had no 电子属性: they were read from the files.
      const pdf = readFileSync(join(dir, 'case/材料/设立登记申请书.pdf'));
      const attrs = (reading.records[0] as { 文件实体: { 电子属性: Json[] } }).文件实体.电子属性;
      expect(attrs[0]).toMatchObject({ 计算机文件名: '设立登记申请书.pdf', 计算机文件大小: pdf.length });
      expect(String(attrs[0]!.格式信息)).toMatch(/^PDF/);
      expect(String(attrs[1]!.格式信息)).toMatch(/^JPEG/);
      // Content is byte for byte the case's files; the EEP is signed (电子签名 and 锁定签名).
      const content = await readAll(pkg.source.read(reading.items[0]!.files[0]!.path), { maxBytes: 1 << 24 });
      expect(Buffer.from(content).equals(pdf)).toBe(true);
      const eep = new TextDecoder().decode(
        await readAll(pkg.source.read(reading.items[0]!.eep!.path), { maxBytes: 1 << 24 }),
      );
      expect(eep).toContain('<电子签名><签名标识符>修改0-签名1</签名标识符>');
      expect(eep).toContain('<锁定签名');
    } finally {
      await pkg.source.close();
    }
  });

  it('writes a folder when --out does not end in .zip, and prints machine JSON with --json', async () => {
    const { dir, casePath } = caseDir();
    const out = join(dir, '归档', '办件');
    const c = capture();
    expect(await runCli(['pack', casePath, '--out', out, '--json'], c.io), c.err()).toBe(0);
    const json = JSON.parse(c.out()) as {
      packageName: string;
      packageDigests: { sm3: string };
      signed: boolean;
      items: { eep?: unknown }[];
      capturedAttributes: number[];
    };
    expect(json.packageName).toBe('310115202603160001');
    // No --key: no EEPs (an unsigned one would fail GD-1-1).
    expect(json.signed).toBe(false);
    expect(json.items.every((i) => i.eep === undefined)).toBe(true);
    expect(existsSync(join(out, '封装包'))).toBe(false);
    expect(json.capturedAttributes).toEqual([0]);
    const manifest = readFileSync(join(out, '归档信息包清单.xml'));
    expect(json.packageDigests.sm3).toBe(createHash('sm3').update(manifest).digest('hex'));
    expect(readdirSync(join(out, '电子文件'))).toHaveLength(2);
    // No partial folder left beside it.
    expect(readdirSync(join(dir, '归档'))).toEqual(['办件']);
  });

  it('makes EEPs only with --key, and none when the case says "eep": false', async () => {
    const { dir, casePath } = caseDir();
    const noKey = capture();
    expect(await runCli(['pack', casePath, '--out', join(dir, 'a')], noKey.io)).toBe(0);
    expect(noKey.out()).toContain('未给 --key，未生成封装包');
    expect(noKey.out()).toContain('封装包：0 个');
    const key = await keygen(dir);
    editCase(casePath, (c) => {
      c.eep = false;
    });
    const off = capture();
    expect(await runCli(['pack', casePath, '--out', join(dir, 'b'), '--key', key], off.io)).toBe(0);
    expect(off.out()).toContain('--key 未使用');
    expect(existsSync(join(dir, 'b', '封装包'))).toBe(false);
  });

  it('refuses to overwrite an existing output unless --force', async () => {
    const { dir, casePath } = caseDir();
    const out = join(dir, 'p.zip');
    writeFileSync(out, 'not mine to replace');
    const c = capture();
    expect(await runCli(['pack', casePath, '--out', out], c.io)).toBe(2);
    expect(c.err()).toContain('输出已存在');
    expect(readFileSync(out, 'utf8')).toBe('not mine to replace');
    expect(await runCli(['pack', casePath, '--out', out, '--force', '--quiet'], capture().io)).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses file paths that leave the case folder (../, absolute, a link out), writing nothing', async () => {
    const { dir, casePath } = caseDir();
    writeFileSync(join(dir, 'outside.pdf'), '%PDF-1.7\n');
    symlinkSync(join(dir, 'outside.pdf'), join(dir, 'case', 'link.pdf'));
    for (const path of ['../outside.pdf', join(dir, 'outside.pdf'), 'link.pdf', '材料/../../outside.pdf']) {
      editCase(casePath, (c) => {
        c.items[1]!.files = [path];
      });
      const out = join(dir, 'p.zip');
      const c = capture();
      expect(await runCli(['pack', casePath, '--out', out], c.io), path).toBe(2);
      expect(c.err()).toContain('不在');
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(dir).sort()).toEqual(['case', 'outside.pdf']);
  });

  it('lists every problem of a malformed case file with its JSON path (exit 2)', async () => {
    const { dir, casePath } = caseDir();
    editCase(casePath, (c) => {
      delete c.registration;
      c.archivedAt = 'yesterday';
      c.items[0]!.files = [];
    });
    const c = capture();
    expect(await runCli(['pack', casePath, '--out', join(dir, 'p.zip')], c.io)).toBe(2);
    expect(c.err()).toContain('3 处错误');
    expect(c.err()).toContain('registration');
    expect(c.err()).toContain('archivedAt');
    expect(c.err()).toContain('items[0].files');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "items": [');
    const b = capture();
    expect(await runCli(['pack', broken, '--out', join(dir, 'q.zip')], b.io)).toBe(2);
    expect(b.err()).toContain('不是有效的 UTF-8 JSON');
  });

  it('exits 1 naming the element when a record does not conform, and writes nothing', async () => {
    const { dir, casePath } = caseDir();
    editCase(casePath, (c) => {
      c.items[1]!.record.文件实体.内容描述.日期 = '2026-13-45';
    });
    const out = join(dir, 'p.zip');
    const c = capture();
    expect(await runCli(['pack', casePath, '--out', out], c.io)).toBe(1);
    expect(c.err()).toMatch(/M\d+.*日期|日期.*M\d+/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['case']);
  });

  it('exits 1 when a file is not the size its record says, leaving no partial package', async () => {
    const { dir, casePath } = caseDir();
    editCase(casePath, (c) => {
      c.items[1]!.record.文件实体.电子属性![0]!.计算机文件大小 = 1234;
    });
    const out = join(dir, 'p.zip');
    const c = capture();
    expect(await runCli(['pack', casePath, '--out', out], c.io)).toBe(1);
    expect(c.err()).toContain('1234');
    expect(readdirSync(dir)).toEqual(['case']);
  });

  it('draws a progress bar on a terminal only, and speaks English with --lang en', async () => {
    const { dir, casePath } = caseDir();
    const tty = capture({ tty: true });
    expect(await runCli(['pack', casePath, '--out', join(dir, 'a.zip')], tty.io)).toBe(0);
    expect(tty.err()).toMatch(/\r打包 \[[#·]+\]\s+\d+%/);
    expect(tty.err().endsWith('\r\u001b[K')).toBe(true);
    const quiet = capture({ tty: true });
    expect(await runCli(['pack', casePath, '--out', join(dir, 'b.zip'), '--quiet'], quiet.io)).toBe(0);
    expect(quiet.err()).toBe('');
    expect(quiet.out()).toBe('');
    const en = capture();
    expect(await runCli(['--lang', 'en', 'pack', casePath, '--out', join(dir, 'c.zip')], en.io)).toBe(0);
    expect(en.out()).toContain('归档信息包 written');
    expect(en.out()).toContain('package digest (SM3');
  });

  it('prints its usage for missing arguments and unknown options (exit 2)', async () => {
    for (const args of [
      ['pack'],
      ['pack', 'case.json'],
      ['pack', 'case.json', '--out', 'x.zip', '--cert', 'c.pem'],
      ['pack', '--bogus'],
    ]) {
      const c = capture();
      expect(await runCli(args, c.io), args.join(' ')).toBe(2);
      expect(c.err()).toContain('dangan pack');
    }
  });
});
