import type { MetadataScheme } from '@dangan/metadata';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/validate/index.js';
import { arbitraryRecord } from '../support/arbitrary-record.js';
import { arbitraryMutated, ILLEGAL_CHARACTERS, LONE_SURROGATES, type MutationKind } from './mutations.js';
import { allTestSchemes } from './test-schemes.js';

const now = new Date('2030-01-01T00:00:00Z');
// arbitraryRecord orders date-times with Date.parse, which reads zone-less values in the local time zone.
const options = { now, utcOffsetMinutes: -new Date(2020, 0, 1).getTimezoneOffset() };
const schemes: MetadataScheme[] = allTestSchemes();

describe.each(schemes.map((s) => [s.id, s] as const))('checkRecord on %s', (_id, scheme) => {
  it('finds no error in any record arbitraryRecord makes', () => {
    fc.assert(
      fc.property(arbitraryRecord(scheme), (record) => {
        const errors = checkRecord(record, scheme, options).filter((f) => f.severity === 'error');
        expect(errors).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  const exact: [MutationKind, string][] = [
    ['dropRequired', 'METADATA_REQUIRED_MISSING'],
    ['wrongType', 'METADATA_TYPE_INVALID'],
    ['illegalCharacter', 'METADATA_ILLEGAL_CHARACTER'],
    ['unknownKey', 'METADATA_UNKNOWN_ELEMENT'],
    ['arrayForSingle', 'METADATA_NOT_REPEATABLE'],
    ['singleForArray', 'METADATA_EXPECTED_LIST'],
    ['outOfDomain', 'METADATA_OUT_OF_DOMAIN'],
    ['emptyValue', 'METADATA_EMPTY_VALUE'],
    ['nullValue', 'METADATA_EMPTY_VALUE'],
    ['badFormat', 'METADATA_FORMAT_INVALID'],
  ];
  it.each(exact)('%s → %s at the mutated path', (kind, code) => {
    fc.assert(
      fc.property(
        arbitraryMutated(scheme, [kind], { characters: [...ILLEGAL_CHARACTERS, ...LONE_SURROGATES] }),
        (m) => {
          const findings = checkRecord(m.record, scheme, options);
          for (const e of m.expected) {
            expect(e.code).toBe(code);
            expect(findings.map((f) => `${f.code} ${f.path}`)).toContain(`${e.code} ${e.path}`);
            const f = findings.find((x) => x.code === e.code && x.path === e.path)!;
            expect(f.severity).toBe('error');
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never throws, whatever the mutations, and reports paths that exist in the record', () => {
    fc.assert(
      fc.property(arbitraryMutated(scheme, undefined, { maxMutations: 4 }), (m) => {
        const findings = checkRecord(m.record, scheme, options);
        for (const f of findings) {
          expect(f.path).toMatch(/^(\/[^/]+)*$/);
          expect(f.message.length).toBeGreaterThan(0);
          expect(f.messageEn.length).toBeGreaterThan(0);
        }
        if (m.expected.length > 0 && m.applied.length === 1)
          expect(findings.some((f) => f.severity === 'error')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
