import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { capture } from './support/capture.js';
import { caseDir } from './support/scenario.js';

async function signedPackage() {
  const { dir, casePath } = caseDir();
  const key = join(dir, 'key.pem');
  expect(await runCli(['keygen', '--out', key, '-q'], capture().io)).toBe(0);
  const out = join(dir, '办件.zip');
  expect(await runCli(['pack', casePath, '--out', out, '--key', key, '-q'], capture().io)).toBe(0);
  return { dir, out };
}

describe('dangan inspect', () => {
  it('shows an 归档信息包: tree, counts, 件 with 档号 and 题名, and its EEPs’ signatures', async () => {
    const { out } = await signedPackage();
    const c = capture();
    expect(await runCli(['inspect', out], c.io), c.err()).toBe(0);
    expect(c.out()).toMatch(/办件\.zip：归档信息包，ZIP，10 个条目/);
    expect(c.out()).toContain('├─ 电子文件/');
    expect(c.out()).toContain('Z109-WS·2026-D30-DJK-0001-001-设立登记申请书.pdf  1002 B');
    expect(c.out()).toContain('信息包名称：310115202603160001，布局 dangan-ywtb');
    expect(c.out()).toContain(
      'Z109-WS·2026-D30-DJK-0002  上海某某科技有限公司准予设立登记通知书（2026-03-18）',
    );
    expect(c.out()).toMatch(
      /电子签名 修改0-签名1：上海市浦东新区市场监督管理局，2026-03-20T10:00:00\+08:00，CN=/,
    );
    expect(c.out()).toContain('签名未验证');

    const j = capture();
    expect(await runCli(['inspect', out, '--json'], j.io)).toBe(0);
    const json = JSON.parse(j.out()) as {
      kind: string;
      container: string;
      entries: unknown[];
      archival: { packageName: string; items: { archivalCode: string; 题名: string }[] };
      eeps: { signatures: { id: string; lock: boolean }[] }[];
    };
    expect(json).toMatchObject({ kind: 'archival', container: 'zip' });
    expect(json.entries).toHaveLength(10);
    expect(json.archival.items[0]).toMatchObject({
      archivalCode: 'Z109-WS·2026-D30-DJK-0001',
      题名: '上海某某科技有限公司设立登记申请书',
    });
    expect(json.eeps[0]!.signatures.map((s) => [s.id, s.lock])).toEqual([
      ['修改0-签名1', false],
      ['修改0-签名1', true],
    ]);
  });

  it('shows a lone EEP and a 移交信息包 folder (in English), and exits 2 for a missing path', async () => {
    const { dir, out } = await signedPackage();
    const record = join(dir, 'case', 'records', '0002.json');
    const eepPath = join(dir, '0002.eep');
    const files = [join(dir, 'case', '材料', '准予设立登记通知书.pdf')];
    expect(await runCli(['eep', 'build', record, ...files, '--out', eepPath, '-q'], capture().io)).toBe(0);
    const eep = capture();
    expect(await runCli(['inspect', eepPath], eep.io), eep.err()).toBe(0);
    expect(eep.out()).toMatch(/封装包 .*0002\.eep（.*）：原始型，1 层/);
    expect(eep.out()).toContain('题名：上海某某科技有限公司准予设立登记通知书（310115-MSC-2026-000123-02）');
    expect(eep.out()).toContain('修改0-编码1  准予设立登记通知书.pdf  966 B  PDF, 1.7, application/pdf');
    expect(eep.out()).toContain('未签名');
    expect(eep.out()).toContain('✓ 结构符合 DA/T 48');
    const notEep = capture();
    expect(await runCli(['inspect', record], notEep.io), 'a JSON file is not an EEP').toBe(2);
    expect(notEep.err()).toMatch(/^dangan: /);
    const transfer = join(dir, '移交');
    expect(await runCli(['transfer', out, '--out', transfer, '-q'], capture().io)).toBe(0);
    const t = capture();
    expect(await runCli(['inspect', transfer, '--lang', 'en'], t.io), t.err()).toBe(0);
    expect(t.out()).toMatch(/移交信息包 \(transfer package\), folder, \d+ entries/);
    expect(t.out()).toContain('carrier 001: 2 records');
    expect(t.out()).toContain('2026 WS 定期30年: 2 records');
    const m = capture();
    expect(await runCli(['inspect', join(dir, 'missing.zip')], m.io)).toBe(2);
    expect(m.err()).toContain('无法打开');
  });
});
