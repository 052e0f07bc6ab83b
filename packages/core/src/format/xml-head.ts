/** The start of an XML (or HTML) document: declaration, DOCTYPE name and root element, as written. */
export interface XmlHead {
  /** Pseudo-attributes of `<?xml …?>` when present. */
  readonly declaration?: Readonly<Record<string, string>>;
  /** Name in `<!DOCTYPE name …>`. */
  readonly doctype?: string;
  /** Qualified name of the first element, e.g. `ofd:OFD`. */
  readonly rootName?: string;
  /** Attributes of the first element's start tag (values not unescaped). */
  readonly rootAttributes: Readonly<Record<string, string>>;
  /** Namespace URI of the root element, from its own `xmlns` declarations. */
  readonly rootNamespace?: string;
}

const NAME_START = /[A-Za-z_:\u00c0-\uffff]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00b7\u00c0-\uffff]/;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;

/**
 * Reads the prolog and first start tag of a markup document, without a parser and without expanding
 * anything. `undefined` when the text does not begin like markup (after BOM and white space).
 * A cut input gives what was complete.
 *
 * @example
 * readXmlHead('<?xml version="1.0"?><ofd:OFD Version="1.1">')?.rootAttributes.Version; // '1.1'
 */
export function readXmlHead(text: string): XmlHead | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  i = skipSpace(text, i);
  if (text[i] !== '<') return undefined;
  let declaration: Record<string, string> | undefined;
  let doctype: string | undefined;
  if (text.startsWith('<?xml', i) && /[\s?]/.test(text[i + 5] ?? '')) {
    const end = text.indexOf('?>', i);
    declaration = attributes(text.slice(i + 5, end < 0 ? undefined : end));
    if (end < 0) return { declaration, rootAttributes: {} };
    i = end + 2;
  }
  for (let guard = 0; guard < 10_000; guard++) {
    i = skipSpace(text, i);
    if (i >= text.length) break;
    if (text[i] !== '<') return head(declaration, doctype);
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) break;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 3;
    } else if (text.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
      const match = /^\s+([^\s>[]+)/.exec(text.slice(i + 9, i + 9 + 256));
      doctype = match?.[1];
      const end = doctypeEnd(text, i + 9);
      if (end < 0) break;
      i = end + 1;
    } else if (NAME_START.test(text[i + 1] ?? '')) {
      let j = i + 2;
      while (j < text.length && NAME_CHAR.test(text[j]!)) j++;
      const rootName = text.slice(i + 1, j);
      const end = tagEnd(text, j);
      const rootAttributes = attributes(text.slice(j, end < 0 ? undefined : end));
      const prefix = rootName.includes(':') ? rootName.slice(0, rootName.indexOf(':')) : undefined;
      const rootNamespace = rootAttributes[prefix === undefined ? 'xmlns' : `xmlns:${prefix}`];
      return {
        ...(declaration === undefined ? {} : { declaration }),
        ...(doctype === undefined ? {} : { doctype }),
        rootName,
        rootAttributes,
        ...(rootNamespace === undefined ? {} : { rootNamespace }),
      };
    } else {
      return head(declaration, doctype);
    }
  }
  return head(declaration, doctype);
}

function head(declaration: Record<string, string> | undefined, doctype: string | undefined): XmlHead {
  return {
    ...(declaration === undefined ? {} : { declaration }),
    ...(doctype === undefined ? {} : { doctype }),
    rootAttributes: {},
  };
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
    i++;
  return i;
}

/** Index of the `>` closing a DOCTYPE, stepping over quoted strings and the `[…]` internal subset. */
function doctypeEnd(text: string, from: number): number {
  let quote = '';
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === '>' && depth === 0) return i;
  }
  return -1;
}

/** Index of the `>` ending a start tag, stepping over quoted attribute values. */
function tagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(ATTRIBUTE)) out[m[1]!] = m[2]!.slice(1, -1);
  return out;
}
