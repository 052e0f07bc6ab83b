import type { Finding } from '@dangan/core';
import {
  archivalCodeSequenceKey,
  findSequenceGaps,
  recordArchivalCodeParts,
  type SequenceGapReport,
} from '@dangan/metadata';
import type { CarrierPosition, RecordFact, RuleEvaluator } from '../../engine/rule.js';
import { type ArchivalCodeSettings, archivalCodeSettings } from './archival-code-settings.js';
import { guarded, notApplicable, outcomeOf, RuleParamError, recordPath } from './outcome.js';
import { stringParam } from './params.js';
import { elementKeys, own, pointerOf, scalarText, valueAt } from './record-access.js';

/** Parts of the leaf class a 件号 counts under (every 档号 part before the number), in 档号 order. */
const CLASS_PARTS = ['全宗号', '目录号', '类别号', '年度', '保管期限', '机构或问题', '案卷号'] as const;

interface Entry {
  readonly fact: RecordFact;
  readonly value: number | string;
  readonly pointer: string;
}

interface SequenceClass {
  /** How messages name the class (computed only when a finding needs it). */
  readonly label: () => string;
  readonly element: string;
  readonly entries: Entry[];
}

function readStart(params: Readonly<Record<string, unknown>>): number | 'lowest' {
  const v = params.start;
  if (v === undefined) return 1;
  if (v === 'lowest') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  throw new RuleParamError(
    '检测参数 start 应为非负整数或 "lowest"（各类别从信息包中最小的编号起算）',
    'parameter start must be a non-negative integer or "lowest"',
  );
}

function push(
  map: Map<string, SequenceClass>,
  key: string,
  label: () => string,
  element: string,
  entry: Entry,
): void {
  const c = map.get(key);
  if (c === undefined) map.set(key, { label: once(label), element, entries: [entry] });
  else c.entries.push(entry);
}

function once(fn: () => string): () => string {
  let value: string | undefined;
  return () => {
    value ??= fn();
    return value;
  };
}

/** The 件号 classes: records grouped by their 档号 parts before the 件号. */
function itemNumberClasses(
  records: readonly RecordFact[],
  settings: ArchivalCodeSettings,
): Map<string, SequenceClass> {
  const classes = new Map<string, SequenceClass>();
  // Documents of one 件 share its 件号 and differ in 文档序号: the 件 counts once.
  const documents = new Map<string, Set<string>>();
  for (const fact of records) {
    const parts = recordArchivalCodeParts(fact.record, { numbering: settings.numbering });
    const n = parts.件号;
    if (typeof n !== 'number' && typeof n !== 'string') continue;
    const key = CLASS_PARTS.map((p) => scalarText(parts[p]) ?? '').join('\u0000');
    const itemKey = `${key}\u0000${scalarText(n) ?? ''}`;
    const docNo = docNumber(fact).value;
    const doc = docNo === undefined ? '' : (scalarText(docNo) ?? '');
    const seenDocs = documents.get(itemKey);
    if (seenDocs === undefined) documents.set(itemKey, new Set([doc]));
    else if (doc !== '' && !seenDocs.has(doc) && !seenDocs.has('')) {
      seenDocs.add(doc);
      continue;
    }
    const m8 = elementKeys(fact.scheme, 'M8') ?? ['文件实体', '档号'];
    const container = valueAt(fact.record, m8);
    const own18 = own(container, '馆编件号') !== undefined;
    const numberKey =
      settings.numbering === '室编'
        ? '室编件号'
        : settings.numbering === '馆编' || own18
          ? '馆编件号'
          : '室编件号';
    const label = (): string => {
      const r = safeKey(Object.assign({}, settings.parts, parts), settings);
      if (r !== undefined) return `档号类别“${r}”`;
      const shown = CLASS_PARTS.map((p) => scalarText(parts[p])).filter((v) => v !== undefined);
      return shown.length === 0 ? '档号类别（无）' : `档号类别“${shown.join(' · ')}”`;
    };
    push(classes, key, label, numberKey === '馆编件号' ? 'M18' : 'M17', {
      fact,
      value: n,
      pointer: pointerOf([...m8, numberKey]),
    });
  }
  return classes;
}

function safeKey(
  parts: Parameters<typeof archivalCodeSequenceKey>[0],
  settings: ArchivalCodeSettings,
): string | undefined {
  try {
    return archivalCodeSequenceKey(parts, settings.template, settings.formatOptions);
  } catch {
    return undefined;
  }
}

/** The 件内顺序号 (M19 文档序号) groups: per 件 (the whole 档号) or per 办件 (办件编号). */
function documentNumberGroups(
  records: readonly RecordFact[],
  settings: ArchivalCodeSettings,
  groupBy: '档号' | '办件',
): { groups: Map<string, SequenceClass>; missing: Finding[] } {
  const members = new Map<string, { label: () => string; facts: RecordFact[] }>();
  for (const fact of records) {
    let key: string | undefined;
    let label: () => string;
    if (groupBy === '办件') {
      const caseNumber = scalarText(own(own(fact.record, '办件'), '办件编号'));
      key = caseNumber;
      label = () => `办件“${caseNumber}”`;
    } else {
      const parts = recordArchivalCodeParts(fact.record, { numbering: settings.numbering });
      if (parts.件号 === undefined) continue;
      const canonical = Object.keys(parts)
        .filter((k) => k !== '页号')
        .sort()
        .map((k) => `${k}=${scalarText(parts[k]) ?? ''}`)
        .join('|');
      key = canonical;
      label = () => `件“${safeFormat(Object.assign({}, settings.parts, parts), settings) ?? canonical}”`;
    }
    if (key === undefined) continue;
    const m = members.get(key);
    if (m === undefined) members.set(key, { label: once(label), facts: [fact] });
    else m.facts.push(fact);
  }
  const groups = new Map<string, SequenceClass>();
  const missing: Finding[] = [];
  for (const [key, { label, facts }] of members) {
    const numbers = facts.map(docNumber);
    if (numbers.every((d) => d.value === undefined)) continue;
    for (let i = 0; i < facts.length; i++) {
      const fact = facts[i]!;
      const { value, pointer } = numbers[i]!;
      if (value === undefined) {
        if (facts.length > 1)
          missing.push({
            code: 'FILING_SEQUENCE_VALUE_INVALID',
            severity: 'error',
            message: `${label()}中有 ${facts.length} 条记录，本条缺少件内顺序号（M19 文档序号）`,
            messageEn: `${label()}: ${facts.length} records, this one has no 文档序号 (M19)`,
            path: recordPath(fact, pointer),
            element: 'M19',
          });
        continue;
      }
      push(groups, key, label, 'M19', { fact, value, pointer });
    }
  }
  return { groups, missing };
}

function safeFormat(
  parts: Parameters<typeof archivalCodeSequenceKey>[0],
  settings: ArchivalCodeSettings,
): string | undefined {
  const key = safeKey(parts, settings);
  if (key === undefined) return undefined;
  const n = parts.件号;
  return n === undefined ? key : `${key}-${n}`;
}

function docNumber(fact: RecordFact): { value: number | string | undefined; pointer: string } {
  const keys = elementKeys(fact.scheme, 'M19') ?? ['文件实体', '档号', '文档序号'];
  const v = valueAt(fact.record, keys);
  return {
    value: typeof v === 'number' || (typeof v === 'string' && v.trim() !== '') ? v : undefined,
    pointer: pointerOf(keys),
  };
}

/** The smallest whole number among `values` (numbers and digit strings), or `undefined`. */
function lowest(values: readonly (number | string)[]): number | undefined {
  let min = Number.POSITIVE_INFINITY;
  for (const v of values) {
    const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
    if (Number.isSafeInteger(n) && n < min) min = n;
  }
  return Number.isFinite(min) ? min : undefined;
}

/**
 * Judges one sequence. `start` is where it must begin; with `partial` (this package holds one stretch of a
 * longer sequence: a carrier of a set) it may begin at any number from `start` up, so only gaps after its
 * first number count. Returns whether the sequence began above `start` (a stretch that was let through).
 */
function judge(
  c: SequenceClass,
  start: number | 'lowest',
  what: string,
  findings: Finding[],
  partial = false,
): boolean {
  const values = c.entries.map((e) => e.value);
  let first = start;
  let continued = false;
  if (first === 'lowest') first = lowest(values) ?? 1;
  else if (partial) {
    const min = lowest(values);
    if (min !== undefined && min > first) {
      first = min;
      continued = true;
    }
  }
  const report: SequenceGapReport = findSequenceGaps(values, { start: first });
  const at = (index: number) => c.entries[index]!;
  const f = (code: string, severity: 'error' | 'warning', index: number, zh: string, en: string): void => {
    findings.push({
      code,
      severity,
      message: zh,
      messageEn: en,
      path: recordPath(at(index).fact, at(index).pointer),
      element: c.element,
    });
  };
  for (const gap of report.gaps) {
    const range = gap.from === gap.to ? `${gap.from}` : `${gap.from}–${gap.to}`;
    // Report the gap at the record whose number follows it.
    let index = 0;
    for (let i = 0; i < c.entries.length; i++) {
      const v = c.entries[i]!.value;
      if (Number(v) === gap.to + 1) {
        index = i;
        break;
      }
    }
    f(
      'FILING_SEQUENCE_GAP',
      'error',
      index,
      `${c.label()}中缺少${what} ${range}（断号${gap.from === first ? `；应从 ${first} 开始` : ''}）`,
      `${c.label()}: ${what} ${range} missing`,
    );
  }
  for (const d of report.duplicates)
    for (const index of d.indices.slice(1))
      f(
        'FILING_SEQUENCE_DUPLICATE',
        'error',
        index,
        `${c.label()}中${what} ${d.value} 重复（共 ${d.count} 次，首次见于 ${at(d.indices[0]!).fact.path}）`,
        `${c.label()}: ${what} ${d.value} appears ${d.count} times`,
      );
  for (const o of report.outOfOrder)
    f(
      'FILING_SEQUENCE_OUT_OF_ORDER',
      'warning',
      o.index,
      `${c.label()}中${what} ${o.value} 排在 ${o.previous} 之后（未按顺序排列）`,
      `${c.label()}: ${what} ${o.value} comes after ${o.previous}`,
    );
  for (const bad of report.invalid)
    f(
      'FILING_SEQUENCE_VALUE_INVALID',
      'error',
      bad.index,
      `${c.label()}中${what}“${bad.value}”不是不小于 ${first} 的整数`,
      `${c.label()}: ${what} "${bad.value}" is not an integer of at least ${first}`,
    );
  return continued;
}

/** The note that a carrier's sequences were judged as stretches of the set's. */
function carrierNote(carrier: CarrierPosition, continued: readonly string[]): Finding {
  const place = carrier.index === undefined ? '' : `第 ${carrier.index} 张，`;
  const shown = continued.slice(0, 3).join('、') + (continued.length > 3 ? ` 等 ${continued.length} 个` : '');
  return {
    code: 'CHECK_SEQUENCE_CONTINUED',
    severity: 'info',
    message: `本包是 ${carrier.total} 张载体中的一张（${place}载体编号 ${carrier.number}），${shown}的编号接续其他载体，按本载体上最小的编号起算；整套载体的起始编号与衔接需合并各载体检查`,
    messageEn: `This is carrier ${carrier.number} of ${carrier.total}: ${continued.length} sequence(s) continue from another carrier and are judged from their lowest number here`,
  };
}

/**
 * `metadata.continuity` (GD-2-6 连续性元数据项检测): running numbers have no gaps, no repeats and start where
 * configured (DA/T 22-2015), using `findSequenceGaps` of `@dangan/metadata`:
 *
 * - 件号 (归档号; M17 室编件号 or M18 馆编件号 by `params.numbering`) within each leaf class — records with the
 *   same 档号 parts before the 件号 (全宗号, 目录号, 类别号, 年度, 保管期限, 机构或问题, 案卷号) — starting at
 *   `params.start` (default 1; `'lowest'` for a package that continues an earlier batch);
 * - 件内顺序号 (M19 文档序号) from 1 within each 件, where records carry it; `params.groupBy: '办件'` groups by
 *   办件编号 instead (the `shanghai-ywtb` profile).
 *
 * Package order is the catalogue order: a number smaller than the one before it is a warning. `not-applicable`
 * when no record carries a 件号 or a 文档序号.
 *
 * **One carrier of an offline 移交 on several** (`facts.carrier`, read from the carrier's 登记表 and 数字摘要
 * sheet): a carrier holds a stretch of each sequence, since carriers are filled with whole 件 in catalogue
 * order, so a 件号 class (and, grouped by 办件, a 办件's 件内顺序号) may begin at any number from `start` up; gaps
 * after its first number and repeats still fail, and a note (`CHECK_SEQUENCE_CONTINUED`, info) names the
 * sequences let through. Whether the stretches of all carriers join up is a property of the set, not of one
 * carrier.
 *
 * @example
 * metadataRules['metadata.continuity'](context, catalogue.byId('GD-2-6')!);
 * // { status: 'fail', findings: [{ code: 'FILING_SEQUENCE_GAP', message: '档号类别“Z109-WS·2025-D30-XK”中缺少件号 3（断号）', element: 'M17', … }] }
 */
export const continuityRule: RuleEvaluator = (context, item) =>
  guarded(context, () => {
    const settings = archivalCodeSettings(context.itemParams);
    const start = readStart(context.itemParams);
    const groupBy = stringParam(context.itemParams, 'groupBy', '档号', ['档号', '办件'] as const);
    const records = context.facts.records;
    // One carrier of several: it holds a stretch of each sequence (a 件 is never split, a class or a 办件 may be).
    const carrier = context.facts.carrier;
    const partial = carrier !== undefined && carrier.total > 1;
    const findings: Finding[] = [];
    const continued: string[] = [];
    const classes = itemNumberClasses(records, settings);
    for (const c of classes.values())
      if (judge(c, start, '件号', findings, partial)) continued.push(c.label());
    const { groups, missing } = documentNumberGroups(records, settings, groupBy);
    for (const g of groups.values())
      if (judge(g, 1, '件内顺序号', findings, partial && groupBy === '办件')) continued.push(g.label());
    findings.push(...missing);
    if (classes.size === 0 && groups.size === 0)
      return notApplicable(
        '记录中没有件号（M17/M18）或件内顺序号（M19），无连续性可检测',
        'no record carries an item number (M17/M18) or a document sequence number (M19)',
      );
    if (carrier !== undefined && continued.length > 0) findings.push(carrierNote(carrier, continued));
    return outcomeOf(findings, item);
  });
