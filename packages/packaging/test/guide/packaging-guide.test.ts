// The examples of docs/packaging.md, run as a test so the guide cannot drift from the code. The shell recipes are
// read out of the guide itself and run as written.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { concatBytes, type DanganError, digestBytes, readAll, sm2, toBase64, utf8 } from '@dangan/core';
import { schemes } from '@dangan/metadata';
import {
  ARCHIVAL_LAYOUTS,
  type ArchivalLayoutProfile,
  buildArchivalPackage,
  buildEep,
  buildTransferPackage,
  CARRIER_CAPACITIES,
  carrierDigest,
  checkEntryPath,
  combineCarrierInventories,
  createPackageSink,
  createZipWriter,
  EEP_SM2_SM3_OID,
  eepSigningRule,
  extractEep,
  inventoryPackage,
  type MemoryPackageWritten,
  memorySink,
  openPackage,
  openZip,
  type PackageContentsReader,
  type PackageWritten,
  packageSubSource,
  parseCarrierCapacity,
  readArchivalPackage,
  readEep,
  safeOpenZip,
  safeParseCarrierCapacity,
  safeValidateArchivalLayoutProfile,
  selectTransferItems,
  signEep,
  userIdFromSigningRule,
  validateEepStructure,
  verifyEep,
  zipSink,
} from '@dangan/packaging';
import { folderSink, folderSource, openPackagePath, zipFileSink } from '@dangan/packaging/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePackageSinkConformance } from '../sinks/conformance.js';

const guide = readFileSync(new URL('../../../../docs/packaging.md', import.meta.url), 'utf8');
const hasTool = (cmd: string, args: string[]) =>
  spawnSync(cmd, args, { stdio: 'ignore' }).error === undefined;
const HAS_OPENSSL = hasTool('openssl', ['version']);
const HAS_SHELL = hasTool('bash', ['-c', 'true']) && hasTool('find', ['--version']);

/** The fenced ```sh block of the guide that starts with the comment `# <title>`. */
function shellRecipe(title: string): string {
  const blocks = [...guide.matchAll(/```sh\n([\s\S]*?)```/gu)].map((m) => m[1]!);
  const block = blocks.find((b) => b.startsWith(`# ${title}\n`));
  if (block === undefined) throw new Error(`docs/packaging.md has no sh block "# ${title}"`);
  return block;
}

/** Deterministic bytes. */
function bytesOf(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed * 2654435761 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A PDF-looking file of about `size` bytes. */
const pdf = (size: number, seed: number) =>
  concatBytes([utf8('%PDF-1.7\n'), bytesOf(size, seed), utf8('\n%%EOF\n')]);

/** The README's 一网通办 record, with 室编件号 `n`, retention `period` and 电子属性 sized to `files`. */
function ywtbRecord(n: number, period: string, files: readonly Uint8Array[]): Record<string, unknown> {
  const base = JSON.parse(
    readFileSync(new URL('../../../metadata/test/fixtures/ywtb-record.json', import.meta.url), 'utf8'),
  ) as { 文件实体: Record<string, unknown>; 办件: Record<string, unknown> };
  const entity = base.文件实体 as {
    电子文件号: string;
    档号: Record<string, unknown>;
    电子属性: Record<string, unknown>[];
  };
  entity.电子文件号 = `310115-MSC-2026-000123-${String(n).padStart(2, '0')}`;
  entity.档号 = { ...entity.档号, 保管期限: period, 室编件号: n };
  entity.电子属性 = files.map((f, i) => ({
    格式信息: 'PDF, 1.7, application/pdf',
    计算机文件名: `材料${i + 1}.pdf`,
    计算机文件大小: f.length,
  }));
  base.办件 = { ...base.办件, 办件编号: `3101152026031600${String(n).padStart(2, '0')}`, 材料: undefined };
  delete base.办件.材料;
  return base;
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dangan-packaging-guide-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/packaging.md: the ZIP engine', () => {
  it('writes a streaming ZIP (STORE for compressed formats, DEFLATE for the rest) and reads it safely', async () => {
    const pdfBytes = pdf(50_000, 1);
    const parts: Uint8Array[] = [];
    const zip = createZipWriter({ write: (c) => void parts.push(c.slice()) });
    await zip.addEntry('元数据.xml', utf8('<件><题名>准予设立登记通知书</题名></件>'));
    await zip.addEntry('照片.jpg', bytesOf(10_000, 2)); // auto: stored (already compressed)
    await zip.addEntry('正文.pdf', pdfBytes); // auto: stored too (PDF streams are compressed)
    await zip.close();
    const bytes = concatBytes(parts);

    const archive = await openZip(bytes);
    expect(archive.entries.map((e) => [e.name, e.method])).toEqual([
      ['元数据.xml', 8],
      ['照片.jpg', 0],
      ['正文.pdf', 0],
    ]);
    expect(await readAll(archive.get('正文.pdf')!.open(), { maxBytes: 1 << 20 })).toEqual(pdfBytes);
    expect(archive.findings).toEqual([]);

    const limited = await safeOpenZip(bytes, { limits: { maxEntries: 2 } });
    expect(limited.ok).toBe(false);
    if (!limited.ok) expect(limited.error.code).toBe('ZIP_LIMIT_EXCEEDED');
  });

  it('refuses unsafe names when writing', async () => {
    const zip = createZipWriter({ write: () => undefined });
    await expect(zip.addEntry('../外面.txt', utf8('x'))).rejects.toMatchObject({ code: 'ZIP_NAME_UNSAFE' });
  });

  it('finds a corrupted entry while reading it (CRC-32)', async () => {
    const sink = zipSink(undefined, { method: 'store' });
    await sink.write('正文.txt', utf8('准予设立登记通知书'.repeat(20)));
    const { bytes } = await sink.commit();
    const damaged = bytes!.slice();
    damaged[60] = damaged[60]! ^ 0x01; // a byte of the stored data
    const archive = await openZip(damaged);
    await expect(readAll(archive.entries[0]!.open(), { maxBytes: 1 << 20 })).rejects.toMatchObject({
      code: 'ZIP_CRC_MISMATCH',
    });
  });
});

describe('docs/packaging.md: sinks and sources', () => {
  it('memory sink: an unsafe path is refused without spoiling the package', async () => {
    const sink = memorySink();
    await sink.write('说明.txt', utf8('归档信息包'));
    await expect(sink.write('../外面.txt', utf8('x'))).rejects.toMatchObject({
      code: 'PACKAGE_PATH_INVALID',
    });
    await expect(sink.write('说明.TXT', utf8('x'))).rejects.toMatchObject({ code: 'PACKAGE_PATH_DUPLICATE' });
    const { source } = await sink.commit();
    expect(await source.list()).toEqual([{ path: '说明.txt', size: 15 }]);
    expect(() => checkEntryPath('内容/CON.txt')).toThrow();
  });

  it('folder sink: nothing at the target until commit, then renamed', async () => {
    const target = join(dir, '出库', '0001');
    const sink = folderSink(target);
    await sink.write('元数据.xml', utf8('<件/>'));
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(join(dir, '出库'))[0]).toMatch(/^0001\.partial-/u);
    const { location } = await sink.commit();
    expect(location).toBe(target);
    expect(readdirSync(join(dir, '出库'))).toEqual(['0001']);
  });

  it('zip file sink and openPackagePath', async () => {
    const path = join(dir, '办件-0001.zip');
    const sink = zipFileSink(path);
    await sink.write('元数据.xml', utf8('<件/>'));
    await sink.write('文件/0001.pdf', pdf(1000, 3));
    const { zipSize } = await sink.commit();
    expect(readFileSync(path).length).toBe(zipSize);
    const { source, container, findings } = await openPackagePath(path);
    try {
      expect([container, findings]).toEqual(['zip', []]);
      expect((await source.list()).map((e) => e.path)).toEqual(['元数据.xml', '文件/0001.pdf']);
    } finally {
      await source.close();
    }
  });
});

// The guide's own backend (an object store held in a Map) runs the shared conformance suite.
function objectStoreSink(bucket: Map<string, Uint8Array>, prefix: string) {
  const staged = new Map<string, Uint8Array>();
  return createPackageSink<PackageWritten & { readonly location: string }>({
    async writeEntry(path, data) {
      const parts: Uint8Array[] = [];
      for await (const chunk of data) parts.push(chunk.slice());
      const bytes = concatBytes(parts);
      staged.set(path, bytes);
      return bytes.length;
    },
    async commit(entries, totalBytes) {
      for (const [path, bytes] of staged) bucket.set(`${prefix}/${path}`, bytes);
      return { entries, totalBytes, location: prefix };
    },
    async discard() {
      staged.clear();
    },
  });
}

describePackageSinkConformance('docs/packaging.md objectStoreSink', () => {
  const bucket = new Map<string, Uint8Array>();
  return {
    sink: objectStoreSink(bucket, 'pkg'),
    open: async (written) => {
      const files = new Map<string, Uint8Array>();
      for (const e of written.entries) files.set(e.path, bucket.get(`pkg/${e.path}`)!);
      const { memorySource } = await import('@dangan/packaging');
      return memorySource(files);
    },
    leftovers: async () => [...bucket.keys()],
  };
});

describe('docs/packaging.md: the EEP', () => {
  const ca = sm2.generateKeyPair();
  const caCertificate = sm2.createCertificate({
    publicKey: ca.publicKey,
    signingKey: ca.privateKey,
    subject: { C: 'CN', O: '某档案馆', CN: '测试 CA' },
    serialNumber: 1n,
    notBefore: new Date('2025-01-01'),
    notAfter: new Date('2035-01-01'),
    ca: true,
  });
  const me = sm2.generateKeyPair();
  const certificate = sm2.createCertificate({
    publicKey: me.publicKey,
    signingKey: ca.privateKey,
    issuerCertificate: caCertificate,
    subject: { C: 'CN', O: '上海市浦东新区市场监督管理局', CN: '张三' },
    serialNumber: 2n,
    notBefore: new Date('2025-01-01'),
    notAfter: new Date('2030-01-01'),
  });
  const files = [pdf(20_000, 4)];
  const record = ywtbRecord(1, '永久', files);

  it('builds a signed 原始型 EEP; the signature is over the exact bytes of 被签名对象', async () => {
    const eep = buildEep({
      record,
      scheme: schemes.ywtb,
      files,
      creator: '上海市浦东新区市场监督管理局',
      createdAt: new Date('2026-03-20T02:00:00Z'),
      signers: [{ privateKey: me.privateKey, certificate }],
    });
    const sink = memorySink();
    await sink.write('Z109-WS·2026-Y-DJK-0001.xml', eep);
    const result = await eep.result;
    const { files: written } = await sink.commit();
    const bytes = written.get('Z109-WS·2026-Y-DJK-0001.xml')!;
    expect(result.packageType).toBe('原始型');
    expect(result.signatures.map((s) => s.id)).toEqual(['修改0-签名1']);
    expect(result.lockedSignature).toBe('修改0-签名1');
    const signed = bytes.subarray(result.signedObject.start, result.signedObject.end);
    expect(new TextDecoder().decode(signed)).toMatch(
      /^<(?:[\w-]+:)?被签名对象[\s>][\s\S]*<\/(?:[\w-]+:)?被签名对象>$/u,
    );
    expect(sm2.verify(result.signatures[0]!.signature, signed, me.publicKey)).toBe(true);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`<签名算法标识>${EEP_SM2_SM3_OID}</签名算法标识>`);
    expect(text).toContain(`<签名规则>${eepSigningRule('1234567812345678')}</签名规则>`);
    expect(userIdFromSigningRule(eepSigningRule('1234567812345678'))).toBe('1234567812345678');

    // The guide's OpenSSL recipe, on the files written as the guide writes them.
    writeFileSync(join(dir, 'signed.bin'), signed);
    writeFileSync(join(dir, 'sig.der'), result.signatures[0]!.signature);
    writeFileSync(join(dir, 'pub.pem'), sm2.publicKeyToPem(me.publicKey));
    if (HAS_OPENSSL) {
      const out = execFileSync('bash', ['-c', shellRecipe('EEP 签名'), 'x'], { cwd: dir, encoding: 'utf8' });
      expect(out).toContain('Signature Verified Successfully');
    }

    // signEep adds a second signature and a new 锁定签名, leaving the first valid.
    const again = signEep(bytes, {
      privateKey: me.privateKey,
      certificate,
      signedAt: '2026-03-21T10:00:00+08:00',
    });
    const resigned = await readAll(again, { maxBytes: 1 << 22 });
    expect((await again.result).signatures).toEqual(['修改0-签名1', '修改0-签名2']);
    const again2 = resigned.subarray(
      (await again.result).signedObject.start,
      (await again.result).signedObject.end,
    );
    expect(again2).toEqual(signed);
    eepBytes = bytes;
  });

  let eepBytes: Uint8Array = new Uint8Array();

  it('reads, verifies, validates and extracts the EEP; a changed byte breaks the signature', async () => {
    expect(files[0]!.length).toBe(20_016); // the size the guide shows
    const info = await readEep(eepBytes, { scheme: schemes.ywtb });
    expect(info.packageType).toBe('原始型');
    expect(info.encodings.map((c) => [c.fileName, c.declaredSize, c.decodedSize])).toEqual([
      ['材料1.pdf', String(files[0]!.length), files[0]!.length],
    ]);
    expect(info.signatures.map((s) => s.id)).toEqual(['修改0-签名1']);
    expect(info.lock?.lockedId).toBe('修改0-签名1');
    expect(info.valid).toBe(true);
    expect((info.record as { 文件实体: { 电子文件号: string } }).文件实体.电子文件号).toBe(
      '310115-MSC-2026-000123-01',
    );

    const caPem = `-----BEGIN CERTIFICATE-----\n${toBase64(caCertificate)
      .match(/.{1,64}/gu)!
      .join('\n')}\n-----END CERTIFICATE-----\n`;
    const v = await verifyEep(eepBytes, { trustAnchors: [caPem] });
    expect([v.valid, v.trusted, v.signed]).toEqual([true, true, true]);
    expect(v.signatures.map((s) => [s.kind, s.id, s.status])).toEqual([
      ['signature', '修改0-签名1', 'valid'],
      ['lock', '修改0-签名1', 'valid'],
    ]);
    expect(v.files[0]?.digests.sm3).toBe(digestBytes(files[0]!, 'sm3'));
    const untrusted = await verifyEep(eepBytes);
    expect([untrusted.valid, untrusted.trusted, untrusted.signatures[0]?.chain.status]).toEqual([
      true,
      false,
      'cannot-verify',
    ]);

    const changed = utf8(
      new TextDecoder()
        .decode(eepBytes)
        .replace('上海市浦东新区市场监督管理局', '上海市浦东新区市场监督管理处'),
    );
    const broken = await verifyEep(changed, { trustAnchors: [caPem] });
    expect(broken.valid).toBe(false);
    expect([broken.signatures[0]?.status, broken.signatures[0]?.problem]).toEqual([
      'invalid',
      'signature-mismatch',
    ]);

    const structure = await validateEepStructure(eepBytes);
    expect([structure.valid, structure.schemaValid]).toEqual([true, true]);

    const sink = memorySink();
    const extracted = await extractEep(eepBytes, sink);
    expect(extracted.files.map((f) => [f.path, f.size, f.sizeMatches, f.digests.sm3])).toEqual([
      ['材料1.pdf', files[0]!.length, true, digestBytes(files[0]!, 'sm3')],
    ]);
  });

  it.skipIf(!HAS_OPENSSL)('OpenSSL 3.0 needs -vfyopt distid to verify an SM2 certificate signature', () => {
    const pem = (der: Uint8Array) =>
      `-----BEGIN CERTIFICATE-----\n${toBase64(der)
        .match(/.{1,64}/gu)!
        .join('\n')}\n-----END CERTIFICATE-----\n`;
    writeFileSync(join(dir, 'ca.pem'), pem(caCertificate));
    writeFileSync(join(dir, 'signer.pem'), pem(certificate));
    const run = (script: string) => spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });
    const recipe = run(shellRecipe('证书链'));
    expect(recipe.stdout).toContain('signer.pem: OK');
    const withoutId = run('openssl verify -CAfile ca.pem signer.pem');
    expect(withoutId.status).not.toBe(0);
  });
});

describe('docs/packaging.md: the 归档信息包', () => {
  it('builds with a replaced layout, reads back, gives the package digest of the manifest', async () => {
    const files = [pdf(30_000, 5), pdf(8_000, 6)];
    const record = ywtbRecord(1, '永久', files);
    const { readme: _none, ...base } = ARCHIVAL_LAYOUTS['dangan-ywtb'];
    const mine: ArchivalLayoutProfile = {
      ...base,
      id: 'pudong-ywtb',
      name: '浦东新区一网通办归档信息包',
      metadata: { path: '基本信息元数据.xml' },
      content: { ...base.content, fileName: { kind: 'original' } },
      manifest: { path: '归档信息包清单.xml', algorithms: ['sm3', 'sha256'] },
    };
    expect(safeValidateArchivalLayoutProfile({ ...mine, metadata: { path: '../x.xml' } }).ok).toBe(false);

    const result = await buildArchivalPackage(
      {
        items: [{ record, files: files.map((source, i) => ({ source, attributeIndex: i })) }],
        registration: {
          单位名称: '上海市浦东新区市场监督管理局',
          归档电子文件门类: '文书',
          归档方式: '在线',
        },
        now: new Date('2026-03-20T02:00:00Z'),
      },
      memorySink(),
      { profile: mine },
    );
    expect(result.packageName).toBe('310115202603160001');
    expect(result.registrationForm.检测.病毒检测).toBe('待检测');
    expect(result.entries.map((e) => [e.path, e.kind])).toEqual([
      ['电子文件/Z109-WS·2026-Y-DJK-0001/材料1.pdf', '内容'],
      ['电子文件/Z109-WS·2026-Y-DJK-0001/材料2.pdf', '内容'],
      ['基本信息元数据.xml', '元数据'],
      ['归档文件目录.xml', '目录'],
      ['归档登记表.xml', '登记表'],
    ]);
    expect(result.registrationForm).toMatchObject({
      件: 1,
      字节: files[0]!.length + files[1]!.length,
      归档方式: '在线',
    });
    const manifestBytes = result.written.files.get('归档信息包清单.xml')!;
    expect(result.packageDigests.sm3).toBe(digestBytes(manifestBytes, 'sm3'));
    expect(result.packageDigests.sha256).toBe(digestBytes(manifestBytes, 'sha256'));

    const reading = await readArchivalPackage(result.written.source, { profile: mine });
    expect(reading.findings).toEqual([]);
    expect(reading.items[0]?.files.map((f) => f.digests.sm3)).toEqual(
      files.map((f) => digestBytes(f, 'sm3')),
    );
  });
});

describe('docs/packaging.md: the 移交信息包 and its receipt', () => {
  const cases = [
    { period: '永久', size: 400_000 },
    { period: '定期30年', size: 300_000 },
    { period: '定期10年', size: 200_000 },
    { period: '永久', size: 350_000 },
  ];
  let archival: { name: string; source: MemoryPackageWritten['source']; records: readonly unknown[] }[] = [];

  beforeAll(async () => {
    archival = [];
    for (const [i, c] of cases.entries()) {
      const files = [pdf(c.size, 10 + i)];
      const record = ywtbRecord(i + 1, c.period, files);
      const result = await buildArchivalPackage(
        {
          items: [{ record, files: [{ source: files[0]!, attributeIndex: 0 }] }],
          registration: {
            单位名称: '上海市浦东新区市场监督管理局',
            归档电子文件门类: '文书',
            归档方式: '在线',
          },
          now: new Date('2026-03-20T02:00:00Z'),
        },
        memorySink(),
      );
      const reading = await readArchivalPackage(result.written.source);
      archival.push({ name: result.packageName, source: result.written.source, records: reading.records });
    }
  });

  const items = () =>
    archival.map((a) => ({
      name: a.name,
      records: a.records as readonly Record<string, unknown>[],
      entries: a.source,
    }));

  it('selects 30 years and more, and says why the rest stay', () => {
    const { selected, excluded } = selectTransferItems(items());
    expect(selected.map((s) => s.item.name)).toEqual([
      archival[0]!.name,
      archival[1]!.name,
      archival[3]!.name,
    ]);
    expect(excluded.map((e) => [e.name, e.reason, e.message])).toEqual([
      [
        archival[2]!.name,
        'retention-below-minimum',
        '保管期限定期10年，不足 30 年（移交范围为保管期限 30 年以上及永久）',
      ],
    ]);
  });

  it('parses carrier capacities in decimal units', () => {
    expect(parseCarrierCapacity('4.7GB')).toBe(4_700_000_000);
    expect(parseCarrierCapacity('700MB')).toBe(700_000_000);
    expect(parseCarrierCapacity('1 GiB')).toBe(1_073_741_824);
    expect(CARRIER_CAPACITIES['BD-R']).toBe(25_000_000_000);
    expect(safeParseCarrierCapacity('4.7 斤').ok).toBe(false);
  });

  it('online: one package; receipt: open, inventory, the reader hook per 办件', async () => {
    const online = await buildTransferPackage(
      { items: items() },
      { kind: 'online', sink: zipSink() },
      { registration: { 移交单位: '上海市浦东新区市场监督管理局', 接收单位: '上海市浦东新区档案馆' } },
    );
    expect(online.excluded.map((e) => e.reason)).toEqual(['retention-below-minimum']);
    expect(online.carriers.map((c) => [c.number, c.algorithm])).toEqual([['001', 'sm3']]);
    expect(online.registrationForm.移交数据量).toMatch(/^\d+\.\d{3}$/u);
    const zipBytes = (online.carriers[0]!.written as MemoryPackageWritten & { bytes: Uint8Array }).bytes;

    const { source, findings } = await openPackage(zipBytes);
    expect(findings).toEqual([]);
    const inventory = await inventoryPackage(source);
    expect(inventory.totals.件数).toBe(online.registrationForm.移交电子档案数量.件数);
    expect(inventory.digest?.matches).toBe(true);
    expect(inventory.findings.filter((f) => f.severity === 'error')).toEqual([]);

    const reader: PackageContentsReader = async (s) => {
      const r = await readArchivalPackage(s);
      return {
        items: r.items.map((i) => ({
          name: i.archivalCode,
          records: i.record === undefined ? [] : [i.record],
          paths: i.files.map((f) => f.path),
        })),
        structurePaths: [
          r.manifestPath,
          r.metadata?.path,
          r.catalogue?.path,
          r.registrationFormPart?.path,
          r.readme?.path,
        ].filter((p): p is string => p !== undefined),
        registered:
          r.registrationForm === undefined
            ? {}
            : { 件数: r.registrationForm.件, 字节数: r.registrationForm.字节 },
        findings: r.findings,
      };
    };
    for (const item of inventory.items) {
      const one = await inventoryPackage(packageSubSource(source, `${item.path}/`), { reader });
      expect(one.kind).toBe('reader');
      expect(one.findings).toEqual([]);
      expect(one.totals.件数).toBe(1);
    }
  });

  it('offline: split by whole items across carriers; the carrier digest by the shell recipe', async () => {
    const base = join(dir, '离线');
    const offline = await buildTransferPackage(
      { items: items() },
      { kind: 'offline', capacity: '1MB', carrier: (n) => folderSink(join(base, `载体${n}`)) },
      { registration: { 移交单位: '上海市浦东新区市场监督管理局', 接收单位: '上海市浦东新区档案馆' } },
    );
    expect(offline.carriers.map((c) => c.items.length)).toEqual([2, 1]);
    const received = [];
    for (const c of offline.carriers) {
      const carrier = folderSource(join(base, `载体${c.number}`));
      expect((await carrierDigest(carrier)).digest).toBe(c.digest);
      const listing = readFileSync(join(base, `载体${c.number}`, '其他', '载体文件清单.TXT'));
      expect(digestBytes(listing, 'sm3')).toBe(c.digest);
      received.push(await inventoryPackage(carrier));
      if (HAS_OPENSSL && HAS_SHELL) {
        const hex = execFileSync('bash', ['-c', shellRecipe('载体摘要')], {
          cwd: join(base, `载体${c.number}`),
          encoding: 'utf8',
        }).trim();
        expect(hex).toBe(c.digest);
      }
    }
    const all = combineCarrierInventories(received);
    expect(all.findings).toEqual([]);
    expect(all.totals.件数).toBe(3);

    const tooSmall = await buildTransferPackage(
      { items: items() },
      { kind: 'offline', capacity: '300KB', carrier: () => memorySink() },
    ).catch((e: DanganError) => e.code);
    expect(tooSmall).toBe('TRANSFER_ITEM_TOO_LARGE');
  });
});
