import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGENERATE_REPORT_SCHEMA, REPORT_SCHEMA_FILE } from '../../scripts/report-schema.js';
import { REPORT_JSON_SCHEMA_ID, reportJsonSchema } from '../../src/report/json-schema.js';
import { CHECK_STATUSES, type CheckReport } from '../../src/report/types.js';
import { compileStrict } from './support/ajv.js';
import { arbitraryReport } from './support/arbitrary-report.js';
import { archivingItems, archivingReport, reportOf } from './support/sample-reports.js';

const validate = compileStrict(reportJsonSchema);

/** The sample as plain JSON, to break in one place. */
function sample(): Record<string, unknown> & {
  items: Record<string, unknown>[];
  summary: Record<string, Record<string, unknown>>;
  subject: Record<string, unknown>;
} {
  return JSON.parse(JSON.stringify(archivingReport));
}

describe('reportJsonSchema', () => {
  it('is a draft 2020-12 schema with the published $id and bilingual title', () => {
    expect(reportJsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(reportJsonSchema.$id).toBe(REPORT_JSON_SCHEMA_ID);
    expect(REPORT_JSON_SCHEMA_ID).toBe('https://dangan.dev/schemas/check-report/1.json');
    expect(reportJsonSchema.title).toMatch(/四性检测报告.*check report/);
    expect(reportJsonSchema.description).toMatch(/真实性.*authenticity/);
  });

  it('names exactly the contract statuses', () => {
    const defs = reportJsonSchema.$defs as Record<string, Record<string, unknown>>;
    expect(defs.status?.enum).toEqual([...CHECK_STATUSES]);
    expect([...(defs.statusCounts!.required as string[])].sort()).toEqual([...CHECK_STATUSES].sort());
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(reportJsonSchema)).toBe(true);
    const defs = reportJsonSchema.$defs as Record<string, Record<string, unknown>>;
    expect(Object.isFrozen(defs.item?.required)).toBe(true);
    expect(() => {
      (reportJsonSchema as Record<string, unknown>).title = 'x';
    }).toThrow(TypeError);
  });

  it('accepts the hand-built reports, in every stage and after a JSON round trip', () => {
    for (const report of [
      archivingReport,
      reportOf([]),
      reportOf(archivingItems, { stage: 'transfer', subject: { name: '移交', kind: 'transfer' } }),
      reportOf(archivingItems.slice(0, 2), {
        stage: 'preservation',
        subject: { name: 'x.xml', kind: 'eep' },
      }),
    ]) {
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      expect(validate(JSON.parse(JSON.stringify(report)))).toBe(true);
    }
  });

  type Sample = ReturnType<typeof sample>;
  const finding = (r: Sample) => (r.items[1]!.findings as Record<string, unknown>[])[0]!;
  const attestation = (r: Sample) => r.items[10]!.attestation as Record<string, unknown>;
  const broken: [string, (r: Sample) => void][] = [
    [
      'an unknown status',
      (r) => {
        r.items[0]!.status = 'passed';
      },
    ],
    [
      'a not-applicable item without reason',
      (r) => {
        delete r.items[2]!.reason;
      },
    ],
    [
      'an error item without reason',
      (r) => {
        delete r.items[6]!.reason;
      },
    ],
    [
      'an error item with an empty reason',
      (r) => {
        r.items[6]!.reason = '';
      },
    ],
    [
      'an item without findings',
      (r) => {
        delete r.items[0]!.findings;
      },
    ],
    [
      'an item with an unknown key',
      (r) => {
        r.items[0]!.score = 1;
      },
    ],
    [
      'an unknown property',
      (r) => {
        r.items[0]!.property = 'reliability';
      },
    ],
    [
      'an empty item id',
      (r) => {
        r.items[0]!.id = '';
      },
    ],
    [
      'a finding with an unknown severity',
      (r) => {
        finding(r).severity = 'fatal';
      },
    ],
    [
      'a finding without message',
      (r) => {
        delete finding(r).message;
      },
    ],
    [
      'a finding with a numeric element',
      (r) => {
        finding(r).element = 22;
      },
    ],
    [
      'an attestation without attester',
      (r) => {
        delete attestation(r).by;
      },
    ],
    [
      'an attestation with result manual',
      (r) => {
        attestation(r).result = 'manual';
      },
    ],
    [
      'an attestation with a bad time',
      (r) => {
        attestation(r).at = '2024年5月6日';
      },
    ],
    [
      'an unknown stage',
      (r) => {
        r.stage = 'GD';
      },
    ],
    [
      'a bad startedAt',
      (r) => {
        r.startedAt = 'yesterday';
      },
    ],
    [
      'a missing finishedAt',
      (r) => {
        delete r.finishedAt;
      },
    ],
    [
      'a negative count',
      (r) => {
        r.summary.byStatus!.pass = -1;
      },
    ],
    [
      'a fractional count',
      (r) => {
        r.summary.byStatus!.pass = 1.5;
      },
    ],
    [
      'a summary without a status count',
      (r) => {
        delete r.summary.byStatus!.error;
      },
    ],
    [
      'a summary without a property',
      (r) => {
        delete (r.summary.byProperty as Record<string, unknown>).security;
      },
    ],
    [
      'a string passed',
      (r) => {
        (r.summary as Record<string, unknown>).passed = 'false';
      },
    ],
    [
      'a digest without algorithm',
      (r) => {
        delete (r.subject.digest as Record<string, unknown>).algorithm;
      },
    ],
    [
      'an unknown subject kind',
      (r) => {
        r.subject.kind = 'zip';
      },
    ],
    [
      'an unknown top-level key',
      (r) => {
        r.extra = true;
      },
    ],
    [
      'an empty profile',
      (r) => {
        r.profile = '';
      },
    ],
  ];

  it.each(broken)('rejects %s', (_label, breakIt) => {
    const r = sample();
    breakIt(r);
    expect(validate(r)).toBe(false);
  });

  it('accepts every contract-keeping report whose summary comes from summarise', () => {
    fc.assert(
      fc.property(arbitraryReport, (report: CheckReport) => {
        expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it(`is published as docs/checks/report.schema.json (regenerate: ${REGENERATE_REPORT_SCHEMA})`, () => {
    const published: unknown = JSON.parse(readFileSync(REPORT_SCHEMA_FILE, 'utf8'));
    expect(
      published,
      `docs/checks/report.schema.json is out of date: run \`${REGENERATE_REPORT_SCHEMA}\``,
    ).toEqual(reportJsonSchema);
  });
});
