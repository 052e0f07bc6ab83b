import {
  type ArchivalCodeParts,
  type ArchivalCodeTemplate,
  archivalCodeTemplates,
  defineArchivalCodeTemplate,
  type RecordArchivalCodeOptions,
} from '@dangan/metadata';
import { RuleParamError } from './outcome.js';
import { booleanParam, objectParam, stringParam } from './params.js';

/** How the 档号 rules read a record's 档号 (item params `template`, `parts`, `numbering`, `grow`, `lenient`). */
export interface ArchivalCodeSettings {
  readonly template: ArchivalCodeTemplate;
  /** Parts filled in where the record has none (default `{ 门类代码: 'WS' }`: DA/T 70 checks 文书 records). */
  readonly parts: ArchivalCodeParts;
  readonly numbering: NonNullable<RecordArchivalCodeOptions['numbering']>;
  /** Overrides the template's `grow` for every number segment when set. */
  readonly grow: boolean | undefined;
  readonly lenient: boolean;
  /** The format options to pass on (`grow` only when the params set it, so the template's own applies). */
  readonly formatOptions: { readonly grow?: boolean };
}

/** The default 档号 template of the checks: DA/T 22 style as local schemes write it (2-letter 机构 codes too). */
export const DEFAULT_ARCHIVAL_CODE_TEMPLATE = 'dat22Local';

const DEFAULT_PARTS: ArchivalCodeParts = { 门类代码: 'WS' };
const defined = new WeakMap<object, ArchivalCodeTemplate>();

/**
 * Reads the 档号 settings of an item's params: `template` is the id of a shipped template
 * (`archivalCodeTemplates`: `dat22`, `dat22Local` (default), `dat13Item`, `ywtbProposal` …) or a template
 * object (the structured form or the string form `{ format: '{全宗号}-WS·{年度}-…' }`, checked by
 * `defineArchivalCodeTemplate`); `parts` fills parts a record lacks; `numbering` picks 室编 or 馆编 件号.
 */
export function archivalCodeSettings(params: Readonly<Record<string, unknown>>): ArchivalCodeSettings {
  const raw = params.template;
  let template: ArchivalCodeTemplate;
  if (raw === undefined || typeof raw === 'string') {
    const id = raw ?? DEFAULT_ARCHIVAL_CODE_TEMPLATE;
    if (!Object.hasOwn(archivalCodeTemplates, id))
      throw new RuleParamError(
        `检测参数 template 指定的档号模板“${id}”不存在（可用：${Object.keys(archivalCodeTemplates).join('、')}）`,
        `parameter template names an unknown archival code template "${id}"`,
      );
    template = archivalCodeTemplates[id as keyof typeof archivalCodeTemplates];
  } else if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    let known = defined.get(raw);
    if (known === undefined) {
      known = defineArchivalCodeTemplate(raw as ArchivalCodeTemplate);
      defined.set(raw, known);
    }
    template = known;
  } else {
    throw new RuleParamError(
      '检测参数 template 应为档号模板编号或模板对象',
      'parameter template must be a template id or a template object',
    );
  }
  const parts = objectParam(params, 'parts');
  if (parts !== undefined)
    for (const [k, v] of Object.entries(parts))
      if (typeof v !== 'string' && typeof v !== 'number')
        throw new RuleParamError(
          `检测参数 parts.${k} 应为字符串或数字`,
          `parameter parts.${k} must be a string or a number`,
        );
  const grow = params.grow === undefined ? undefined : booleanParam(params, 'grow', false);
  return {
    template,
    parts: (parts as ArchivalCodeParts | undefined) ?? DEFAULT_PARTS,
    numbering: stringParam(params, 'numbering', 'auto', ['auto', '室编', '馆编'] as const),
    grow,
    lenient: booleanParam(params, 'lenient', false),
    formatOptions: grow === undefined ? {} : { grow },
  };
}
