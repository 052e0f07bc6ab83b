import type { MetadataScheme } from '@dangan/metadata';
import { schemes } from '@dangan/metadata';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemeToJsonSchema } from '../../src/json-schema/index.js';
import { checkRecord, type ValidateRecordOptions } from '../../src/validate/index.js';
import { arbitraryRecord } from '../support/arbitrary-record.js';
import { arbitraryMutated } from '../validate/mutations.js';
import { looseSample, sampleRecord } from '../validate/sample-record.js';
import { allTestSchemes } from '../validate/test-schemes.js';

/** What JSON Schema cannot express (see schemeToJsonSchema's TSDoc): left out of the comparison. */
const NOT_EXPRESSIBLE = new Set(['METADATA_FUTURE_DATE', 'METADATA_YEAR_MISMATCH', 'METADATA_DATE_ORDER']);
const now = new Date('2030-01-01T00:00:00Z');
const utcOffsetMinutes = -new Date(2020, 0, 1).getTimezoneOffset();

function engine(
  scheme: MetadataScheme,
  options: { unknownElements?: 'error' | 'warning'; maxLength?: number },
) {
  const warnings: unknown[] = [];
  const ajv = new Ajv2020({
    strictTypes: true,
    strictTuples: true,
    unicodeRegExp: true,
    logger: {
      log: () => {},
      warn: (...a: unknown[]) => warnings.push(a),
      error: (...a: unknown[]) => warnings.push(a),
    },
  });
  const validate: ValidateFunction = ajv.compile(schemeToJsonSchema(scheme, options));
  expect(warnings).toEqual([]);
  return validate;
}

function validatorAccepts(record: unknown, scheme: MetadataScheme, options: ValidateRecordOptions): boolean {
  return !checkRecord(record, scheme, { now, utcOffsetMinutes, ...options }).some(
    (f) => f.severity === 'error' && !NOT_EXPRESSIBLE.has(f.code),
  );
}

describe.each(allTestSchemes().map((s) => [s.id, s] as const))(
  'schemeToJsonSchema(%s) with ajv',
  (_id, scheme) => {
    for (const options of [{}, { unknownElements: 'warning' as const, maxLength: 12 }]) {
      const label = JSON.stringify(options);
      const validate = engine(scheme, options);

      it(`accepts every arbitraryRecord ${label}`, () => {
        fc.assert(
          fc.property(arbitraryRecord(scheme), (record) => {
            const expected = validatorAccepts(record, scheme, options);
            expect(validate(record), JSON.stringify(validate.errors)).toBe(expected);
            if (label === '{}') expect(expected).toBe(true);
          }),
          { numRuns: 80 },
        );
      });

      it(`agrees with validateRecord on mutated records ${label}`, () => {
        let rejected = 0;
        fc.assert(
          fc.property(arbitraryMutated(scheme, undefined, { maxMutations: 3 }), (m) => {
            const expected = validatorAccepts(m.record, scheme, options);
            const findings = checkRecord(m.record, scheme, { now, utcOffsetMinutes, ...options });
            expect(
              validate(m.record),
              `${m.applied.join(',')}: ${JSON.stringify(findings.filter((f) => f.severity === 'error'))} / ${JSON.stringify(validate.errors?.slice(0, 3))}`,
            ).toBe(expected);
            if (!expected) rejected++;
          }),
          { numRuns: 400 },
        );
        expect(rejected).toBeGreaterThan(100);
      });
    }
  },
);

describe('schemeToJsonSchema output', () => {
  const schema = schemeToJsonSchema(schemes.dat46);
  // biome-ignore lint/suspicious/noExplicitAny: walking a JSON document
  const at = (...keys: string[]): any => keys.reduce((node: any, key) => node?.[key], schema);

  it('is plain JSON with $schema, $id and Chinese titles carrying element numbers', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:dangan:metadata-scheme:dat46:2026.11');
    expect(schemeToJsonSchema(schemes.dat46, { $id: 'https://example.cn/dat46.json' }).$id).toBe(
      'https://example.cn/dat46.json',
    );
    expect(at('properties', '文件实体', 'properties', '内容描述', 'properties', '题名', 'title')).toBe(
      'M22 题名',
    );
    expect(
      at('properties', '文件实体', 'properties', '内容描述', 'properties', '题名', 'description'),
    ).toContain('必选');
  });

  it('writes required, arrays, enums with legacy values, integers, patterns and additionalProperties', () => {
    const file = at('properties', '文件实体');
    expect(file.required).toEqual(
      expect.arrayContaining(['聚合层次', '来源', '电子文件号', '内容描述', '电子属性']),
    );
    expect(file.additionalProperties).toBe(false);
    expect(file.properties.电子属性).toMatchObject({ type: 'array', minItems: 1, items: { type: 'object' } });
    expect(file.properties.档号.properties.保管期限.enum).toEqual([
      '永久',
      '定期30年',
      '定期10年',
      '长期',
      '短期',
    ]);
    expect(file.properties.形式特征.properties.页数).toMatchObject({ type: 'integer', minimum: 1 });
    expect(file.properties.内容描述.properties.日期.pattern).toMatch(/^\^/);
    expect(file.properties.内容描述.properties.文种.examples).toContain('通知');
    const lenient = schemeToJsonSchema(schemes.dat46, { unknownElements: 'warning' });
    expect(JSON.stringify(lenient)).not.toContain('additionalProperties');
  });

  it('places conditions as if/then on the shared container', () => {
    const file = at('properties', '文件实体');
    const m41 = file.allOf.find((c: { $comment: string }) => c.$comment.startsWith('M41'));
    expect(m41).toEqual({
      if: { type: 'object', required: ['聚合层次'], properties: { 聚合层次: { enum: ['文件'] } } },
      // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword
      then: { type: 'object', properties: { 形式特征: { type: 'object', required: ['文件组合类型'] } } },
      $comment: 'M41 文件组合类型：聚合层次为文件时必选',
    });
    const content = file.properties.内容描述;
    expect(content.allOf[0].then).toEqual({ type: 'object', required: ['保密期限'] });
  });

  it('the sample record passes and a calendar-invalid date fails', () => {
    const validate = engine(schemes.dat46, {});
    expect(validate(sampleRecord())).toBe(true);
    const r = looseSample();
    r.文件实体.内容描述.日期 = '2025-02-29';
    expect(validate(r)).toBe(false);
  });
});
