import type { Finding, XmlElement } from '@dangan/core';

/** The local name of an element (its name without a prefix). */
export function localName(element: XmlElement): string {
  const colon = element.name.indexOf(':');
  return colon < 0 ? element.name : element.name.slice(colon + 1);
}

/** The child elements called `name` (local name) in the namespace `uri`. */
export function childrenNamed(element: XmlElement, name: string, uri: string): XmlElement[] {
  return element.children.filter((c) => c.uri === uri && localName(c) === name);
}

/**
 * Reads typed values out of a small XML tree, collecting a finding for each missing or invalid one. Paths
 * are `name:line:column`.
 */
export class TreeReader {
  readonly findings: Finding[] = [];

  constructor(
    readonly documentName: string,
    readonly uri: string,
    readonly invalidCode: string,
    readonly missingCode: string,
  ) {}

  where(element: XmlElement): string {
    return `${this.documentName}:${element.line}:${element.column}`;
  }

  report(code: string, element: XmlElement, message: string, messageEn: string): void {
    this.findings.push({ code, severity: 'error', message, messageEn, path: this.where(element) });
  }

  /** The one child `name`; a finding when it is missing (and `required`). */
  child(element: XmlElement, name: string, required = true): XmlElement | undefined {
    const found = childrenNamed(element, name, this.uri);
    if (found.length === 0) {
      if (required) {
        this.report(
          this.missingCode,
          element,
          `<${localName(element)}> 缺少 <${name}>`,
          `<${localName(element)}> has no <${name}>`,
        );
      }
      return undefined;
    }
    if (found.length > 1) {
      this.report(
        this.invalidCode,
        found[1]!,
        `<${localName(element)}> 中 <${name}> 重复`,
        `<${name}> repeated in <${localName(element)}>`,
      );
    }
    return found[0];
  }

  /** Text of the child `name` (trimmed); `undefined` (and a finding if required) when missing or empty. */
  text(element: XmlElement, name: string, required = true): string | undefined {
    const child = this.child(element, name, required);
    if (child === undefined) return undefined;
    const text = child.text.trim();
    if (text === '' && required) {
      this.report(this.missingCode, child, `<${name}> 为空`, `<${name}> is empty`);
      return undefined;
    }
    return text;
  }

  /** An attribute's value; a finding when it is missing (and `required`). */
  attribute(element: XmlElement, name: string, required = true): string | undefined {
    const value = element.attributes[name];
    if (value === undefined && required) {
      this.report(
        this.missingCode,
        element,
        `<${localName(element)}> 缺少属性 ${name}`,
        `<${localName(element)}> has no attribute ${name}`,
      );
    }
    return value;
  }

  /** A non-negative safe integer from `text` (a finding otherwise). */
  count(element: XmlElement, what: string, text: string | undefined, min = 0): number | undefined {
    if (text === undefined) return undefined;
    const value = /^\d{1,16}$/u.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min) {
      this.report(
        this.invalidCode,
        element,
        `${what}“${text}”不是${min > 0 ? '正' : '非负'}整数`,
        `${what} "${text}" is not a ${min > 0 ? 'positive' : 'non-negative'} integer`,
      );
      return undefined;
    }
    return value;
  }
}
