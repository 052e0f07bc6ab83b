import { DanganError, isDanganError } from '@dangan/core';
import type { PackageSource } from '@dangan/packaging';
import { describe, expect, it } from 'vitest';
import type { CheckProgress } from '../../src/engine/progress.js';
import { runChecks } from '../../src/engine/run-checks.js';
import { runChecksMany } from '../../src/engine/run-many.js';
import { buildPackage, fixedNow, minimalPdf, standardFiles } from './fixtures.js';
import { itemOf } from './support.js';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A source that answers `list()` after a pause, so checks overlap. */
function slow(source: PackageSource, ms: number): PackageSource {
  return {
    ...source,
    list: async () => {
      await delay(ms);
      return source.list();
    },
    read: (p) => source.read(p),
    has: (p) => source.has(p),
    close: () => source.close(),
  };
}

describe('engine control', () => {
  it('emits monotonic progress ending at the bytes of the package', async () => {
    const pkg = await buildPackage();
    const events: CheckProgress[] = [];
    await runChecks({
      stage: 'archiving',
      source: pkg.source,
      now: fixedNow,
      onProgress: (e) => events.push(e),
    });
    const total = [...pkg.files.values()].reduce((n, b) => n + b.length, 0);
    expect(events[0]?.phase).toBe('list');
    expect(events.at(-1)?.phase).toBe('done');
    for (let i = 1; i < events.length; i++)
      expect(events[i]!.bytesDone).toBeGreaterThanOrEqual(events[i - 1]!.bytesDone);
    expect(events.at(-1)?.bytesDone).toBe(total);
    expect(events.find((e) => e.phase === 'read')?.bytesTotal).toBe(total);
    expect(
      new Set(events.filter((e) => e.phase === 'read' || e.phase === 'structure').map((e) => e.entry)),
    ).toEqual(new Set(pkg.files.keys()));
    expect(events.some((e) => e.phase === 'evaluate' && e.item === 'GD-1-1')).toBe(true);
  });

  it('a throwing progress listener does not break the check', async () => {
    const pkg = await buildPackage();
    const report = await runChecks({
      stage: 'GD',
      source: pkg.source,
      now: fixedNow,
      onProgress: () => {
        throw new Error('bar');
      },
    });
    expect(itemOf(report, 'fixity').status).toBe('pass');
  });

  it('rejects with ABORTED when the signal aborts mid-read, and at once when already aborted', async () => {
    const pkg = await buildPackage();
    const controller = new AbortController();
    const run = runChecks({
      stage: 'archiving',
      source: pkg.source,
      signal: controller.signal,
      onProgress: (e) => {
        if (e.phase === 'read') controller.abort();
      },
    });
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDanganError(error, 'ABORTED')).toBe(true);
    await expect(
      runChecks({ stage: 'GD', source: pkg.source, signal: AbortSignal.abort() }),
    ).rejects.toSatisfy((e: unknown) => e instanceof DanganError && e.code === 'ABORTED');
  });

  it('runChecksMany keeps to the concurrency limit and reports every package', async () => {
    const files = await standardFiles();
    const sources = await Promise.all(
      Array.from(
        { length: 6 },
        async (_, i) => (await buildPackage(i % 2 === 0 ? files : [files[0]!])).source,
      ),
    );
    let active = 0;
    let peak = 0;
    const results = [];
    for await (const r of runChecksMany({
      stage: 'archiving',
      sources: sources.map((s, i) => ({ source: slow(s, 20 + (i % 3) * 10), name: `包${i}` })),
      concurrency: 2,
      now: fixedNow,
      onProgress: (e) => {
        if (e.phase === 'list') {
          active++;
          peak = Math.max(peak, active);
        }
        if (e.phase === 'done') active--;
      },
    })) {
      results.push(r);
    }
    expect(peak).toBe(2);
    expect(results.map((r) => r.index).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const r of results) {
      expect(r.name).toBe(`包${r.index}`);
      expect(r.report.subject.name).toBe(`包${r.index}`);
      expect(itemOf(r.report, 'fixity').status).toBe('pass');
    }
  });

  it('runChecksMany pulls sources lazily from an async iterable and rejects bad options', async () => {
    const pkg = await buildPackage([
      [{ name: 'a.pdf', format: 'PDF, 1.7, application/pdf', bytes: minimalPdf() }],
    ]);
    let pulled = 0;
    async function* gen() {
      for (let i = 0; i < 3; i++) {
        pulled++;
        yield pkg.source;
      }
    }
    const it = runChecksMany({ stage: 'GD', sources: gen(), concurrency: 1, now: fixedNow });
    const first = await it.next();
    expect(first.done).toBe(false);
    expect(pulled).toBeLessThanOrEqual(2);
    await it.return(undefined);
    await expect(runChecksMany({ stage: 'GD', sources: [], concurrency: 0 }).next()).rejects.toBeInstanceOf(
      RangeError,
    );
  });
});

describe('defaultConcurrency', () => {
  it('is the number of cores on Node 20 (no navigator)', async () => {
    const { availableParallelism } = await import('node:os');
    const { defaultConcurrency } = await import('../../src/engine/run-many.js');
    expect(defaultConcurrency()).toBe(availableParallelism());
  });
});

describe('rule registry', () => {
  it('has an evaluator for every rule key the catalogue uses', async () => {
    const { allRules } = await import('../../src/engine/rule-registry.js');
    const { RULE_KEYS } = await import('../../src/catalogue/rule-keys.js');
    const rules = allRules();
    expect(RULE_KEYS.filter((key) => typeof rules[key] !== 'function')).toEqual([]);
  });

  it('an item whose rule a host unset is an error with the reason, never a pass', async () => {
    const { source } = await buildPackage(await standardFiles());
    const report = await runChecks({
      stage: 'archiving',
      source,
      now: fixedNow,
      rules: { 'content.format': undefined as never },
    });
    const item = itemOf(report, 'content.format');
    expect(item.status).toBe('error');
    expect(item.reason).toContain('content.format');
  });
});
