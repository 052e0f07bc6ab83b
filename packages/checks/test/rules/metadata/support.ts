import { readFileSync } from 'node:fs';
import { type MetadataScheme, schemes, type UnknownRecord } from '@dangan/metadata';
import { sampleRecord } from '../../../../metadata/test/validate/sample-record.js';
import { catalogue } from '../../../src/catalogue/catalogue.js';
import type { CheckItemDefinition, CheckStageId } from '../../../src/catalogue/types.js';
import type { ItemOutcome, RecordFact, RuleContext } from '../../../src/engine/rule.js';
import { resolveProfile } from '../../../src/profile/resolve.js';
import type { CheckParameters } from '../../../src/profile/types.js';
import { type MetadataRuleKey, metadataRules } from '../../../src/rules/metadata/index.js';

/** The "now" of every test: 2026-01-01 北京时间. */
export const NOW = new Date('2026-01-01T00:00:00+08:00');

// biome-ignore lint/suspicious/noExplicitAny: tests change records freely, into invalid shapes too
export type Loose = Record<string, any>;

/**
 * The n-th (1-based) of a batch of valid DA/T 46 records: the metadata package's sample 件 with 室编件号 n and
 * a unique 电子文件号.
 */
export function record(n: number): Loose {
  const r = sampleRecord() as Loose;
  r.文件实体.档号.室编件号 = n;
  const id = `SH-YWTB-2025-${String(n).padStart(6, '0')}-01`;
  r.文件实体.电子文件号 = id;
  for (const b of r.业务实体) b.文件标识符 = id;
  return r;
}

/** Records 1…n. */
export function batch(n: number): Loose[] {
  return Array.from({ length: n }, (_, i) => record(i + 1));
}

/** The 一网通办 record of the metadata package's fixtures (企业设立登记). */
export function ywtbRecord(): Loose {
  const url = new URL('../../../../metadata/test/fixtures/ywtb-record.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Loose;
}

/** Facts for records: `元数据.xml#1`, `#2` … */
export function facts(records: readonly unknown[], scheme: MetadataScheme = schemes.dat46): RecordFact[] {
  return records.map((r, i) => ({ path: `元数据.xml#${i + 1}`, record: r as UnknownRecord, scheme }));
}

export interface RunOptions {
  readonly itemParams?: Readonly<Record<string, unknown>>;
  readonly parameters?: CheckParameters;
  readonly stage?: CheckStageId;
  readonly scheme?: MetadataScheme;
  readonly now?: Date;
}

/** Runs a metadata rule on records for an item (default: the item of the rule in the stage). */
export async function run(
  rule: MetadataRuleKey,
  records: readonly unknown[],
  options: RunOptions & { readonly item?: string } = {},
): Promise<ItemOutcome> {
  const stage = options.stage ?? 'archiving';
  const item: CheckItemDefinition =
    options.item === undefined
      ? catalogue.forRule(rule).find((i) => i.stage === stage)!
      : catalogue.byId(options.item)!;
  const context: RuleContext = {
    stage,
    facts: { records: facts(records, options.scheme) },
    parameters: options.parameters ?? resolveProfile('dat70').parameters,
    itemParams: options.itemParams ?? {},
    now: options.now ?? NOW,
  };
  return metadataRules[rule](context, item);
}

/** `[code, element, path]` of each finding. */
export function where(outcome: ItemOutcome): [string, string | undefined, string | undefined][] {
  return outcome.findings.map((f) => [f.code, f.element, f.path]);
}
