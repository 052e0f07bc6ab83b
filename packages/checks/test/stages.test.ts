import { CHECK_STAGES, FOUR_PROPERTIES } from '@dangan/checks';
import { describe, expect, it } from 'vitest';

describe('DA/T 70 stages and properties', () => {
  it('has 49 groups over the three stages (GD 16, YJ 16, BC 17)', () => {
    expect(CHECK_STAGES.map((s) => [s.code, s.groups])).toEqual([
      ['GD', 16],
      ['YJ', 16],
      ['BC', 17],
    ]);
    expect(CHECK_STAGES.reduce((n, s) => n + s.groups, 0)).toBe(49);
  });
  it('numbers the four properties as item ids do', () => {
    expect(FOUR_PROPERTIES.map((p) => `${p.number}${p.name}`)).toEqual([
      '1真实性',
      '2完整性',
      '3可用性',
      '4安全性',
    ]);
  });
});
