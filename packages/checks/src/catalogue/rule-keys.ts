/**
 * Every rule key the catalogue uses (检测规则键), with the DA/T 70 group each serves. A rule key names one
 * check, shared by the same item in every stage (`metadata.length` evaluates GD-1-2, YJ-1-2 and BC-1-4).
 * Keys are only ever added, never renamed: host profiles refer to them.
 *
 * | key | group | what it computes |
 * |---|---|---|
 * | `fixity` | 1-1 | digests recomputed, signatures, seals, timestamps verified |
 * | `fixity.audit` | BC 1-1 | periodic fixity over a list of stored packages |
 * | `metadata.length` … `metadata.duplicates` | 1-2 | the seven metadata-accuracy checks |
 * | `content.attributes` | 1-3 | content bytes vs 电子属性 |
 * | `link.location` | 1-4 | recorded location = actual |
 * | `package.readme-catalogue`, `package.structure`, `package.digest` | 1-5 | 说明文件/目录文件, layout, package digest |
 * | `totals.count`, `totals.bytes` | 2-1 | registered totals vs actual |
 * | `metadata.elements-present`, `metadata.mandatory`, `metadata.process`, `metadata.continuity` | 2-2 | metadata completeness |
 * | `content.complete` | 2-3 | content present, non-empty, intact |
 * | `package.scope`, `package.metadata-complete`, `package.content-count` | 2-4 | 归档范围, package metadata, file count |
 * | `metadata.readable` | 3-1 | metadata parses and reads (no mojibake) |
 * | `content.format`, `content.readable` | 3-2 | allowed formats, files open |
 * | `environment` | 3-3 | software environment vs the allowed list |
 * | `package.no-encryption`, `package.no-nonpublic-compression`, `package.formats-compliant` | 3-4 (GD/YJ) | nothing impairs usability |
 * | `backup.restorable` | BC 3-4 | a restored backup verifies |
 * | `virus.scan` | 4-1 | an AV engine scanned the package |
 * | `carrier.extra-files` | 4-2 | nothing on the carrier but the package |
 *
 * @example
 * RULE_KEYS.includes('metadata.continuity'); // true
 */
export const RULE_KEYS = [
  'fixity',
  'fixity.audit',
  'metadata.length',
  'metadata.format',
  'metadata.domain',
  'metadata.plausibility',
  'metadata.special-characters',
  'metadata.archival-code',
  'metadata.duplicates',
  'content.attributes',
  'link.location',
  'package.readme-catalogue',
  'package.structure',
  'package.digest',
  'totals.count',
  'totals.bytes',
  'metadata.elements-present',
  'metadata.mandatory',
  'metadata.process',
  'metadata.continuity',
  'content.complete',
  'package.scope',
  'package.metadata-complete',
  'package.content-count',
  'metadata.readable',
  'content.format',
  'content.readable',
  'environment',
  'package.no-encryption',
  'package.no-nonpublic-compression',
  'package.formats-compliant',
  'backup.restorable',
  'virus.scan',
  'carrier.extra-files',
] as const;

/** A key of {@link RULE_KEYS}. */
export type RuleKey = (typeof RULE_KEYS)[number];

let keySet: ReadonlySet<string> | undefined;

/**
 * Whether a string is one of the {@link RULE_KEYS}.
 *
 * @example
 * isRuleKey('metadata.length'); // true
 * isRuleKey('metadata.size'); // false
 */
export function isRuleKey(value: unknown): value is RuleKey {
  keySet ??= new Set<string>(RULE_KEYS);
  return typeof value === 'string' && keySet.has(value);
}
