import { checkSchemeIntegrity, type MetadataScheme, schemeIndex, schemes } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';

const all: readonly MetadataScheme[] = Object.values(schemes);

describe.each(all.map((s) => [s.id, s] as const))('scheme %s', (_id, scheme) => {
  it('is a sound table', () => {
    expect(checkSchemeIntegrity(scheme)).toEqual([]);
  });

  it('has unique ids', () => {
    const ids = scheme.elements.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives a `number` only to the standard’s own element numbers, and always as the id', () => {
    for (const e of scheme.elements) {
      if (e.number !== undefined) {
        expect(e.number, e.id).toMatch(/^M[1-9][0-9]*$/);
        expect(e.id, e.id).toBe(e.number);
      } else {
        // A provisional id never looks like a standard number.
        expect(e.id, e.id).not.toMatch(/^M[0-9]+$/);
      }
    }
  });

  it('keeps each row in the entity of its root', () => {
    const { byId } = schemeIndex(scheme);
    for (const e of scheme.elements) {
      let root = e;
      for (let p = root.parent; p !== undefined; p = root.parent) root = byId.get(p) ?? root;
      expect(e.entity, e.id).toBe(root.entity);
    }
  });

  it('names every row in Chinese and English and states its confidence', () => {
    for (const e of scheme.elements) {
      expect(e.key.length, e.id).toBeGreaterThan(0);
      expect(e.name.length, e.id).toBeGreaterThan(0);
      expect(e.nameEn, e.id).toMatch(/^[\x20-\x7e]+$/);
      expect(['high', 'medium', 'low', 'unknown']).toContain(e.confidence.numberAndName);
      expect(['high', 'medium', 'low', 'unknown']).toContain(e.confidence.obligation);
    }
  });

  it('only gives a default that the domain allows', () => {
    for (const e of scheme.elements) {
      if (e.default === undefined || e.domain?.enum === undefined || e.domain.open === true) continue;
      expect(e.domain.enum, e.id).toContain(e.default);
    }
  });

  it('marks a table whose rows are mostly provisional as not high confidence', () => {
    const provisional = scheme.elements.filter((e) => e.number === undefined).length;
    if (provisional > scheme.elements.length / 2) expect(scheme.confidence).not.toBe('high');
  });
});

describe('schemes', () => {
  it('ships dat46, dat54, dat63 and ywtb under their own ids', () => {
    expect(Object.keys(schemes)).toEqual(['dat46', 'dat54', 'dat63', 'ywtb']);
    for (const [key, scheme] of Object.entries(schemes)) expect(scheme.id).toBe(key);
  });
});
