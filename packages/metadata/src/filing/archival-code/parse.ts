import { type SafeResult, safely } from '@dangan/core';
import { type ArchivalCodeFinding, archivalCodeFinding } from './codes.js';
import { type CompiledSegment, type CompiledTemplate, compileTemplate, type Reading } from './compile.js';
import { invalid } from './format.js';
import type { ArchivalCodeTemplate, ParseArchivalCodeOptions, ParsedArchivalCodeParts } from './model.js';
import { normalizeArchivalCode } from './normalize.js';

/** A 档号 read with a template. */
export interface ParsedArchivalCode {
  /** The code as read: separators and full-width characters normalised. */
  readonly code: string;
  /** The id of the template that read it. */
  readonly template: string;
  /** The values of the segments present. */
  readonly parts: ParsedArchivalCodeParts;
  /** The leaf class (the code up to the counter segment): the sequence key, as {@link archivalCodeSequenceKey}. */
  readonly key: string;
  /** The counter's value (件号 by default). */
  readonly number: number;
  /** Warnings and notes (look-alike separators, NFKC, ambiguity); never errors. */
  readonly findings: readonly ArchivalCodeFinding[];
}

/**
 * Reads a 档号 with a template into its parts (filing-rules §2). The code is normalised first
 * ({@link normalizeArchivalCode}): look-alike separators are accepted with a warning, ASCII `.` only with
 * `lenient`. Throws `DanganError('FILING_ARCHIVAL_CODE_INVALID')` whose findings say which segment is wrong,
 * what was expected and what was found.
 *
 * @example
 * parseArchivalCode('Z109-WS·2011-Y-BGS-0001', archivalCodeTemplates.dat22).parts;
 * // { 全宗号: 'Z109', 门类代码: 'WS', 年度: '2011', 保管期限: 'Y', 机构或问题: 'BGS', 件号: 1 }
 * parseArchivalCode('Z109-WS·2011-Y-0001', archivalCodeTemplates.dat22).key; // 'Z109-WS·2011-Y'
 */
export function parseArchivalCode(
  code: string,
  template: ArchivalCodeTemplate,
  options: ParseArchivalCodeOptions = {},
): ParsedArchivalCode {
  const compiled = compileTemplate(template);
  const { result, findings } = read(code, compiled, options);
  if (result === undefined) throw invalid(compiled, findings);
  return result;
}

/**
 * {@link parseArchivalCode} returning a {@link SafeResult} instead of throwing.
 *
 * @example
 * const r = safeParseArchivalCode('A182-WS·2022-Y-XZ-0001', archivalCodeTemplates.dat22);
 * r.ok; // false: the strict DA/T 22 template wants a 3-character 机构 code
 */
export function safeParseArchivalCode(
  code: string,
  template: ArchivalCodeTemplate,
  options: ParseArchivalCodeOptions = {},
): SafeResult<ParsedArchivalCode> {
  return safely(() => parseArchivalCode(code, template, options));
}

/**
 * Checks a 档号 against a template and returns every finding, per component (DA/T 70 GD-1-7 档号规范性检测):
 * errors for the wrong structure or a segment that does not fit (with `segment`, `expected`, `actual`),
 * warnings for look-alike separators. No error means the code is valid.
 *
 * @example
 * validateArchivalCode('Z109-WS·2011-D5-0001', archivalCodeTemplates.dat22);
 * // [{ code: 'FILING_ARCHIVAL_CODE_PART_INVALID', segment: { part: '保管期限', group: 3, position: 1, … }, expected: 'Y、D30 或 D10', actual: 'D5', … }]
 */
export function validateArchivalCode(
  code: string,
  template: ArchivalCodeTemplate,
  options: ParseArchivalCodeOptions = {},
): readonly ArchivalCodeFinding[] {
  return read(code, compileTemplate(template), options).findings;
}

const LENIENT_HINT = '（若“.”是分隔符，可用 lenient 选项按“·”读取）';

interface Attempt {
  readonly parts: Record<string, string | number>;
  readonly errors: ArchivalCodeFinding[];
}

/** @internal Reads a code; `result` is set when it fits, `findings` has notes, warnings and errors. */
export function read(
  code: string,
  compiled: CompiledTemplate,
  options: ParseArchivalCodeOptions,
): { result: ParsedArchivalCode | undefined; findings: ArchivalCodeFinding[] } {
  const normalized = normalizeArchivalCode(code, options);
  const findings = [...normalized.findings];
  const text = normalized.code;
  const { split, shape } = splitCode(text);
  const readings = text === '' ? undefined : compiled.readings.get(shape);
  if (readings === undefined) {
    findings.push(structureFinding(code, text, split, compiled, options));
    return { result: undefined, findings };
  }
  let chosen: { reading: Reading; attempt: Attempt } | undefined;
  let best: Attempt | undefined;
  for (const reading of readings) {
    const attempt = tryReading(reading, split, options, best === undefined ? Infinity : best.errors.length);
    if (attempt.errors.length === 0) {
      if (chosen === undefined) {
        chosen = { reading, attempt };
        if (readings.length === 1) break;
      } else {
        findings.push(
          archivalCodeFinding(
            'FILING_ARCHIVAL_CODE_AMBIGUOUS',
            `档号“${text}”可按模板“${compiled.template.id}”的多种方式拆分，取第一种（${formOf(chosen.reading)}）`,
            `"${text}" can be read in more than one way with template "${compiled.template.id}"; the first is used`,
          ),
        );
        break;
      }
    } else if (best === undefined || attempt.errors.length < best.errors.length) {
      best = attempt;
    }
  }
  if (chosen === undefined) {
    if (best !== undefined) findings.push(...best.errors);
    return { result: undefined, findings };
  }
  const parts = chosen.attempt.parts;
  const counter = compiled.counter;
  return {
    result: {
      code: text,
      template: compiled.template.id,
      parts: parts as ParsedArchivalCodeParts,
      key: keyOf(chosen.reading, parts, counter),
      number: parts[counter.part] as number,
      findings,
    },
    findings,
  };
}

/** Splits at `-` (groups) and `·` (segments) in one pass; `shape` is the segment count per group (`1,2,1,1,1`). */
function splitCode(text: string): { split: string[][]; shape: string } {
  const split: string[][] = [];
  let shape = '';
  let group: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== DASH && c !== DOT) continue;
    group.push(text.slice(start, i));
    start = i + 1;
    if (c === DASH) {
      split.push(group);
      shape += `${group.length},`;
      group = [];
    }
  }
  group.push(text.slice(start));
  split.push(group);
  shape += group.length;
  return { split, shape };
}

const DASH = 0x2d;
const DOT = 0xb7;

function tryReading(
  reading: Reading,
  split: readonly (readonly string[])[],
  options: ParseArchivalCodeOptions,
  giveUpAfter: number,
): Attempt {
  const parts: Record<string, string | number> = {};
  const errors: ArchivalCodeFinding[] = [];
  for (let g = 0; g < reading.groups.length; g++) {
    const group = reading.groups[g]!;
    const values = split[g]!;
    for (let p = 0; p < group.length; p++) {
      const segment = group[p]!;
      const actual = values[p]!;
      if (segment.isNumber) {
        const width = actual.length;
        const grow = options.grow ?? segment.grow;
        const n = /^\d+$/.test(actual) ? Number(actual) : Number.NaN;
        if (
          n >= 1 &&
          Number.isSafeInteger(n) &&
          width >= segment.minWidth &&
          (width <= segment.width || grow)
        ) {
          parts[segment.part] = n;
          continue;
        }
        const tooWide = n >= 1 && width > segment.width && !grow && width >= segment.minWidth;
        errors.push(segmentError(segment, actual, g, p, options, tooWide));
      } else if (segment.regex!.test(actual)) {
        parts[segment.part] = actual;
        continue;
      } else {
        errors.push(segmentError(segment, actual, g, p, options, false));
      }
      if (errors.length >= giveUpAfter) return { parts, errors };
    }
  }
  return { parts, errors };
}

function segmentError(
  segment: CompiledSegment,
  actual: string,
  g: number,
  p: number,
  options: ParseArchivalCodeOptions,
  tooWide: boolean,
): ArchivalCodeFinding {
  const ref = { part: segment.part, kind: segment.kind, group: g + 1, position: p + 1 };
  const at = `第 ${g + 1} 组第 ${p + 1} 段“${segment.label}”`;
  if (tooWide)
    return archivalCodeFinding(
      'FILING_ARCHIVAL_CODE_NUMBER_TOO_WIDE',
      `${at}为 ${actual.length} 位，超过模板规定的 ${segment.width} 位（DA/T 13-2022 允许按需加宽：在模板中设 grow，或传入 grow 选项）`,
      `segment ${g + 1}.${p + 1} "${segment.part}" has ${actual.length} digits, more than ${segment.width}`,
      { element: segment.element, segment: ref, expected: segment.expectedZh, actual, path: segment.part },
    );
  const hint = options.lenient !== true && actual.includes('.') ? LENIENT_HINT : '';
  return archivalCodeFinding(
    'FILING_ARCHIVAL_CODE_PART_INVALID',
    `${at}应为${segment.expectedZh}，实为“${actual}”${hint}`,
    `segment ${g + 1}.${p + 1} "${segment.part}" should be ${segment.expectedEn}, got "${actual}"`,
    { element: segment.element, segment: ref, expected: segment.expectedZh, actual, path: segment.part },
  );
}

function structureFinding(
  code: string,
  text: string,
  split: readonly (readonly string[])[],
  compiled: CompiledTemplate,
  options: ParseArchivalCodeOptions,
): ArchivalCodeFinding {
  const hint = options.lenient !== true && text.includes('.') ? LENIENT_HINT : '';
  const forms = compiled.allReadings.slice(0, 4).map(formOf);
  const more = compiled.allReadings.length > 4 ? ' …' : '';
  const actual = text === '' ? '空' : `${split.length} 组（各 ${split.map((g) => g.length).join('、')} 段）`;
  return archivalCodeFinding(
    'FILING_ARCHIVAL_CODE_STRUCTURE',
    `档号“${code}”的结构不符合模板“${compiled.template.id}”：应为 ${forms.join(' 或 ')}${more}，实为 ${actual}${hint}`,
    `"${code}" does not have the structure of template "${compiled.template.id}": expected ${forms.join(' or ')}${more}`,
    { expected: forms.join(' | '), actual: text },
  );
}

/** A reading as labels (`全宗号-WS·年度-保管期限-件号`). */
function formOf(reading: Reading): string {
  return reading.groups.map((g) => g.map((s) => s.fixed ?? s.label).join('·')).join('-');
}

function keyOf(reading: Reading, parts: Record<string, string | number>, counter: CompiledSegment): string {
  let key = '';
  let first = true;
  for (const group of reading.groups) {
    let inGroup = false;
    for (const segment of group) {
      if (segment.index >= counter.index) return key;
      const value = parts[segment.part]!;
      const text = segment.isNumber ? String(value).padStart(segment.width, '0') : (value as string);
      key += first ? text : inGroup ? `·${text}` : `-${text}`;
      first = false;
      inGroup = true;
    }
  }
  return key;
}
