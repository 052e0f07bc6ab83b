import { isXmlName, XmlError } from '@dangan/core';
import { decodeXmlAttributeValue } from './text.js';
import type { XmlByteAttribute } from './tokens.js';

/** A start tag's parts. */
export interface ParsedStartTag {
  readonly name: string;
  readonly attributes: readonly XmlByteAttribute[];
  readonly selfClosing: boolean;
}

const SPACE = /[ \t\r\n]/;

/**
 * Parses a start tag's text (`<name a="1" b='2'>` or `…/>`, already known to end with `>`): its name and
 * attributes (values decoded), checking the syntax XML 1.0 §3.1 requires — whitespace before each
 * attribute, `=` and quotes, names that are XML names, no attribute twice. `XML_MALFORMED` otherwise.
 *
 * @example
 * parseStartTag('<编码数据 编码数据ID="E1">').attributes; // [{ name: '编码数据ID', value: 'E1' }]
 */
export function parseStartTag(tag: string, byteOffset?: number, elementPath?: string): ParsedStartTag {
  const fail = (zh: string, en: string): never => {
    throw new XmlError('XML_MALFORMED', `开始标签格式错误：${zh}`, `Malformed start tag: ${en}`, {
      ...(byteOffset === undefined ? {} : { byteOffset }),
      ...(elementPath === undefined ? {} : { elementPath }),
    });
  };
  const n = tag.length;
  let i = 1;
  while (i < n && !SPACE.test(tag[i]!) && tag[i] !== '/' && tag[i] !== '>') i++;
  const name = tag.slice(1, i);
  if (!isXmlName(name)) fail(`“${name}”不是合法的元素名`, `“${name}” is not a valid element name`);
  const attributes: XmlByteAttribute[] = [];
  let seen: Set<string> | undefined;
  while (true) {
    const before = i;
    while (i < n && SPACE.test(tag[i]!)) i++;
    const c = tag[i];
    if (c === '>') return { name, attributes, selfClosing: false };
    if (c === '/') {
      if (tag[i + 1] !== '>' || i + 2 !== n) fail('“/”之后应为“>”', "'/' must be followed by '>'");
      return { name, attributes, selfClosing: true };
    }
    if (i === before) fail('属性前缺少空白', 'whitespace is missing before an attribute');
    const nameStart = i;
    while (i < n && tag[i] !== '=' && !SPACE.test(tag[i]!) && tag[i] !== '>' && tag[i] !== '/') i++;
    const attribute = tag.slice(nameStart, i);
    if (!isXmlName(attribute))
      fail(`“${attribute}”不是合法的属性名`, `“${attribute}” is not a valid attribute name`);
    while (i < n && SPACE.test(tag[i]!)) i++;
    if (tag[i] !== '=') fail(`属性 ${attribute} 缺少“=”`, `attribute ${attribute} lacks '='`);
    i++;
    while (i < n && SPACE.test(tag[i]!)) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'")
      fail(`属性 ${attribute} 的值缺少引号`, `the value of attribute ${attribute} is not quoted`);
    const close = tag.indexOf(quote!, i + 1);
    if (close < 0) fail(`属性 ${attribute} 的值未结束`, `the value of attribute ${attribute} is not closed`);
    const value = decodeXmlAttributeValue(tag.slice(i + 1, close), byteOffset);
    seen ??= new Set();
    if (seen.has(attribute)) fail(`属性 ${attribute} 重复`, `attribute ${attribute} is repeated`);
    seen.add(attribute);
    attributes.push({ name: attribute, value });
    i = close + 1;
  }
}
