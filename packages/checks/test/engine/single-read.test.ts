import type { PackageSource } from '@dangan/packaging';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/engine/run-checks.js';
import { buildPackage, fixedNow, sm3Hex } from './fixtures.js';
import { itemOf, readingScanner } from './support.js';

/** Counts how many times each entry's bytes are opened for reading. */
function counting(source: PackageSource): { source: PackageSource; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return {
    reads,
    source: {
      list: () => source.list(),
      has: (p) => source.has(p),
      close: () => source.close(),
      read(path) {
        const inner = source.read(path);
        return () => {
          reads.set(path, (reads.get(path) ?? 0) + 1);
          return typeof inner === 'function' ? inner() : inner;
        };
      },
    },
  };
}

describe('one read per entry', () => {
  it('a 归档信息包 is read once per entry, with the scanner, digests and probes all fed', async () => {
    const pkg = await buildPackage();
    const { source, reads } = counting(pkg.source);
    const scanner = readingScanner();
    const report = await runChecks({
      stage: 'archiving',
      source,
      scanner,
      registered: { digest: { algorithm: 'sm3', value: sm3Hex(pkg.files.get(pkg.result.manifestPath)!) } },
      now: fixedNow,
    });
    expect(itemOf(report, 'fixity').status).toBe('pass');
    expect(itemOf(report, 'package.digest').status).toBe('pass');
    expect(itemOf(report, 'virus.scan').status).toBe('pass');
    expect([...reads.keys()].sort()).toEqual([...pkg.files.keys()].sort());
    for (const [path, n] of reads) expect(n, path).toBe(1);
  });
});
