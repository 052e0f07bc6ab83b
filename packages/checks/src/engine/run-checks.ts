import {
  DanganError,
  type Finding,
  isDanganError,
  type SafeResult,
  safelyAsync,
  throwIfAborted,
} from '@dangan/core';
import type { MetadataScheme } from '@dangan/metadata';
import type { ArchivalLayoutProfile } from '@dangan/packaging';
import {
  isPackageSource,
  openPackage,
  type PackageSource,
  type RandomAccessSource,
  randomAccess,
  type ZipArchive,
  type ZipLimits,
} from '@dangan/packaging';
import { catalogue } from '../catalogue/catalogue.js';
import type { CheckItemDefinition, CheckStageId } from '../catalogue/types.js';
import { type ProfileRegistry, resolveProfile } from '../profile/resolve.js';
import type { CheckProfile, ResolvedItemSetting, ResolvedProfile } from '../profile/types.js';
import { summarise } from '../report/summarise.js';
import type { Attestation, CheckItemResult, CheckReport, CheckStatus } from '../report/types.js';
import type { VirusScanner } from '../scanner/types.js';
import { packagingEepVerifier } from './adapters/eep-verifier.js';
import { DEFAULT_PROBE_WINDOWS, type EepStreamVerifier, type ProbeWindows } from './entry-read.js';
import type { CheckFacts, ContainerFact, ReferenceDigests } from './facts.js';
import { gatherFacts, type PackageDigestFact, type RegisteredTotals } from './gather.js';
import { type ProgressListener, ProgressTracker } from './progress.js';
import type { ItemOutcome, RuleEvaluator } from './rule.js';
import { allRules } from './rule-registry.js';

/** What a package to check may be: a {@link PackageSource} (memory, folder …) or a ZIP (bytes, Blob, random access). */
export type CheckSource = PackageSource | Uint8Array | Blob | RandomAccessSource;

/** Options of {@link runChecks}. */
export interface RunChecksOptions {
  /** The stage: `archiving` (归档, `GD`), `transfer` (移交与接收, `YJ`) or `preservation` (长期保存, `BC`). */
  readonly stage: CheckStageId | 'GD' | 'YJ' | 'BC';
  /** The package: a `PackageSource`, or a ZIP as bytes, a `Blob` or a random-access source (opened safely). */
  readonly source: CheckSource;
  /** A profile id (`dat70`, `shanghai-ywtb`, or one in `profiles`) or a profile object; default `dat70`. */
  readonly profile?: string | CheckProfile;
  /** Profiles to resolve ids and `extends` against, besides the shipped ones. */
  readonly profiles?: ProfileRegistry;
  /** A person's results for manual items (人工检测确认); unattested manual items are reported `manual`. */
  readonly attestations?: readonly Attestation[];
  /** The virus scanner (GD-4-2). Absent: the virus item is `error` with the reason 未配置病毒扫描引擎. */
  readonly scanner?: VirusScanner;
  /** Registered totals and the package digest (登记表, 交接单据); default: the package's own registration form. */
  readonly registered?: RegisteredTotals;
  /** Digests taken at ingest, by entry path (BC `fixity.audit`). */
  readonly referenceDigests?: ReferenceDigests;
  /** A copy restored from backup (BC 3-4): every digest of the package must reproduce from it. */
  readonly backupSource?: PackageSource;
  /** Trust anchors (CA certificates, PEM or DER) for EEP signer certificates. */
  readonly trustAnchors?: readonly (string | Uint8Array)[];
  /** The clock (start and end times, certificate validity). Default: the system clock. */
  readonly now?: () => Date;
  /** Aborting rejects with `DanganError('ABORTED')`. */
  readonly signal?: AbortSignal;
  /** Progress events (phase, bytes done and total, entry). */
  readonly onProgress?: ProgressListener;
  /** A name for the report's subject (default: the package's own, else `信息包`). */
  readonly name?: string;
  /** 归档信息包 layouts to recognise besides the shipped ones. */
  readonly layouts?: readonly ArchivalLayoutProfile[];
  /** Metadata scheme of the records (default: the one the package names, else DA/T 46). */
  readonly scheme?: MetadataScheme;
  /** What the registered package digest is of: the package's own (`package`, default) or the ZIP file (`container`). */
  readonly packageDigestOf?: 'package' | 'container';
  /** Extra or replacement rules by rule key (plug-ins: a PDF/A validator for `content.readable` …). */
  readonly rules?: Readonly<Record<string, RuleEvaluator<CheckFacts>>>;
  /**
   * Certificates (PEM or DER) of the signers the host expects (e.g. its own archive signing certificate):
   * their EEP signatures verify within the single read however large the EEP.
   */
  readonly eepSigners?: readonly (string | Uint8Array)[];
  /** Verifies EEPs from the engine's stream; default: `@dangan/packaging`'s `verifyEep` (see `packagingEepVerifier`). */
  readonly verifyEep?: EepStreamVerifier;
  /** Safe ZIP reader limits, for a ZIP source. */
  readonly zipLimits?: ZipLimits;
  /** Windows kept per entry for probes. */
  readonly probeWindows?: Partial<ProbeWindows>;
  /** Largest structural document (manifest, metadata, forms) read into memory; default 64 MiB. */
  readonly maxDocumentBytes?: number;
}

const STAGES: Readonly<Record<string, CheckStageId>> = {
  archiving: 'archiving',
  transfer: 'transfer',
  preservation: 'preservation',
  GD: 'archiving',
  YJ: 'transfer',
  BC: 'preservation',
};

/**
 * Runs the DA/T 70-2018 four-property checks (四性检测) of one stage on one package and returns the report.
 *
 * **One read.** Every entry is read once; that read feeds every digest (the algorithms the manifest and the
 * references name), format identification and 电子属性 capture, the readability probes (PDF, OFD, image and
 * media headers, XML), the virus scanner and the EEP verifier; the structural documents are kept in memory
 * so the package readers do not read them again. Memory stays bounded (probe windows, two queued chunks
 * per consumer). Only a registered digest of the ZIP file itself (`packageDigestOf: 'container'`) needs a
 * second, sequential read of the container.
 *
 * **Every enabled item of the stage** (catalogue × profile) gets a status: rules run by their `rule` key;
 * a profile severity `warning` turns a failure into `warning`; items without a rule are `manual` unless a
 * host attestation answers them (then `pass`/`fail` with the attestation attached); an item that cannot be
 * evaluated is `error` or `not-applicable` with a reason — never `pass`. Every finding has `item` set.
 *
 * **Never throws for package problems**: a damaged ZIP, unreadable entries, broken documents become
 * findings and item statuses. Throws `TypeError`/`RangeError` for bad arguments, the profile's
 * `DanganError` for a bad profile (`CHECK_PROFILE_*`), and `DanganError('ABORTED')` when `signal` aborts.
 *
 * @example
 * const report = await runChecks({ stage: 'archiving', source: folderSource('/data/310115202603160001'), scanner: clamavScanner() });
 * report.summary.passed; // true
 * report.items.find((i) => i.id === 'GD-1-1')?.status; // 'pass'
 */
export async function runChecks(options: RunChecksOptions): Promise<CheckReport> {
  const o = checkOptions(options);
  const clock = o.now ?? (() => new Date());
  const stage = STAGES[o.stage as string]!;
  const profile = resolveProfile(o.profile ?? 'dat70', o.profiles);
  throwIfAborted(o.signal);
  const startedAt = clock();
  const progress = new ProgressTracker(o.onProgress);

  const { facts, failure } = await collectFacts(o, stage, profile, startedAt, progress);
  const items = await evaluate(stage, profile, facts, failure, o, progress);
  const summary = summarise(items);
  const finishedAt = clock();
  progress.emit('done');
  const digest = facts?.packageDigest;
  return {
    stage,
    profile: profile.id,
    subject: {
      name: o.name ?? facts?.subjectName ?? '信息包',
      kind: facts?.view.kind ?? 'unknown',
      ...(facts === undefined
        ? {}
        : { entries: facts.entries.length, bytes: facts.entries.reduce((sum, e) => sum + e.size, 0) }),
      ...(digest === undefined ? {} : { digest: { algorithm: digest.algorithm, value: digest.value } }),
    },
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    summary,
    items,
    generator: '@dangan/checks',
  };
}

/** What {@link collectFacts} gathered: the facts, or why the package could not be read at all. */
export interface CollectedFacts {
  readonly facts?: CheckFacts & { readonly packageDigest?: PackageDigestFact };
  readonly failure?: Finding;
}

/**
 * Opens the source (a ZIP safely, a `PackageSource` as it is) and gathers its facts in one read; a package
 * that cannot be opened or listed gives `failure` instead (its `DanganError` as a finding). Used by
 * `runChecks` and `auditFixity`.
 *
 * @example
 * const { facts, failure } = await collectFacts(options, 'archiving', resolveProfile('dat70'), new Date(), new ProgressTracker(undefined));
 */
export async function collectFacts(
  o: RunChecksOptions,
  stage: CheckStageId,
  profile: ResolvedProfile,
  startedAt: Date,
  progress: ProgressTracker,
): Promise<CollectedFacts> {
  let source: PackageSource;
  let container: ContainerFact;
  let containerBytes: RandomAccessSource | undefined;
  let opened: PackageSource | undefined;
  let facts: (CheckFacts & { packageDigest?: PackageDigestFact }) | undefined;
  let failure: Finding | undefined;
  try {
    if (isPackageSource(o.source)) {
      source = o.source;
      container = { kind: 'source', findings: [], entries: [] };
    } else {
      const pkg = await openPackage(o.source, o.zipLimits === undefined ? {} : { limits: o.zipLimits });
      source = pkg.source;
      opened = pkg.source;
      containerBytes = randomAccess(o.source);
      container = containerOf(pkg.zip, pkg.findings, containerBytes);
    }
    facts = await gatherFacts({
      source,
      container,
      ...(containerBytes === undefined ? {} : { containerBytes }),
      packageDigestOf: o.packageDigestOf ?? 'package',
      subjectName: o.name ?? '信息包',
      ...(o.scanner === undefined ? {} : { scanner: o.scanner }),
      ...(o.scanner?.version === undefined ? {} : { scannerVersion: await scannerVersion(o.scanner) }),
      verifyEep:
        o.verifyEep ??
        packagingEepVerifier({
          ...(o.trustAnchors === undefined ? {} : { trustAnchors: o.trustAnchors }),
          ...(o.eepSigners === undefined ? {} : { signers: o.eepSigners }),
          time: startedAt,
        }),
      windows: { ...DEFAULT_PROBE_WINDOWS, ...o.probeWindows },
      maxDocumentBytes: o.maxDocumentBytes ?? 64 * 1024 * 1024,
      ...(o.registered === undefined ? {} : { registered: o.registered }),
      ...(o.referenceDigests === undefined ? {} : { reference: o.referenceDigests }),
      ...(o.backupSource === undefined ? {} : { backupSource: o.backupSource }),
      ...(o.layouts === undefined ? {} : { layouts: o.layouts }),
      ...(o.scheme === undefined ? {} : { scheme: o.scheme }),
      ...readmeFieldsOf(stage, profile),
      trustAnchors: o.trustAnchors?.length ?? 0,
      now: startedAt,
      ...(o.signal === undefined ? {} : { signal: o.signal }),
      progress,
    });
  } catch (e) {
    if (isDanganError(e, 'ABORTED') || !(e instanceof DanganError)) throw e;
    failure = {
      code: e.code,
      severity: 'error',
      message: `信息包无法读取：${e.message}`,
      ...(e.messageEn === undefined ? {} : { messageEn: `The package cannot be read: ${e.messageEn}` }),
    };
  } finally {
    await opened?.close().catch(() => undefined);
  }

  return { ...(facts === undefined ? {} : { facts }), ...(failure === undefined ? {} : { failure }) };
}

/**
 * {@link runChecks} returning a `SafeResult`: a bad profile or an abort becomes `{ ok: false, findings }`;
 * package problems are in the report either way. Programmer errors still throw.
 *
 * @example
 * const r = await safeRunChecks({ stage: 'GD', source: bytes, profile: 'mine', profiles });
 * if (!r.ok) console.error(r.findings);
 */
export function safeRunChecks(options: RunChecksOptions): Promise<SafeResult<CheckReport>> {
  return safelyAsync(() => runChecks(options));
}

async function evaluate(
  stage: CheckStageId,
  profile: ResolvedProfile,
  facts: CheckFacts | undefined,
  failure: Finding | undefined,
  o: RunChecksOptions,
  progress: ProgressTracker,
): Promise<CheckItemResult[]> {
  const rules = allRules(o.rules);
  const attestations = new Map<string, Attestation>();
  for (const a of o.attestations ?? []) attestations.set(a.item, a);
  const results: CheckItemResult[] = [];
  for (const item of catalogue.forStage(stage)) {
    const setting = profile.items[item.id];
    if (setting === undefined || !setting.enabled) continue;
    throwIfAborted(o.signal);
    progress.emit('evaluate', { item: item.id });
    results.push(
      await evaluateItem(item, setting, rules, facts, failure, attestations.get(item.id), profile, stage, o),
    );
  }
  return results;
}

async function evaluateItem(
  item: CheckItemDefinition,
  setting: ResolvedItemSetting,
  rules: Readonly<Record<string, RuleEvaluator<CheckFacts>>>,
  facts: CheckFacts | undefined,
  failure: Finding | undefined,
  attestation: Attestation | undefined,
  profile: ResolvedProfile,
  stage: CheckStageId,
  o: RunChecksOptions,
): Promise<CheckItemResult> {
  const base = {
    id: item.id,
    group: item.group,
    property: item.property,
    name: item.name,
    ...(item.provisional ? { provisional: true } : {}),
  };
  const withItem = (findings: readonly Finding[]): Finding[] =>
    findings.map((f) => (f.item === item.id ? f : Object.assign({}, f, { item: item.id })));

  if (item.rule === undefined) {
    if (attestation === undefined) {
      return {
        ...base,
        status: 'manual',
        findings: [],
        reason: '需人工检测：本项须由检测人员确认并记录（检测人、时间、结论）',
        reasonEn: 'Needs a person: an inspector must attest this item (who, when, result)',
      };
    }
    const status: CheckStatus =
      attestation.result === 'pass' ? 'pass' : setting.severity === 'warning' ? 'warning' : 'fail';
    return {
      ...base,
      status,
      findings: withItem([
        {
          code: 'CHECK_ATTESTED',
          severity: attestation.result === 'pass' ? 'info' : setting.severity,
          message: `人工检测：${attestation.by} 于 ${attestation.at} 确认${attestation.result === 'pass' ? '合格' : '不合格'}${attestation.note === undefined ? '' : `（${attestation.note}）`}`,
          messageEn: `Attested by ${attestation.by} at ${attestation.at}: ${attestation.result}${attestation.note === undefined ? '' : ` (${attestation.note})`}`,
        },
      ]),
      attestation,
    };
  }

  if (facts === undefined) {
    const structural = item.rule === 'package.structure';
    return {
      ...base,
      status: structural ? 'fail' : 'error',
      findings: structural && failure !== undefined ? withItem([failure]) : [],
      reason: failure?.message ?? '信息包无法读取',
      ...(failure?.messageEn === undefined ? {} : { reasonEn: failure.messageEn }),
    };
  }

  const rule = rules[item.rule];
  // Every shipped rule key has an evaluator (a test holds the catalogue and the registry together); this guards a
  // host's `rules` that unset one: the item is then an error, never a silent pass.
  if (rule === undefined) {
    return {
      ...base,
      status: 'error',
      findings: [],
      reason: `检测规则“${item.rule}”没有可执行的实现，本项未检测`,
      reasonEn: `No evaluator is registered for the rule "${item.rule}"; the item was not checked`,
    };
  }
  let outcome: ItemOutcome;
  try {
    outcome = await rule(
      {
        stage,
        facts,
        parameters: profile.parameters,
        itemParams: setting.params,
        ...(o.signal === undefined ? {} : { signal: o.signal }),
      },
      item,
    );
  } catch (e) {
    if (isDanganError(e, 'ABORTED')) throw e;
    const text = e instanceof Error ? e.message : String(e);
    outcome = {
      status: 'error',
      findings: [],
      reason: `检测规则出错：${text}`,
      reasonEn: `The rule failed: ${text}`,
    };
  }
  const ignored: Finding[] =
    attestation === undefined
      ? []
      : [
          {
            code: 'CHECK_ATTESTATION_IGNORED',
            severity: 'info',
            message: `本项为自动检测项，已忽略 ${attestation.by} 的人工确认`,
            messageEn: `This item is computed: the attestation by ${attestation.by} was ignored`,
          },
        ];
  const status: CheckStatus =
    outcome.status === 'fail' && setting.severity === 'warning' ? 'warning' : outcome.status;
  return {
    ...base,
    status,
    findings: withItem([...outcome.findings, ...ignored]),
    ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
    ...(outcome.reasonEn === undefined ? {} : { reasonEn: outcome.reasonEn }),
  };
}

/** The item param `readmeFields` of the stage's readme item, when the profile sets one. */
function readmeFieldsOf(stage: CheckStageId, profile: ResolvedProfile): { readmeFields?: readonly string[] } {
  const item = catalogue.forStage(stage).find((i) => i.rule === 'package.readme-catalogue');
  const value = item === undefined ? undefined : profile.items[item.id]?.params.readmeFields;
  if (value === undefined) return {};
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new TypeError(`the profile's ${item!.id} param readmeFields must be an array of field names`);
  return { readmeFields: value as readonly string[] };
}

async function scannerVersion(scanner: VirusScanner): Promise<string> {
  try {
    return (await scanner.version?.()) ?? scanner.name;
  } catch {
    return scanner.name;
  }
}

function containerOf(
  zip: ZipArchive | undefined,
  findings: readonly Finding[],
  bytes: RandomAccessSource,
): ContainerFact {
  return {
    kind: 'zip',
    findings,
    entries: (zip?.entries ?? []).map((e) => ({
      path: e.name,
      method: e.method,
      encrypted: e.encrypted,
      directory: e.isDirectory,
    })),
    size: bytes.size,
  };
}

const isBlob = (v: unknown): v is Blob => typeof Blob !== 'undefined' && v instanceof Blob;

function checkOptions(options: RunChecksOptions): RunChecksOptions {
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  if (typeof options.stage !== 'string' || !Object.hasOwn(STAGES, options.stage)) {
    throw new RangeError(
      `options.stage must be archiving, transfer or preservation (or GD, YJ, BC), got ${String(options.stage)}`,
    );
  }
  const s = options.source as unknown;
  const isRandomAccess =
    typeof s === 'object' &&
    s !== null &&
    typeof (s as RandomAccessSource).size === 'number' &&
    typeof (s as RandomAccessSource).read === 'function';
  if (!(s instanceof Uint8Array) && !isBlob(s) && !isPackageSource(s) && !isRandomAccess) {
    throw new TypeError(
      'options.source must be a PackageSource, ZIP bytes, a Blob or a random-access source',
    );
  }
  if (options.now !== undefined && typeof options.now !== 'function')
    throw new TypeError('options.now must be a function returning a Date');
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function')
    throw new TypeError('options.onProgress must be a function');
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal))
    throw new TypeError('options.signal must be an AbortSignal');
  if (
    options.scanner !== undefined &&
    (typeof options.scanner !== 'object' || typeof options.scanner.scan !== 'function')
  )
    throw new TypeError('options.scanner must be a VirusScanner (an object with scan())');
  if (options.backupSource !== undefined && !isPackageSource(options.backupSource))
    throw new TypeError('options.backupSource must be a PackageSource');
  if (options.attestations !== undefined) {
    if (!Array.isArray(options.attestations)) throw new TypeError('options.attestations must be an array');
    options.attestations.forEach((a: Attestation, i) => {
      if (a === null || typeof a !== 'object')
        throw new TypeError(`options.attestations[${i}] must be an object`);
      if (typeof a.item !== 'string' || a.item === '')
        throw new TypeError(`options.attestations[${i}].item must be an item id`);
      if (a.result !== 'pass' && a.result !== 'fail')
        throw new RangeError(
          `options.attestations[${i}].result must be 'pass' or 'fail', got ${String(a.result)}`,
        );
      if (typeof a.by !== 'string' || a.by.trim() === '')
        throw new TypeError(`options.attestations[${i}].by must name who attested`);
      if (typeof a.at !== 'string' || Number.isNaN(Date.parse(a.at)))
        throw new RangeError(`options.attestations[${i}].at must be an ISO 8601 time, got ${String(a.at)}`);
    });
  }
  if (
    options.maxDocumentBytes !== undefined &&
    !(Number.isSafeInteger(options.maxDocumentBytes) && options.maxDocumentBytes > 0)
  )
    throw new RangeError('options.maxDocumentBytes must be a positive integer');
  for (const [key, value] of Object.entries(options.probeWindows ?? {})) {
    if (!(Number.isSafeInteger(value) && (value as number) >= 0))
      throw new RangeError(`options.probeWindows.${key} must be a non-negative integer`);
  }
  return options;
}
