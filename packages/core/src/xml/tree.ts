import type { ByteSource } from '../bytes/byte-source.js';
import { type SafeResult, safelyAsync } from '../errors/result.js';
import { type ReadXmlOptions, readXml, type XmlElementEvent } from './read-xml.js';

/** An element of a small document held in memory (see {@link parseXmlToTree}). */
export interface XmlElement {
  /** Qualified name as written. */
  readonly name: string;
  /** Namespace URI ('' for none). */
  readonly uri: string;
  /** Attributes by qualified name (no prototype, `xmlns` declarations included). */
  readonly attributes: Readonly<Record<string, string>>;
  /** Child elements, in document order. */
  readonly children: readonly XmlElement[];
  /**
   * The element's own character data, all its text pieces joined (text inside child elements is theirs).
   * Whitespace-only runs between child elements (indentation) are left out unless `whitespace: 'preserve'`.
   */
  readonly text: string;
  /** 1-based line and column of the start tag. */
  readonly line: number;
  readonly column: number;
}

/** Options of {@link parseXmlToTree}. */
export interface ParseXmlToTreeOptions extends ReadXmlOptions {
  /** Most bytes of input (default 32 MiB): the whole tree is held in memory. */
  readonly maxBytes?: number;
  /** Most elements (default 1,000,000). */
  readonly maxElements?: number;
  /**
   * `'ignorable'` (default) drops whitespace-only text runs in elements that have child elements, which is
   * what indentation produces; `'preserve'` keeps every character.
   */
  readonly whitespace?: 'ignorable' | 'preserve';
}

const DEFAULT_TREE_MAX_BYTES = 32 * 1024 * 1024;
const DEFAULT_TREE_MAX_ELEMENTS = 1_000_000;
const WHITESPACE_ONLY = /^[ \t\r\n]*$/;

interface Building {
  readonly element: XmlElementEvent;
  readonly children: XmlElement[];
  /** Finished text runs (a run ends at a child element's start or end). */
  readonly runs: string[];
  run: string;
}

/**
 * Reads a small document (metadata, a manifest, a catalogue) into an element tree, with every safety of
 * {@link readXml} and a bound on its size. Returns the root element. Building is iterative, so depth is
 * limited only by `maxDepth`.
 *
 * @example
 * const root = await parseXmlToTree(bytes, { name: '基本信息元数据.xml' });
 */
export async function parseXmlToTree(
  source: ByteSource,
  options: ParseXmlToTreeOptions = {},
): Promise<XmlElement> {
  const preserve = options.whitespace === 'preserve';
  if (options.whitespace !== undefined && !preserve && options.whitespace !== 'ignorable') {
    throw new RangeError(`whitespace must be 'ignorable' or 'preserve', got ${String(options.whitespace)}`);
  }
  const stack: Building[] = [];
  let root: XmlElement | undefined;
  const endRun = (b: Building) => {
    if (b.run.length > 0) {
      b.runs.push(b.run);
      b.run = '';
    }
  };
  await readXml(
    source,
    {
      startElement(element) {
        const parent = stack[stack.length - 1];
        if (parent !== undefined) endRun(parent);
        stack.push({ element, children: [], runs: [], run: '' });
      },
      text(chunk) {
        stack[stack.length - 1]!.run += chunk;
      },
      endElement() {
        const b = stack.pop()!;
        endRun(b);
        const { element } = b;
        const runs =
          preserve || b.children.length === 0 ? b.runs : b.runs.filter((run) => !WHITESPACE_ONLY.test(run));
        const node: XmlElement = {
          name: element.name,
          uri: element.uri,
          attributes: element.attributes,
          children: b.children,
          text: runs.length === 1 ? runs[0]! : runs.join(''),
          line: element.line,
          column: element.column,
        };
        const parent = stack[stack.length - 1];
        if (parent === undefined) root = node;
        else parent.children.push(node);
      },
    },
    {
      ...options,
      maxBytes: options.maxBytes ?? DEFAULT_TREE_MAX_BYTES,
      maxElements: options.maxElements ?? DEFAULT_TREE_MAX_ELEMENTS,
    },
  );
  // readXml succeeds only for a document with exactly one root element.
  return root!;
}

/**
 * {@link parseXmlToTree} returning a {@link SafeResult} instead of throwing on bad input.
 *
 * @example
 * const r = await safeParseXmlToTree(bytes);
 * if (r.ok) console.log(r.value.name);
 */
export function safeParseXmlToTree(
  source: ByteSource,
  options: ParseXmlToTreeOptions = {},
): Promise<SafeResult<XmlElement>> {
  return safelyAsync(() => parseXmlToTree(source, options));
}
