import { type XmlElement, type XmlWriter, xmlToString } from '@dangan/core';
import { encodeTransferText } from './text-encoding.js';

/**
 * A small handover document (登记表, 数字摘要 sheet) as XML bytes: `<?xml … encoding="…"?>` then what `build`
 * writes, indented, CRLF line ends, in UTF-8 or GB18030 (a character GB18030 cannot hold becomes a character
 * reference).
 *
 * @example
 * xmlDocumentBytes((w) => w.element('件数', '5'), 'utf-8', '登记表');
 */
export function xmlDocumentBytes(
  build: (w: XmlWriter) => void,
  encoding: 'utf-8' | 'gb18030',
  what: string,
): Uint8Array {
  const body = xmlToString(build, { pretty: true, newline: '\r\n' });
  const declaration = `<?xml version="1.0" encoding="${encoding === 'gb18030' ? 'GB18030' : 'UTF-8'}"?>\r\n`;
  return encodeTransferText(`${declaration}${body}\r\n`, encoding, {
    what,
    fallback: (cp) => `&#x${cp.toString(16).toUpperCase()};`,
  });
}

/**
 * The first child element named `name`, or `undefined`.
 *
 * @example
 * child(root, '件数')?.text;
 */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

/**
 * Every child element named `name`.
 *
 * @example
 * children(root, '载体').length;
 */
export function children(element: XmlElement | undefined, name: string): readonly XmlElement[] {
  return element === undefined ? [] : element.children.filter((c) => c.name === name);
}

/**
 * The trimmed text of the child `name` (`''` when absent).
 *
 * @example
 * childText(root, '交接工作名称');
 */
export function childText(element: XmlElement | undefined, name: string): string {
  return child(element, name)?.text.trim() ?? '';
}
