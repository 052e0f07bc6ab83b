import { DanganError, type SafeResult, safely } from '@dangan/core';
import { type ArchivalCodeFinding, archivalCodeFinding } from './codes.js';
import { type CompiledSegment, type CompiledTemplate, compileTemplate } from './compile.js';
import type { ArchivalCodeParts, ArchivalCodeTemplate, FormatArchivalCodeOptions } from './model.js';
import { nfkcTrim, retentionCodeOf } from './text.js';

/**
 * Writes a 档号 from its parts with a template (filing-rules §2). Values are NFKC-normalised and trimmed;
 * 保管期限 may be words (`定期30年`) or a code (`D30`); numbers may be numbers or digit strings and are
 * zero-padded to the segment's width. An optional part that is absent is left out with its separator (and its
 * group when the group is empty). Throws `DanganError('FILING_ARCHIVAL_CODE_INVALID')` whose findings name each
 * missing or invalid part; a number wider than its width is an error unless the template (or `options.grow`)
 * allows growth.
 *
 * @example
 * formatArchivalCode({ 全宗号: 'Z109', 年度: 2011, 保管期限: '永久', 机构或问题: 'BGS', 件号: 1 }, archivalCodeTemplates.dat22);
 * // 'Z109-WS·2011-Y-BGS-0001'
 * formatArchivalCode({ 全宗号: 'Z109', 年度: '2011', 保管期限: 'Y', 件号: 1 }, archivalCodeTemplates.dat22);
 * // 'Z109-WS·2011-Y-0001'
 */
export function formatArchivalCode(
  parts: ArchivalCodeParts,
  template: ArchivalCodeTemplate,
  options: FormatArchivalCodeOptions = {},
): string {
  const compiled = compileTemplate(template);
  const { text, findings } = render(compiled, parts, options, compiled.segments.length);
  if (findings.length > 0) throw invalid(compiled, findings);
  return text;
}

/**
 * {@link formatArchivalCode} returning a {@link SafeResult} instead of throwing.
 *
 * @example
 * const r = safeFormatArchivalCode({ 全宗号: 'Z109', 年度: 2011, 保管期限: 'Y', 件号: 10000 }, archivalCodeTemplates.dat22);
 * if (!r.ok) r.findings[0]?.code; // 'FILING_ARCHIVAL_CODE_NUMBER_TOO_WIDE'
 */
export function safeFormatArchivalCode(
  parts: ArchivalCodeParts,
  template: ArchivalCodeTemplate,
  options: FormatArchivalCodeOptions = {},
): SafeResult<string> {
  return safely(() => formatArchivalCode(parts, template, options));
}

/**
 * The leaf-class key a template's running number restarts under (filing-rules §2.3): the 档号 written up to,
 * not including, the counter segment (by default the last number segment, i.e. 件号). Use it as the
 * {@link SequenceProvider} key; {@link parseArchivalCode} returns the same key for the codes it reads.
 * Throws like {@link formatArchivalCode} when a part before the counter is missing or invalid.
 *
 * @example
 * archivalCodeSequenceKey({ 全宗号: 'Z109', 年度: 2011, 保管期限: 'Y', 机构或问题: 'BGS' }, archivalCodeTemplates.dat22);
 * // 'Z109-WS·2011-Y-BGS'
 */
export function archivalCodeSequenceKey(
  parts: ArchivalCodeParts,
  template: ArchivalCodeTemplate,
  options: FormatArchivalCodeOptions = {},
): string {
  const compiled = compileTemplate(template);
  const { text, findings } = render(compiled, parts, options, compiled.counter.index);
  if (findings.length > 0) throw invalid(compiled, findings);
  return text;
}

/** @internal The error thrown for a 档号 that cannot be written or read. */
export function invalid(compiled: CompiledTemplate, findings: readonly ArchivalCodeFinding[]): DanganError {
  const id = compiled.template.id;
  return new DanganError(
    'FILING_ARCHIVAL_CODE_INVALID',
    `档号不符合模板“${id}”：${findings.map((f) => f.message).join('；')}`,
    {
      messageEn: `Archival code does not fit template "${id}": ${findings.map((f) => f.messageEn).join('; ')}`,
      findings,
    },
  );
}

/** @internal Text written so far: where {@link render} continues from. */
export interface Rendered {
  readonly text: string;
  readonly findings: ArchivalCodeFinding[];
  /** Index of the next segment to write. */
  readonly next: number;
  /** Group of the last segment written (-1 when none). */
  readonly lastGroup: number;
}

/**
 * @internal Writes segments up to (not including) `end`, continuing from `from` (default: the start); findings
 * for every missing or invalid one; the values written go to `out`.
 */
export function render(
  compiled: CompiledTemplate,
  parts: ArchivalCodeParts,
  options: FormatArchivalCodeOptions,
  end: number,
  out?: Record<string, string | number>,
  from?: Rendered,
): Rendered {
  if (typeof parts !== 'object' || parts === null) throw new TypeError('parts must be an object');
  const findings: ArchivalCodeFinding[] = from === undefined ? [] : [...from.findings];
  let text = from?.text ?? '';
  let lastGroup = from?.lastGroup ?? -1;
  const segments = compiled.segments;
  for (let i = from?.next ?? 0; i < end && i < segments.length; i++) {
    const segment = segments[i]!;
    const value = writeSegment(segment, parts[segment.part], options, findings);
    if (value === undefined) continue;
    if (out !== undefined) out[segment.part] = segment.isNumber ? Number(value) : value;
    if (lastGroup >= 0) text += segment.group === lastGroup ? '·' : '-';
    text += value;
    lastGroup = segment.group;
  }
  return { text, findings, next: Math.min(end, segments.length), lastGroup };
}

/** The segment ref of a finding made while writing (group and position as in the template). */
function refOf(segment: CompiledSegment) {
  return { part: segment.part, kind: segment.kind, group: segment.group + 1, position: segment.position + 1 };
}

function writeSegment(
  segment: CompiledSegment,
  raw: string | number | undefined,
  options: FormatArchivalCodeOptions,
  findings: ArchivalCodeFinding[],
): string | undefined {
  let value = typeof raw === 'string' ? nfkcTrim(raw) : raw;
  if (value === undefined || value === null || value === '') {
    if (segment.fixed !== undefined) return segment.fixed;
    if (segment.optional) return undefined;
    findings.push(
      archivalCodeFinding(
        'FILING_ARCHIVAL_CODE_PART_MISSING',
        `缺少档号组成部分“${segment.label}”（${segment.part}）`,
        `the archival code part "${segment.part}" is missing`,
        {
          element: segment.element,
          segment: refOf(segment),
          expected: segment.expectedZh,
          path: segment.part,
        },
      ),
    );
    return undefined;
  }
  if (segment.isNumber) return writeNumber(segment, value, options, findings);
  if (typeof value === 'number') value = Number.isFinite(value) ? String(value) : '';
  if (typeof value !== 'string') return reject(segment, String(value), findings);
  if (segment.kind === 'retention') {
    const code = retentionCodeOf(value);
    if (code === undefined) return reject(segment, value, findings);
    value = code;
  }
  if (!segment.regex!.test(value)) return reject(segment, value, findings);
  return value;
}

function writeNumber(
  segment: CompiledSegment,
  value: string | number,
  options: FormatArchivalCodeOptions,
  findings: ArchivalCodeFinding[],
): string | undefined {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (/^\d+$/.test(value)) n = Number(value);
  else n = Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) return reject(segment, String(value), findings);
  const digits = String(n);
  if (digits.length > segment.width && !(options.grow ?? segment.grow)) {
    findings.push(
      archivalCodeFinding(
        'FILING_ARCHIVAL_CODE_NUMBER_TOO_WIDE',
        `“${segment.label}” ${digits} 超过模板规定的 ${segment.width} 位（DA/T 13-2022 允许按需加宽：在模板中设 grow，或传入 grow 选项）`,
        `"${segment.part}" ${digits} is wider than ${segment.width} digits (set grow in the template or options to allow it)`,
        {
          element: segment.element,
          segment: refOf(segment),
          expected: segment.expectedZh,
          actual: digits,
          path: segment.part,
        },
      ),
    );
    return undefined;
  }
  return digits.length >= segment.width ? digits : digits.padStart(segment.width, '0');
}

function reject(segment: CompiledSegment, actual: string, findings: ArchivalCodeFinding[]): undefined {
  findings.push(
    archivalCodeFinding(
      'FILING_ARCHIVAL_CODE_PART_INVALID',
      `档号组成部分“${segment.label}”应为${segment.expectedZh}，实为“${actual}”`,
      `the archival code part "${segment.part}" should be ${segment.expectedEn}, got "${actual}"`,
      {
        element: segment.element,
        segment: refOf(segment),
        expected: segment.expectedZh,
        actual,
        path: segment.part,
      },
    ),
  );
  return undefined;
}
