import { recordArchivalCodeParts, schemes } from '@dangan/metadata';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryRecord } from '../../../../metadata/test/support/arbitrary-record.js';
import type { MetadataRuleKey } from '../../../src/rules/metadata/index.js';
import { type Loose, run } from './support.js';

/** The rules a set of valid, consistently numbered records must pass. */
const ACCURACY: readonly MetadataRuleKey[] = [
  'metadata.length',
  'metadata.format',
  'metadata.domain',
  'metadata.plausibility',
  'metadata.special-characters',
  'metadata.archival-code',
  'metadata.duplicates',
  'metadata.elements-present',
  'metadata.mandatory',
  'metadata.continuity',
];

/**
 * A batch of records the scheme accepts (`arbitraryRecord`), filed the way a filing system would: a 档号 the
 * default template can write (4-character 全宗号, a 机构 code), 件号 counted from 1 in each leaf class, a
 * unique 电子文件号.
 */
const filedBatch = fc
  .tuple(
    fc.array(arbitraryRecord(schemes.dat46), { minLength: 1, maxLength: 6 }),
    fc.stringMatching(/^[A-Z0-9]{4}$/),
    fc.option(fc.stringMatching(/^[A-Z]{2,3}$/), { nil: undefined }),
  )
  .map(([records, fonds, org]) => {
    const counters = new Map<string, number>();
    return records.map((raw, i) => {
      const r = structuredClone(raw) as Loose;
      r.文件实体.聚合层次 = '文件'; // filed 按件, as the 件号 template numbers it
      const code = r.文件实体.档号 as Loose;
      code.全宗号 = fonds;
      if (org === undefined) delete code.机构或问题;
      else code.机构或问题 = org;
      for (const k of ['目录号', '类别号', '馆编件号', '文档序号', '室编案卷号', '馆编案卷号'])
        delete code[k];
      const parts = recordArchivalCodeParts(r);
      const key = [parts.年度, parts.保管期限].join('|');
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      code.室编件号 = n;
      r.文件实体.电子文件号 = `EF-${i + 1}`;
      return r;
    });
  });

describe('valid records pass the metadata accuracy rules', () => {
  it('for any batch the scheme accepts, numbered and coded consistently', async () => {
    await fc.assert(
      fc.asyncProperty(filedBatch, async (records) => {
        for (const key of ACCURACY) {
          const outcome = await run(key, records);
          expect(outcome.findings, key).toEqual([]);
          expect(outcome.status, key).toBe('pass');
        }
      }),
      { numRuns: 60 },
    );
  });
});
