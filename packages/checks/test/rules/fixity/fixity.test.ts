import { memorySource } from '@dangan/packaging';
import { describe, expect, it } from 'vitest';
import type { EntryFact } from '../../../src/engine/facts.js';
import { runChecks } from '../../../src/engine/run-checks.js';
import { compareDigests } from '../../../src/rules/fixity/index.js';
import { fixedNow, minimalPdf } from '../../engine/fixtures.js';
import { itemOf } from '../../engine/support.js';

const fact = (digests: EntryFact['digests']): EntryFact => ({
  path: 'a.pdf',
  role: 'content',
  size: 1,
  read: true,
  digests,
  captureFindings: [],
});

describe('fixity rule', () => {
  it('compares stated digests by algorithm name, whatever its spelling', () => {
    const f = fact({ sm3: 'ab'.repeat(32), sha256: 'cd'.repeat(32) });
    expect(
      compareDigests(f, [{ algorithm: 'SM3', value: 'AB'.repeat(32) }], { from: '清单', fromEn: 'm' }),
    ).toEqual({ findings: [], compared: 1 });
    expect(
      compareDigests(f, [{ algorithm: 'SHA-256', value: 'ce'.repeat(32) }], { from: '清单', fromEn: 'm' })
        .findings[0]?.code,
    ).toBe('CHECK_DIGEST_MISMATCH');
    expect(
      compareDigests(f, [{ algorithm: 'whirlpool', value: '00' }], { from: '清单', fromEn: 'm' }).findings[0]
        ?.code,
    ).toBe('CHECK_DIGEST_ALGORITHM_UNKNOWN');
    expect(
      compareDigests(f, [{ algorithm: 'md5', value: '00' }], { from: '清单', fromEn: 'm' }).findings[0]?.code,
    ).toBe('CHECK_DIGEST_NOT_COMPUTED');
    const accepted = compareDigests(f, [{ algorithm: 'sha256', value: 'cd'.repeat(32) }], {
      from: '清单',
      fromEn: 'm',
      accepted: ['sm3'],
    });
    expect(accepted.findings.map((x) => [x.code, x.severity])).toEqual([
      ['CHECK_DIGEST_ALGORITHM_NOT_ACCEPTED', 'warning'],
    ]);
  });

  it('a package with no fixity information fails, unless the profile says it need not have any', async () => {
    const source = memorySource({ 'a.pdf': minimalPdf() });
    const report = await runChecks({ stage: 'archiving', source, now: fixedNow });
    expect(itemOf(report, 'fixity').status).toBe('fail');
    const relaxed = await runChecks({
      stage: 'archiving',
      source,
      now: fixedNow,
      profile: {
        id: 'x',
        name: 'x',
        extends: 'dat70',
        items: { fixity: { params: { requireFixity: false } } },
      },
    });
    expect(itemOf(relaxed, 'fixity').status).toBe('not-applicable');
  });
});
