import * as metadata from '@dangan/metadata';
import { schemeToZod } from '@dangan/metadata/zod';
import { describe, expect, it } from 'vitest';

describe('the public contract of @dangan/metadata (issue 3)', () => {
  it('exports the names hosts and the checks package rely on', () => {
    for (const name of [
      'validateRecord',
      'safeValidateRecord',
      'extendScheme',
      'recordToXml',
      'recordFromXml',
      'schemeToJsonSchema',
      'captureAttributes',
    ]) {
      expect(typeof (metadata as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(typeof schemeToZod).toBe('function');
  });

  it('ships dat46, dat54, dat63 and ywtb, each exposing its elements', () => {
    expect(Object.keys(metadata.schemes).sort()).toEqual(['dat46', 'dat54', 'dat63', 'ywtb']);
    for (const scheme of Object.values(metadata.schemes)) {
      expect(scheme.elements.length).toBeGreaterThan(50);
      expect(metadata.checkSchemeIntegrity(scheme)).toEqual([]);
    }
  });
});
