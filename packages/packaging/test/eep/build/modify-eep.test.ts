import { recordFromXml, schemes } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import { buildEep } from '../../../src/eep/build/build-eep.js';
import {
  allEmbedded,
  bytesOf,
  CAN_VALIDATE,
  collect,
  embedded,
  type Obj,
  record,
  signedObjectBytes,
  testPki,
  verifyAll,
  xmllintValidate,
} from './support.js';

const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');
const creator = '某区政务服务中心';
const t0 = new Date('2024-06-01T02:00:00Z');
const t1 = new Date('2025-01-01T02:00:00Z');
const t2 = new Date('2025-06-01T02:00:00Z');

/** Exact bytes of the element starting at the n-th (0-based) occurrence of `<name` up to its matching end. */
function elementBytes(doc: Uint8Array, name: string, n = 0): Uint8Array {
  const s = Buffer.from(doc);
  let start = -1;
  for (let k = 0; k <= n; k++) start = s.indexOf(`<${name}`, start + 1);
  // Walk start/end tags of this name to find the matching end.
  let depth = 0;
  let at = start;
  const open = Buffer.from(`<${name}`);
  const close = Buffer.from(`</${name}>`);
  while (true) {
    const o = s.indexOf(open, at + 1);
    const c = s.indexOf(close, at + 1);
    if (o >= 0 && o < c) {
      depth++;
      at = o;
    } else {
      if (depth === 0) return new Uint8Array(s.subarray(start, c + close.length));
      depth--;
      at = c;
    }
  }
}

describe('buildEep: 修改型', () => {
  it('wraps a signed original byte for byte, references unchanged files, and keeps every signature valid', async () => {
    const pki = testPki();
    const a = bytesOf(3000, 1);
    const b = bytesOf(17, 2);
    const originalRecord = record([a.length, b.length]);
    const original = await collect(
      buildEep({
        record: originalRecord,
        files: [a, b],
        creator,
        createdAt: t0,
        signers: [pki.signer('张三')],
      }),
    );
    const changed = bytesOf(500, 3);
    const r1 = record([a.length, changed.length, b.length], ['通知.pdf', '附件1-修订.ofd', '附件1.ofd']);
    ((r1.文件实体 as Obj).内容描述 as Obj).题名 = '关于做好归档工作的通知（修订）';
    const modified = buildEep({
      previous: original,
      record: r1,
      files: [{ unchanged: 0 }, changed, { unchanged: '修改0-编码数据2' }],
      creator: '某区档案馆',
      createdAt: t1,
      signers: [pki.signer('李四')],
    });
    const bytes = await collect(modified);
    const s = text(bytes);
    const result = await modified.result;
    expect(result).toMatchObject({ packageType: '修改型', modification: 1, modificationId: '修改1' });
    expect(s).toContain('<封装包类型>修改型</封装包类型>');
    expect(s).toContain('<修改封装内容><修改标识符>修改1</修改标识符><原封装包><被签名对象 eep版本="2009">');
    // The original 被签名对象 and 电子签名块 are inside 原封装包 byte for byte; its 锁定签名 is not.
    const inner = `<原封装包>${text(signedObjectBytes(original))}${text(elementBytes(original, '电子签名块'))}</原封装包>`;
    expect(s).toContain(inner);
    expect(s.match(/<锁定签名>/g)).toHaveLength(1);
    expect(s).not.toContain(text(elementBytes(original, '锁定签名')));
    // Unchanged files are empty 编码数据 referring to the original data.
    expect(embedded(bytes).map((e) => [e.id, e.ref, e.bytes.length])).toEqual([
      ['修改1-编码数据1', '修改0-编码数据1', 0],
      ['修改1-编码数据2', undefined, 500],
      ['修改1-编码数据3', '修改0-编码数据2', 0],
    ]);
    expect(s).toContain('<编码数据 编码数据ID="修改1-编码数据1" 引用编码数据ID="修改0-编码数据1"/>');
    const data = allEmbedded(bytes);
    expect(data.get('修改0-编码数据1')).toEqual(a);
    expect(data.get('修改0-编码数据2')).toEqual(b);
    expect(data.get('修改1-编码数据2')).toEqual(changed);
    expect(result.files.map((f) => [f.referencedDataId, f.size])).toEqual([
      ['修改0-编码数据1', 3000],
      [undefined, 500],
      ['修改0-编码数据2', 17],
    ]);
    // The new signature covers the new 被签名对象; the original one still verifies over its own bytes.
    expect(verifyAll(bytes)).toEqual({ ids: ['修改1-签名1'], locked: '修改1-签名1' });
    const originalIds = verifyAll(original);
    expect(originalIds.ids).toEqual(['修改0-签名1']);
    // The current layer reads back as the record.
    expect(await recordFromXml(bytes, schemes.dat46)).toEqual(r1);
    if (CAN_VALIDATE) expect(xmllintValidate(bytes)).toMatchObject({ ok: true });
  });

  it('nests: a 修改型 of a 修改型 of an unsigned original, references followed to the data', async () => {
    const pki = testPki();
    const a = bytesOf(1234, 7);
    const original = await collect(
      buildEep({ record: record([a.length]), files: [a], creator, createdAt: t0 }),
    );
    const first = await collect(
      buildEep({
        previous: original,
        record: record([a.length, 5]),
        files: [{ unchanged: 0 }, bytesOf(5, 8)],
        creator,
        createdAt: t1,
        signers: [pki.signer('张三'), pki.signer('李四')],
        pretty: true,
      }),
    );
    const second = buildEep({
      previous: () =>
        (async function* () {
          for (let i = 0; i < first.length; i += 333) yield first.slice(i, i + 333);
        })(),
      record: record([a.length, 5, 9]),
      files: [{ unchanged: 0 }, { unchanged: 1 }, bytesOf(9, 9)],
      creator,
      createdAt: t2,
      signers: [pki.signer('王五')],
      chunkSize: 100,
    });
    const bytes = await collect(second);
    const s = text(bytes);
    expect((await second.result).modification).toBe(2);
    expect(s.match(/<被签名对象 /g)).toHaveLength(3);
    expect(s.match(/<修改标识符>/g)).toHaveLength(2);
    // Layer 2 refers straight to the data: 修改1-编码数据1 was itself only a reference to 修改0-编码数据1.
    expect(embedded(bytes).map((e) => e.ref)).toEqual(['修改0-编码数据1', '修改1-编码数据2', undefined]);
    expect(s).toContain(text(signedObjectBytes(first)));
    expect(s).toContain(text(signedObjectBytes(original)));
    // The middle layer's two signatures verify over the middle 被签名对象 as copied into the outer layer.
    expect(verifyAll(first).ids).toEqual(['修改1-签名1', '修改1-签名2']);
    expect(verifyAll(bytes).ids).toEqual(['修改2-签名1']);
    const ids = [
      ...s.matchAll(
        / (?:文档数据ID|编码ID|编码数据ID)="([^"]+)"|<(?:文档标识符|修改标识符|签名标识符)>([^<]+)/g,
      ),
    ].map((m) => m[1] ?? m[2]);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
    if (CAN_VALIDATE) expect(xmllintValidate(bytes)).toMatchObject({ ok: true });
    expect(((await recordFromXml(bytes, schemes.dat46)) as Obj).文件实体).toEqual(
      record([a.length, 5, 9]).文件实体,
    );
  });

  it('copies a prefixed earlier EEP with its namespace declaration', async () => {
    const plain = text(
      await collect(buildEep({ record: record([4]), files: [bytesOf(4)], creator, createdAt: t0 })),
    );
    const prefixed = plain
      .replace(/<(\/?)([^\s>/?!]+)/g, (_m, slash: string, name: string) => `<${slash}eep:${name}`)
      .replace(' xmlns=', ' xmlns:eep=');
    const bytes = await collect(
      buildEep({
        previous: new TextEncoder().encode(prefixed),
        record: record([4]),
        files: [{ unchanged: 0 }],
        creator,
        createdAt: t1,
      }),
    );
    const s = text(bytes);
    expect(s).toContain(
      '<原封装包 xmlns:eep="http://www.saac.gov.cn/standards/ERM/encapsulation"><eep:被签名对象',
    );
    expect(embedded(bytes)[0]!.ref).toBe('修改0-编码数据1');
    if (CAN_VALIDATE) expect(xmllintValidate(bytes)).toMatchObject({ ok: true });
  });

  it('refuses bad references, a wrong size for a referenced file, and earlier EEPs that are not EEPs', async () => {
    const a = bytesOf(10);
    const original = await collect(buildEep({ record: record([10]), files: [a], creator, createdAt: t0 }));
    const attempt = async (options: Partial<Parameters<typeof buildEep>[0]>) => {
      const eep = buildEep({
        previous: original,
        record: record([10]),
        files: [{ unchanged: 0 }],
        creator,
        createdAt: t1,
        ...options,
      });
      const seen: Uint8Array[] = [];
      const error = await (async () => {
        try {
          for await (const c of eep) seen.push(c);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(text(new Uint8Array(Buffer.concat(seen)))).not.toContain('</电子文件封装包>');
      await expect(eep.result).rejects.toBe(error);
      return error as { code: string; message: string };
    };
    expect((await attempt({ files: [{ unchanged: 1 }] })).code).toBe('EEP_REFERENCE_INVALID');
    expect((await attempt({ files: [{ unchanged: '修改0-编码数据9' }] })).message).toContain(
      '修改0-编码数据9',
    );
    expect((await attempt({ record: record([11]) })).code).toBe('EEP_FILE_SIZE_MISMATCH');
    expect((await attempt({ previous: new TextEncoder().encode('<a/>') })).code).toBe('EEP_SOURCE_INVALID');
    expect((await attempt({ previous: original.subarray(0, original.length - 30) })).code).toBe(
      'EEP_SOURCE_INVALID',
    );
    const broken = text(original).replace('</文件实体块>', '</文件实体块x>');
    expect((await attempt({ previous: new TextEncoder().encode(broken) })).message).toContain('不匹配');
    // Ids of a new layer that an earlier (foreign) layer already uses.
    const clash = text(original).replace('<文档标识符>修改0-文档1<', '<文档标识符>修改1-文档1<');
    expect((await attempt({ previous: new TextEncoder().encode(clash) })).code).toBe('EEP_ID_COLLISION');
    expect(() =>
      buildEep({ record: record([10]), files: [{ unchanged: 0 }], creator, createdAt: t1 }),
    ).toThrow(TypeError);
  });
});
