import type { Finding } from '@dangan/core';

/** What {@link findingTaker} returns. */
export interface FindingTaker {
  /** The findings not yet taken that `pred` accepts, marked taken. */
  take(pred: (f: Finding) => boolean): Finding[];
  /** The findings never taken (nor set aside), in their order. */
  rest(): Finding[];
}

/**
 * Hands out a reader's findings to the parts of a package view (发现项分派), each finding at most once, so
 * that what no part claims can be reported as left over. `setAside` findings count as taken from the start
 * (rules recompute what they describe from the single read).
 *
 * @example
 * const { take, rest } = findingTaker(reading.findings, (f) => f.code === 'ARCHIVAL_FILE_EXTRA');
 * const manifestFindings = take((f) => f.path === '清单.xml');
 * const leftOver = rest();
 */
export function findingTaker(all: readonly Finding[], setAside: (f: Finding) => boolean): FindingTaker {
  const used = new Set<Finding>(all.filter(setAside));
  return {
    take: (pred) => {
      const out = all.filter((f) => !used.has(f) && pred(f));
      for (const f of out) used.add(f);
      return out;
    },
    rest: () => all.filter((f) => !used.has(f)),
  };
}
