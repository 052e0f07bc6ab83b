/**
 * The check engine (检测引擎): `runChecks` (one stage, one package, one read of its bytes), `runChecksMany`
 * (many packages, bounded concurrency), `auditFixity` (BC periodic fixity audit), the facts the rules judge,
 * progress events and the helpers a plug-in rule needs.
 *
 * @module
 */
export { type EepVerifierOptions, eepFact, packagingEepVerifier } from './adapters/eep-verifier.js';
export {
  type AuditFixityOptions,
  type AuditPackage,
  auditFixity,
  type FixityAudit,
  type PackageAudit,
} from './audit-fixity.js';
export { DEFAULT_PROBE_WINDOWS, type EepStreamVerifier, type ProbeWindows } from './entry-read.js';
export type {
  BackupFact,
  CheckFacts,
  CheckRecordFact,
  ContainerFact,
  EepFact,
  EepSignatureFact,
  EntryFact,
  EntryRole,
  LayoutDocumentFact,
  LayoutFact,
  ManifestEntryFact,
  ManifestFact,
  MetadataDocumentFact,
  NestedContainerFact,
  OfdFact,
  PackageView,
  ReadabilityFact,
  RecordFileLink,
  ReferenceDigests,
  RegistrationFact,
  StatedDigest,
} from './facts.js';
export type { PackageDigestFact, RegisteredTotals } from './gather.js';
export { cannotEvaluate, finding, notApplicable, verdict } from './outcome.js';
export type { CheckPhase, CheckProgress, ProgressListener } from './progress.js';
export type {
  CarrierPosition,
  ItemOutcome,
  PackageFacts,
  RecordFact,
  RuleContext,
  RuleEvaluator,
} from './rule.js';
export { allRules, type EngineRuleKey, engineRules } from './rule-registry.js';
export { type CheckSource, type RunChecksOptions, runChecks, safeRunChecks } from './run-checks.js';
export {
  defaultConcurrency,
  type ManyChecksResult,
  type ManyChecksSource,
  type RunChecksManyOptions,
  runChecksMany,
} from './run-many.js';
