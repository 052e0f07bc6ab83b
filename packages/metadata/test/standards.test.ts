import { STANDARDS } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';

describe('STANDARDS', () => {
  it('names each standard once, with its year, as the rules cite it', () => {
    const ids = STANDARDS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(DA\/T|GB\/T|DB31\/T) \d+(\.\d+)?-\d{4}$/);
    expect(ids).toEqual(
      expect.arrayContaining(['DA/T 46-2009', 'DA/T 48-2009', 'DA/T 70-2018', 'DB31/T 1152-2019']),
    );
  });
});
