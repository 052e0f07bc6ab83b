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

  it('exports the filing rules (issue 4)', () => {
    for (const name of [
      'formatArchivalCode',
      'parseArchivalCode',
      'classify',
      'evaluateRetention',
      'orderComponents',
      'orderItems',
      'componentFileName',
      'buildCatalogue',
      'filingDueDate',
      'transferDueDate',
      'retentionExpiry',
    ]) {
      expect(typeof (metadata as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(
      metadata.formatArchivalCode(
        { 全宗号: 'Z109', 年度: '2011', 保管期限: '永久', 机构或问题: 'BGS', 件号: 1 },
        metadata.archivalCodeTemplates.dat22,
      ),
    ).toBe('Z109-WS·2011-Y-BGS-0001');
    expect(
      metadata.parseArchivalCode('Z109-WS·2011·Y·办公室-0001', metadata.archivalCodeTemplates.dat13Item).parts
        .机构或问题,
    ).toBe('办公室');
  });

  it('ships dat46, dat54, dat63 and ywtb, each exposing its elements', () => {
    expect(Object.keys(metadata.schemes).sort()).toEqual(['dat46', 'dat54', 'dat63', 'ywtb']);
    for (const scheme of Object.values(metadata.schemes)) {
      expect(scheme.elements.length).toBeGreaterThan(50);
      expect(metadata.checkSchemeIntegrity(scheme)).toEqual([]);
    }
  });
});
