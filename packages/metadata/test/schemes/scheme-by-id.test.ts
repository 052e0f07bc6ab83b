import { describe, expect, it } from 'vitest';
import { schemeById, schemes } from '../../src/index.js';

describe('schemeById', () => {
  it('finds every shipped scheme by its id and nothing else', () => {
    for (const scheme of Object.values(schemes)) expect(schemeById(scheme.id)).toBe(scheme);
    for (const id of [undefined, '', 'toString', '__proto__', 'DAT46', '本单位方案'])
      expect(schemeById(id)).toBeUndefined();
  });
});
