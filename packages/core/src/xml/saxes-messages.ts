import type { CoreErrorCode } from '../errors/codes.js';

/** A saxes well-formedness message in dangan's terms. */
export interface TranslatedMessage {
  readonly code: CoreErrorCode;
  readonly zh: string;
  readonly en: string;
}

type Rule = readonly [RegExp, CoreErrorCode, (m: RegExpExecArray) => string];

// saxes 6 reports problems in English; each known message gets a Chinese rendering. Unknown ones keep the
// English text behind a Chinese prefix rather than being dropped.
const RULES: readonly Rule[] = [
  [/^unclosed tag: (.*)$/, 'XML_MALFORMED', (m) => `标签 <${m[1]}> 未闭合（文档可能被截断）`],
  [/^unmatched closing tag: (.*)\.$/, 'XML_MALFORMED', (m) => `结束标签 </${m[1]}> 与开始标签不匹配`],
  [/^unexpected close tag\.$/, 'XML_MALFORMED', () => '多余的结束标签'],
  [/^weird empty close tag\.$/, 'XML_MALFORMED', () => '空的结束标签 </>'],
  [/^document must contain a root element\.$/, 'XML_MALFORMED', () => '文档没有根元素'],
  [/^documents may contain only one root\.$/, 'XML_MALFORMED', () => '文档只能有一个根元素'],
  [/^text data outside of root node\.$/, 'XML_MALFORMED', () => '根元素之外出现文本'],
  [/^unexpected end\.$/, 'XML_MALFORMED', () => '文档意外结束（内容被截断）'],
  [/^disallowed character\.$/, 'XML_MALFORMED', () => '出现 XML 1.0 不允许的字符'],
  [/^disallowed character in tag name\.?$/, 'XML_MALFORMED', () => '标签名中有不允许的字符'],
  [/^disallowed character in attribute name\.$/, 'XML_MALFORMED', () => '属性名中有不允许的字符'],
  [/^disallowed character in closing tag\.$/, 'XML_MALFORMED', () => '结束标签中有不允许的字符'],
  [
    /^disallowed character in processing instruction name\.$/,
    'XML_MALFORMED',
    () => '处理指令名中有不允许的字符',
  ],
  [/^processing instruction without a target\.$/, 'XML_MALFORMED', () => '处理指令缺少目标名'],
  [/^disallowed character in entity name\.$/, 'XML_MALFORMED', () => '实体引用的名称中有不允许的字符'],
  [/^empty entity name\.$/, 'XML_MALFORMED', () => '空的实体引用 "&;"'],
  [
    /^undefined entity\.$/,
    'XML_ENTITY_FORBIDDEN',
    () => '引用了未定义的实体（只允许 &amp; &lt; &gt; &quot; &apos; 和数字字符引用）',
  ],
  [/^malformed character entity\.$/, 'XML_MALFORMED', () => '字符引用无效（不是 XML 1.0 允许的字符）'],
  [/^the string "\]\]>" is disallowed in char data\.$/, 'XML_MALFORMED', () => '文本中不允许出现 "]]>"'],
  [/^duplicate attribute: (.*)\.$/, 'XML_MALFORMED', (m) => `重复的属性 ${m[1]}`],
  [/^attribute without value\.$/, 'XML_MALFORMED', () => '属性缺少值'],
  [/^unquoted attribute value\.$/, 'XML_MALFORMED', () => '属性值未加引号'],
  [/^no whitespace between attributes\.$/, 'XML_MALFORMED', () => '属性之间缺少空白'],
  [
    /^forward-slash in opening tag not followed by >\.$/,
    'XML_MALFORMED',
    () => '开始标签中的 "/" 后面不是 ">"',
  ],
  [/^malformed comment\.$/, 'XML_MALFORMED', () => '注释格式错误（注释中不允许出现 "--"）'],
  [/^incorrect syntax\.$/, 'XML_MALFORMED', () => '"<!" 之后的语法错误'],
  [/^unbound namespace prefix: "(.*)"\.$/, 'XML_MALFORMED', (m) => `未声明的命名空间前缀 ${m[1]}`],
  [/^malformed name: (.*)\.$/, 'XML_MALFORMED', (m) => `名称 ${m[1]} 不符合命名空间规范`],
  [/^tags may not have "xmlns" as prefix\.$/, 'XML_MALFORMED', () => '元素名不能以 xmlns 为前缀'],
  [/^invalid attempt to undefine prefix/, 'XML_MALFORMED', () => 'XML 1.0 中不能取消命名空间前缀的声明'],
  [
    /prefix must be bound to|may not assign the xml namespace|default namespace may not be set/,
    'XML_MALFORMED',
    () => '保留的命名空间（xml / xmlns）声明错误',
  ],
  [/^inappropriately located doctype declaration\.$/, 'XML_DOCTYPE_FORBIDDEN', () => '禁止 DOCTYPE 声明'],
  [
    /declaration|XML declaration|version number|encoding value|standalone value|expected the name|expected one of|value required|value must be quoted|whitespace required|did not expect any more/i,
    'XML_MALFORMED',
    () => 'XML 声明格式错误',
  ],
  [
    /^processing instructions are not allowed before root\.$/,
    'XML_MALFORMED',
    () => '根元素之前不允许此处理指令',
  ],
];

/**
 * The code and Chinese message for a saxes error message (without saxes' `line:column:` prefix).
 *
 * @example
 * translateSaxesMessage('unclosed tag: 题名').zh; // '标签 <题名> 未闭合（文档可能被截断）'
 */
export function translateSaxesMessage(message: string): TranslatedMessage {
  for (const [re, code, zh] of RULES) {
    const m = re.exec(message);
    if (m !== null) return { code, zh: zh(m), en: message.replace(/\.$/, '') };
  }
  return { code: 'XML_MALFORMED', zh: `XML 格式错误：${message}`, en: message.replace(/\.$/, '') };
}
