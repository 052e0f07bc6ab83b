import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digest, sm2 } from '@dangan/core';
import { recordFromXml, schemes, type UnknownRecord } from '@dangan/metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEep } from '../../../src/eep/build/build-eep.js';
import { EEP_SIGNING_RULE_PREFIX } from '../../../src/eep/signing-rule.js';
import {
  bytesOf,
  CAN_VALIDATE,
  collect,
  embedded,
  field,
  HAS_OPENSSL,
  type Obj,
  pieces,
  record,
  signedObjectBytes,
  tempDir,
  testPki,
  topSignatureElements,
  verifyAll,
  xmllintValidate,
} from './support.js';

const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');
const createdAt = new Date('2024-06-01T02:00:00Z');
const creator = '某区政务服务中心';

/** What the EEP keeps of a record (no 件数). */
function eepView(r: UnknownRecord): UnknownRecord {
  const copy = structuredClone(r) as Obj;
  delete ((copy.文件实体 as Obj).形式特征 as Obj | undefined)?.件数;
  return copy;
}

describe('buildEep: 原始型', () => {
  it('builds an unsigned EEP that validates, reads back and holds the files', async () => {
    const files = [bytesOf(1000, 1), bytesOf(0), bytesOf(2, 3)];
    const r = record(
      files.map((f) => f.length),
      ['批复.PDF', '空文件', '附件.tar.gz'],
    );
    const eep = buildEep({
      record: r,
      files: [files[0]!, pieces(files[1]!), () => pieces(files[2]!, 1)],
      creator,
      createdAt,
    });
    const bytes = await collect(eep);
    const result = await eep.result;
    const s = text(bytes);
    expect(
      s.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?><电子文件封装包 xmlns="http://www.saac.gov.cn/standards/ERM/encapsulation">',
      ),
    ).toBe(true);
    expect(s).not.toContain('<电子签名块>');
    expect(s).not.toContain('<锁定签名>');
    expect(s).toContain('<封装包创建时间>2024-06-01T10:00:00+08:00</封装包创建时间>');
    expect([...s.matchAll(/<反编码关键字>([^<]*)</g)].map((m) => m[1])).toEqual(['PDF', '', 'gz']);
    expect(embedded(bytes).map((e) => e.bytes)).toEqual(files);
    expect(result).toMatchObject({
      packageType: '原始型',
      modification: 0,
      byteLength: bytes.length,
      signatures: [],
      createdAt: '2024-06-01T10:00:00+08:00',
    });
    expect(result.files.map((f) => [f.encodingId, f.dataId, f.size, f.extension])).toEqual([
      ['修改0-编码1', '修改0-编码数据1', 1000, 'PDF'],
      ['修改0-编码2', '修改0-编码数据2', 0, ''],
      ['修改0-编码3', '修改0-编码数据3', 2, 'gz'],
    ]);
    expect(result.documents.map((d) => d.documentId)).toEqual(['修改0-文档1', '修改0-文档2', '修改0-文档3']);
    expect(text(bytes.subarray(result.signedObject.start, result.signedObject.end))).toBe(
      text(signedObjectBytes(bytes)),
    );
    expect(await recordFromXml(bytes, schemes.dat46)).toEqual(eepView(r));
    if (CAN_VALIDATE)
      expect(xmllintValidate(bytes)).toEqual({ ok: true, output: expect.stringContaining('validates') });
  });

  it('signs with several signers: each 电子签名 verifies over the exact 被签名对象 bytes, the lock over its 电子签名', async () => {
    const pki = testPki();
    const data = bytesOf(70_000, 9);
    const alice = pki.signer('张三');
    const bob = pki.signer('李四', {
      userId: 'BOB@example.cn',
      signedAt: '2024-06-02T09:00:00+08:00',
      name: '李四（审核）',
    });
    const carol = pki.signer('王五', {
      chain: [pki.caCertificate],
      certificateReference: 'https://ca.example.cn/王五.cer',
    });
    for (const lock of [undefined, 0, 1]) {
      const eep = buildEep({
        record: record([data.length]),
        files: [data],
        creator,
        createdAt,
        signers: [alice, bob, carol],
        ...(lock === undefined ? {} : { lock }),
        fileDigests: ['sm3', 'sha256'],
        chunkSize: 4096,
      });
      const bytes = await collect(eep);
      const result = await eep.result;
      const { ids, locked } = verifyAll(bytes);
      expect(ids).toEqual(['修改0-签名1', '修改0-签名2', '修改0-签名3']);
      expect(locked).toBe(ids[lock ?? 2]);
      expect(result.lockedSignature).toBe(locked);
      expect(result.signatures.map((x) => [x.id, x.userId, x.signedAt])).toEqual([
        ['修改0-签名1', '1234567812345678', '2024-06-01T10:00:00+08:00'],
        ['修改0-签名2', 'BOB@example.cn', '2024-06-02T09:00:00+08:00'],
        ['修改0-签名3', '1234567812345678', '2024-06-01T10:00:00+08:00'],
      ]);
      const sigs = topSignatureElements(bytes);
      expect(field(sigs[0]!.xml, '签名人')).toBe('张三');
      expect(field(sigs[1]!.xml, '签名人')).toBe('李四（审核）');
      expect(field(sigs[1]!.xml, '签名规则')!.startsWith(EEP_SIGNING_RULE_PREFIX)).toBe(true);
      expect([...sigs[2]!.xml.matchAll(/<证书>/g)]).toHaveLength(2);
      expect(field(sigs[2]!.xml, '证书引证')).toBe('https://ca.example.cn/王五.cer');
      expect(result.signatures[0]!.signature).toEqual(
        new Uint8Array(Buffer.from(field(sigs[0]!.xml, '签名结果')!, 'base64')),
      );
      // A changed byte inside 被签名对象 breaks every signature.
      const signed = signedObjectBytes(bytes);
      const tampered = signed.slice();
      tampered[200] = tampered[200]! ^ 1;
      expect(sm2.verify(result.signatures[0]!.signature, tampered, alice.publicKey)).toBe(false);
      expect(result.files[0]!.digests).toEqual({
        sm3: await digest(data, 'sm3'),
        sha256: await digest(data, 'sha256'),
      });
      if (CAN_VALIDATE) expect(xmllintValidate(bytes).ok).toBe(true);
    }
  });

  it('writes pretty XML whose signatures still verify, and groups files into 文档/文档数据', async () => {
    const pki = testPki();
    const files = [bytesOf(10), bytesOf(11), bytesOf(12), bytesOf(13)];
    const r = record(files.map((f) => f.length));
    ((r.文件实体 as Obj).档号 as Obj).文档序号 = '2';
    const eep = buildEep({
      record: r,
      files,
      creator,
      now: () => createdAt,
      signers: [pki.signer('张三')],
      pretty: true,
      documents: [
        { versions: [[0], [1]], title: '正文（定稿与草稿）' },
        { versions: [[2, 3]], role: '附属文档', title: '附件' },
      ],
    });
    const bytes = await collect(eep);
    const s = text(bytes);
    expect(s).toContain('\n  <被签名对象 eep版本="2009">\n');
    expect(s).toContain('<文档标识符>修改0-文档1</文档标识符>\n              <文档序号>2</文档序号>');
    expect(s.match(/<文档数据 /g)).toHaveLength(3);
    expect(s.match(/<文档主从声明>主文档</g)).toHaveLength(1);
    expect((await eep.result).documents).toEqual([
      {
        documentId: '修改0-文档1',
        versions: [
          { versionId: '修改0-文档数据1', files: [0] },
          { versionId: '修改0-文档数据2', files: [1] },
        ],
      },
      { documentId: '修改0-文档2', versions: [{ versionId: '修改0-文档数据3', files: [2, 3] }] },
    ]);
    verifyAll(bytes);
    expect(embedded(bytes).map((e) => e.bytes)).toEqual(files);
    expect(await recordFromXml(bytes, schemes.dat46)).toEqual(eepView(r));
    if (CAN_VALIDATE) expect(xmllintValidate(bytes).ok).toBe(true);
  });

  it('packages a ywtb record (its 办件 is not a DA/T 48 element)', async () => {
    const r = {
      ...record([3]),
      办件: { 事项编码: 'X1', 事项名称: '某许可', 办件编号: 'P1', 受理时间: '2024-05-01T09:00:00' },
    };
    const eep = buildEep({
      record: r,
      scheme: schemes.ywtb,
      files: [bytesOf(3)],
      creator,
      createdAt,
      signers: [testPki().signer('赵六')],
    });
    const bytes = await collect(eep);
    expect(text(bytes)).not.toContain('办件');
    verifyAll(bytes);
    const { 办件: _, ...rest } = r;
    expect(await recordFromXml(bytes, schemes.ywtb)).toEqual(eepView(rest));
    if (CAN_VALIDATE) expect(xmllintValidate(bytes).ok).toBe(true);
  });

  it('streams a large file in bounded pieces and checks its size', async () => {
    const size = 5 * 1024 * 1024 + 1;
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < size; i += 1 << 20) {
        pulled++;
        yield new Uint8Array(Math.min(1 << 20, size - i)).fill(i / (1 << 20) + 65);
      }
    }
    const eep = buildEep({ record: record([size]), files: [source()], creator, createdAt });
    let largest = 0;
    let total = 0;
    let seenBeforeEnd = 0;
    for await (const chunk of eep) {
      largest = Math.max(largest, chunk.length);
      total += chunk.length;
      if (pulled < 6) seenBeforeEnd += chunk.length; // output flows while the file is still being read
    }
    expect(largest).toBeLessThanOrEqual(Math.ceil(((1 << 20) * 4) / 3) + 4);
    expect(seenBeforeEnd).toBeGreaterThan(4 << 20);
    expect(total).toBe((await eep.result).byteLength);
  });

  it('can be read once; the result rejects when the reader stops early', async () => {
    const eep = buildEep({ record: record([3]), files: [bytesOf(3)], creator, createdAt });
    for await (const _ of eep) break;
    await expect(eep.result).rejects.toMatchObject({ code: 'ABORTED' });
    expect(() => eep[Symbol.asyncIterator]()).toThrow(TypeError);
  });
});

describe.skipIf(!HAS_OPENSSL)('buildEep signatures with OpenSSL (differential)', () => {
  let dir = '';
  let remove = () => {};
  beforeAll(() => {
    ({ dir, remove } = tempDir());
  });
  afterAll(() => remove());

  it('openssl dgst -sm3 -verify and pkeyutl -verify accept every signature and the lock', async () => {
    const { spawnSync } = await import('node:child_process');
    const pki = testPki();
    const signers = [pki.signer('张三'), pki.signer('李四', { userId: 'LISI-2024' })];
    const bytes = await collect(
      buildEep({ record: record([5000]), files: [bytesOf(5000)], creator, createdAt, signers, pretty: true }),
    );
    const path = (n: string) => join(dir, n);
    writeFileSync(path('message.bin'), signedObjectBytes(bytes));
    const ok = (args: string[]) => spawnSync('openssl', args, { encoding: 'utf8' });
    topSignatureElements(bytes).forEach((s, i) => {
      writeFileSync(path(`pub${i}.pem`), sm2.publicKeyToPem(signers[i]!.publicKey));
      writeFileSync(path(`sig${i}.der`), Buffer.from(field(s.xml, '签名结果')!, 'base64'));
      const userId = i === 0 ? '1234567812345678' : 'LISI-2024';
      const dgst = ok([
        'dgst',
        '-sm3',
        '-verify',
        path(`pub${i}.pem`),
        '-signature',
        path(`sig${i}.der`),
        '-sigopt',
        `distid:${userId}`,
        path('message.bin'),
      ]);
      expect(dgst.stdout).toContain('Verified OK');
      const pkeyutl = ok([
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        path(`pub${i}.pem`),
        '-rawin',
        '-digest',
        'sm3',
        '-pkeyopt',
        `distid:${userId}`,
        '-in',
        path('message.bin'),
        '-sigfile',
        path(`sig${i}.der`),
      ]);
      expect(pkeyutl.stdout).toContain('Signature Verified Successfully');
      const wrongId = ok([
        'dgst',
        '-sm3',
        '-verify',
        path(`pub${i}.pem`),
        '-signature',
        path(`sig${i}.der`),
        '-sigopt',
        'distid:other',
        path('message.bin'),
      ]);
      expect(wrongId.status).not.toBe(0);
    });
    const lock = /<锁定签名>[\s\S]*<\/锁定签名>/.exec(text(bytes))![0];
    writeFileSync(path('locked.bin'), topSignatureElements(bytes)[1]!.bytes);
    writeFileSync(path('lock.der'), Buffer.from(field(lock, '签名结果')!, 'base64'));
    const verified = ok([
      'dgst',
      '-sm3',
      '-verify',
      path('pub1.pem'),
      '-signature',
      path('lock.der'),
      '-sigopt',
      'distid:LISI-2024',
      path('locked.bin'),
    ]);
    expect(verified.stdout).toContain('Verified OK');
    // The certificates in 证书块 chain to the test CA (OpenSSL 3.0 needs the GM/T default id spelled out).
    writeFileSync(path('ca.der'), pki.caCertificate);
    writeFileSync(
      path('leaf.der'),
      Buffer.from(field(topSignatureElements(bytes)[0]!.xml, '证书')!, 'base64'),
    );
    ok(['x509', '-inform', 'DER', '-in', path('ca.der'), '-out', path('ca.pem')]);
    ok(['x509', '-inform', 'DER', '-in', path('leaf.der'), '-out', path('leaf.pem')]);
    expect(
      ok(['verify', '-vfyopt', 'distid:1234567812345678', '-CAfile', path('ca.pem'), path('leaf.pem')])
        .stdout,
    ).toContain('OK');
  });
});
