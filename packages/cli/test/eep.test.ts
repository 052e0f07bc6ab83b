import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sm2 } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { capture } from './support/capture.js';
import { caseDir, loadCase } from './support/scenario.js';

type Json = Record<string, unknown>;

function pem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/** A CA and a signer certificate it issued for `key`, as PEM files in `dir`. */
function issue(dir: string, keyPem: string): { ca: string; cert: string } {
  const ca = sm2.generateKeyPair();
  const validity = { notBefore: new Date('2025-01-01'), notAfter: new Date('2045-01-01') };
  const caCert = sm2.createCertificate({
    publicKey: ca.publicKey,
    signingKey: ca.privateKey,
    subject: { C: 'CN', O: '某档案馆', CN: '测试 CA' },
    serialNumber: 1n,
    ca: true,
    ...validity,
  });
  const leaf = sm2.createCertificate({
    publicKey: sm2.getPublicKey(sm2.privateKeyFromPem(keyPem)),
    signingKey: ca.privateKey,
    issuerCertificate: caCert,
    subject: { C: 'CN', O: '上海市浦东新区市场监督管理局', CN: '归档签名' },
    serialNumber: 2n,
    ...validity,
  });
  writeFileSync(join(dir, 'ca.pem'), pem(caCert));
  writeFileSync(join(dir, 'cert.pem'), pem(leaf));
  return { ca: join(dir, 'ca.pem'), cert: join(dir, 'cert.pem') };
}

/** The second 件 of the example case in the item form `{ record, files }`. */
function itemJson(dir: string): string {
  const c = loadCase(join(dir, 'case', 'case.json'));
  const path = join(dir, 'case', 'item.json');
  writeFileSync(path, JSON.stringify(c.items[1]));
  return path;
}

async function keygen(dir: string): Promise<string> {
  const key = join(dir, 'key.pem');
  expect(await runCli(['keygen', '--out', key, '--quiet'], capture().io)).toBe(0);
  return key;
}

describe('dangan eep build', () => {
  it('builds a signed EEP from { record, files }, with a CA-issued certificate', async () => {
    const { dir } = caseDir();
    const key = await keygen(dir);
    const { cert } = issue(dir, readFileSync(key, 'utf8'));
    const out = join(dir, '0002.eep');
    const c = capture();
    expect(
      await runCli(['eep', 'build', itemJson(dir), '--out', out, '--key', key, '--cert', cert], c.io),
      c.err(),
    ).toBe(0);
    expect(c.out()).toContain('已生成封装包');
    expect(c.out()).toContain('原始型，1 个文件');
    expect(c.out()).toContain('修改0-签名1');
    expect(c.out()).toContain('CN=归档签名');
    const pdf = readFileSync(join(dir, 'case/材料/准予设立登记通知书.pdf'));
    expect(c.out()).toContain(createHash('sm3').update(pdf).digest('hex'));
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain(pdf.toString('base64'));
    expect(xml).toContain('<锁定签名>');
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('finds the files of a bare record by 计算机文件名 next to it, or takes them from the command line', async () => {
    const { dir } = caseDir();
    const c = loadCase(join(dir, 'case', 'case.json'));
    const record = join(dir, 'case', '材料', 'record.json');
    writeFileSync(record, JSON.stringify(c.items[1]!.record));
    const a = capture();
    expect(await runCli(['eep', 'build', record, '--out', join(dir, 'a.eep'), '--json'], a.io), a.err()).toBe(
      0,
    );
    const json = JSON.parse(a.out()) as {
      packageType: string;
      files: { fileName: string; size: number }[];
      signatures: unknown[];
    };
    expect(json.packageType).toBe('原始型');
    expect(json.files).toEqual([expect.objectContaining({ fileName: '准予设立登记通知书.pdf', size: 966 })]);
    expect(json.signatures).toEqual([]);

    // A record without 电子属性: the files come from the command line and their attributes from the bytes.
    const bare = structuredClone(c.items[0]!.record) as { 文件实体: Json };
    delete bare.文件实体.电子属性;
    const barePath = join(dir, 'bare.json');
    writeFileSync(barePath, JSON.stringify(bare));
    const files = [join(dir, 'case/材料/设立登记申请书.pdf'), join(dir, 'case/材料/营业场所照片.jpg')];
    const b = capture();
    expect(
      await runCli(['eep', 'build', barePath, ...files, '--out', join(dir, 'b.eep'), '--json'], b.io),
      b.err(),
    ).toBe(0);
    expect((JSON.parse(b.out()) as { files: { fileName: string }[] }).files.map((f) => f.fileName)).toEqual([
      '设立登记申请书.pdf',
      '营业场所照片.jpg',
    ]);
    const n = capture();
    expect(await runCli(['eep', 'build', barePath, '--out', join(dir, 'c.eep')], n.io)).toBe(2);
    expect(n.err()).toContain('没有电子属性');
  });

  it('exits 1 for a record that does not conform and 2 for a key that is not SM2; writes nothing', async () => {
    const { dir } = caseDir();
    const item = itemJson(dir);
    const bad = JSON.parse(readFileSync(item, 'utf8')) as { record: { 文件实体: { 内容描述: Json } } };
    bad.record.文件实体.内容描述.题名 = '';
    const badPath = join(dir, 'case', 'bad.json');
    writeFileSync(badPath, JSON.stringify(bad));
    const c = capture();
    expect(await runCli(['eep', 'build', badPath, '--out', join(dir, 'x.eep')], c.io)).toBe(1);
    expect(c.err()).toContain('题名');
    writeFileSync(join(dir, 'not-a-key.pem'), 'hello');
    const k = capture();
    expect(
      await runCli(
        ['eep', 'build', item, '--out', join(dir, 'x.eep'), '--key', join(dir, 'not-a-key.pem')],
        k.io,
      ),
    ).toBe(2);
    expect(k.err()).toContain('不是 SM2 私钥');
    expect(existsSync(join(dir, 'x.eep'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('refuses an existing output and unknown subcommands', async () => {
    const { dir } = caseDir();
    const out = join(dir, 'x.eep');
    writeFileSync(out, 'keep me');
    const c = capture();
    expect(await runCli(['eep', 'build', itemJson(dir), '--out', out], c.io)).toBe(2);
    expect(c.err()).toContain('已存在');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(await runCli(['eep', 'build', itemJson(dir), '--out', out, '--force', '-q'], capture().io)).toBe(
      0,
    );
    for (const args of [
      ['eep'],
      ['eep', 'frobnicate'],
      ['eep', 'build'],
      ['eep', 'verify'],
      ['eep', 'extract', 'x.eep'],
    ]) {
      const u = capture();
      expect(await runCli(args, u.io), args.join(' ')).toBe(2);
      expect(u.err()).toMatch(/用法/);
    }
  });
});

describe('dangan eep verify and extract', () => {
  async function built(): Promise<{ dir: string; eep: string; ca: string }> {
    const { dir } = caseDir();
    const key = await keygen(dir);
    const { ca, cert } = issue(dir, readFileSync(key, 'utf8'));
    const eep = join(dir, '0002.eep');
    expect(
      await runCli(
        ['eep', 'build', itemJson(dir), '--out', eep, '--key', key, '--cert', cert, '-q'],
        capture().io,
      ),
    ).toBe(0);
    return { dir, eep, ca };
  }

  it('verifies a signed EEP (exit 0), trusted with --trust, and fails one with a changed byte (exit 1)', async () => {
    const { dir, eep, ca } = await built();
    const ok = capture();
    expect(await runCli(['eep', 'verify', eep], ok.io), ok.out() + ok.err()).toBe(0);
    expect(ok.out()).toMatch(/\? 修改0-签名1（.*CN=归档签名.*） {2}签名 ✓ {2}有效期 ✓ {2}证书链 \?/);
    expect(ok.out()).toContain('未给出 --trust');
    expect(ok.out()).toContain('准予设立登记通知书.pdf');
    const trusted = capture();
    expect(await runCli(['eep', 'verify', eep, '--trust', ca], trusted.io)).toBe(0);
    expect(trusted.out()).toMatch(/✓ 修改0-签名1（.*） {2}签名 ✓ {2}有效期 ✓ {2}证书链 ✓/);
    expect(trusted.out()).toContain('签名可信');

    // One base64 character of the embedded PDF changed: the file's digest and the signature both break.
    const xml = readFileSync(eep, 'utf8');
    const at = xml.indexOf('<编码数据 ') + 200;
    const tampered = join(dir, 'tampered.eep');
    writeFileSync(tampered, xml.slice(0, at) + (xml[at] === 'A' ? 'B' : 'A') + xml.slice(at + 1));
    const bad = capture();
    expect(await runCli(['eep', 'verify', tampered], bad.io)).toBe(1);
    expect(bad.out()).toMatch(/✗ 修改0-签名1（.*） {2}签名 ✗/);
    expect(bad.out()).toMatch(/✗ 准予设立登记通知书\.pdf|✗ GD-1-1/);
    expect(bad.out()).toContain('封装包无效');
    const json = capture();
    expect(await runCli(['eep', 'verify', tampered, '--json'], json.io)).toBe(1);
    expect((JSON.parse(json.out()) as { valid: boolean }).valid).toBe(false);
  });

  it('exits 2 for a file that is not there and 1 for one that is not an EEP', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangan-eep-'));
    const missing = capture();
    expect(await runCli(['eep', 'verify', join(dir, 'missing.eep')], missing.io)).toBe(2);
    expect(missing.err()).toContain('无法读取');
    writeFileSync(join(dir, 'junk.eep'), '<html><body>not an EEP</body></html>');
    const junk = capture();
    expect(await runCli(['eep', 'verify', join(dir, 'junk.eep')], junk.io)).toBe(1);
  });

  it('extracts the files into a new folder, byte for byte, and never outside it', async () => {
    const { dir, eep } = await built();
    const out = join(dir, 'files');
    const c = capture();
    expect(await runCli(['eep', 'extract', eep, '--out', out], c.io), c.err()).toBe(0);
    expect(c.out()).toContain('提取 1 个文件');
    expect(readFileSync(join(out, '准予设立登记通知书.pdf'))).toEqual(
      readFileSync(join(dir, 'case/材料/准予设立登记通知书.pdf')),
    );
    expect(await runCli(['eep', 'extract', eep, '--out', out], capture().io)).toBe(2);

    // A hostile 计算机文件名 cannot climb out of --out.
    const hostile = join(dir, 'hostile.eep');
    writeFileSync(hostile, readFileSync(eep, 'utf8').replaceAll('准予设立登记通知书.pdf', '../../evil.pdf'));
    const h = capture();
    const code = await runCli(['eep', 'extract', hostile, '--out', join(dir, 'h', 'out')], h.io);
    expect([0, 1]).toContain(code);
    expect(existsSync(join(dir, 'evil.pdf'))).toBe(false);
    expect(existsSync(join(dir, 'h', 'evil.pdf'))).toBe(false);
    if (code === 0) expect(readdirSync(join(dir, 'h', 'out'))).toHaveLength(1);
  });
});
