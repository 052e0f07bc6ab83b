import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordToXml, schemes } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { capture } from './support/capture.js';

const dir = mkdtempSync(join(tmpdir(), 'dangan-validate-'));
const fixture = join(__dirname, '../../metadata/test/fixtures/ywtb-record.json');
const record = JSON.parse(readFileSync(fixture, 'utf8')) as {
  文件实体: { 内容描述: Record<string, unknown> };
};

describe('dangan validate', () => {
  it('accepts a valid 一网通办 record (JSON and XML) and exits 0', async () => {
    const c = capture();
    expect(await runCli(['validate', fixture], c.io)).toBe(0);
    expect(c.out()).toContain('符合 ywtb');
    const xml = join(dir, 'record.xml');
    writeFileSync(xml, recordToXml(record, schemes.ywtb));
    const x = capture();
    expect(await runCli(['validate', xml, '--scheme', 'ywtb', '--lang', 'en'], x.io)).toBe(0);
    expect(x.out()).toContain('valid for ywtb');
  });

  it('exits 1 naming the element of each error, and prints JSON with --json', async () => {
    const bad = structuredClone(record);
    bad.文件实体.内容描述.日期 = '2024-13-45';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const c = capture();
    expect(await runCli(['validate', file], c.io)).toBe(1);
    expect(c.out()).toMatch(/✗ .*M\d+.*日期/);
    const j = capture();
    expect(await runCli(['validate', file, '--json'], j.io)).toBe(1);
    const report = JSON.parse(j.out()) as { valid: boolean; findings: { element?: string }[] };
    expect(report.valid).toBe(false);
    expect(report.findings.some((f) => f.element !== undefined)).toBe(true);
  });

  it('exits 2 for unreadable input, bad JSON, malformed XML and an unknown scheme', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "文件实体": ');
    const malformed = join(dir, 'broken.xml');
    writeFileSync(malformed, '<电子文件元数据><未闭合>');
    for (const args of [
      ['validate', join(dir, 'missing.json')],
      ['validate', broken],
      ['validate', malformed],
      ['validate', fixture, '--scheme', 'dat99'],
      ['validate'],
    ]) {
      const c = capture();
      expect(await runCli(args, c.io), args.join(' ')).toBe(2);
      expect(c.err()).not.toBe('');
    }
  });
});
