import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  isIllegalCodePoint,
  isPrivateUseCodePoint,
  mayHoldSpecialCharacters,
  scanCharacters,
} from '../../src/validate/characters.js';
import { typePatterns, typeRegExps } from '../../src/validate/patterns.js';
import { compareTemporal, dateTimeMillis } from '../../src/validate/temporal.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const isRealDay = (y: number, m: number, d: number) => {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

describe('type patterns', () => {
  it('date: exactly the real calendar days of years 0001–9999', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          expect(typeRegExps().date.test(`${pad(y, 4)}-${pad(m)}-${pad(d)}`)).toBe(isRealDay(y, m, d));
        },
      ),
      { numRuns: 5000 },
    );
    for (const leap of ['2000-02-29', '2024-02-29', '0400-02-29', '0004-02-29'])
      expect(typeRegExps().date.test(leap), leap).toBe(true);
    for (const bad of ['1900-02-29', '2100-02-29', '2023-02-29', '0000-01-01', '2024-1-01', ' 2024-01-01'])
      expect(typeRegExps().date.test(bad), bad).toBe(false);
  });

  it('dateTime: ISO 8601 extended, optional fraction and zone, parsed to the same instant as Date.parse', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (date, offset) => {
          const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
          const sign = offset < 0 ? '-' : '+';
          const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
          const text = `${local}${zone}`;
          expect(typeRegExps().dateTime.test(text)).toBe(true);
          expect(dateTimeMillis(text, 0)).toBe(date.getTime());
          expect(dateTimeMillis(`${local}Z`, offset * 60_000)).toBe(date.getTime() + offset * 60_000);
          expect(dateTimeMillis(local, offset * 60_000)).toBe(date.getTime());
        },
      ),
    );
    for (const bad of [
      '2024-05-01T24:00:00',
      '2024-05-01T10:00',
      '2024-05-01T10:00:00+14:30',
      '2024-05-01t10:00:00',
    ])
      expect(typeRegExps().dateTime.test(bad), bad).toBe(false);
  });

  it('gYear, base64 and uri', () => {
    const re = typeRegExps();
    expect(['2024', '0001', '9999'].every((y) => re.gYear.test(y))).toBe(true);
    expect(['0000', '24', '20245', '２０２４'].some((y) => re.gYear.test(y))).toBe(false);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(re.base64.test(Buffer.from(bytes).toString('base64'))).toBe(true);
      }),
    );
    expect(['YQ', 'YQ=', 'Y===', 'YW Jj', 'YWJj\n', '-_8='].some((b) => re.base64.test(b))).toBe(false);
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(re.uri.test(url)).toBe(true);
      }),
    );
    expect(
      ['urn:isbn:7-5010-0001-1', 'mailto:a@b.cn', 'https://例子.中国/路径'].every((u) => re.uri.test(u)),
    ).toBe(true);
    expect(['/relative', 'no-scheme', 'http://a b', '1a:b', 'http:'].some((u) => re.uri.test(u))).toBe(false);
  });

  it('compares temporal values at the coarser precision', () => {
    expect(compareTemporal('2024-05-01', '2024-05-01T23:00:00', 0)).toBe(0);
    expect(compareTemporal('2024-05-02T00:00:00+08:00', '2024-05-01T17:00:00Z', 0)).toBeLessThan(0);
    expect(compareTemporal('2024', '2023-12-31', 0)).toBeGreaterThan(0);
    expect(compareTemporal('2024-13-01', '2024-01-01', 0)).toBeUndefined();
  });
});

describe('GD-1-6 characters', () => {
  it('the JSON Schema pattern and the validator agree on every code point but the surrogates', () => {
    const pattern = new RegExp(typePatterns().illegalCharacter, 'u');
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const illegal = isIllegalCodePoint(cp);
      if (pattern.test(ch) !== illegal)
        expect.fail(`U+${cp.toString(16)}: pattern ${!illegal}, validator ${illegal}`);
      if (!mayHoldSpecialCharacters(ch) && (illegal || isPrivateUseCodePoint(cp)))
        expect.fail(`U+${cp.toString(16)} slips past the quick check`);
    }
    // Without the Unicode flag (other engines), the astral noncharacters still match as surrogate pairs.
    expect(new RegExp(typePatterns().illegalCharacter).test('a\u{10fffe}')).toBe(true);
    expect(new RegExp(typePatterns().illegalCharacter).test('a\u{20000}')).toBe(false);
  });

  it('finds the first illegal and private-use characters with positions in characters', () => {
    expect(scanCharacters('𠀀\u0007x\ue000\u0001')).toEqual({
      illegal: { codePoint: 7, position: 2, count: 2 },
      privateUse: { codePoint: 0xe000, position: 4, count: 1 },
    });
    expect(scanCharacters('a\ud800b').illegal).toEqual({ codePoint: 0xd800, position: 2, count: 1 });
    expect(scanCharacters('𠀀𠀁').illegal).toBeUndefined();
    expect(codePointLength('𠀀a\ud800')).toBe(3);
  });
});
