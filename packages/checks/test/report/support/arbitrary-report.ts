import type { Finding } from '@dangan/core';
import fc from 'fast-check';
import { summarise } from '../../../src/report/summarise.js';
import {
  type Attestation,
  CHECK_STATUSES,
  type CheckItemResult,
  type CheckReport,
  type CheckSubject,
} from '../../../src/report/types.js';

/** Strings a hostile package could put in names, paths and messages. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</style><script src="https://evil.example/x.js"></script>',
  '<!-- -->',
  ']]>',
  '&amp;&lt;',
  '&#x3C;script&#x3E;',
  'invoice\u202Efdp.exe',
  'a\u0000b\u0001c\u001Fd\u007Fe\u0085f',
  'lone \uD800 high and \uDC00 low',
  '\uFFFE\uFFFF',
  'zero\u200Bwidth\uFEFF',
  '../../etc/passwd',
  'C:\\Windows\\system32',
  '电子文件/2024/0001/题名<含尖括号>.pdf',
  'line1\nline2\r\n\tend',
  '{{constructor}}',
  '__proto__',
] as const;

const awkwardUnit = fc.constantFrom(
  '<',
  '>',
  '&',
  '"',
  "'",
  '/',
  '\u0000',
  '\u0008',
  '\n',
  '\r',
  '\u202E',
  '\uD800',
  '\uDFFF',
  '\uFFFE',
  'a',
  '中',
  '𠀀',
  ' ',
);

/** Any string, weighted towards hostile and awkward ones. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 3, arbitrary: fc.string({ unit: awkwardUnit, maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
);

/** A non-empty string (for fields the schema requires non-empty). */
export const nonEmptyText: fc.Arbitrary<string> = anyText.map((s) => (s.length === 0 ? '∅' : s));

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

export const arbitraryFinding: fc.Arbitrary<Finding> = fc.record(
  {
    code: nonEmptyText,
    severity: fc.constantFrom('error', 'warning', 'info'),
    message: nonEmptyText,
    messageEn: anyText,
    path: anyText,
    element: fc.oneof(fc.constantFrom('M22', 'M33', 'M105'), anyText),
    item: anyText,
  },
  { requiredKeys: ['code', 'severity', 'message'] },
);

const arbitraryAttestation: fc.Arbitrary<Attestation> = fc.record(
  {
    item: nonEmptyText,
    result: fc.constantFrom('pass', 'fail'),
    by: nonEmptyText,
    at: isoDate,
    note: anyText,
    evidence: anyText,
  },
  { requiredKeys: ['item', 'result', 'by', 'at'] },
);

export const arbitraryItem: fc.Arbitrary<CheckItemResult> = fc
  .record(
    {
      id: nonEmptyText,
      group: fc.oneof(fc.constantFrom('1-1', '1-2', '2-1', '3-4', '4-1', '4-2', '4-3'), nonEmptyText),
      property: fc.constantFrom('authenticity', 'integrity', 'usability', 'security'),
      name: fc.oneof(fc.constantFrom('载体外观检测', '病毒感染检测'), nonEmptyText),
      status: fc.constantFrom(...CHECK_STATUSES),
      findings: fc.array(arbitraryFinding, { maxLength: 5 }),
      reason: nonEmptyText,
      reasonEn: anyText,
      attestation: arbitraryAttestation,
      provisional: fc.boolean(),
    },
    { requiredKeys: ['id', 'group', 'property', 'name', 'status', 'findings'] },
  )
  .map((item) => {
    // not-applicable and error always carry a reason (the contract).
    if ((item.status === 'not-applicable' || item.status === 'error') && item.reason === undefined) {
      return { ...item, reason: '原因' };
    }
    return item;
  });

const arbitrarySubject: fc.Arbitrary<CheckSubject> = fc.record(
  {
    name: anyText,
    kind: fc.constantFrom('archival', 'transfer', 'eep', 'unknown'),
    entries: fc.nat(),
    bytes: fc.maxSafeNat(),
    digest: fc.record({ algorithm: nonEmptyText, value: nonEmptyText }),
  },
  { requiredKeys: ['name', 'kind'] },
);

/** Any report that keeps the contract, its summary made by `summarise`. */
export const arbitraryReport: fc.Arbitrary<CheckReport> = fc
  .record(
    {
      stage: fc.constantFrom('archiving', 'transfer', 'preservation'),
      profile: nonEmptyText,
      subject: arbitrarySubject,
      startedAt: isoDate,
      finishedAt: isoDate,
      items: fc.array(arbitraryItem, { maxLength: 12 }),
      generator: anyText,
    },
    { requiredKeys: ['stage', 'profile', 'subject', 'startedAt', 'finishedAt', 'items'] },
  )
  .map((r) => ({ ...r, summary: summarise(r.items) }));
