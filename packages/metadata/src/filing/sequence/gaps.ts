import type { Finding } from '@dangan/core';
import { compileTemplate } from '../archival-code/compile.js';
import type { ArchivalCodeTemplate, ParseArchivalCodeOptions } from '../archival-code/model.js';
import { read } from '../archival-code/parse.js';
import { SEQUENCE_FINDING_CODES, type SequenceFindingCode } from './codes.js';

/** Missing numbers `from`–`to` (inclusive) in the class `key` (`''` when plain numbers were given). */
export interface SequenceGap {
  readonly key: string;
  readonly from: number;
  readonly to: number;
}

/** A number that appears `count` times in class `key`, at `indices` of the input. */
export interface SequenceDuplicate {
  readonly key: string;
  readonly value: number;
  readonly count: number;
  readonly indices: readonly number[];
}

/** A number smaller than the one before it in the same class (input order is the catalogue order). */
export interface SequenceOutOfOrder {
  readonly key: string;
  readonly index: number;
  readonly value: number;
  readonly previous: number;
}

/** An input that is not a number (or 档号) or is below the start number. */
export interface SequenceInvalidValue {
  readonly index: number;
  readonly value: number | string;
  readonly findings: readonly Finding[];
}

/** One class (leaf class of the 档号, or `''` for plain numbers): how many numbers, lowest and highest. */
export interface SequenceClassSummary {
  readonly key: string;
  readonly count: number;
  readonly first: number;
  readonly last: number;
}

/** The result of {@link findSequenceGaps}. */
export interface SequenceGapReport {
  /** No gaps, duplicates or invalid values (out-of-order numbers are warnings only). */
  readonly ok: boolean;
  readonly gaps: readonly SequenceGap[];
  readonly duplicates: readonly SequenceDuplicate[];
  readonly outOfOrder: readonly SequenceOutOfOrder[];
  readonly invalid: readonly SequenceInvalidValue[];
  /** Per class in order of first appearance; `last` seeds {@link createMemorySequence} to continue numbering. */
  readonly classes: readonly SequenceClassSummary[];
  /** One finding per gap, duplicate, out-of-order or invalid value (item GD-2-6). */
  readonly findings: readonly Finding[];
}

/** Options of {@link findSequenceGaps}. */
export interface FindSequenceGapsOptions extends ParseArchivalCodeOptions {
  /** The number each class must start at (default 1). */
  readonly start?: number;
  /** Read string values as 档号 with this template and check the counter (件号) per leaf class. */
  readonly template?: ArchivalCodeTemplate;
}

interface Entry {
  readonly index: number;
  readonly value: number;
}

/**
 * Checks running numbers for gaps, duplicates and order (DA/T 70 GD-2-6 连续性元数据项检测). Values are
 * numbers or digit strings; with a `template`, strings are 档号 and are grouped by leaf class (each class counts
 * from `start` on its own). Input order is taken as the catalogue order for the out-of-order check.
 *
 * @example
 * findSequenceGaps([1, 2, 4, 4, 3]);
 * // gaps: [], duplicates: [{ key: '', value: 4, count: 2, indices: [2, 3] }], outOfOrder: [{ key: '', index: 4, value: 3, previous: 4 }]
 * findSequenceGaps(['Z109-WS·2024-Y-0001', 'Z109-WS·2024-Y-0003', 'Z109-WS·2024-D30-0001'], { template: archivalCodeTemplates.dat22 }).gaps;
 * // [{ key: 'Z109-WS·2024-Y', from: 2, to: 2 }]
 */
export function findSequenceGaps(
  values: readonly (number | string)[],
  options: FindSequenceGapsOptions = {},
): SequenceGapReport {
  if (!Array.isArray(values)) throw new TypeError('values must be an array');
  const start = options.start ?? 1;
  if (!Number.isSafeInteger(start) || start < 0)
    throw new RangeError('start must be a non-negative safe integer');
  const compiled = options.template === undefined ? undefined : compileTemplate(options.template);
  const classes = new Map<string, Entry[]>();
  const invalid: SequenceInvalidValue[] = [];
  const findings: Finding[] = [];

  values.forEach((raw, index) => {
    let key = '';
    let value: number;
    if (typeof raw === 'number') {
      value = raw;
    } else if (typeof raw === 'string' && compiled !== undefined) {
      const { result, findings: found } = read(raw, compiled, options);
      if (result === undefined) {
        invalid.push({ index, value: raw, findings: found });
        findings.push(
          finding(
            'FILING_SEQUENCE_VALUE_INVALID',
            `第 ${index + 1} 项“${raw}”不是合格的档号`,
            `item ${index + 1} "${raw}" is not a valid archival code`,
          ),
        );
        return;
      }
      key = result.key;
      value = result.number;
    } else if (typeof raw === 'string') {
      const text = raw.normalize('NFKC').trim();
      value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    } else {
      throw new TypeError('values must be numbers or strings');
    }
    if (!Number.isSafeInteger(value) || value < start) {
      const f = finding(
        'FILING_SEQUENCE_VALUE_INVALID',
        `第 ${index + 1} 项“${raw}”不是不小于 ${start} 的整数编号`,
        `item ${index + 1} "${raw}" is not an integer of at least ${start}`,
      );
      invalid.push({ index, value: raw, findings: [f] });
      findings.push(f);
      return;
    }
    const list = classes.get(key);
    if (list === undefined) classes.set(key, [{ index, value }]);
    else list.push({ index, value });
  });

  const gaps: SequenceGap[] = [];
  const duplicates: SequenceDuplicate[] = [];
  const outOfOrder: SequenceOutOfOrder[] = [];
  const summaries: SequenceClassSummary[] = [];
  for (const [key, entries] of classes) {
    const where = key === '' ? '' : `类别“${key}”中`;
    const whereEn = key === '' ? '' : ` in class "${key}"`;
    const seen = new Map<number, number[]>();
    let previous: number | undefined;
    for (const { index, value } of entries) {
      const at = seen.get(value);
      if (at === undefined) seen.set(value, [index]);
      else at.push(index);
      if (previous !== undefined && value < previous) {
        outOfOrder.push({ key, index, value, previous });
        findings.push(
          finding(
            'FILING_SEQUENCE_OUT_OF_ORDER',
            `${where}第 ${index + 1} 项编号 ${value} 排在 ${previous} 之后`,
            `item ${index + 1}${whereEn}: ${value} comes after ${previous}`,
          ),
        );
      }
      previous = value;
    }
    const sorted = [...seen.keys()].sort((a, b) => a - b);
    for (const value of sorted) {
      const indices = seen.get(value)!;
      if (indices.length > 1) {
        duplicates.push({ key, value, count: indices.length, indices });
        findings.push(
          finding(
            'FILING_SEQUENCE_DUPLICATE',
            `${where}编号 ${value} 重复 ${indices.length} 次（第 ${indices.map((i) => i + 1).join('、')} 项）`,
            `${value} appears ${indices.length} times${whereEn}`,
          ),
        );
      }
    }
    let expected = start;
    for (const value of sorted) {
      if (value > expected) {
        const to = value - 1;
        gaps.push({ key, from: expected, to });
        const range = expected === to ? `${expected}` : `${expected}–${to}`;
        findings.push(
          finding(
            'FILING_SEQUENCE_GAP',
            `${where}缺少编号 ${range}（断号）`,
            `number${expected === to ? '' : 's'} ${range} missing${whereEn}`,
          ),
        );
      }
      expected = value + 1;
    }
    summaries.push({ key, count: entries.length, first: sorted[0]!, last: sorted[sorted.length - 1]! });
  }
  return {
    ok: gaps.length === 0 && duplicates.length === 0 && invalid.length === 0,
    gaps,
    duplicates,
    outOfOrder,
    invalid,
    classes: summaries,
    findings,
  };
}

function finding(code: SequenceFindingCode, message: string, messageEn: string): Finding {
  return { code, severity: SEQUENCE_FINDING_CODES[code].severity, message, messageEn, item: 'GD-2-6' };
}
