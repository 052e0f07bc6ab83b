import type { Finding } from '@dangan/core';
import type { RecordFact, RuleEvaluator } from '../../engine/rule.js';
import { archivalCodeText, recordCodeParts } from './archival-code.js';
import { type ArchivalCodeSettings, archivalCodeSettings } from './archival-code-settings.js';
import { guarded, outcomeOf, RuleParamError, recordPath } from './outcome.js';
import { elementKeys, elementLabel, elementOf, pointerOf, scalarText, valueAt } from './record-access.js';

/** One key `metadata.duplicates` checks: an element id, with the severity of a repeat. */
interface DuplicateKey {
  readonly element: string;
  readonly severity: 'error' | 'warning';
}

/** The default keys: M8 档号 and M7 电子文件号 (文件编号 M31 may repeat across the 件 of one document). */
export const DEFAULT_DUPLICATE_KEYS: readonly string[] = ['M8', 'M7'];

function readKeys(params: Readonly<Record<string, unknown>>): DuplicateKey[] {
  const raw = params.keys ?? DEFAULT_DUPLICATE_KEYS;
  if (!Array.isArray(raw) || raw.length === 0)
    throw new RuleParamError(
      '检测参数 keys 应为元素编号数组，如 ["M8", "M7"] 或 [{ "element": "M31", "severity": "warning" }]',
      'parameter keys must be a non-empty array of element ids or { element, severity } objects',
    );
  return raw.map((k, i) => {
    if (typeof k === 'string' && k.trim() !== '') return { element: k, severity: 'error' };
    if (typeof k === 'object' && k !== null && typeof (k as { element?: unknown }).element === 'string') {
      const { element, severity = 'error' } = k as { element: string; severity?: unknown };
      if (severity !== 'error' && severity !== 'warning')
        throw new RuleParamError(
          `检测参数 keys[${i}].severity 应为 error 或 warning`,
          `parameter keys[${i}].severity must be error or warning`,
        );
      return { element, severity };
    }
    throw new RuleParamError(
      `检测参数 keys[${i}] 应为元素编号或 { element, severity }`,
      `parameter keys[${i}] must be an element id or { element, severity }`,
    );
  });
}

/** A record's value of one key: its comparison key and how messages show it; `undefined` when absent. */
function keyValue(
  fact: RecordFact,
  element: string,
  settings: ArchivalCodeSettings,
): { readonly key: string; readonly shown: () => string; readonly keys: readonly string[] } | undefined {
  const keys = elementKeys(fact.scheme, element);
  if (keys === undefined) return undefined;
  const value = valueAt(fact.record, keys);
  if (value === undefined) return undefined;
  if (element === 'M8' || (typeof value === 'object' && value !== null && !Array.isArray(value))) {
    if (typeof value === 'string') {
      const t = scalarText(value);
      return t === undefined ? undefined : { key: t, shown: () => t, keys };
    }
    if (element === 'M8') {
      const parts = recordCodeParts(fact, settings);
      if (parts === undefined || parts.件号 === undefined) return undefined;
      const docNo = scalarText(valueAt(value, ['文档序号']));
      const canonical = Object.keys(parts)
        .sort()
        .map((k) => `${k}=${scalarText(parts[k]) ?? ''}`)
        .join('|');
      return {
        key: docNo === undefined ? canonical : `${canonical}|文档序号=${docNo}`,
        shown: () => {
          const text = archivalCodeText(fact, settings) ?? canonical;
          return docNo === undefined ? text : `${text}（文档序号 ${docNo}）`;
        },
        keys,
      };
    }
    const json = JSON.stringify(value);
    return { key: json, shown: () => json, keys };
  }
  const t = scalarText(value);
  return t === undefined ? undefined : { key: t, shown: () => t, keys };
}

/**
 * `metadata.duplicates` (GD-1-8 元数据项数据重复性检测): the configured keys (`params.keys`, element ids;
 * default M8 档号 and M7 电子文件号, each `{ element, severity }` to make a repeat a warning) are unique across
 * the records of the package. Strings compare after NFKC and trimming; a 档号 compares by its parts (and
 * 文档序号, so the documents of one 件 differ). Each repeat is reported at the later record, naming the first.
 * The database half of the item (a) is the host's: the SDK checks the package (b).
 *
 * @example
 * metadataRules['metadata.duplicates'](context, catalogue.byId('GD-1-8')!).status; // 'fail' when two records share a 档号
 */
export const duplicatesRule: RuleEvaluator = (context, item) =>
  guarded(context, () => {
    const keys = readKeys(context.itemParams);
    const settings = archivalCodeSettings(context.itemParams);
    const findings: Finding[] = [];
    for (const { element, severity } of keys) {
      const seen = new Map<string, { fact: RecordFact; count: number }>();
      let known = false;
      for (const fact of context.facts.records) {
        const definition = elementOf(fact.scheme, element);
        if (definition === undefined) continue;
        known = true;
        const v = keyValue(fact, element, settings);
        if (v === undefined) continue;
        const first = seen.get(v.key);
        if (first === undefined) {
          seen.set(v.key, { fact, count: 1 });
          continue;
        }
        first.count++;
        const label = `${elementLabel(definition)} ${definition.name}`;
        const shown = v.shown();
        findings.push({
          code: 'CHECK_METADATA_DUPLICATE',
          severity,
          message: `${label}“${shown}”重复：与 ${first.fact.path} 相同（第 ${first.count} 次出现）`,
          messageEn: `${elementLabel(definition)} ${definition.nameEn} "${shown}" repeats ${first.fact.path} (occurrence ${first.count})`,
          path: recordPath(fact, pointerOf(v.keys)),
          element: elementLabel(definition),
        });
      }
      if (!known)
        throw new RuleParamError(
          `检测参数 keys 中的元素“${element}”不在任何记录的元数据方案中`,
          `parameter keys names "${element}", which no record's scheme has`,
        );
    }
    return outcomeOf(findings, item);
  });
