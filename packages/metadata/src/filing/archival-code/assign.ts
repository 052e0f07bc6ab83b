import { DanganError, type Finding, type SafeResult, safelyAsync } from '@dangan/core';
import { classify } from '../classification/classify.js';
import type { Classification, ClassificationFacts, ClassificationScheme } from '../classification/model.js';
import type { SequenceProvider } from '../sequence/sequence-provider.js';
import { compileTemplate } from './compile.js';
import { invalid, render } from './format.js';
import type {
  ArchivalCodeParts,
  ArchivalCodeTemplate,
  FormatArchivalCodeOptions,
  ParsedArchivalCodeParts,
} from './model.js';
import {
  archivalCodePartsToRecord,
  type RecordArchivalCode,
  type RecordArchivalCodeOptions,
  recordArchivalCodeParts,
} from './record-parts.js';

/** Options of {@link assignArchivalCode}. */
export interface AssignArchivalCodeOptions extends FormatArchivalCodeOptions, RecordArchivalCodeOptions {
  /** Parts to add or override (a template's own parts, e.g. 事项大类 `XK`; 全宗号 when the record has none). */
  readonly parts?: ArchivalCodeParts;
  /** Classify the record first; its 年度, 保管期限, 机构或问题, 全宗号 and 门类代码 fill the parts. */
  readonly scheme?: ClassificationScheme;
  /** Facts for the classification (see {@link ClassificationFacts}). */
  readonly facts?: ClassificationFacts;
  /**
   * A record that already has a number in the counter part (件号): `keep` it and draw nothing (default; DA/T
   * 13-2022 稳定性: a 档号 is never changed once assigned), or `replace` it with a new number.
   */
  readonly existing?: 'keep' | 'replace';
}

/** The result of {@link assignArchivalCode}. */
export interface AssignedArchivalCode {
  /** The 档号. */
  readonly code: string;
  /** The values written, as {@link parseArchivalCode} would read them back. */
  readonly parts: ParsedArchivalCodeParts;
  /** The leaf class the number was drawn for (the sequence key). */
  readonly key: string;
  /** The counter's number. */
  readonly number: number;
  /** Whether the number was drawn from the sequence (false when an existing number was kept). */
  readonly drawn: boolean;
  /** The DA/T 46 档号 container to store on the record (保管期限 in words, 室编件号 …). */
  readonly 档号: RecordArchivalCode;
  /** The classification, when a scheme was given. */
  readonly classification?: Classification;
  /** Warnings and notes from the classification. */
  readonly findings: readonly Finding[];
}

/**
 * Assigns a 档号 to a record: takes the parts recorded in its 档号 container, classifies it when a scheme is
 * given, adds `options.parts`, checks every part before the counter, draws the next number of the leaf class
 * from the sequence, and writes the code. Parts are checked *before* a number is drawn, so a bad record never
 * uses one up; only a number too wide for its segment (件号 10000 in a 4-digit template) fails after drawing.
 * Throws `DanganError('FILING_ARCHIVAL_CODE_INVALID')` or `('FILING_CLASSIFICATION_INCOMPLETE')`.
 *
 * @example
 * const sequence = createMemorySequence();
 * const record = { 文件实体: { 档号: { 全宗号: 'Z109', 年度: '2026', 保管期限: '定期30年', 机构或问题: 'DJK' } } };
 * const a = await assignArchivalCode(record, archivalCodeTemplates.dat22, sequence);
 * a.code; // 'Z109-WS·2026-D30-DJK-0001'
 * a.档号; // { 全宗号: 'Z109', 年度: '2026', 保管期限: '定期30年', 机构或问题: 'DJK', 类别号: 'WS', 室编件号: 1 }
 * // 一网通办 (proposal): classify by the 办结 year, 事项大类 from the host
 * await assignArchivalCode(ywtbRecord, archivalCodeTemplates.ywtbProposal, sequence, {
 *   scheme: classificationSchemes.yearRetention, parts: { 事项大类: 'XK' } }); // 'Z109-ZY·XK·2026·D30-00001'
 */
export async function assignArchivalCode(
  record: unknown,
  template: ArchivalCodeTemplate,
  sequence: SequenceProvider,
  options: AssignArchivalCodeOptions = {},
): Promise<AssignedArchivalCode> {
  const compiled = compileTemplate(template);
  if (typeof sequence !== 'object' || sequence === null || typeof sequence.next !== 'function')
    throw new TypeError('sequence must be a SequenceProvider');
  const recorded = recordArchivalCodeParts(record, options);
  let classification: Classification | undefined;
  let classified: ArchivalCodeParts = {};
  if (options.scheme !== undefined) {
    classification = classify(record, options.scheme, options);
    if (!classification.complete) {
      const errors = classification.findings.filter((f) => f.severity === 'error');
      throw new DanganError(
        'FILING_CLASSIFICATION_INCOMPLETE',
        `无法完成分类，不能编制档号：${errors.map((f) => f.message).join('；')}`,
        {
          messageEn: 'the record cannot be classified, so no archival code can be assigned',
          findings: errors,
        },
      );
    }
    classified = classification.parts;
  }
  const counter = compiled.counter.part;
  // Object.assign, not spread: V8 spreads objects with non-ASCII keys ~10× slower
  const parts: Record<string, string | number | undefined> = Object.assign(
    {},
    recorded,
    classified,
    options.parts,
  );
  const existing = parts[counter];
  const keep = options.existing !== 'replace' && existing !== undefined && existing !== '';
  const values: Record<string, string | number> = {};
  const head = render(compiled, parts, options, compiled.counter.index, values);
  if (head.findings.length > 0) throw invalid(compiled, head.findings);
  const number = keep ? existing : await sequence.next(head.text);
  parts[counter] = number;
  const full = render(compiled, parts, options, compiled.segments.length, values, head);
  if (full.findings.length > 0) throw invalid(compiled, full.findings);
  const result: {
    -readonly [K in keyof AssignedArchivalCode]: AssignedArchivalCode[K];
  } = {
    code: full.text,
    parts: values as ParsedArchivalCodeParts,
    key: head.text,
    number: values[counter] as number,
    drawn: !keep,
    档号: archivalCodePartsToRecord(values as ParsedArchivalCodeParts, options),
    findings: classification?.findings ?? [],
  };
  if (classification !== undefined) result.classification = classification;
  return result;
}

/**
 * {@link assignArchivalCode} resolving to a {@link SafeResult} instead of rejecting.
 *
 * @example
 * const r = await safeAssignArchivalCode({}, archivalCodeTemplates.dat22, createMemorySequence());
 * r.ok; // false: 全宗号, 年度, 保管期限 missing
 */
export function safeAssignArchivalCode(
  record: unknown,
  template: ArchivalCodeTemplate,
  sequence: SequenceProvider,
  options: AssignArchivalCodeOptions = {},
): Promise<SafeResult<AssignedArchivalCode>> {
  return safelyAsync(() => assignArchivalCode(record, template, sequence, options));
}
