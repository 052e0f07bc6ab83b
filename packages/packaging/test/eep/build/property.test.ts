import { recordFromXml, schemes, type UnknownRecord } from '@dangan/metadata';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryRecord } from '../../../../metadata/test/support/arbitrary-record.js';
import { withEepEntities } from '../../../../metadata/test/xml/support/eep.js';
import { buildEep } from '../../../src/eep/build/build-eep.js';
import { signEep } from '../../../src/eep/sign/sign-eep.js';
import { CAN_VALIDATE, collect, embedded, type Obj, testPki, verifyAll, xmllintValidate } from './support.js';

/** What an EEP keeps of a record: no 电子签名 metadata (not a signature over 被签名对象) and no 件数. */
function eepView(record: UnknownRecord): UnknownRecord {
  const copy = structuredClone(record) as Obj;
  const file = copy.文件实体 as Obj;
  delete file.电子签名;
  delete (file.形式特征 as Obj | undefined)?.件数;
  return copy;
}

/** Sizes around Base64 group boundaries (0–5) and around the read chunk size. */
const sizeFor = (chunk: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: 5 }),
    fc.constantFrom(chunk - 1, chunk, chunk + 1, 3 * chunk - 1, 3 * chunk + 1).map((n) => Math.max(0, n)),
    fc.integer({ min: 0, max: 3000 }),
  );

const cases = fc
  .tuple(
    arbitraryRecord(schemes.dat46),
    fc.constantFrom(1, 2, 3, 7, 64, 1000),
    fc.option(fc.constantFrom('一网通办平台')),
  )
  .chain(([r, chunkSize, system]) => {
    const record = withEepEntities(r) as Obj;
    const file = record.文件实体 as Obj;
    file.聚合层次 = '文件';
    const attributes = file.电子属性 as Obj[];
    for (const a of attributes) {
      if (system === null) delete a.信息系统描述;
      else a.信息系统描述 = system;
    }
    return fc.tuple(
      fc.constant(record),
      fc.constant(chunkSize),
      fc.array(sizeFor(chunkSize), { minLength: attributes.length, maxLength: attributes.length }),
      fc.integer({ min: 0, max: 2 }),
      fc.boolean(),
      fc.integer({ min: 1, max: 1 << 30 }),
    );
  });

describe('buildEep over random records and file sizes', () => {
  it('always validates, reads back, embeds the exact bytes, and verifies', async () => {
    const pki = testPki();
    const signers = [pki.signer('张三'), pki.signer('李四', { userId: 'LISI' })];
    await fc.assert(
      fc.asyncProperty(cases, async ([record, chunkSize, sizes, signerCount, pretty, seed]) => {
        const attributes = (record.文件实体 as Obj).电子属性 as Obj[];
        sizes.forEach((size, i) => {
          attributes[i]!.计算机文件大小 = size;
        });
        const files = sizes.map((size, i) =>
          Uint8Array.from({ length: size }, (_, k) => (seed + i * 31 + k * 7) & 255),
        );
        const eep = buildEep({
          record: record as UnknownRecord,
          files: files.map((f, i) => (i % 2 === 0 ? f : () => f)),
          creator: '某区政务服务中心',
          createdAt: '2024-06-01T10:00:00+08:00',
          signers: signers.slice(0, signerCount),
          pretty,
          chunkSize,
        });
        let bytes = await collect(eep);
        expect(embedded(bytes).map((e) => e.bytes)).toEqual(files);
        expect(await recordFromXml(bytes, schemes.dat46)).toEqual(eepView(record as UnknownRecord));
        if (signerCount === 0)
          bytes = await collect(signEep(bytes, signers[0]!, { chunkSize: chunkSize * 13 }));
        const { ids, locked } = verifyAll(bytes);
        expect(ids.length).toBe(Math.max(1, signerCount));
        expect(locked).toBe(ids[ids.length - 1]);
        if (CAN_VALIDATE) {
          const verdict = xmllintValidate(bytes);
          expect(verdict.output).toContain('validates');
        }
      }),
      { numRuns: 40 },
    );
  });
});
