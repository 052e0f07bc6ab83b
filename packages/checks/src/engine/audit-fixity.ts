import type { Finding } from '@dangan/core';
import type { MetadataScheme } from '@dangan/metadata';
import type { ArchivalLayoutProfile } from '@dangan/packaging';
import { resolveProfile } from '../profile/resolve.js';
import { fixityAuditRule } from '../rules/fixity/fixity-audit.js';
import type { ReferenceDigests } from './facts.js';
import { type CheckProgress, ProgressTracker } from './progress.js';
import { type CheckSource, collectFacts } from './run-checks.js';
import { defaultConcurrency } from './run-many.js';

/** One stored package to audit (定期核验对象). */
export interface AuditPackage {
  /** The host's id of the package (shown in results). */
  readonly id: string;
  readonly source: CheckSource;
  /** Digests taken at ingest, by entry path; without them the package's own manifest is the reference. */
  readonly reference?: ReferenceDigests;
}

/** Options of {@link auditFixity}. */
export interface AuditFixityOptions {
  /** Packages audited at once (default: the runtime's core count where it tells, else 2). */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** The clock of the audit (default: the system clock). */
  readonly now?: () => Date;
  readonly onProgress?: (event: CheckProgress & { readonly id: string }) => void;
  readonly layouts?: readonly ArchivalLayoutProfile[];
  readonly scheme?: MetadataScheme;
}

/** The audit of one package (核验结果). */
export interface PackageAudit {
  readonly id: string;
  /** `pass`: every reference digest reproduced; `fail`: something changed or went missing; `not-applicable`: nothing to compare; `error`: the package could not be read. */
  readonly status: 'pass' | 'fail' | 'warning' | 'not-applicable' | 'error';
  readonly findings: readonly Finding[];
  readonly reason?: string;
  /** Entries read and bytes hashed. */
  readonly files: number;
  readonly bytes: number;
  readonly checkedAt: string;
}

/** The result of {@link auditFixity}. */
export interface FixityAudit {
  readonly startedAt: string;
  readonly finishedAt: string;
  /** One result per package, in the order given. */
  readonly packages: readonly PackageAudit[];
  readonly summary: {
    readonly total: number;
    readonly passed: number;
    readonly failed: number;
    readonly errors: number;
  };
}

/**
 * The periodic fixity audit of stored packages (长期保存阶段固化信息定期核验, BC): each package is read once,
 * every file's digest recomputed and compared with the reference taken at ingest (or, without one, with
 * the package's own manifest), at most `concurrency` packages at a time. A package that cannot be read is
 * `error` with the reason; nothing throws for package problems. Aborting rejects with
 * `DanganError('ABORTED')`.
 *
 * @example
 * const audit = await auditFixity([{ id: 'AIP-0001', source: folderSource(dir), reference: ingestDigests }]);
 * audit.summary.failed; // 0
 */
export async function auditFixity(
  packages: Iterable<AuditPackage> | AsyncIterable<AuditPackage>,
  options: AuditFixityOptions = {},
): Promise<FixityAudit> {
  if (
    packages === null ||
    typeof packages !== 'object' ||
    (!(Symbol.iterator in packages) && !(Symbol.asyncIterator in packages))
  )
    throw new TypeError('packages must be an iterable of { id, source, reference? }');
  const concurrency = options.concurrency ?? defaultConcurrency();
  if (!Number.isSafeInteger(concurrency) || concurrency < 1)
    throw new RangeError(`options.concurrency must be a positive integer, got ${String(concurrency)}`);
  const clock = options.now ?? (() => new Date());
  const startedAt = clock();
  const profile = resolveProfile('dat70');
  const results: PackageAudit[] = [];
  const running = new Set<Promise<void>>();
  let index = 0;
  const auditOne = async (p: AuditPackage, position: number): Promise<void> => {
    if (p === null || typeof p !== 'object' || typeof p.id !== 'string')
      throw new TypeError(`packages[${position}] must be { id, source, reference? }`);
    const progress = new ProgressTracker(
      options.onProgress === undefined ? undefined : (e) => options.onProgress!({ ...e, id: p.id }),
    );
    const at = clock();
    const { facts, failure } = await collectFacts(
      {
        stage: 'preservation',
        source: p.source,
        name: p.id,
        ...(p.reference === undefined ? {} : { referenceDigests: p.reference }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.layouts === undefined ? {} : { layouts: options.layouts }),
        ...(options.scheme === undefined ? {} : { scheme: options.scheme }),
      },
      'preservation',
      profile,
      at,
      progress,
    );
    const checkedAt = at.toISOString();
    if (facts === undefined) {
      results[position] = {
        id: p.id,
        status: 'error',
        findings: failure === undefined ? [] : [failure],
        reason: failure?.message ?? '信息包无法读取',
        files: 0,
        bytes: 0,
        checkedAt,
      };
      return;
    }
    const outcome = fixityAuditRule({
      stage: 'preservation',
      facts,
      parameters: profile.parameters,
      itemParams: {},
    });
    const read = facts.entries.filter((e) => e.read);
    results[position] = {
      id: p.id,
      status: outcome.status,
      findings: outcome.findings,
      ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
      files: read.length,
      bytes: read.reduce((sum, e) => sum + e.size, 0),
      checkedAt,
    };
  };
  const iterator =
    Symbol.asyncIterator in packages
      ? (packages as AsyncIterable<AuditPackage>)[Symbol.asyncIterator]()
      : (packages as Iterable<AuditPackage>)[Symbol.iterator]();
  let failed: unknown;
  while (failed === undefined) {
    const step = await iterator.next();
    if (step.done === true) break;
    const position = index++;
    const task: Promise<void> = auditOne(step.value, position).then(
      () => {
        running.delete(task);
      },
      (e: unknown) => {
        running.delete(task);
        failed ??= { error: e };
      },
    );
    running.add(task);
    if (running.size >= concurrency) await Promise.race(running);
  }
  await Promise.all(running);
  if (failed !== undefined) throw (failed as { error: unknown }).error;
  const finishedAt = clock();
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    packages: results,
    summary: {
      total: results.length,
      passed: results.filter((r) => r.status === 'pass').length,
      failed: results.filter((r) => r.status === 'fail').length,
      errors: results.filter((r) => r.status === 'error').length,
    },
  };
}
