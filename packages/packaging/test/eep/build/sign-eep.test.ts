import { sm2 } from '@dangan/core';
import { recordFromXml, schemes } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import { buildEep } from '../../../src/eep/build/build-eep.js';
import { signEep } from '../../../src/eep/sign/sign-eep.js';
import {
  bytesOf,
  CAN_VALIDATE,
  collect,
  embedded,
  field,
  pieces,
  record,
  signedObjectBytes,
  testPki,
  topSignatureElements,
  verifyAll,
  xmllintValidate,
} from './support.js';

const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');
const creator = '某区政务服务中心';
const createdAt = new Date('2024-06-01T02:00:00Z');
const now = () => new Date('2024-07-01T00:00:00Z');

async function failure(stream: AsyncIterable<Uint8Array> & { result: Promise<unknown> }) {
  const seen: Uint8Array[] = [];
  try {
    for await (const c of stream) seen.push(c);
  } catch (e) {
    expect(text(new Uint8Array(Buffer.concat(seen)))).not.toContain('</电子文件封装包>');
    await expect(stream.result).rejects.toBe(e);
    return e as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

describe('signEep', () => {
  it('signs an unsigned EEP: new 电子签名块 and 锁定签名, 被签名对象 untouched', async () => {
    const pki = testPki();
    for (const pretty of [false, true]) {
      const unsigned = await collect(
        buildEep({ record: record([3000]), files: [bytesOf(3000)], creator, createdAt, pretty }),
      );
      const signer = pki.signer('张三');
      const signed = signEep(pieces(unsigned, 1000), signer, { now });
      const bytes = await collect(signed);
      const result = await signed.result;
      expect(result).toMatchObject({
        signatureId: '修改0-签名1',
        lockedSignature: '修改0-签名1',
        modification: 0,
        signatures: ['修改0-签名1'],
        byteLength: bytes.length,
      });
      expect(signedObjectBytes(bytes)).toEqual(signedObjectBytes(unsigned));
      expect(bytes.subarray(result.signedObject.start, result.signedObject.end)).toEqual(
        signedObjectBytes(unsigned),
      );
      expect(verifyAll(bytes)).toEqual({ ids: ['修改0-签名1'], locked: '修改0-签名1' });
      expect(field(topSignatureElements(bytes)[0]!.xml, '签名时间')).toBe('2024-07-01T08:00:00+08:00');
      expect(sm2.verify(result.signature, signedObjectBytes(bytes), signer.publicKey)).toBe(true);
      expect(embedded(bytes)[0]!.bytes).toEqual(bytesOf(3000));
      expect(await recordFromXml(bytes, schemes.dat46)).toEqual(await recordFromXml(unsigned, schemes.dat46));
      if (CAN_VALIDATE) expect(xmllintValidate(bytes)).toMatchObject({ ok: true });
    }
  });

  it('adds to a signed EEP: earlier signatures stay valid, the old lock is replaced', async () => {
    const pki = testPki();
    const first = pki.signer('张三');
    const original = await collect(
      buildEep({
        record: record([10]),
        files: [bytesOf(10)],
        creator,
        createdAt,
        signers: [first],
        pretty: true,
      }),
    );
    const second = await collect(signEep(original, pki.signer('李四', { userId: 'LISI' })));
    expect(verifyAll(second)).toEqual({ ids: ['修改0-签名1', '修改0-签名2'], locked: '修改0-签名2' });
    expect(text(second).match(/<锁定签名>/g)).toHaveLength(1);
    expect(text(second)).not.toMatch(/\n\s*\n/); // the old lock's line went with it
    expect(field(topSignatureElements(second)[1]!.xml, '签名时间')).toBeUndefined();
    // A third signer locks the first signature instead.
    const third = signEep(second, pki.signer('王五'), { lock: '修改0-签名1' });
    const bytes = await collect(third);
    expect((await third.result).lockedSignature).toBe('修改0-签名1');
    expect(verifyAll(bytes)).toEqual({
      ids: ['修改0-签名1', '修改0-签名2', '修改0-签名3'],
      locked: '修改0-签名1',
    });
    expect(topSignatureElements(bytes)[0]!.bytes).toEqual(topSignatureElements(original)[0]!.bytes);
    if (CAN_VALIDATE) expect(xmllintValidate(bytes)).toMatchObject({ ok: true });
  });

  it('signs the outer layer of a 修改型 with R, and writes the EEP’s own prefix', async () => {
    const pki = testPki();
    const original = await collect(
      buildEep({
        record: record([4]),
        files: [bytesOf(4)],
        creator,
        createdAt,
        signers: [pki.signer('张三')],
      }),
    );
    const modified = await collect(
      buildEep({ previous: original, record: record([4]), files: [{ unchanged: 0 }], creator, createdAt }),
    );
    const signed = signEep(modified, pki.signer('李四'));
    const bytes = await collect(signed);
    expect((await signed.result).signatureId).toBe('修改1-签名1');
    expect(verifyAll(bytes).ids).toEqual(['修改1-签名1']);
    expect(text(bytes).match(/<电子签名块>/g)).toHaveLength(2); // the original's, copied, and the new one
    if (CAN_VALIDATE) expect(xmllintValidate(bytes)).toMatchObject({ ok: true });

    const prefixed = text(original)
      .replace(/<(\/?)([^\s>/?!]+)/g, (_m, slash: string, name: string) => `<${slash}eep:${name}`)
      .replace(' xmlns=', ' xmlns:eep=');
    const resigned = text(await collect(signEep(new TextEncoder().encode(prefixed), pki.signer('王五'))));
    expect(resigned).toContain('<eep:电子签名><eep:签名标识符>修改0-签名2</eep:签名标识符>');
    expect(resigned).toContain('<eep:锁定签名><eep:被锁定签名标识符>修改0-签名2</eep:被锁定签名标识符>');
    if (CAN_VALIDATE) expect(xmllintValidate(resigned)).toMatchObject({ ok: true });
  });

  it('refuses a missing lock target, a document that is not an EEP, and a bad signer', async () => {
    const pki = testPki();
    const unsigned = await collect(
      buildEep({ record: record([4]), files: [bytesOf(4)], creator, createdAt }),
    );
    const notFound = await failure(signEep(unsigned, pki.signer('张三'), { lock: '修改0-签名7' }));
    expect(notFound.code).toBe('EEP_SIGNATURE_NOT_FOUND');
    expect(notFound.message).toContain('修改0-签名7');
    expect((await failure(signEep(new TextEncoder().encode('<a><b/></a>'), pki.signer('张三')))).code).toBe(
      'EEP_SOURCE_INVALID',
    );
    expect((await failure(signEep(unsigned.subarray(0, 500), pki.signer('张三')))).code).toBe(
      'EEP_SOURCE_INVALID',
    );
    const noSigned = new TextEncoder().encode(
      '<电子文件封装包 xmlns="http://www.saac.gov.cn/standards/ERM/encapsulation"><版本>2009</版本></电子文件封装包>',
    );
    expect((await failure(signEep(noSigned, pki.signer('张三')))).message).toContain('没有被签名对象');
    const other = pki.signer('李四');
    expect(() => signEep(unsigned, { ...pki.signer('张三'), certificate: other.certificate })).toThrow(
      expect.objectContaining({ code: 'EEP_SIGNER_INVALID' }),
    );
    expect(() => signEep(unsigned, { ...other, privateKey: new Uint8Array(32) })).toThrow(
      expect.objectContaining({ code: 'EEP_SIGNER_INVALID' }),
    );
    expect(() => signEep(unsigned, { ...other, privateKey: 'not a key' })).toThrow(
      expect.objectContaining({ code: 'EEP_SIGNER_INVALID' }),
    );
  });
});
