import type { MetadataRecord, MetadataScheme } from '@dangan/metadata';
import { schemes } from '@dangan/metadata';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { schemeToJsonSchema } from '../../src/json-schema/index.js';
import { checkRecord, type ValidateRecordOptions } from '../../src/validate/index.js';
import { schemeToZod } from '../../src/zod/index.js';
import { arbitraryRecord } from '../support/arbitrary-record.js';
import { arbitraryMutated, ILLEGAL_CHARACTERS, LONE_SURROGATES } from '../validate/mutations.js';
import { looseSample, sampleRecord } from '../validate/sample-record.js';
import { allTestSchemes, richScheme } from '../validate/test-schemes.js';

const ajvFor = (scheme: MetadataScheme) => new Ajv2020().compile(schemeToJsonSchema(scheme));

/** What the zod schema leaves out: future dates need "now". */
const LEFT_OUT = new Set(['METADATA_FUTURE_DATE']);
const now = new Date('2030-01-01T00:00:00Z');
const utcOffsetMinutes = -new Date(2020, 0, 1).getTimezoneOffset();

function validatorAccepts(record: unknown, scheme: MetadataScheme, options: ValidateRecordOptions): boolean {
  return !checkRecord(record, scheme, { now, utcOffsetMinutes, ...options }).some(
    (f) => f.severity === 'error' && !LEFT_OUT.has(f.code),
  );
}

describe.each(allTestSchemes().map((s) => [s.id, s] as const))('schemeToZod(%s)', (_id, scheme) => {
  for (const options of [{}, { unknownElements: 'ignore' as const, maxLength: 12 }]) {
    const label = JSON.stringify(options);
    const zod = schemeToZod(scheme, { ...options, utcOffsetMinutes });

    it(`accepts every arbitraryRecord ${label}`, () => {
      fc.assert(
        fc.property(arbitraryRecord(scheme), (record) => {
          const result = zod.safeParse(record);
          expect(result.success, JSON.stringify(result.error?.issues)).toBe(
            validatorAccepts(record, scheme, options),
          );
        }),
        { numRuns: 60 },
      );
    });

    it(`agrees with validateRecord on mutated records ${label}`, () => {
      let rejected = 0;
      fc.assert(
        fc.property(
          arbitraryMutated(scheme, undefined, {
            maxMutations: 3,
            characters: [...ILLEGAL_CHARACTERS, ...LONE_SURROGATES],
          }),
          (m) => {
            const expected = validatorAccepts(m.record, scheme, options);
            const result = zod.safeParse(m.record);
            expect(
              result.success,
              `${m.applied.join(',')}: ${JSON.stringify(checkRecord(m.record, scheme, { now, utcOffsetMinutes, ...options }).filter((f) => f.severity === 'error'))} / ${JSON.stringify(result.error?.issues.slice(0, 3))}`,
            ).toBe(expected);
            if (!expected) rejected++;
          },
        ),
        { numRuns: 300 },
      );
      expect(rejected).toBeGreaterThan(80);
    });
  }
});

describe('schemeToZod', () => {
  it('types its output as the scheme record and keeps unknown keys only when asked', () => {
    const zod = schemeToZod(schemes.dat46);
    const result = zod.safeParse(sampleRecord());
    expect(result.success).toBe(true);
    if (result.success) {
      expectTypeOf(result.data).toEqualTypeOf<MetadataRecord<typeof schemes.dat46>>();
      expect(result.data).toEqual(sampleRecord());
    }
    const extra = { ...sampleRecord(), 扩展: 1 };
    expect(zod.safeParse(extra).success).toBe(false);
    const loose = schemeToZod(schemes.dat46, { unknownElements: 'warning' }).safeParse(extra);
    expect(loose.success && '扩展' in loose.data).toBe(true);
  });

  it('reports conditions and rules with Chinese messages and the right path', () => {
    const r = looseSample();
    delete r.文件实体.形式特征.文件组合类型;
    r.文件实体.档号.年度 = '2024';
    const result = schemeToZod(schemes.dat46).safeParse(r);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('/'), i.message])).toEqual([
      ['文件实体/形式特征/文件组合类型', 'M41 文件组合类型：条件选元素缺失：聚合层次为文件时必选'],
      ['文件实体/档号/年度', 'M11 年度：与 M33 日期 的年份不一致'],
    ]);
  });

  it('checks a sibling condition in each instance of a repeatable container', () => {
    const zod = schemeToZod(richScheme());
    const r = looseSample();
    r.文件实体.形式特征.页数 = 3;
    r.文件实体.办件信息 = {
      受理时间: '2025-03-10T09:00:00+08:00',
      事项编码: '1234',
      签章: 'AA==',
      证照链接: ['https://zz.example.cn/1'],
      材料: [
        { 材料名称: '申请书', 材料类型: '原件', 原件核验人: '王五' },
        { 材料名称: '身份证复印件', 材料类型: '复印件' },
        { 材料名称: '营业执照', 材料类型: '原件' },
      ],
    };
    const result = zod.safeParse(r);
    const paths = ['/文件实体/办件信息/材料/1/份数', '/文件实体/办件信息/材料/2/原件核验人'];
    expect(result.error?.issues.map((i) => `/${i.path.join('/')}`)).toEqual(paths);
    expect(checkRecord(r, richScheme(), { now }).map((f) => f.path)).toEqual(paths);
    expect(ajvFor(richScheme())(r)).toBe(false);
    r.文件实体.办件信息.材料[1].份数 = 2;
    r.文件实体.办件信息.材料[2].原件核验人 = '赵六';
    expect(zod.safeParse(r).success).toBe(true);
    expect(ajvFor(richScheme())(r)).toBe(true);
    // 电子证照标识 (X10) is required in every 材料 once 密级 is not 公开; 原件核验人 (X14) no longer is.
    r.文件实体.内容描述.密级 = '限制';
    delete r.文件实体.办件信息.材料[2].原件核验人;
    r.文件实体.办件信息.材料[0].电子证照标识 = 'L0';
    r.文件实体.办件信息.材料[1].电子证照标识 = 'L1';
    expect(checkRecord(r, richScheme(), { now }).map((f) => f.path)).toEqual([
      '/文件实体/办件信息/材料/2/电子证照标识',
    ]);
    expect(zod.safeParse(r).success).toBe(false);
    expect(ajvFor(richScheme())(r)).toBe(false);
  });
});
