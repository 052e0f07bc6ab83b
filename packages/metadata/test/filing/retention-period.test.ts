import { describe, expect, it } from 'vitest';
import { parseRetention, retentionCode, retentionPeriod } from '../../src/filing/retention-period.js';

describe('retention periods', () => {
  it('reads every form met in data', () => {
    for (const v of ['永久', 'Y', ' Y '])
      expect(parseRetention(v)).toEqual({ code: 'Y', period: '永久', years: undefined });
    for (const v of ['定期30年', 'D30', '30年', '30', 'Ｄ３０'])
      expect(parseRetention(v)).toEqual({ code: 'D30', period: '定期30年', years: 30 });
    expect(retentionCode('定期10年')).toBe('D10');
    expect(retentionPeriod('D5')).toBe('定期5年');
  });
  it('refuses legacy and unreadable values with a typed error', () => {
    for (const v of ['长期', '短期', 'D0', 'forever', '', 'D1000']) {
      expect(() => parseRetention(v)).toThrow(expect.objectContaining({ code: 'FILING_RETENTION_INVALID' }));
    }
  });
});
