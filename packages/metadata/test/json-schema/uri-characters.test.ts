import { schemes } from '@dangan/metadata';
import { schemeToZod } from '@dangan/metadata/zod';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { schemeToJsonSchema } from '../../src/json-schema/index.js';
import { checkRecord } from '../../src/validate/index.js';
import { sampleRecord } from '../validate/sample-record.js';

// Regression (found by the agreement property test): a noncharacter inside a URI element passed the JSON
// Schema although validateRecord rejects it (GD-1-6).
describe('URI elements and illegal characters', () => {
  const record = structuredClone(sampleRecord()) as { 文件实体: Record<string, unknown> };
  record.文件实体.电子签名 = [
    {
      签名规则: 'SM2',
      签名结果: 'AA==',
      证书: ['AA=='],
      证书引证: 'http://a.aa/\u{10FFFF}',
      签名算法标识: '1.2.156.10197.1.501',
    },
  ];

  it('is refused by validateRecord, the JSON Schema and zod alike', () => {
    const findings = checkRecord(record, schemes.dat46, { now: new Date('2026-11-21T00:00:00Z') });
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([
      'METADATA_ILLEGAL_CHARACTER',
    ]);
    const ajv = new Ajv2020({ strict: false, unicodeRegExp: true, allErrors: true });
    expect(ajv.validate(schemeToJsonSchema(schemes.dat46), record)).toBe(false);
    expect(schemeToZod(schemes.dat46).safeParse(record).success).toBe(false);
  });
});
