import { type SaxesOptions, SaxesParser, type SaxesTag, type XMLDecl } from 'saxes';
import { type ByteSource, chunks } from '../bytes/byte-source.js';
import type { DanganError } from '../errors/dangan-error.js';
import { type SafeResult, safelyAsync } from '../errors/result.js';
import { EncodingFault, XmlByteDecoder, type XmlEncoding } from './encoding.js';
import { type ResolvedXmlLimits, resolveXmlLimits, type XmlLimits } from './limits.js';
import {
  type SaxesHandlerFields,
  type SaxesInternals,
  type SaxesStates,
  saxesInternals,
} from './saxes-internals.js';
import { translateSaxesMessage } from './saxes-messages.js';
import { XmlError } from './xml-error.js';

/** Options of {@link readXml}. */
export interface ReadXmlOptions extends XmlLimits {
  /** The document's name (a file name), used in error paths as `name:line:column`. */
  readonly name?: string;
  /**
   * Resolve namespaces (default `true`): each element gets its namespace URI, and an undeclared prefix is
   * an error. With `false`, names are taken as written and colons mean nothing.
   */
  readonly namespaces?: boolean;
  /** Stops reading with `DanganError('ABORTED')`. */
  readonly signal?: AbortSignal;
  /** Bytes read from the source at a time (default 1 MiB). */
  readonly chunkSize?: number;
}

/**
 * An element as the reader reports it: once to `startElement`, then as the context of its text, then to
 * `endElement` (the same object).
 */
export interface XmlElementEvent {
  /** Qualified name as written, prefix kept (`eep:被签名对象` or `被签名对象`). */
  readonly name: string;
  /** Namespace prefix ('' when none). */
  readonly prefix: string;
  /** Local name (the name without its prefix). */
  readonly local: string;
  /** Resolved namespace URI ('' for no namespace, or when namespaces are off). */
  readonly uri: string;
  /**
   * Attributes by qualified name as written, `xmlns` declarations included. The object has no prototype,
   * so a hostile attribute named `__proto__` is just a key.
   */
  readonly attributes: Readonly<Record<string, string>>;
  /** 1-based line of the `<` that starts the element. */
  readonly line: number;
  /** 1-based column (in Unicode characters) of that `<`. */
  readonly column: number;
  /** 1 for the root element. */
  readonly depth: number;
  /** Element path from the root, e.g. `/电子文件封装包/被签名对象`. */
  readonly path: string;
}

/**
 * What {@link readXml} calls. Any method may return a promise; reading waits for it, so a handler can
 * write decoded content to a slow sink without the reader running ahead.
 */
export interface XmlHandler {
  /** An element starts. */
  startElement?(element: XmlElementEvent): void | Promise<void>;
  /**
   * A piece of the character data of `element` (CDATA sections included, entities and character references
   * already replaced, line ends normalised to `\n`). A long text node arrives as several pieces; consecutive
   * calls for the same element belong together. Pieces are at most about 128 Ki characters long.
   */
  text?(chunk: string, element: XmlElementEvent): void | Promise<void>;
  /** An element ends. */
  endElement?(element: XmlElementEvent): void | Promise<void>;
}

/** What {@link readXml} learnt about the document besides its events. */
export interface XmlDocumentInfo {
  /** Encoding the bytes were decoded with. */
  readonly encoding: XmlEncoding;
  /** Encoding label in the XML declaration, if it had one. */
  readonly declaredEncoding: string | undefined;
  /** Whether the document started with a byte order mark. */
  readonly bom: boolean;
  /** XML version in the declaration, if any. */
  readonly version: string | undefined;
  /** `standalone` in the declaration, if any. */
  readonly standalone: boolean | undefined;
  /** Bytes read. */
  readonly bytes: number;
  /** Elements read. */
  readonly elements: number;
  /** Qualified name of the root element. */
  readonly root: string;
}

/**
 * Largest string handed to saxes at a time. After each piece the reader drains saxes' pending text and
 * checks its buffers against the limits, so this bounds both text pieces and how far past a limit a
 * hostile document can get.
 */
const PIECE = 64 * 1024;

/**
 * Reads an XML document as a stream of events with bounded memory, whatever its size: a Base64 payload of
 * gigabytes arrives as many `text` calls. Safe for untrusted input: any DOCTYPE is refused (so no entity
 * declarations, no external entities, no entity expansion), references other than the five predefined
 * entities and character references are refused, and depth, attributes per element, name and attribute
 * value lengths (and optionally bytes and elements) are bounded. Decodes UTF-8 strictly, GB18030/GBK/GB2312
 * when declared, and UTF-16 with a byte order mark.
 *
 * Throws {@link XmlError} (a `DanganError`) with code `XML_MALFORMED`, `XML_DOCTYPE_FORBIDDEN`,
 * `XML_ENTITY_FORBIDDEN`, `XML_LIMIT_EXCEEDED` or `XML_INVALID_ENCODING`, and a Chinese message naming
 * line, column and element path. Errors thrown by the handler pass through unchanged.
 *
 * @example
 * await readXml(file, { text: (chunk, el) => { if (el.local === '编码数据') decoder.push(chunk); } });
 */
export async function readXml(
  source: ByteSource,
  handler: XmlHandler,
  options: ReadXmlOptions = {},
): Promise<XmlDocumentInfo> {
  if (handler === null || typeof handler !== 'object') throw new TypeError('handler must be an object');
  const reader = new XmlStreamReader(handler, options);
  for await (const chunk of chunks(source, {
    ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  })) {
    await reader.push(chunk);
  }
  return reader.finish();
}

/**
 * {@link readXml} returning a {@link SafeResult} instead of throwing on bad input.
 *
 * @example
 * const r = await safeReadXml(bytes, handler);
 * if (!r.ok) report(r.findings);
 */
export function safeReadXml(
  source: ByteSource,
  handler: XmlHandler,
  options: ReadXmlOptions = {},
): Promise<SafeResult<XmlDocumentInfo>> {
  return safelyAsync(() => readXml(source, handler, options));
}

let NO_ATTRIBUTES: Record<string, string> | undefined;

type Queued = readonly [kind: 0 | 1 | 2, element: XmlElementEvent, text: string];

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function'
  );
}

/** One document being read: saxes plus decoding, limits, element stack and event delivery. */
class XmlStreamReader {
  readonly #handler: XmlHandler;
  readonly #limits: ResolvedXmlLimits;
  readonly #name: string | undefined;
  readonly #namespaces: boolean;
  readonly #decoder = new XmlByteDecoder();
  readonly #parser: SaxesParser<SaxesOptions>;
  readonly #p: SaxesInternals & SaxesHandlerFields;
  readonly #states: SaxesStates;
  readonly #stack: XmlElementEvent[] = [];
  #bytes = 0;
  #elements = 0;
  #attributes = 0;
  #tagLine = 1;
  #tagColumn = 1;
  #root = '';
  #declaration: XMLDecl | undefined;
  // Events wait here only while a handler's promise is pending, so synchronous handlers cost nothing extra.
  #queue: Queued[] = [];
  #pending: PromiseLike<unknown> | undefined;

  constructor(handler: XmlHandler, options: ReadXmlOptions) {
    this.#handler = handler;
    this.#limits = resolveXmlLimits(options);
    this.#name = options.name;
    this.#namespaces = options.namespaces ?? true;
    const parser = new SaxesParser<SaxesOptions>({
      xmlns: this.#namespaces,
      position: true,
      // Documents are read as XML 1.0, the version DA/T 48 and GB/T 18793 name.
      defaultXMLVersion: '1.0',
      forceXMLVersion: true,
    });
    this.#parser = parser;
    const { internals, states } = saxesInternals(parser);
    this.#p = internals;
    this.#states = states;
    this.#instrument();
  }

  async push(chunk: Uint8Array): Promise<void> {
    this.#bytes += chunk.length;
    const { maxBytes } = this.#limits;
    if (maxBytes !== undefined && this.#bytes > maxBytes) {
      throw this.#limit(
        `XML 文档超过大小上限（${maxBytes} 字节）`,
        `The XML document exceeds ${maxBytes} bytes`,
      );
    }
    let text: string;
    try {
      text = this.#decoder.push(chunk);
    } catch (e) {
      return this.#encodingFault(e);
    }
    await this.#feed(text);
  }

  async finish(): Promise<XmlDocumentInfo> {
    let text: string;
    try {
      text = this.#decoder.finish();
    } catch (e) {
      return this.#encodingFault(e);
    }
    await this.#feed(text);
    await this.#run(() => this.#parser.close());
    const declaration = this.#declaration;
    return {
      encoding: this.#decoder.encoding ?? 'UTF-8',
      declaredEncoding: declaration?.encoding ?? this.#decoder.declaredEncoding,
      bom: this.#decoder.bom,
      version: declaration?.version,
      standalone: declaration?.standalone === undefined ? undefined : declaration.standalone === 'yes',
      bytes: this.#bytes,
      elements: this.#elements,
      root: this.#root,
    };
  }

  async #feed(text: string): Promise<void> {
    for (let i = 0; i < text.length; i += PIECE) {
      const piece = i === 0 && text.length <= PIECE ? text : text.slice(i, i + PIECE);
      await this.#run(() => {
        this.#parser.write(piece);
        this.#afterWrite();
      });
    }
  }

  /** Runs a parser step, then delivers queued events; on an error, the events before it go out first. */
  async #run(step: () => void): Promise<void> {
    let failure: unknown;
    let failed = false;
    try {
      step();
    } catch (e) {
      failed = true;
      failure = e;
    }
    if (this.#pending !== undefined || this.#queue.length > 0) await this.#drain();
    if (failed) throw failure;
  }

  async #drain(): Promise<void> {
    while (this.#pending !== undefined || this.#queue.length > 0) {
      if (this.#pending !== undefined) {
        const pending = this.#pending;
        this.#pending = undefined;
        await pending;
      }
      const queue = this.#queue;
      this.#queue = [];
      for (let i = 0; i < queue.length; i++) {
        const [kind, element, text] = queue[i]!;
        const result = this.#call(kind, element, text);
        if (isThenable(result)) await result;
      }
    }
  }

  #call(kind: 0 | 1 | 2, element: XmlElementEvent, text: string): unknown {
    const h = this.#handler;
    return kind === 0
      ? h.startElement?.(element)
      : kind === 1
        ? h.text?.(text, element)
        : h.endElement?.(element);
  }

  #emit(kind: 0 | 1 | 2, element: XmlElementEvent, text: string): void {
    if (this.#pending !== undefined || this.#queue.length > 0) {
      this.#queue.push([kind, element, text]);
      return;
    }
    const result = this.#call(kind, element, text);
    if (isThenable(result)) this.#pending = result;
  }

  #emitText(text: string): void {
    const top = this.#stack[this.#stack.length - 1];
    // Outside the root only whitespace is allowed (saxes checks), and it carries nothing.
    if (top !== undefined && text.length > 0 && this.#handler.text !== undefined) this.#emit(1, top, text);
  }

  /** Drains or bounds what saxes holds between writes (see saxes-internals.ts). */
  #afterWrite(): void {
    const p = this.#p;
    const s = this.#states;
    const state = p.state;
    const limits = this.#limits;
    if (p.text.length > 0) {
      if (
        state === s.text ||
        (state === s.entity && p.entityReturnState === s.text) ||
        s.cdata.includes(state)
      ) {
        const text = p.text;
        p.text = '';
        this.#emitText(text);
      } else if (s.comment.includes(state)) {
        p.text = '';
      } else if (s.piBody.includes(state)) {
        // Kept non-empty: saxes treats an empty body as "not started" and skips leading spaces.
        if (p.text.length > 1) p.text = p.text.slice(-1);
      } else if (p.text.length > limits.maxAttributeValueLength) {
        throw this.#limit(
          `属性值超过长度上限（${limits.maxAttributeValueLength} 个字符）`,
          `An attribute value exceeds ${limits.maxAttributeValueLength} characters`,
        );
      }
    }
    const longest = Math.max(p.name.length, p.entity.length, p.piTarget.length);
    if (longest > limits.maxNameLength) {
      throw this.#limit(
        `名称超过长度上限（${limits.maxNameLength} 个字符）`,
        `A name exceeds ${limits.maxNameLength} characters`,
      );
    }
  }

  #instrument(): void {
    const reader = this;
    const parser = this.#parser;
    const limits = this.#limits;
    const table = this.#p.stateTable;
    // Named assignments, not parser.on(): see SaxesHandlerFields.
    const h = this.#p;
    const openWaka = table[this.#states.openWaka]!;
    // Record where each `<` is, so elements and errors point at the tag's start, not its end.
    table[this.#states.openWaka] = function (this: unknown) {
      reader.#tagLine = parser.line;
      reader.#tagColumn = parser.column;
      openWaka.call(this);
    };
    // Refuse a DOCTYPE the moment `<!DOCTYPE` is read: no DTD is ever buffered or looked at.
    const refuse = () => {
      throw this.#error(
        'XML_DOCTYPE_FORBIDDEN',
        '禁止 DOCTYPE 声明（为防范实体扩展和外部实体攻击，不处理 DTD）',
        'DOCTYPE declarations are forbidden (no DTD is processed, to prevent entity expansion and external entities)',
      );
    };
    for (const state of this.#states.doctype) table[state] = refuse;
    // Know the name in an end tag, so a mismatch is reported as one, before any end event for it.
    let closing: string | undefined;
    const closeTag = this.#p.closeTag;
    this.#p.closeTag = function (this: unknown) {
      closing = reader.#p.name;
      try {
        closeTag.call(this);
      } finally {
        closing = undefined;
      }
    };

    h.errorHandler = (err) => {
      const message = err.message.replace(/^\d+:\d+: /, '');
      const { code, zh, en } = translateSaxesMessage(message);
      const entity = code === 'XML_ENTITY_FORBIDDEN' ? this.#entityName() : undefined;
      throw entity === undefined
        ? this.#error(code, zh, en)
        : this.#error(
            code,
            `${zh.replace('引用了未定义的实体', `引用了未定义的实体 &${entity};`)}`,
            `${en}: &${entity};`,
          );
    };
    h.doctypeHandler = refuse;
    h.xmldeclHandler = (declaration) => {
      this.#declaration = declaration;
      try {
        this.#decoder.checkDeclared(declaration.encoding);
      } catch (e) {
        if (!(e instanceof EncodingFault)) throw e;
        throw this.#error('XML_INVALID_ENCODING', e.zh, e.en);
      }
    };
    h.attributeHandler = () => {
      if (++this.#attributes > limits.maxAttributes) {
        throw this.#limit(
          `元素的属性数超过上限（${limits.maxAttributes} 个）`,
          `An element has more than ${limits.maxAttributes} attributes`,
        );
      }
    };
    h.openTagHandler = (tag) => this.#openTag(tag);
    h.closeTagHandler = (tag) => {
      if (closing !== undefined && closing !== '' && closing !== tag.name) {
        throw this.#error(
          'XML_MALFORMED',
          `结束标签 </${closing}> 与开始标签 <${tag.name}> 不匹配`,
          `End tag </${closing}> does not match start tag <${tag.name}>`,
        );
      }
      const element = this.#stack.pop();
      if (element !== undefined && this.#handler.endElement !== undefined) this.#emit(2, element, '');
    };
    h.textHandler = (text) => this.#emitText(text);
    h.cdataHandler = (text) => this.#emitText(text);
  }

  #openTag(tag: SaxesTag): void {
    // Checked once the start tag is complete (its size is already bounded), to spare saxes an extra event.
    const { maxElements, maxDepth } = this.#limits;
    if (this.#stack.length >= maxDepth) {
      throw this.#limit(`元素嵌套超过深度上限（${maxDepth} 层）`, `Elements nest deeper than ${maxDepth}`);
    }
    if (maxElements !== undefined && this.#elements >= maxElements) {
      throw this.#limit(
        `元素个数超过上限（${maxElements} 个）`,
        `The document has more than ${maxElements} elements`,
      );
    }
    this.#elements++;
    const parent = this.#stack[this.#stack.length - 1];
    const { name } = tag;
    let prefix = tag.prefix;
    let local = tag.local;
    if (prefix === undefined || local === undefined) {
      const colon = name.indexOf(':');
      prefix = colon < 0 ? '' : name.slice(0, colon);
      local = colon < 0 ? name : name.slice(colon + 1);
    }
    let attributes: Record<string, string>;
    const attributeCount = this.#attributes;
    this.#attributes = 0;
    if (attributeCount === 0) {
      // Most elements have none: share one frozen empty object instead of a fresh dictionary each time.
      attributes = NO_ATTRIBUTES ??= Object.freeze(Object.create(null));
    } else if (!this.#namespaces) {
      // Without namespaces saxes already builds a fresh prototype-less name → value object.
      attributes = tag.attributes as Record<string, string>;
    } else {
      attributes = Object.create(null);
      const raw = tag.attributes;
      for (const key in raw) {
        const value = raw[key]!;
        attributes[key] = typeof value === 'string' ? value : value.value;
      }
    }
    const element: XmlElementEvent = {
      name,
      prefix,
      local,
      uri: tag.uri ?? '',
      attributes,
      line: this.#tagLine,
      column: this.#tagColumn,
      depth: this.#stack.length + 1,
      path: `${parent === undefined ? '' : parent.path}/${name}`,
    };
    if (parent === undefined) this.#root = name;
    this.#stack.push(element);
    if (this.#handler.startElement !== undefined) this.#emit(0, element, '');
  }

  /** Best-effort name of the entity reference saxes just rejected (it does not say which). */
  #entityName(): string | undefined {
    const { chunk, prevI, entity } = this.#p;
    if (typeof chunk !== 'string' || typeof prevI !== 'number') return undefined;
    const amp = chunk.lastIndexOf('&', prevI);
    const name = amp >= 0 ? chunk.slice(amp + 1, prevI) : entity + chunk.slice(0, prevI);
    return name.length > 0 && name.length <= 64 ? name : undefined;
  }

  #error(code: DanganError['code'], zh: string, en: string, byteOffset?: number): XmlError {
    const top = this.#stack[this.#stack.length - 1];
    return new XmlError(code, zh, en, {
      line: this.#parser.line,
      column: Math.max(1, this.#parser.column),
      elementPath: top === undefined ? '/' : top.path,
      ...(byteOffset === undefined ? {} : { byteOffset }),
      ...(this.#name === undefined ? {} : { name: this.#name }),
    });
  }

  #limit(zh: string, en: string): XmlError {
    return this.#error('XML_LIMIT_EXCEEDED', zh, en);
  }

  async #encodingFault(e: unknown): Promise<never> {
    if (!(e instanceof EncodingFault)) throw e;
    // Bring the parser up to the bad byte so the error names its line and column; a well-formedness error
    // earlier in that text is the first problem and wins.
    if (e.validText.length > 0) await this.#feed(e.validText);
    const top = this.#stack[this.#stack.length - 1];
    throw new XmlError('XML_INVALID_ENCODING', e.zh, e.en, {
      line: this.#parser.line,
      column: this.#parser.column + 1,
      elementPath: top === undefined ? '/' : top.path,
      ...(e.byteOffset === undefined ? {} : { byteOffset: e.byteOffset }),
      ...(this.#name === undefined ? {} : { name: this.#name }),
    });
  }
}
