import { DanganError } from '@dangan/core';
import { memorySink } from '@dangan/packaging';
import { describe, expect, it } from 'vitest';
import { buildEep } from '../../../src/eep/build/build-eep.js';
import { EEP_BUILD_ERROR_CODES } from '../../../src/eep/build/errors.js';
import type { BuildEepOptions } from '../../../src/eep/build/options.js';
import { bytesOf, collect, type Obj, record, testPki } from './support.js';

const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');
const base = (): BuildEepOptions => ({
  record: record([10]),
  files: [bytesOf(10)],
  creator: '某区政务服务中心',
  createdAt: new Date('2024-06-01T02:00:00Z'),
});

/** Reads the build until it fails; checks nothing complete-looking came out and the result rejected alike. */
async function streamFailure(options: BuildEepOptions): Promise<DanganError> {
  const eep = buildEep(options);
  const seen: Uint8Array[] = [];
  try {
    for await (const c of eep) seen.push(c.slice());
  } catch (e) {
    expect(e).toBeInstanceOf(DanganError);
    const partial = text(new Uint8Array(Buffer.concat(seen)));
    expect(partial).not.toContain('</电子文件封装包>');
    expect(partial).not.toContain('</被签名对象>');
    await expect(eep.result).rejects.toBe(e);
    return e as DanganError;
  }
  throw new Error('expected the build to fail');
}

function eagerFailure(options: BuildEepOptions): DanganError {
  try {
    buildEep(options);
  } catch (e) {
    expect(e).toBeInstanceOf(DanganError);
    return e as DanganError;
  }
  throw new Error('expected buildEep to throw');
}

describe('buildEep refuses bad input with a typed, Chinese DanganError', () => {
  it('a file whose size differs from 计算机文件大小, whichever way, after streaming it', async () => {
    for (const size of [9, 11, 0]) {
      const e = await streamFailure({ ...base(), files: [bytesOf(size)] });
      expect(e.code).toBe('EEP_FILE_SIZE_MISMATCH');
      expect(e.message).toMatch(/实际为 \d+ 字节，记录的计算机文件大小为 10/);
      expect(e.messageEn).toContain('计算机文件大小');
      expect(e.findings[0]!.path).toBe('文件实体/电子属性[0]/计算机文件大小');
    }
  });

  it('a source that fails midway', async () => {
    async function* failing() {
      yield bytesOf(4);
      throw new Error('disk gone');
    }
    const e = await streamFailure({ ...base(), files: [failing()] });
    expect(e.code).toBe('EEP_FILE_READ_FAILED');
    expect(e.message).toContain('disk gone');
    expect(e.message).toContain('必须丢弃');
  });

  it('leaves a sink with nothing: memorySink discards the failed entry', async () => {
    const sink = memorySink();
    await expect(sink.write('x.eep', buildEep({ ...base(), files: [bytesOf(3)] }))).rejects.toMatchObject({
      code: 'EEP_FILE_SIZE_MISMATCH',
    });
    await expect(sink.commit()).rejects.toBeDefined();
  });

  it('aborts on the signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const e = await streamFailure({ ...base(), signal: controller.signal });
    expect(e.code).toBe('ABORTED');
  });

  it('a record without 业务实体 or 机构人员实体, or without 文件实体 / sizes / names', () => {
    const without = (key: string) => {
      const r = record([10]) as Obj;
      delete r[key];
      return r;
    };
    const e = eagerFailure({ ...base(), record: without('业务实体') });
    expect(e.code).toBe('EEP_RECORD_INVALID');
    expect(e.message).toContain('业务实体');
    expect(eagerFailure({ ...base(), record: without('机构人员实体') }).message).toContain('机构人员实体');
    expect(eagerFailure({ ...base(), record: without('文件实体') }).code).toBe('EEP_RECORD_INVALID');
    const noSize = record([10]);
    delete (((noSize.文件实体 as Obj).电子属性 as Obj[])[0] as Obj).计算机文件大小;
    expect(eagerFailure({ ...base(), record: noSize }).message).toContain('计算机文件大小');
    const badSize = record([10]);
    (((badSize.文件实体 as Obj).电子属性 as Obj[])[0] as Obj).计算机文件大小 = '10 KB';
    expect(eagerFailure({ ...base(), record: badSize }).code).toBe('EEP_RECORD_INVALID');
    const unwritable = record([10]);
    ((unwritable.文件实体 as Obj).内容描述 as Obj).题名 = { not: 'text' };
    expect(eagerFailure({ ...base(), record: unwritable }).code).toBe('EEP_RECORD_INVALID');
    expect(eagerFailure({ ...base(), files: [bytesOf(10), bytesOf(1)] }).code).toBe('EEP_FILES_MISMATCH');
  });

  it('a bad key, a certificate of another key, a broken certificate', () => {
    const pki = testPki();
    const good = pki.signer('张三');
    const other = pki.signer('李四');
    const cases = [
      { ...good, privateKey: new Uint8Array(32) },
      { ...good, privateKey: new Uint8Array(32).fill(0xff) },
      { ...good, privateKey: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n' },
      { ...good, certificate: other.certificate },
      { ...good, certificate: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]) },
      { ...good, chain: [new Uint8Array([1, 2, 3])] },
    ];
    for (const [i, signer] of cases.entries()) {
      const e = eagerFailure({ ...base(), signers: [good, signer] });
      expect(e.code, `case ${i}`).toBe('EEP_SIGNER_INVALID');
      expect(e.message).toContain('第 2 个签名人');
    }
  });

  it('argument mistakes are TypeError/RangeError naming the option', () => {
    const bad: [Partial<BuildEepOptions> | Record<string, unknown>, RegExp][] = [
      [{ creator: '' }, /creator/],
      [{ createdAt: undefined }, /createdAt/],
      [{ createdAt: '2024-06-01 10:00' }, /xs:dateTime/],
      [{ createdAt: new Date(Number.NaN) }, /createdAt/],
      [{ files: 'x' }, /files/],
      [{ files: [42] }, /files\[0\]/],
      [{ chunkSize: 0 }, /chunkSize/],
      [{ lock: 0 }, /lock/],
      [{ signers: [testPki().signer('张三')], lock: 1 }, /lock/],
      [{ documents: [{ versions: [[1]] }] }, /file 0 comes next/],
      [{ documents: [{ versions: [] }] }, /versions/],
      [{ documents: [] }, /every file/],
      [{ fileDigests: ['crc'] }, /crc|algorithm/i],
      [{ utcOffsetMinutes: 1000 }, /utcOffsetMinutes/],
    ];
    for (const [options, message] of bad) {
      expect(() => buildEep({ ...base(), ...options } as BuildEepOptions)).toThrow(message);
    }
  });

  it('documents every code', async () => {
    expect(Object.keys(EEP_BUILD_ERROR_CODES)).toContain('EEP_FILE_SIZE_MISMATCH');
    for (const description of Object.values(EEP_BUILD_ERROR_CODES))
      expect(description).toMatch(/[\u4e00-\u9fa5]/);
    // And a good build after all that still works.
    expect((await collect(buildEep(base()))).length).toBeGreaterThan(1000);
  });
});
