import { DanganError, type SafeResult, safely } from '@dangan/core';
import { type ArchivalCodeFinding, archivalCodeFinding } from './codes.js';
import { compileTemplate } from './compile.js';
import type { ArchivalCodeSegment, ArchivalCodeTemplate } from './model.js';
import { read } from './parse.js';
import { parseArchivalCodeTemplateSyntax } from './template-syntax.js';

/** Changes to one segment of a template written in the string form (`segments: { 机构或问题: { pattern: '[A-Z]{2,3}' } }`). */
export interface ArchivalCodeSegmentOverride {
  readonly label?: string;
  readonly pattern?: string;
  readonly optional?: boolean;
  readonly width?: number;
  readonly minWidth?: number;
  readonly grow?: boolean;
}

/** A template written in the short string form, with optional per-segment changes. */
export interface ArchivalCodeTemplateText extends Omit<ArchivalCodeTemplate, 'groups'> {
  /** The string form, e.g. `{全宗号}-WS·{年度}-{保管期限}-{机构或问题?}-{件号:4}`. */
  readonly format: string;
  /** Changes by part name (patterns, labels, minWidth …) the string form cannot say. */
  readonly segments?: Readonly<Record<string, ArchivalCodeSegmentOverride>>;
}

/** What {@link defineArchivalCodeTemplate} accepts: structured data, or the string form. */
export type ArchivalCodeTemplateInput = ArchivalCodeTemplate | ArchivalCodeTemplateText;

/**
 * Checks a host's own 档号 template and returns it as structured data (the source of truth). Accepts the
 * structured form or the short string form (`format`, see {@link parseArchivalCodeTemplateSyntax}). Checks:
 * parts unique, kinds known, patterns valid and not matching separators, widths 1–15, a non-optional counter,
 * at most 8 optional segments, and that every `examples` code parses. Throws
 * `DanganError('FILING_ARCHIVAL_CODE_TEMPLATE_INVALID')` listing every problem.
 *
 * @example
 * const mine = defineArchivalCodeTemplate({
 *   id: 'pudong-ws', name: '浦东文书（按件，3 位件号）',
 *   format: '{全宗号}-WS·{年度}·{保管期限}·{机构或问题?}-{件号:3+}',
 *   examples: ['Z008-WS·2019·Y-037'],
 * });
 * formatArchivalCode({ 全宗号: 'Z008', 年度: 2019, 保管期限: '永久', 件号: 37 }, mine); // 'Z008-WS·2019·Y-037'
 */
export function defineArchivalCodeTemplate(input: ArchivalCodeTemplateInput): ArchivalCodeTemplate {
  if (typeof input !== 'object' || input === null) throw new TypeError('template must be an object');
  let template: ArchivalCodeTemplate;
  if ('format' in input) {
    const { format, segments, ...meta } = input;
    const groups = parseArchivalCodeTemplateSyntax(format);
    if (segments !== undefined) applyOverrides(groups, segments, meta.id);
    template = { ...meta, groups };
  } else {
    template = { ...input };
  }
  const compiled = compileTemplate(template);
  const problems: ArchivalCodeFinding[] = [];
  for (const example of template.examples ?? []) {
    const { result, findings } = read(example, compiled, {});
    if (result === undefined)
      problems.push(
        archivalCodeFinding(
          'FILING_ARCHIVAL_CODE_TEMPLATE_INVALID',
          `示例“${example}”不符合模板：${findings.map((f) => f.message).join('；')}`,
          `example "${example}" does not fit the template: ${findings.map((f) => f.messageEn).join('; ')}`,
        ),
      );
  }
  if (problems.length > 0)
    throw new DanganError(
      'FILING_ARCHIVAL_CODE_TEMPLATE_INVALID',
      `档号模板“${template.id}”不合格：${problems.map((p) => p.message).join('；')}`,
      { messageEn: `Invalid archival code template "${template.id}"`, findings: problems },
    );
  return template;
}

/**
 * {@link defineArchivalCodeTemplate} returning a {@link SafeResult} instead of throwing.
 *
 * @example
 * safeDefineArchivalCodeTemplate({ id: 'x', name: '无编号', format: '{全宗号}-WS' }).ok; // false: no number segment
 */
export function safeDefineArchivalCodeTemplate(
  input: ArchivalCodeTemplateInput,
): SafeResult<ArchivalCodeTemplate> {
  return safely(() => defineArchivalCodeTemplate(input));
}

function applyOverrides(
  groups: ArchivalCodeSegment[][],
  overrides: Readonly<Record<string, ArchivalCodeSegmentOverride>>,
  id: string,
): void {
  const unknown: string[] = [];
  for (const [part, override] of Object.entries(overrides)) {
    let found = false;
    for (const group of groups) {
      const i = group.findIndex((s) => s.part === part);
      if (i >= 0) {
        group[i] = { ...group[i], ...override } as ArchivalCodeSegment;
        found = true;
      }
    }
    if (!found) unknown.push(part);
  }
  if (unknown.length > 0)
    throw new DanganError(
      'FILING_ARCHIVAL_CODE_TEMPLATE_INVALID',
      `档号模板“${id}”的 segments 中有模板没有的组成部分：${unknown.join('、')}`,
      {
        messageEn: `template "${id}" segments names parts the template does not have: ${unknown.join(', ')}`,
      },
    );
}
