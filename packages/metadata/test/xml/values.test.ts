import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAT48_CHILDREN,
  EEP_ENCODING_DESCRIPTION,
  EEP_FORMAT_DESCRIPTION,
  EEP_PACKAGE_TYPE_DESCRIPTIONS,
  formatXmlNumber,
  isDat48Element,
  parseXmlNumber,
} from '../../src/xml/index.js';
import { XSD_PATH } from './support/eep.js';

const XSD_DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;

describe('numbers', () => {
  it('formats every finite double as an xs:decimal that reads back exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = formatXmlNumber(n);
        expect(text).toMatch(XSD_DECIMAL);
        expect(parseXmlNumber(text, 'decimal')).toBe(Object.is(n, -0) ? 0 : n);
      }),
      { numRuns: 2000 },
    );
    expect([1e21, 1.5e-7, -2.5e-10, 123e25, 0.1].map(formatXmlNumber)).toEqual([
      '1000000000000000000000',
      '0.00000015',
      '-0.00000000025',
      '1230000000000000000000000000',
      '0.1',
    ]);
    expect(() => formatXmlNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('parses XSD integers and decimals, refusing what is not one', () => {
    expect(parseXmlNumber(' +12\n', 'integer')).toBe(12);
    expect(parseXmlNumber('007', 'integer')).toBe(7);
    expect(parseXmlNumber('-0', 'integer')).toBe(0);
    expect(parseXmlNumber('1.5', 'integer')).toBeUndefined();
    expect(parseXmlNumber('9007199254740993', 'integer')).toBeUndefined();
    expect(parseXmlNumber('.5', 'decimal')).toBe(0.5);
    expect(parseXmlNumber('1e5', 'decimal')).toBeUndefined();
    expect(parseXmlNumber('', 'decimal')).toBeUndefined();
    expect(parseXmlNumber('3页', 'integer')).toBeUndefined();
  });
});

describe.skipIf(XSD_PATH === undefined)('the DA/T 48 element tree agrees with the schema', () => {
  const xsd = XSD_PATH === undefined ? '' : readFileSync(XSD_PATH, 'utf8');

  it('knows every global element and no other', () => {
    const declared = [...xsd.matchAll(/<xs:element name="([^"]+)"/g)].map((m) => m[1]!);
    expect(declared).toHaveLength(127);
    for (const name of declared) expect(isDat48Element(name)).toBe(true);
    for (const name of ['件数', '办件', '电子文件元数据', '实体关系', '实体标识符'])
      expect(isDat48Element(name)).toBe(false);
  });

  it('has each complex element’s children in schema order', () => {
    const complex =
      /<xs:element name="([^"]+)">\s*(?:<xs:annotation>[\s\S]*?<\/xs:annotation>\s*)?<xs:complexType(?: mixed="true")?>([\s\S]*?)<\/xs:complexType>/g;
    let count = 0;
    for (const m of xsd.matchAll(complex)) {
      const refs = [...new Set([...m[2]!.matchAll(/<xs:element ref="([^"]+)"/g)].map((r) => r[1]!))];
      if (refs.length === 0) continue;
      expect([m[1], DAT48_CHILDREN[m[1]!]]).toEqual([m[1], refs]);
      count++;
    }
    expect(count).toBe(Object.keys(DAT48_CHILDREN).length);
  });

  it('has the schema’s fixed texts', () => {
    expect(xsd).toContain(`default="${EEP_FORMAT_DESCRIPTION}"`);
    expect(xsd).toContain(`default="${EEP_ENCODING_DESCRIPTION}"`);
    for (const text of Object.values(EEP_PACKAGE_TYPE_DESCRIPTIONS)) expect(xsd).toContain(`value="${text}"`);
  });
});
