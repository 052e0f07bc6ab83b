import type { Finding } from '@dangan/core';
import {
  checkRecord,
  METADATA_FINDING_CODES,
  type MetadataFinding,
  type ValidateRecordOptions,
} from '@dangan/metadata';
import { catalogue } from '../../catalogue/catalogue.js';
import type { CheckItemDefinition } from '../../catalogue/types.js';
import type { ItemOutcome, RecordFact, RuleContext } from '../../engine/rule.js';
import { guarded, outcomeOf, recordPath } from './outcome.js';

const cache = new WeakMap<RecordFact, Map<string, readonly MetadataFinding[]>>();

/** The `checkRecord` options of a rule context (the profile's `parameters.metadata` and the engine's `now`). */
export function validationOptions(context: RuleContext): ValidateRecordOptions {
  const m = context.parameters.metadata ?? {};
  const options: { -readonly [K in keyof ValidateRecordOptions]: ValidateRecordOptions[K] } = { lang: 'zh' };
  if (context.now !== undefined) options.now = context.now;
  if (m.utcOffsetMinutes !== undefined) options.utcOffsetMinutes = m.utcOffsetMinutes;
  if (m.maxLength !== undefined) options.maxLength = m.maxLength;
  if (m.unknownElements !== undefined) options.unknownElements = m.unknownElements;
  return options;
}

/**
 * The findings of `checkRecord` (from `@dangan/metadata`) for one record, computed once per record and options
 * and shared by every metadata rule of the run (the seven 1-2 checks, 2-2 elements and mandatory items).
 */
export function recordFindings(fact: RecordFact, options: ValidateRecordOptions): readonly MetadataFinding[] {
  const key = `${options.now?.getTime() ?? 'now'}|${options.utcOffsetMinutes ?? ''}|${options.maxLength ?? ''}|${options.unknownElements ?? ''}`;
  let byOptions = cache.get(fact);
  if (byOptions === undefined) {
    byOptions = new Map();
    cache.set(fact, byOptions);
  }
  let findings = byOptions.get(key);
  if (findings === undefined) {
    findings = checkRecord(fact.record, fact.scheme, options);
    byOptions.set(key, findings);
  }
  return findings;
}

/**
 * The rule key a metadata finding belongs to: `@dangan/metadata` files each finding under a GD item
 * (`finding.item`, from `METADATA_FINDING_CODES`), and the catalogue gives that item's rule.
 *
 * @example
 * ruleOfMetadataFinding({ code: 'METADATA_TOO_LONG', item: 'GD-1-2', … }); // 'metadata.length'
 */
export function ruleOfMetadataFinding(finding: MetadataFinding): string | undefined {
  const item = finding.item ?? METADATA_FINDING_CODES[finding.code]?.gdItem;
  return item === undefined ? undefined : catalogue.byId(item)?.rule;
}

/** A metadata finding placed in the package: the record's path prefixed, the item set. */
export function placeFinding(fact: RecordFact, f: MetadataFinding, item: CheckItemDefinition): Finding {
  const out: { -readonly [K in keyof Finding]: Finding[K] } = {
    code: f.code,
    severity: f.severity,
    message: f.message,
    messageEn: f.messageEn,
    path: recordPath(fact, f.path),
    item: item.id,
  };
  if (f.element !== undefined) out.element = f.element;
  return out;
}

/**
 * The outcome of a rule that reports the `checkRecord` findings filed under its key (by the GD item mapping
 * of `@dangan/metadata`), for every record in the package.
 */
export function checkRecordOutcome(
  context: RuleContext,
  item: CheckItemDefinition,
  ruleKey: string,
): ItemOutcome {
  return guarded(context, (): ItemOutcome => {
    const options = validationOptions(context);
    const findings: Finding[] = [];
    for (const fact of context.facts.records) {
      for (const f of recordFindings(fact, options))
        if (ruleOfMetadataFinding(f) === ruleKey) findings.push(placeFinding(fact, f, item));
    }
    return outcomeOf(findings, item);
  });
}
