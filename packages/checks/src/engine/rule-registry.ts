import type { Finding } from '@dangan/core';
import {
  contentAttributesRule,
  contentCompleteRule,
  contentFormatRule,
  contentReadableRule,
  environmentRule,
  linkLocationRule,
} from '../rules/content/index.js';
import { fixityAuditRule, fixityRule } from '../rules/fixity/index.js';
import { metadataRules } from '../rules/metadata/index.js';
import {
  contentCountRule,
  formatsCompliantRule,
  metadataCompleteRule,
  packageDigestRule,
  readmeCatalogueRule,
  structureRule,
} from '../rules/package/index.js';
import { backupRestorableRule } from '../rules/preservation/index.js';
import {
  extraFilesRule,
  noEncryptionRule,
  noNonPublicCompressionRule,
  virusScanRule,
} from '../rules/security/index.js';
import { totalsBytesRule, totalsCountRule } from '../rules/totals/index.js';
import type { CheckFacts } from './facts.js';
import type { ItemOutcome, RuleEvaluator } from './rule.js';

/** The rules the engine itself evaluates (package, content, fixity, totals, security, preservation). */
export type EngineRuleKey =
  | 'fixity'
  | 'fixity.audit'
  | 'content.attributes'
  | 'link.location'
  | 'package.readme-catalogue'
  | 'package.structure'
  | 'package.digest'
  | 'totals.count'
  | 'totals.bytes'
  | 'content.complete'
  | 'package.content-count'
  | 'package.metadata-complete'
  | 'content.format'
  | 'content.readable'
  | 'environment'
  | 'package.no-encryption'
  | 'package.no-nonpublic-compression'
  | 'package.formats-compliant'
  | 'backup.restorable'
  | 'virus.scan'
  | 'carrier.extra-files';

let engine: Readonly<Record<EngineRuleKey, RuleEvaluator<CheckFacts>>> | undefined;

/**
 * The engine's rules by rule key (引擎检测规则), built on first use.
 *
 * @example
 * engineRules()['fixity'](context, item);
 */
export function engineRules(): Readonly<Record<EngineRuleKey, RuleEvaluator<CheckFacts>>> {
  engine ??= Object.freeze({
    fixity: fixityRule,
    'fixity.audit': fixityAuditRule,
    'content.attributes': contentAttributesRule,
    'link.location': linkLocationRule,
    'package.readme-catalogue': readmeCatalogueRule,
    'package.structure': structureRule,
    'package.digest': packageDigestRule,
    'totals.count': totalsCountRule,
    'totals.bytes': totalsBytesRule,
    'content.complete': contentCompleteRule,
    'package.content-count': contentCountRule,
    'package.metadata-complete': metadataCompleteRule,
    'content.format': contentFormatRule,
    'content.readable': contentReadableRule,
    environment: environmentRule,
    'package.no-encryption': noEncryptionRule,
    'package.no-nonpublic-compression': noNonPublicCompressionRule,
    'package.formats-compliant': formatsCompliantRule,
    'backup.restorable': backupRestorableRule,
    'virus.scan': virusScanRule,
    'carrier.extra-files': extraFilesRule,
  });
  return engine;
}

/**
 * `metadata.readable` with the engine's own fact added: a metadata document that did not parse (not
 * well-formed, wrong root, bad encoding) fails the item, naming the document, even though it yields no
 * record for the record-level rule to read.
 */
const metadataReadable: RuleEvaluator<CheckFacts> = async (context, item) => {
  const broken: Finding[] = [];
  for (const doc of context.facts.metadataDocuments) {
    for (const f of doc.findings) {
      if (f.severity === 'error') broken.push(f.path === undefined ? { ...f, path: doc.path } : f);
    }
  }
  const inner: ItemOutcome = await metadataRules['metadata.readable'](context, item);
  if (broken.length === 0) return inner;
  return { status: 'fail', findings: [...broken, ...inner.findings] };
};

/**
 * Every rule the engine runs, by rule key: the metadata rules (`rules/metadata`), the engine's rules, then
 * the caller's (which override by key — plug-ins for deep checks).
 *
 * @example
 * const rules = allRules({ 'content.readable': myPdfaValidatorRule });
 */
export function allRules(
  extra: Readonly<Record<string, RuleEvaluator<CheckFacts>>> = {},
): Readonly<Record<string, RuleEvaluator<CheckFacts>>> {
  return Object.assign({}, metadataRules, engineRules(), { 'metadata.readable': metadataReadable }, extra);
}
