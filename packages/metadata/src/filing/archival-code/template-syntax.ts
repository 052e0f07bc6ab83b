import { DanganError } from '@dangan/core';
import { type ArchivalCodeFinding, archivalCodeFinding } from './codes.js';
import type {
  ArchivalCodeCodeSegment,
  ArchivalCodeNumberSegment,
  ArchivalCodeSegment,
  ArchivalCodeSegmentKind,
  ArchivalCodeTemplate,
} from './model.js';
import { normalizeArchivalCode } from './normalize.js';
import { ARCHIVAL_CODE_PART_KINDS, isNumberKind } from './segment-defaults.js';

/** Part names a bare literal (`WS`, `KY`) takes, in order: the first is the 门类代码, the next the sub-classes. */
const LITERAL_PARTS = ['门类代码', '二级类别号', '三级类别号', '四级类别号'] as const;
const PLACEHOLDER = /^\{([^{}?:=+\s]+)(\?)?(?::(\d+)(\+)?)?(?:=([^{}\s]+))?\}$/u;
const LITERAL = /^[A-Z0-9\p{Script=Han}]+$/u;

/**
 * Reads the short string form of a 档号 template into groups of segments. Groups are joined by `-`, segments by
 * `·`; each segment is
 * - `{名称}`: a part; its kind comes from the name (`{年度}` year, `{保管期限}` retention, `{机构或问题}` org …,
 *   see `ARCHIVAL_CODE_PART_KINDS`; other names are sub-class codes);
 * - `{名称?}`: optional; `{名称:4}`: a number of 4 digits; `{名称:4+}`: that may grow wider;
 * - `{名称=WS}` or a bare literal `WS`: a fixed code (bare literals are the 门类代码, then 二级/三级/四级类别号).
 *
 * Throws `DanganError('FILING_ARCHIVAL_CODE_TEMPLATE_INVALID')` for text it cannot read.
 *
 * @example
 * parseArchivalCodeTemplateSyntax('{全宗号}-WS·{年度}-{保管期限}-{机构或问题?}-{件号:4}');
 * // [[{ kind: 'fonds', part: '全宗号' }], [{ kind: 'category', part: '门类代码', fixed: 'WS' }, { kind: 'year', part: '年度' }], …]
 */
export function parseArchivalCodeTemplateSyntax(text: string): ArchivalCodeSegment[][] {
  if (typeof text !== 'string') throw new TypeError('template text must be a string');
  const problems: ArchivalCodeFinding[] = [];
  const fail = (zh: string, en: string) =>
    problems.push(archivalCodeFinding('FILING_ARCHIVAL_CODE_TEMPLATE_INVALID', zh, en));
  const source = normalizeArchivalCode(text).code;
  const tokens = source.split('-').map((g) => g.split('·'));
  const placeholders = tokens.flat().flatMap((t) => {
    const m = PLACEHOLDER.exec(t);
    return m === null ? [] : [m];
  });
  const numbers = placeholders.filter((m) => m[3] !== undefined).length;
  const literalsUsed = new Set(placeholders.map((m) => m[1]!));
  let numberSeen = 0;
  const groups = tokens.map((group) =>
    group.flatMap((token): ArchivalCodeSegment[] => {
      const m = PLACEHOLDER.exec(token);
      if (m !== null) {
        const [, part, optional, width, grow, fixed] = m as unknown as [
          string,
          string,
          string?,
          string?,
          string?,
          string?,
        ];
        const known = ARCHIVAL_CODE_PART_KINDS[part];
        if (width !== undefined) {
          numberSeen++;
          const kind: ArchivalCodeSegmentKind =
            known !== undefined && isNumberKind(known) ? known : numberSeen === numbers ? 'item' : 'volume';
          if (known !== undefined && !isNumberKind(known))
            fail(`“${part}”不是编号段，不能设位数`, `"${part}" is not a number part and cannot have a width`);
          if (fixed !== undefined)
            fail(`编号段“${part}”不能有固定值`, `number part "${part}" cannot be fixed`);
          return [
            {
              kind: kind as 'item',
              part,
              width: Number(width),
              ...(grow === '+' ? { grow: true } : {}),
              ...(optional === '?' ? { optional: true } : {}),
            },
          ];
        }
        const kind = known ?? 'subclass';
        if (isNumberKind(kind)) {
          fail(
            `编号段“${part}”需要位数，如 {${part}:4}`,
            `number part "${part}" needs a width, e.g. {${part}:4}`,
          );
          return [];
        }
        return [
          {
            kind,
            part,
            ...(fixed !== undefined ? { fixed } : {}),
            ...(optional === '?' ? { optional: true } : {}),
          },
        ];
      }
      if (LITERAL.test(token)) {
        const part = LITERAL_PARTS.find((p) => !literalsUsed.has(p));
        if (part === undefined) {
          fail(
            `固定代码“${token}”过多，请写作 {名称=${token}}`,
            `too many literals; write "${token}" as {name=${token}}`,
          );
          return [];
        }
        literalsUsed.add(part);
        return [{ kind: part === '门类代码' ? 'category' : 'subclass', part, fixed: token }];
      }
      fail(`无法识别模板中的“${token}”`, `cannot read "${token}" in the template`);
      return [];
    }),
  );
  if (problems.length > 0)
    throw new DanganError(
      'FILING_ARCHIVAL_CODE_TEMPLATE_INVALID',
      `档号模板“${text}”不合格：${problems.map((p) => p.message).join('；')}`,
      {
        messageEn: `Invalid archival code template "${text}": ${problems.map((p) => p.messageEn).join('; ')}`,
        findings: problems,
      },
    );
  return groups;
}

/**
 * The short string form of a template (for messages and documentation); reading it back with
 * {@link parseArchivalCodeTemplateSyntax} gives the same segments except labels, patterns and minWidth.
 *
 * @example
 * archivalCodeTemplateToString(archivalCodeTemplates.dat22); // '{全宗号}-WS·{年度}-{保管期限}-{机构或问题?}-{件号:4}'
 */
export function archivalCodeTemplateToString(template: Pick<ArchivalCodeTemplate, 'groups'>): string {
  const fixedOf = (s: ArchivalCodeSegment) =>
    isNumberKind(s.kind) ? undefined : (s as ArchivalCodeCodeSegment).fixed;
  const literalsUsed = new Set<string>();
  for (const group of template.groups)
    for (const s of group) if (fixedOf(s) === undefined) literalsUsed.add(s.part);
  return template.groups
    .map((group) =>
      group
        .map((s) => {
          const fixed = fixedOf(s);
          if (fixed !== undefined) {
            const next = LITERAL_PARTS.find((p) => !literalsUsed.has(p));
            literalsUsed.add(s.part);
            return next === s.part ? fixed : `{${s.part}=${fixed}}`;
          }
          const optional = s.optional === true ? '?' : '';
          const n = s as ArchivalCodeNumberSegment;
          const width = isNumberKind(s.kind) ? `:${n.width}${n.grow === true ? '+' : ''}` : '';
          return `{${s.part}${optional}${width}}`;
        })
        .join('·'),
    )
    .join('-');
}
