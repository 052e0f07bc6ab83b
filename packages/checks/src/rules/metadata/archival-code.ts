import type { Finding } from '@dangan/core';
import {
  type ArchivalCodeFinding,
  type ArchivalCodeParts,
  recordArchivalCodeParts,
  safeFormatArchivalCode,
  validateArchivalCode,
} from '@dangan/metadata';
import type { RecordFact, RuleEvaluator } from '../../engine/rule.js';
import { type ArchivalCodeSettings, archivalCodeSettings } from './archival-code-settings.js';
import { guarded, outcomeOf, recordPath } from './outcome.js';
import { elementKeys, pointerOf, valueAt } from './record-access.js';

const M8_KEYS = ['文件实体', '档号'] as const;

/** The record key under 档号 that holds a template part (`件号` → `室编件号` or `馆编件号`). */
function partKey(part: string, container: unknown, settings: ArchivalCodeSettings): string | undefined {
  const c = typeof container === 'object' && container !== null ? (container as Record<string, unknown>) : {};
  const pick = (own: string, archive: string): string =>
    settings.numbering === '室编'
      ? own
      : settings.numbering === '馆编'
        ? archive
        : c[archive] !== undefined
          ? archive
          : own;
  switch (part) {
    case '全宗号':
    case '目录号':
    case '年度':
    case '保管期限':
    case '机构或问题':
    case '页号':
      return part;
    case '门类代码':
    case '二级类别号':
    case '三级类别号':
    case '类别号':
      return '类别号';
    case '案卷号':
      return pick('室编案卷号', '馆编案卷号');
    case '件号':
      return pick('室编件号', '馆编件号');
    default:
      return undefined;
  }
}

/**
 * The parts of a record's 档号 with the configured defaults filled in, or `undefined` when the record has no
 * 档号 container (or an empty one).
 */
export function recordCodeParts(
  fact: RecordFact,
  settings: ArchivalCodeSettings,
): ArchivalCodeParts | undefined {
  const recorded = recordArchivalCodeParts(fact.record, { numbering: settings.numbering });
  if (Object.keys(recorded).length === 0) return undefined;
  return Object.assign({}, settings.parts, recorded);
}

/**
 * The 档号 of a record as text (written with the template), or `undefined` when it cannot be written.
 *
 * @example
 * archivalCodeText(fact, archivalCodeSettings({})); // 'Z109-WS·2025-D30-XK-0123'
 */
export function archivalCodeText(fact: RecordFact, settings: ArchivalCodeSettings): string | undefined {
  const code = valueAt(fact.record, elementKeys(fact.scheme, 'M8') ?? M8_KEYS);
  if (typeof code === 'string') return code.trim() === '' ? undefined : code.trim();
  const parts = recordCodeParts(fact, settings);
  if (parts === undefined) return undefined;
  const r = safeFormatArchivalCode(parts, settings.template, settings.formatOptions);
  return r.ok ? r.value : undefined;
}

function place(
  fact: RecordFact,
  f: ArchivalCodeFinding,
  base: readonly string[],
  container: unknown,
  settings: ArchivalCodeSettings,
): Finding {
  const key =
    f.path === undefined || typeof container === 'string' ? undefined : partKey(f.path, container, settings);
  const pointer = pointerOf(key === undefined ? base : [...base, key]);
  const out: { -readonly [K in keyof Finding]: Finding[K] } = {
    code: f.code,
    severity: f.severity,
    message: `档号：${f.message}`,
    path: recordPath(fact, pointer),
    element: f.element ?? 'M8',
  };
  if (f.messageEn !== undefined) out.messageEn = `archival code: ${f.messageEn}`;
  return out;
}

/**
 * `metadata.archival-code` (GD-1-7 档号规范性检测): each record's 档号 — the parts recorded under M8 (M9–M20),
 * with `params.parts` filling the ones a record does not carry — is written with the configured template
 * (`params.template`, default `dat22Local`) and every part that does not fit is reported, with the part's
 * element number and record path (`/文件实体/档号/全宗号`). A 档号 recorded as one string is read with the
 * template instead. Records without a 档号 are left to the mandatory check (GD-2-4).
 *
 * @example
 * metadataRules['metadata.archival-code'](context, catalogue.byId('GD-1-7')!);
 * // { status: 'fail', findings: [{ code: 'FILING_ARCHIVAL_CODE_PART_INVALID', element: 'M9', path: '元数据.xml#1/文件实体/档号/全宗号', … }] }
 */
export const archivalCodeRule: RuleEvaluator = (context, item) =>
  guarded(context, () => {
    const settings = archivalCodeSettings(context.itemParams);
    const findings: Finding[] = [];
    for (const fact of context.facts.records) {
      const base = elementKeys(fact.scheme, 'M8') ?? M8_KEYS;
      const container = valueAt(fact.record, base);
      if (container === undefined) continue;
      let found: readonly ArchivalCodeFinding[];
      if (typeof container === 'string') {
        found = validateArchivalCode(container, settings.template, {
          ...settings.formatOptions,
          lenient: settings.lenient,
        });
      } else {
        const parts = recordCodeParts(fact, settings);
        if (parts === undefined) continue;
        const r = safeFormatArchivalCode(parts, settings.template, settings.formatOptions);
        found = r.ok ? [] : (r.findings as readonly ArchivalCodeFinding[]);
      }
      for (const f of found) findings.push(place(fact, f, base, container, settings));
    }
    return outcomeOf(findings, item);
  });
