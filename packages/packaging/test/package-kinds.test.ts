import { PACKAGE_KINDS } from '@dangan/packaging';
import { describe, expect, it } from 'vitest';

describe('PACKAGE_KINDS', () => {
  it('has the three package kinds of the flow, each with its defining rules', () => {
    expect(PACKAGE_KINDS.map((k) => k.name)).toEqual(['归档信息包', '移交信息包', '保存信息包']);
    for (const k of PACKAGE_KINDS) expect(k.definedBy.length).toBeGreaterThan(0);
  });
});
