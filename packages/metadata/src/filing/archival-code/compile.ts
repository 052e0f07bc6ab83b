import { DanganError } from '@dangan/core';
import { type ArchivalCodeFinding, archivalCodeFinding } from './codes.js';
import type {
  ArchivalCodeNumberKind,
  ArchivalCodeSegment,
  ArchivalCodeSegmentKind,
  ArchivalCodeTemplate,
} from './model.js';
import {
  ARCHIVAL_CODE_DEFAULT_PATTERNS,
  ARCHIVAL_CODE_PART_ELEMENTS,
  isNumberKind,
} from './segment-defaults.js';

/** @internal One segment, ready to use. */
export interface CompiledSegment {
  readonly part: string;
  readonly label: string;
  readonly kind: ArchivalCodeSegmentKind;
  /** 0-based group in the template. */
  readonly group: number;
  /** 0-based position inside its template group. */
  readonly position: number;
  /** 0-based index in the flat segment list. */
  readonly index: number;
  readonly optional: boolean;
  readonly isNumber: boolean;
  readonly regex: RegExp | undefined;
  readonly fixed: string | undefined;
  readonly width: number;
  readonly minWidth: number;
  readonly grow: boolean;
  readonly element: string | undefined;
  /** What the segment expects, in Chinese and English (for messages). */
  readonly expectedZh: string;
  readonly expectedEn: string;
}

/** @internal One way the template can appear: which segments are present, grouped. */
export interface Reading {
  readonly groups: readonly (readonly CompiledSegment[])[];
}

/** @internal A template, checked and prepared once. */
export interface CompiledTemplate {
  readonly template: ArchivalCodeTemplate;
  readonly segments: readonly CompiledSegment[];
  readonly groups: readonly (readonly CompiledSegment[])[];
  readonly counter: CompiledSegment;
  /** Readings by shape: segment counts per present group joined by `,` (`1,2,1,1,1`). */
  readonly readings: ReadonlyMap<string, readonly Reading[]>;
  /** Every reading in order (fewest omissions first), for messages. */
  readonly allReadings: readonly Reading[];
}

const KINDS: ReadonlySet<string> = /* @__PURE__ */ new Set<ArchivalCodeSegmentKind>([
  'fonds',
  'category',
  'subclass',
  'project',
  'catalogue',
  'year',
  'retention',
  'org',
  'volume',
  'item',
  'page',
]);
const MAX_OPTIONAL = 8;
const MAX_WIDTH = 15;

const EXPECTED_DEFAULT: Readonly<Record<string, readonly [string, string]>> = {
  fonds: ['4 位大写字母或数字', '4 upper-case letters or digits'],
  category: ['2 位大写字母', '2 upper-case letters'],
  subclass: ['大写字母或数字', 'upper-case letters or digits'],
  project: ['大写字母或数字', 'upper-case letters or digits'],
  catalogue: ['大写字母或数字', 'upper-case letters or digits'],
  year: ['4 位数字年度', 'a 4-digit year'],
  retention: ['保管期限代码 Y 或 D+年数（如 D30）', 'a retention code, Y or D + years (e.g. D30)'],
  org: ['大写字母、数字或汉字', 'upper-case letters, digits or Chinese characters'],
};

const cache = /* @__PURE__ */ new WeakMap<ArchivalCodeTemplate, CompiledTemplate>();

/** @internal The compiled form of a template (checked on first use, then cached). Throws TEMPLATE_INVALID. */
export function compileTemplate(template: ArchivalCodeTemplate): CompiledTemplate {
  if (typeof template !== 'object' || template === null) throw new TypeError('template must be an object');
  let compiled = cache.get(template);
  if (compiled === undefined) {
    compiled = build(template);
    cache.set(template, compiled);
  }
  return compiled;
}

/** @internal Escapes a string for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function problem(zh: string, en: string): ArchivalCodeFinding {
  return archivalCodeFinding('FILING_ARCHIVAL_CODE_TEMPLATE_INVALID', zh, en);
}

function build(template: ArchivalCodeTemplate): CompiledTemplate {
  const problems: ArchivalCodeFinding[] = [];
  const where =
    typeof template.id === 'string' && template.id !== '' ? `档号模板“${template.id}”` : '档号模板';
  if (typeof template.id !== 'string' || template.id.trim() === '')
    problems.push(problem('档号模板缺少 id', 'the template has no id'));
  if (typeof template.name !== 'string' || template.name.trim() === '')
    problems.push(problem(`${where}缺少名称 name`, 'the template has no name'));
  const segments: CompiledSegment[] = [];
  const groups: CompiledSegment[][] = [];
  const seen = new Set<string>();
  if (!Array.isArray(template.groups) || template.groups.length === 0) {
    problems.push(problem(`${where}没有任何组（groups）`, 'the template has no groups'));
  } else {
    template.groups.forEach((group, g) => {
      const compiledGroup: CompiledSegment[] = [];
      if (!Array.isArray(group) || group.length === 0) {
        problems.push(problem(`${where}第 ${g + 1} 组为空`, `group ${g + 1} is empty`));
      } else {
        for (const segment of group as readonly ArchivalCodeSegment[]) {
          const c = compileSegment(segment, g, compiledGroup.length, segments.length, where, problems);
          if (c === undefined) continue;
          if (seen.has(c.part))
            problems.push(problem(`${where}中组成部分“${c.part}”出现两次`, `part "${c.part}" appears twice`));
          seen.add(c.part);
          segments.push(c);
          compiledGroup.push(c);
        }
      }
      groups.push(compiledGroup);
    });
  }
  const numbers = segments.filter((s) => s.isNumber);
  let counter: CompiledSegment | undefined;
  if (template.counter !== undefined) {
    counter = numbers.find((s) => s.part === template.counter);
    if (counter === undefined)
      problems.push(
        problem(
          `${where}的 counter“${String(template.counter)}”不是模板中的编号段（件号、案卷号、页号）`,
          `counter "${String(template.counter)}" is not a number segment of the template`,
        ),
      );
  } else {
    counter = numbers[numbers.length - 1];
    if (counter === undefined && segments.length > 0)
      problems.push(
        problem(`${where}没有编号段（件号、案卷号或页号）`, 'the template has no number segment'),
      );
  }
  if (counter?.optional === true)
    problems.push(
      problem(`${where}的编号段“${counter.part}”不能是可选的`, 'the counter segment cannot be optional'),
    );
  const optional = segments.filter((s) => s.optional);
  if (optional.length > MAX_OPTIONAL)
    problems.push(
      problem(
        `${where}的可选段超过 ${MAX_OPTIONAL} 个`,
        `the template has more than ${MAX_OPTIONAL} optional segments`,
      ),
    );
  if (problems.length > 0 || counter === undefined) {
    throw new DanganError(
      'FILING_ARCHIVAL_CODE_TEMPLATE_INVALID',
      `${where}不合格：${problems.map((p) => p.message).join('；')}`,
      {
        messageEn: `Invalid archival code template: ${problems.map((p) => p.messageEn).join('; ')}`,
        findings: problems,
      },
    );
  }
  const allReadings = readingsOf(groups, optional);
  const readings = new Map<string, Reading[]>();
  for (const reading of allReadings) {
    const shape = reading.groups.map((g) => g.length).join(',');
    const list = readings.get(shape);
    if (list === undefined) readings.set(shape, [reading]);
    else list.push(reading);
  }
  return { template, segments, groups, counter, readings, allReadings };
}

function readingsOf(
  groups: readonly (readonly CompiledSegment[])[],
  optional: readonly CompiledSegment[],
): Reading[] {
  const masks = Array.from({ length: 2 ** optional.length }, (_, m) => m);
  const bits = (m: number) => {
    let n = 0;
    for (let x = m; x !== 0; x &= x - 1) n++;
    return n;
  };
  // fewest omissions first; among equals, leave out later optional segments first (keep the earlier ones)
  masks.sort((a, b) => bits(a) - bits(b) || b - a);
  return masks.map((mask) => {
    const omitted = new Set(optional.filter((_, i) => (mask & (1 << i)) !== 0));
    return {
      groups: groups.map((g) => g.filter((s) => !omitted.has(s))).filter((g) => g.length > 0),
    };
  });
}

function compileSegment(
  segment: ArchivalCodeSegment,
  group: number,
  position: number,
  index: number,
  where: string,
  problems: ArchivalCodeFinding[],
): CompiledSegment | undefined {
  if (typeof segment !== 'object' || segment === null) {
    problems.push(
      problem(
        `${where}第 ${group + 1} 组有一段不是对象`,
        `group ${group + 1} has a segment that is not an object`,
      ),
    );
    return undefined;
  }
  const part = segment.part;
  if (typeof part !== 'string' || part.trim() === '' || /[-·{}\s]/u.test(part)) {
    problems.push(
      problem(
        `${where}第 ${group + 1} 组有一段的 part 不合格：“${String(part)}”`,
        `a segment has an invalid part "${String(part)}"`,
      ),
    );
    return undefined;
  }
  const at = `${where}的“${part}”`;
  if (!KINDS.has(segment.kind)) {
    problems.push(
      problem(`${at}的 kind 不合格：“${String(segment.kind)}”`, `part "${part}" has an unknown kind`),
    );
    return undefined;
  }
  const label = typeof segment.label === 'string' && segment.label !== '' ? segment.label : part;
  const optional = segment.optional === true;
  const element = ARCHIVAL_CODE_PART_ELEMENTS[part];
  const base = { part, label, kind: segment.kind, group, position, index, optional, element };
  if (isNumberKind(segment.kind)) {
    const s = segment as { readonly width?: unknown; readonly minWidth?: unknown; readonly grow?: unknown };
    const width = s.width;
    const minWidth = s.minWidth ?? width;
    if (typeof width !== 'number' || !Number.isInteger(width) || width < 1 || width > MAX_WIDTH) {
      problems.push(
        problem(
          `${at}的位数 width 应为 1–${MAX_WIDTH} 的整数`,
          `part "${part}" needs an integer width 1–${MAX_WIDTH}`,
        ),
      );
      return undefined;
    }
    if (typeof minWidth !== 'number' || !Number.isInteger(minWidth) || minWidth < 1 || minWidth > width) {
      problems.push(
        problem(`${at}的 minWidth 应为 1–${width} 的整数`, `part "${part}" needs minWidth 1–${width}`),
      );
      return undefined;
    }
    if (s.grow !== undefined && typeof s.grow !== 'boolean') {
      problems.push(problem(`${at}的 grow 应为布尔值`, `part "${part}" grow must be a boolean`));
      return undefined;
    }
    if ('pattern' in segment || 'fixed' in segment)
      problems.push(
        problem(
          `${at}是编号段，不能设 pattern 或 fixed`,
          `number part "${part}" cannot have a pattern or fixed value`,
        ),
      );
    const grow = s.grow === true;
    const range = minWidth < width ? `${minWidth}–${width}` : `${width}`;
    return {
      ...base,
      kind: segment.kind as ArchivalCodeNumberKind,
      isNumber: true,
      regex: undefined,
      fixed: undefined,
      width,
      minWidth,
      grow,
      expectedZh: `${range} 位数字${grow ? '（可加宽）' : ''}，不小于 1`,
      expectedEn: `${range} digits${grow ? ' (may be wider)' : ''}, at least 1`,
    };
  }
  const code = segment as { readonly pattern?: unknown; readonly fixed?: unknown };
  if (
    code.fixed !== undefined &&
    (typeof code.fixed !== 'string' || code.fixed === '' || /[-·\s]/u.test(code.fixed))
  ) {
    problems.push(problem(`${at}的固定值 fixed 不合格`, `part "${part}" has an invalid fixed value`));
    return undefined;
  }
  const fixed = code.fixed as string | undefined;
  if (fixed !== undefined && optional)
    problems.push(
      problem(`${at}有固定值，不能是可选的`, `part "${part}" has a fixed value and cannot be optional`),
    );
  if (code.pattern !== undefined && (typeof code.pattern !== 'string' || code.pattern === '')) {
    problems.push(
      problem(`${at}的 pattern 应为非空字符串`, `part "${part}" pattern must be a non-empty string`),
    );
    return undefined;
  }
  const source =
    (code.pattern as string | undefined) ??
    (fixed !== undefined
      ? escapeRegExp(fixed)
      : ARCHIVAL_CODE_DEFAULT_PATTERNS[segment.kind as keyof typeof ARCHIVAL_CODE_DEFAULT_PATTERNS]);
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${source})$`, 'u');
  } catch {
    problems.push(
      problem(
        `${at}的 pattern 不是合法的正则表达式：${source}`,
        `part "${part}" pattern is not a valid regular expression`,
      ),
    );
    return undefined;
  }
  if (regex.test('') || regex.test('-') || regex.test('·')) {
    problems.push(
      problem(
        `${at}的 pattern 不能匹配空值或分隔符 - ·`,
        `part "${part}" pattern must not match an empty value or a separator`,
      ),
    );
    return undefined;
  }
  if (fixed !== undefined && !regex.test(fixed))
    problems.push(
      problem(
        `${at}的固定值“${fixed}”不符合其 pattern`,
        `part "${part}" fixed value does not match its pattern`,
      ),
    );
  const [zh, en] =
    fixed !== undefined
      ? [`“${fixed}”`, `"${fixed}"`]
      : code.pattern === undefined
        ? (EXPECTED_DEFAULT[segment.kind] ?? describePattern(source))
        : describePattern(source);
  return {
    ...base,
    isNumber: false,
    regex,
    fixed,
    width: 0,
    minWidth: 0,
    grow: false,
    expectedZh: zh,
    expectedEn: en,
  };
}

/** `Y|D30|D10` → `Y、D30 或 D10`; other patterns → `与 /…/ 相符的值`. */
function describePattern(source: string): readonly [string, string] {
  if (/^[A-Z0-9]+(?:\|[A-Z0-9]+)+$/.test(source)) {
    const options = source.split('|');
    const last = options.pop()!;
    return [`${options.join('、')} 或 ${last}`, `${options.join(', ')} or ${last}`];
  }
  return [`与 /${source}/ 相符的值`, `a value matching /${source}/`];
}
