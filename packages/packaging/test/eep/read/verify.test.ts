import { createHash } from 'node:crypto';
import { encodeGb18030, sm2, toBase64 } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import { createCertificate } from '../../../../core/src/sm2/certificate-create.js';
import { eepSigningRule } from '../../../src/eep/signing-rule.js';
import { safeVerifyEep, verifyEep } from '../../../src/eep/verify/verify-eep.js';
import {
  bytesOf,
  modifiedEep,
  originalEep,
  outerSignedObject,
  signEep,
  type TestSigner,
  testSigner,
} from './support/eep.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const nodeSm3 = (b: Uint8Array) => createHash('sm3').update(b).digest('hex');
const statuses = (r: Awaited<ReturnType<typeof verifyEep>>) =>
  r.signatures.map((s) => [s.kind, s.id, s.status, s.problem]);

const signer = testSigner();
const anchors = [signer.ca.certificate];
const DATA = [bytesOf(1000), bytesOf(77, 2)] as const;
const original = (s: TestSigner = signer, options: Parameters<typeof signEep>[2] = {}) =>
  signEep(
    originalEep({
      ids: 'a',
      files: [
        { name: '通知.pdf', data: DATA[0] },
        { name: '附件.ofd', data: DATA[1] },
      ],
      lineLength: 76,
    }),
    s,
    options,
  );

describe('verifyEep: signatures of an original package', () => {
  it('valid with trust anchors: every check valid, trusted', async () => {
    const r = await verifyEep(utf8(original()), { trustAnchors: anchors });
    expect(r.findings).toEqual([]);
    expect([r.valid, r.trusted, r.signed, r.packageType, r.modifications]).toEqual([
      true,
      true,
      true,
      '原始型',
      0,
    ]);
    expect(statuses(r)).toEqual([
      ['signature', '修改0-签名1', 'valid', undefined],
      ['lock', '修改0-签名1', 'valid', undefined],
    ]);
    const s = r.signatures[0]!;
    expect([s.signature.status, s.validity.status, s.chain.status]).toEqual(['valid', 'valid', 'valid']);
    expect(s.userId).toBe(sm2.DEFAULT_USER_ID);
    expect(s.certificate?.subject).toBe('CN=签名人,O=档案测试,C=CN');
    expect(r.lock).toBe(r.signatures[1]);
    expect(r.reads).toBe(1); // small: the signed bytes were kept in memory
  });

  it('without trust anchors the chain is cannot-verify, never valid: valid but not trusted', async () => {
    const r = await verifyEep(utf8(original()));
    expect(r.valid).toBe(true);
    expect(r.trusted).toBe(false);
    expect(statuses(r)).toEqual([
      ['signature', '修改0-签名1', 'cannot-verify', 'no-trust-anchors'],
      ['lock', '修改0-签名1', 'cannot-verify', 'no-trust-anchors'],
    ]);
    expect(r.signatures[0]!.signature.status).toBe('valid');
    expect(r.findings.map((f) => [f.code, f.severity, f.item])).toEqual([
      ['EEP_SIGNATURE_CANNOT_VERIFY', 'warning', 'GD-1-1'],
      ['EEP_SIGNATURE_CANNOT_VERIFY', 'warning', 'GD-1-1'],
    ]);
  });

  it('a changed byte in 被签名对象 breaks the signature, not the lock', async () => {
    const xml = original().replace('<题名>关于做好归档工作的通知', '<题名>关于做好归档工作的通告');
    const r = await verifyEep(utf8(xml), { trustAnchors: anchors });
    expect(r.structure.valid).toBe(true);
    expect(statuses(r)).toEqual([
      ['signature', '修改0-签名1', 'invalid', 'signature-mismatch'],
      ['lock', '修改0-签名1', 'valid', undefined],
    ]);
    expect(r.valid).toBe(false);
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: 'EEP_SIGNATURE_INVALID',
        severity: 'error',
        path: '/电子文件封装包/电子签名块/电子签名',
      }),
    ]);
  });

  it('a replaced 签名结果 breaks the signature and the lock over it', async () => {
    const xml = original();
    const [s, e] = outerSignedObject(xml);
    const forged = toBase64(sm2.sign(utf8(xml.slice(s, e)), sm2.generateKeyPair().privateKey));
    const r = await verifyEep(
      utf8(xml.replace(/<签名结果>[^<]*<\/签名结果>/, `<签名结果>${forged}</签名结果>`)),
      {
        trustAnchors: anchors,
      },
    );
    expect(statuses(r)).toEqual([
      ['signature', '修改0-签名1', 'invalid', 'signature-mismatch'],
      ['lock', '修改0-签名1', 'invalid', 'signature-mismatch'],
    ]);
  });

  it('the signer’s certificate swapped for another: invalid under dangan’s rule', async () => {
    const other = testSigner({ ca: signer.ca });
    const xml = original().replace(toBase64(signer.certificate), toBase64(other.certificate));
    const r = await verifyEep(utf8(xml), { trustAnchors: anchors });
    expect(r.signatures[0]!.problem).toBe('signature-mismatch');
  });

  it('reads the user id from 签名规则, and takes the default for other rules', async () => {
    const alice = await verifyEep(utf8(original(signer, { userId: 'ALICE@档案馆' })), {
      trustAnchors: anchors,
    });
    expect(alice.signatures.map((s) => [s.status, s.userId])).toEqual([
      ['valid', 'ALICE@档案馆'],
      ['valid', 'ALICE@档案馆'],
    ]);
    const pkcs = await verifyEep(utf8(original(signer, { rule: 'PKCS#7' })), { trustAnchors: anchors });
    expect(pkcs.signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
    // Another rule with another user id: not verifiable over the raw bytes, which proves nothing.
    const foreign = await verifyEep(utf8(original(signer, { rule: 'PKCS#7', userId: 'BOB' })), {
      trustAnchors: anchors,
    });
    expect(foreign.signatures.map((s) => s.problem)).toEqual(['rule-unknown', 'rule-unknown']);
    expect(foreign.valid).toBe(true);
    // dangan's rule naming a user id the signer did not use: invalid.
    const lying = original(signer, { rule: eepSigningRule('CAROL') });
    expect((await verifyEep(utf8(lying))).signatures[0]!.problem).toBe('signature-mismatch');
  });

  it('an algorithm other than SM2/SM3 cannot be verified', async () => {
    const r = await verifyEep(utf8(original(signer, { algorithm: 'sha1WithRSAEncryption' })), {
      trustAnchors: anchors,
    });
    expect(r.signatures.map((s) => s.problem)).toEqual(['algorithm-unsupported', 'algorithm-unsupported']);
    const named = await verifyEep(utf8(original(signer, { algorithm: 'SM3withSM2' })), {
      trustAnchors: anchors,
    });
    expect(named.signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
  });

  it('checks the certificate at 签名时间', async () => {
    const expired = testSigner({
      ca: signer.ca,
      notBefore: new Date('2020-01-01Z'),
      notAfter: new Date('2023-01-01Z'),
    });
    const r = await verifyEep(utf8(original(expired)), { trustAnchors: anchors });
    expect(r.signatures[0]!.signature.status).toBe('valid');
    expect(r.signatures[0]!.validity).toMatchObject({ status: 'invalid', problem: 'expired' });
    expect(r.signatures[0]!.status).toBe('invalid');
    const early = await verifyEep(utf8(original(expired, { time: '2019-06-01T10:00:00+08:00' })), {
      trustAnchors: anchors,
    });
    expect(early.signatures[0]!.validity.problem).toBe('not-yet-valid');
    const untimed = original().replace(/<签名时间>[^<]*<\/签名时间>/, '');
    const none = await verifyEep(utf8(untimed), { trustAnchors: anchors });
    expect(none.signatures[0]!.validity.problem).toBe('no-time');
    expect(none.signatures[0]!.status).toBe('cannot-verify');
    const given = await verifyEep(utf8(untimed), { trustAnchors: anchors, time: new Date('2024-06-01Z') });
    expect(given.signatures[0]!.status).toBe('valid');
  });

  it('builds the chain through intermediates the 证书块 carries', async () => {
    const root = signer.ca;
    const pair = sm2.generateKeyPair();
    const intermediate = {
      ...pair,
      certificate: createCertificate({
        publicKey: pair.publicKey,
        signingKey: root.privateKey,
        issuerCertificate: root.certificate,
        subject: { C: 'CN', O: '档案测试', CN: '二级CA' },
        serialNumber: 9001n,
        notBefore: new Date('2020-01-01Z'),
        notAfter: new Date('2040-01-01Z'),
        ca: true,
      }),
    };
    const leaf = testSigner({ ca: intermediate });
    const withChain = await verifyEep(utf8(original(leaf, { includeCa: true })), {
      trustAnchors: [root.certificate],
    });
    expect(withChain.signatures.map((s) => s.chain.status)).toEqual(['valid', 'valid']);
    const without = await verifyEep(utf8(original(leaf)), { trustAnchors: [root.certificate] });
    expect(without.signatures[0]!.chain.problem).toBe('untrusted');
    const selfSigned = (CN: string) => {
      const key = sm2.generateKeyPair();
      return createCertificate({
        publicKey: key.publicKey,
        signingKey: key.privateKey,
        subject: { C: 'CN', O: '档案测试', CN },
        serialNumber: 9002n,
        notBefore: new Date('2020-01-01Z'),
        notAfter: new Date('2040-01-01Z'),
        ca: true,
      });
    };
    const elsewhere = await verifyEep(utf8(original()), { trustAnchors: [selfSigned('别的根CA')] });
    expect(elsewhere.signatures[0]!.chain).toMatchObject({ status: 'invalid', problem: 'untrusted' });
    expect(elsewhere.valid).toBe(false);
    // A CA with the right name and another key: the link does not verify.
    const fake = await verifyEep(utf8(original()), { trustAnchors: [selfSigned('测试根CA')] });
    expect(fake.signatures[0]!.chain.problem).toBe('chain-invalid');
  });

  it('a lock naming no signature of the package cannot be verified', async () => {
    const r = await verifyEep(
      utf8(original().replace('<被锁定签名标识符>修改0-签名1<', '<被锁定签名标识符>Da<')),
    );
    expect(r.lock).toMatchObject({ status: 'cannot-verify', problem: 'lock-target-missing' });
  });

  it('requireSignature reports an unsigned package', async () => {
    const unsigned = originalEep({ ids: 'a', files: [{ name: '通知.pdf', data: DATA[0] }] });
    const r = await verifyEep(utf8(unsigned), { requireSignature: true });
    expect([r.valid, r.signed, r.trusted]).toEqual([false, false, false]);
    expect(r.findings.map((f) => f.code)).toEqual(['EEP_SIGNATURE_MISSING']);
    expect((await verifyEep(utf8(unsigned))).valid).toBe(true);
  });
});

describe('verifyEep: 修改型 layers', () => {
  const v0 = original();
  const v1 = signEep(
    modifiedEep(v0, {
      ids: 'b',
      title: '修改后',
      modificationId: '修改1',
      files: [
        { name: '通知.pdf', ref: 'EDa1', refSize: 1000 },
        { name: '附件.ofd', data: bytesOf(80, 3) },
      ],
    }),
    signer,
    { modification: 1 },
  );

  it('each 电子签名 is checked against the 被签名对象 of its own layer', async () => {
    const r = await verifyEep(utf8(v1), { trustAnchors: anchors });
    expect(r.findings).toEqual([]);
    expect(statuses(r)).toEqual([
      ['signature', '修改0-签名1', 'valid', undefined],
      ['signature', '修改1-签名1', 'valid', undefined],
      ['lock', '修改1-签名1', 'valid', undefined],
    ]);
    expect(r.signatures.map((s) => s.modification)).toEqual([0, 1, 1]);
    expect(r.modifications).toBe(1);
  });

  it('a change in the current layer breaks only its signature; a change in the original breaks both', async () => {
    const outer = await verifyEep(utf8(v1.replace('<题名>修改后', '<题名>修改前')), {
      trustAnchors: anchors,
    });
    expect(statuses(outer).map((s) => s[2])).toEqual(['valid', 'invalid', 'valid']);
    const inner = await verifyEep(
      utf8(v1.replace('<题名>关于做好归档工作的通知', '<题名>关于做好归档工作的通告')),
      {
        trustAnchors: anchors,
      },
    );
    expect(statuses(inner).map((s) => s[2])).toEqual(['invalid', 'invalid', 'valid']);
  });

  it('files: digests of the decoded bytes, references resolved to the earlier data', async () => {
    const r = await verifyEep(utf8(v1), { digests: ['sha256'] });
    expect(
      r.files.map((f) => [
        f.fileName,
        f.modification,
        f.referencedDataId,
        f.decodedSize,
        f.sizeMatches,
        f.status,
      ]),
    ).toEqual([
      ['通知.pdf', 0, undefined, 1000, true, 'valid'],
      ['附件.ofd', 0, undefined, 77, true, 'valid'],
      ['通知.pdf', 1, 'EDa1', 1000, true, 'valid'],
      ['附件.ofd', 1, undefined, 80, true, 'valid'],
    ]);
    expect(r.files[0]!.digests.sm3).toBe(nodeSm3(DATA[0]!));
    expect(r.files[2]!.digests.sm3).toBe(nodeSm3(DATA[0]!));
    expect(r.files[3]!.digests.sha256).toBe(createHash('sha256').update(bytesOf(80, 3)).digest('hex'));
  });

  it('a wrong size or broken Base64 makes the file invalid', async () => {
    const sized = await verifyEep(utf8(v1.replace('<计算机文件大小>80<', '<计算机文件大小>81<')));
    expect(sized.files[3]).toMatchObject({ sizeMatches: false, status: 'invalid' });
    expect(sized.valid).toBe(false);
    const broken = await verifyEep(utf8(v1.replace(/(<编码数据 编码数据ID="EDb2">)(.)/, '$1!$2')));
    expect(broken.files[3]).toMatchObject({ decodedSize: undefined, status: 'invalid' });
    expect(broken.files[3]!.digests).toEqual({});
  });
});

describe('verifyEep: where the signed bytes come from', () => {
  const xml = original();
  const bytes = utf8(xml);

  it('a re-readable source is read twice when the signed bytes are not kept', async () => {
    const r = await verifyEep(bytes, { trustAnchors: anchors, maxBufferedBytes: 0 });
    expect(r.reads).toBe(2);
    expect(r.trusted).toBe(true);
    let calls = 0;
    const fn = () => {
      calls++;
      return bytes;
    };
    expect((await verifyEep(fn, { trustAnchors: anchors, maxBufferedBytes: 0 })).trusted).toBe(true);
    expect(calls).toBe(2);
  });

  it('a one-shot stream: kept bytes or named signers verify in one read, else cannot-verify', async () => {
    const stream = () =>
      (async function* () {
        for (let at = 0; at < bytes.length; at += 1000) yield bytes.slice(at, at + 1000);
      })();
    const kept = await verifyEep(stream(), { trustAnchors: anchors });
    expect([kept.trusted, kept.reads]).toEqual([true, 1]);
    const named = await verifyEep(stream(), {
      trustAnchors: anchors,
      maxBufferedBytes: 0,
      signers: [signer.certificate],
    });
    expect([named.trusted, named.reads]).toEqual([true, 1]);
    const neither = await verifyEep(stream(), { trustAnchors: anchors, maxBufferedBytes: 0 });
    expect(neither.signatures[0]).toMatchObject({
      status: 'cannot-verify',
      problem: 'source-not-rereadable',
    });
    expect(neither.lock?.status).toBe('valid');
  });

  it('a source that changes between the two reads is caught', async () => {
    let calls = 0;
    const tampered = utf8(xml.replace('<题名>关于做好归档工作的通知', '<题名>关于做好归档工作的通告'));
    const r = await verifyEep(() => (calls++ === 0 ? bytes : tampered), { maxBufferedBytes: 0 });
    expect(r.signatures[0]!.problem).toBe('source-changed');
    expect(r.findings.map((f) => f.code)).toContain('EEP_SOURCE_CHANGED');
    expect(r.valid).toBe(false);
  });

  it('a GB 18030 package: the UTF-8 bytes the rule signs are not there', async () => {
    const r = await verifyEep(encodeGb18030(xml.replace('encoding="UTF-8"', 'encoding="GB18030"')), {
      trustAnchors: anchors,
    });
    expect(r.signatures.map((s) => s.problem)).toEqual(['bytes-unknown', 'bytes-unknown']);
    expect(r.findings.map((f) => f.code)).toContain('EEP_RULE_ENCODING');
  });

  it('malformed XML: not valid, no signatures judged; unreadable sources fail the safe form', async () => {
    const r = await verifyEep(utf8(xml.replace('</题名>', '</题 名>')));
    expect(r.valid).toBe(false);
    expect(r.signatures).toEqual([]);
    expect(r.findings.map((f) => f.code)).toContain('XML_MALFORMED');
    const safe = await safeVerifyEep(() => {
      throw new Error('gone');
    });
    expect(safe.ok).toBe(false);
    await expect(verifyEep(bytes, { trustAnchors: [utf8('not a certificate')] })).rejects.toThrow(RangeError);
    await expect(verifyEep(bytes, { maxBufferedBytes: -1 })).rejects.toThrow(RangeError);
  });
});
