import { schemeIndex, schemes } from '@dangan/metadata';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryRecord } from './arbitrary-record.js';

describe('arbitraryRecord (test support)', () => {
  it('always includes every mandatory element of dat46, with 年度 matching 日期', () => {
    fc.assert(
      fc.property(arbitraryRecord(schemes.dat46), (r) => {
        const file = r.文件实体 as Record<string, Record<string, unknown>>;
        expect(typeof file.内容描述?.题名).toBe('string');
        expect(file.档号?.年度).toBe(String(file.内容描述?.日期).slice(0, 4));
        expect(Array.isArray(file.电子属性)).toBe(true);
      }),
      { numRuns: 50 },
    );
    expect(schemeIndex(schemes.dat46).paths.size).toBeGreaterThan(88);
  });
});
