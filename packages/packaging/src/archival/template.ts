import { isPortableFileName, sanitizeFileNamePart } from '@dangan/metadata';

/** The placeholders a name template may use (see `ArchivalLayoutProfile`). */
export const NAME_TEMPLATE_FIELDS = [
  '档号',
  '电子文件号',
  '办件编号',
  '事项编码',
  '全宗号',
  '年度',
  '件号',
  '序号',
] as const;

/** A placeholder of a name template. */
export type NameTemplateField = (typeof NAME_TEMPLATE_FIELDS)[number];

/** Placeholders that tell the 件 of one package apart. */
export const ITEM_DISTINGUISHING_FIELDS: readonly NameTemplateField[] = [
  '档号',
  '电子文件号',
  '件号',
  '序号',
];

/** One piece of a parsed template. */
export type NameTemplatePart =
  | { readonly text: string }
  | { readonly field: NameTemplateField; readonly width: number | undefined };

/** A parsed template, or why it cannot be parsed (Chinese, English). */
export type ParsedNameTemplate =
  | {
      readonly ok: true;
      readonly parts: readonly NameTemplatePart[];
      readonly fields: ReadonlySet<NameTemplateField>;
    }
  | { readonly ok: false; readonly problem: readonly [string, string] };

const PLACEHOLDER = /\{([^{}:]*)(?::([^{}]*))?\}/gu;

/** The values a template is filled from (numbers are written in decimal). */
export type NameTemplateValues = Readonly<Partial<Record<NameTemplateField, string | number | undefined>>>;

/**
 * Parses a name template: literal text and `{字段}` / `{字段:宽度}` placeholders. Literal text must itself be
 * safe in a file name (no `/`, `\`, `< > : " | ? *`, control characters); the template must hold a placeholder
 * or text, and at least one placeholder when `requireField`.
 */
export function parseNameTemplate(template: unknown): ParsedNameTemplate {
  if (typeof template !== 'string' || template.trim() === '') {
    return { ok: false, problem: ['模板为空或不是字符串', 'the template is empty or not a string'] };
  }
  const parts: NameTemplatePart[] = [];
  const fields = new Set<NameTemplateField>();
  let last = 0;
  const addText = (text: string): string | undefined => {
    if (text === '') return undefined;
    if (text.includes('{') || text.includes('}')) return '花括号不成对';
    if (sanitizeFileNamePart(text, '\u0000') !== text.normalize('NFC') || text.includes('/')) {
      return `文字“${text}”含文件名中不允许的字符`;
    }
    parts.push({ text });
    return undefined;
  };
  for (const m of template.matchAll(PLACEHOLDER)) {
    const bad = addText(template.slice(last, m.index));
    if (bad !== undefined) return { ok: false, problem: [bad, `invalid literal text in "${template}"`] };
    const name = m[1]!;
    if (!(NAME_TEMPLATE_FIELDS as readonly string[]).includes(name)) {
      return {
        ok: false,
        problem: [
          `未知的占位符“{${name}}”（可用：${NAME_TEMPLATE_FIELDS.join('、')}）`,
          `unknown placeholder "{${name}}" (known: ${NAME_TEMPLATE_FIELDS.join(', ')})`,
        ],
      };
    }
    let width: number | undefined;
    if (m[2] !== undefined) {
      if (!/^[1-9]$/u.test(m[2])) {
        return {
          ok: false,
          problem: [`占位符“${m[0]}”的宽度应为 1–9`, `the width in "${m[0]}" must be 1–9`],
        };
      }
      width = Number(m[2]);
    }
    parts.push({ field: name as NameTemplateField, width });
    fields.add(name as NameTemplateField);
    last = m.index + m[0].length;
  }
  const bad = addText(template.slice(last));
  if (bad !== undefined) return { ok: false, problem: [bad, `invalid literal text in "${template}"`] };
  return { ok: true, parts, fields };
}

/** A value made safe to stand in a file name: NFC, unsafe characters → `_`, no leading/trailing dot or space. */
export function safeNamePiece(value: string): string {
  return sanitizeFileNamePart(value).replace(/^[. ]+|[. ]+$/gu, '');
}

/**
 * Fills a parsed template. Returns the name, or the first placeholder whose value is missing (or unusable),
 * or `invalid` when the result is not a portable file name.
 */
export function renderNameTemplate(
  parts: readonly NameTemplatePart[],
  values: NameTemplateValues,
): { readonly name: string } | { readonly missing: NameTemplateField } | { readonly invalid: string } {
  let out = '';
  for (const part of parts) {
    if ('text' in part) {
      out += part.text;
      continue;
    }
    const raw = values[part.field];
    let value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
    if (part.width !== undefined && /^\d+$/u.test(value)) value = value.padStart(part.width, '0');
    value = safeNamePiece(value);
    if (value === '') return { missing: part.field };
    out += value;
  }
  out = out.normalize('NFC');
  return isPortableFileName(out) ? { name: out } : { invalid: out };
}
