import { hardwareConcurrency } from '@dangan/core';
import type { CheckReport } from '../report/types.js';
import type { CheckProgress } from './progress.js';
import { type CheckSource, type RunChecksOptions, runChecks } from './run-checks.js';

/** One package of {@link runChecksMany}: a source, or a source with its own name and registered facts. */
export type ManyChecksSource =
  | CheckSource
  | {
      readonly source: CheckSource;
      readonly name?: string;
      readonly registered?: RunChecksOptions['registered'];
      readonly referenceDigests?: RunChecksOptions['referenceDigests'];
      readonly backupSource?: RunChecksOptions['backupSource'];
    };

/** Options of {@link runChecksMany}: those of `runChecks` shared by every package, plus the sources. */
export interface RunChecksManyOptions
  extends Omit<
    RunChecksOptions,
    'source' | 'name' | 'registered' | 'referenceDigests' | 'backupSource' | 'onProgress'
  > {
  /** The packages, read lazily (an async iterable may produce them as they arrive). */
  readonly sources: Iterable<ManyChecksSource> | AsyncIterable<ManyChecksSource>;
  /** Packages checked at once (default: the runtime's core count where it tells, else 2). */
  readonly concurrency?: number;
  /** Progress of each package, with its position in `sources`. */
  readonly onProgress?: (event: CheckProgress & { readonly index: number; readonly name?: string }) => void;
}

/** One finished package of {@link runChecksMany}. */
export interface ManyChecksResult {
  /** Position of the package in `sources` (from 0). */
  readonly index: number;
  readonly name?: string;
  readonly report: CheckReport;
}

/**
 * The default concurrency: the number of cores (core's `hardwareConcurrency`).
 *
 * @example
 * defaultConcurrency(); // 8 on an 8-core browser or Node host
 */
export function defaultConcurrency(): number {
  return hardwareConcurrency();
}

/**
 * Checks many packages (批量检测) with at most `concurrency` running at once, yielding each report as it
 * finishes (completion order; `index` says which package it is). Sources are pulled from `sources` only
 * when a slot is free, so a long or endless async iterable is fine. Each package is checked exactly as
 * `runChecks` would; a programmer error, a bad profile or an abort rejects the iteration (aborting stops the
 * packages in flight).
 *
 * @example
 * for await (const { index, report } of runChecksMany({ stage: 'archiving', sources: zips, concurrency: 2 })) {
 *   console.log(index, report.summary.passed);
 * }
 */
export async function* runChecksMany(
  options: RunChecksManyOptions,
): AsyncGenerator<ManyChecksResult, void, undefined> {
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const { sources, concurrency = defaultConcurrency(), onProgress, ...shared } = options;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`options.concurrency must be a positive integer, got ${String(concurrency)}`);
  }
  if (
    sources === null ||
    typeof sources !== 'object' ||
    (!(Symbol.iterator in sources) && !(Symbol.asyncIterator in sources))
  ) {
    throw new TypeError('options.sources must be an iterable or async iterable of package sources');
  }
  const iterator: Iterator<ManyChecksSource> | AsyncIterator<ManyChecksSource> =
    Symbol.asyncIterator in sources
      ? (sources as AsyncIterable<ManyChecksSource>)[Symbol.asyncIterator]()
      : (sources as Iterable<ManyChecksSource>)[Symbol.iterator]();
  const running = new Map<number, Promise<{ readonly id: number; readonly result: ManyChecksResult }>>();
  let next = 0;
  let exhausted = false;
  const start = async (): Promise<boolean> => {
    const step = await iterator.next();
    if (step.done === true) return false;
    const index = next++;
    const item = step.value;
    const spec = isSpec(item) ? item : { source: item };
    const name = spec.name;
    const task = runChecks({
      ...shared,
      source: spec.source,
      ...(name === undefined ? {} : { name }),
      ...(spec.registered === undefined ? {} : { registered: spec.registered }),
      ...(spec.referenceDigests === undefined ? {} : { referenceDigests: spec.referenceDigests }),
      ...(spec.backupSource === undefined ? {} : { backupSource: spec.backupSource }),
      ...(onProgress === undefined
        ? {}
        : {
            onProgress: (e: CheckProgress) =>
              onProgress({ ...e, index, ...(name === undefined ? {} : { name }) }),
          }),
    }).then((report) => ({ id: index, result: { index, ...(name === undefined ? {} : { name }), report } }));
    running.set(index, task);
    return true;
  };
  try {
    while (true) {
      while (!exhausted && running.size < concurrency) {
        if (!(await start())) exhausted = true;
      }
      if (running.size === 0) return;
      const done = await Promise.race(running.values());
      running.delete(done.id);
      yield done.result;
    }
  } finally {
    // Leave no rejection unobserved when the consumer stops early or a package failed.
    for (const task of running.values()) task.catch(() => undefined);
    if (!exhausted) await iterator.return?.();
  }
}

function isSpec(value: ManyChecksSource): value is Exclude<ManyChecksSource, CheckSource> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Uint8Array) &&
    'source' in value &&
    typeof (value as { list?: unknown }).list !== 'function'
  );
}
