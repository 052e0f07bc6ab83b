import { XmlError } from '@dangan/core';
import type { XmlStartTagToken } from './tokens.js';

/** An element name resolved against the namespace declarations in scope. */
export interface XmlResolvedName {
  /** The prefix as written ('' for none). */
  readonly prefix: string;
  /** The local name. */
  readonly local: string;
  /** The namespace URI ('' for none). */
  readonly uri: string;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Namespace scopes for {@link XmlByteScanner} tokens (命名空间作用域): call {@link enter} for every start tag
 * and {@link exit} for every end tag (implicit ones included) to resolve element names to a namespace URI
 * and local name. An undeclared prefix throws `XML_MALFORMED`.
 *
 * @example
 * const ns = new XmlNamespaceScope();
 * for (const t of scanner.push(chunk)) {
 *   if (t.kind === 'start') console.log(ns.enter(t).local);
 *   else if (t.kind === 'end') ns.exit();
 * }
 */
export class XmlNamespaceScope {
  readonly #frames: (ReadonlyMap<string, string> | undefined)[] = [];

  /**
   * Enters an element: records its declarations and resolves its name.
   *
   * @example
   * ns.enter(token); // { prefix: '', local: '电子文件封装包', uri: 'http://www.saac.gov.cn/standards/ERM/encapsulation' }
   */
  enter(token: XmlStartTagToken): XmlResolvedName {
    let declared: Map<string, string> | undefined;
    for (const a of token.attributes) {
      const prefix = a.name === 'xmlns' ? '' : a.name.startsWith('xmlns:') ? a.name.slice(6) : undefined;
      if (prefix === undefined) continue;
      declared ??= new Map();
      declared.set(prefix, a.value.trim());
    }
    this.#frames.push(declared);
    const colon = token.name.indexOf(':');
    const prefix = colon < 0 ? '' : token.name.slice(0, colon);
    const local = colon < 0 ? token.name : token.name.slice(colon + 1);
    const uri = this.resolve(prefix);
    if (uri === undefined) {
      throw new XmlError(
        'XML_MALFORMED',
        `元素 <${token.name}> 使用了未声明的命名空间前缀 ${prefix}`,
        `Element <${token.name}> uses the undeclared prefix ${prefix}`,
        { byteOffset: token.start },
      );
    }
    return { prefix, local, uri };
  }

  /**
   * Leaves the innermost element.
   *
   * @example
   * ns.exit();
   */
  exit(): void {
    if (this.#frames.length === 0) throw new TypeError('no element to exit');
    this.#frames.pop();
  }

  /**
   * The URI bound to `prefix` ('' for the default namespace, which is '' when undeclared); `undefined` for an
   * undeclared prefix.
   *
   * @example
   * ns.resolve('eep');
   */
  resolve(prefix: string): string | undefined {
    if (prefix === 'xml') return XML_NS;
    for (let i = this.#frames.length - 1; i >= 0; i--) {
      const uri = this.#frames[i]?.get(prefix);
      if (uri !== undefined) return uri;
    }
    return prefix === '' ? '' : undefined;
  }

  /**
   * Every declaration in scope, innermost winning (prefix → URI, '' for the default namespace).
   *
   * @example
   * ns.inScope().get(''); // the default namespace
   */
  inScope(): Map<string, string> {
    const out = new Map<string, string>();
    for (const frame of this.#frames) if (frame !== undefined) for (const [p, u] of frame) out.set(p, u);
    return out;
  }
}
