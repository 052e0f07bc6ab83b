import { toBase64 } from '../bytes/encoding.js';
import { escapeAttributeOrInvalid, escapeTextOrInvalid } from './escape.js';
import { isXmlName, isXmlNcName } from './names.js';
import { invalidCharacterError, XmlError } from './xml-error.js';

/** Where an {@link XmlWriter} puts its output as UTF-8 bytes. A returned promise is backpressure. */
export interface XmlByteSink {
  write(chunk: Uint8Array): void | PromiseLike<void>;
}

/** Where an {@link XmlWriter} puts its output as text (the sink encodes it). */
export interface XmlTextSink {
  writeText(chunk: string): void | PromiseLike<void>;
}

/** Output of an {@link XmlWriter}: bytes (UTF-8) or text. */
export type XmlSink = XmlByteSink | XmlTextSink;

/** Attributes to write: a record or a map of name → value, written in iteration order. */
export type XmlAttributes = Readonly<Record<string, string>> | ReadonlyMap<string, string>;

/** Options of {@link XmlWriter}. */
export interface XmlWriterOptions {
  /**
   * Indent elements that hold only elements (default `false`). Never adds anything inside an element once
   * it has text, so text content is written exactly; readers see the indentation as whitespace between
   * elements (which `parseXmlToTree` drops by default).
   */
  readonly pretty?: boolean;
  /** One level of indentation when pretty (default two spaces; spaces and tabs only). */
  readonly indent?: string;
  /** Line end when pretty (default `\n`). */
  readonly newline?: '\n' | '\r\n';
  /**
   * Check names against XML Namespaces (default `true`): at most one colon, and every prefix declared by an
   * `xmlns:p` attribute in scope, so what is written reads back with namespaces on.
   */
  readonly namespaces?: boolean;
  /** Characters buffered before they are handed to the sink (default 64 Ki). */
  readonly bufferSize?: number;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const RAW_TEXT = /^[A-Za-z0-9+/=\n\t ]*$/;

interface Frame {
  readonly name: string;
  /** Namespace declarations made on this element (prefix → URI, '' for the default). */
  readonly ns: Readonly<Record<string, string>> | undefined;
  hasText: boolean;
  hasChildren: boolean;
}

function isThenable(value: unknown): value is PromiseLike<void> {
  return (
    value !== null && typeof value === 'object' && typeof (value as PromiseLike<void>).then === 'function'
  );
}

/**
 * A streaming XML writer (XML 1.0, UTF-8) that escapes everything it is given and refuses what cannot be
 * written: characters XML 1.0 forbids (`XML_INVALID_CHARACTER`, naming the code point and element path),
 * invalid names (`XML_INVALID_NAME`) and calls out of order (`XML_WRITER_MISUSE`). Output is buffered and
 * handed to the sink in pieces; with an asynchronous sink, `await writer.flush()` in loops that write a
 * lot (a Base64 payload) so memory stays bounded.
 *
 * @example
 * const w = new XmlWriter(sink, { pretty: true });
 * w.declaration().startElement('电子文件封装包', { xmlns: EEP_NS }).element('版本', '2009');
 * await w.end();
 */
export class XmlWriter {
  readonly #sink: XmlSink;
  readonly #pretty: boolean;
  readonly #indent: string;
  readonly #newline: string;
  readonly #namespaces: boolean;
  readonly #bufferSize: number;
  readonly #indents: string[] = [];
  readonly #frames: Frame[] = [];
  readonly #validNames = new Set<string>();
  #out = '';
  #encoder: TextEncoder | undefined;
  #pending: Promise<void> | undefined;
  #sinkError: { error: unknown } | undefined;
  #started = false;
  #rootDone = false;
  #ended = false;
  /** The current start tag still lacks its `>` (it may yet become `<a/>`). */
  #tagOpen = false;
  /** Bytes given to {@link base64Chunk} that do not yet make a group of three. */
  #carry: Uint8Array | undefined;

  constructor(sink: XmlSink, options: XmlWriterOptions = {}) {
    if (
      sink === null ||
      typeof sink !== 'object' ||
      (typeof (sink as XmlByteSink).write !== 'function' &&
        typeof (sink as XmlTextSink).writeText !== 'function')
    ) {
      throw new TypeError('sink must have a write(chunk: Uint8Array) or writeText(chunk: string) method');
    }
    const indent = options.indent ?? '  ';
    if (!/^[ \t]*$/.test(indent)) throw new RangeError('indent must contain only spaces and tabs');
    const newline = options.newline ?? '\n';
    if (newline !== '\n' && newline !== '\r\n') throw new RangeError("newline must be '\\n' or '\\r\\n'");
    const bufferSize = options.bufferSize ?? 64 * 1024;
    if (!Number.isSafeInteger(bufferSize) || bufferSize <= 0) {
      throw new RangeError(`bufferSize must be a positive integer, got ${String(bufferSize)}`);
    }
    this.#sink = sink;
    this.#pretty = options.pretty ?? false;
    this.#indent = indent;
    this.#newline = newline;
    this.#namespaces = options.namespaces ?? true;
    this.#bufferSize = bufferSize;
  }

  /** Number of elements open now. */
  get depth(): number {
    return this.#frames.length;
  }

  /** Path of the open elements, e.g. `/电子文件封装包/被签名对象` ('/' when none is open). */
  get path(): string {
    return this.#frames.length === 0 ? '/' : `/${this.#frames.map((f) => f.name).join('/')}`;
  }

  /**
   * Writes `<?xml version="1.0" encoding="UTF-8"?>`; only as the very first output.
   *
   * @example
   * writer.declaration({ standalone: true });
   */
  declaration(options: { readonly standalone?: boolean } = {}): this {
    this.#usable();
    if (this.#started) this.#misuse('XML 声明只能写在文档开头', 'The XML declaration must come first');
    this.#started = true;
    const standalone =
      options.standalone === undefined ? '' : ` standalone="${options.standalone ? 'yes' : 'no'}"`;
    this.#out += `<?xml version="1.0" encoding="UTF-8"${standalone}?>`;
    if (this.#pretty) this.#out += this.#newline;
    return this.#maybeHandOff();
  }

  /**
   * Opens an element. Attribute values are escaped (including tab and line ends, so they read back as
   * given).
   *
   * @example
   * writer.startElement('编码', { 编码ID: 'E1' });
   */
  startElement(name: string, attributes?: XmlAttributes): this {
    this.#usable();
    if (this.#rootDone)
      this.#misuse(
        `根元素已结束，不能再写元素 <${name}>`,
        `The root element has ended; cannot start <${name}>`,
      );
    this.#checkName(name, 'element');
    let attrs = '';
    let ns: Record<string, string> | undefined;
    let prefixed = name.includes(':');
    if (attributes !== undefined) {
      const map = attributes instanceof Map ? (attributes as ReadonlyMap<string, string>) : undefined;
      if (map === undefined && (attributes === null || typeof attributes !== 'object')) {
        throw new TypeError('attributes must be an object or a Map');
      }
      const record = attributes as Readonly<Record<string, string>>;
      const keys = map === undefined ? Object.keys(record) : [...map.keys()];
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const value = map === undefined ? record[key] : map.get(key);
        this.#checkName(key, 'attribute', name);
        if (typeof value !== 'string')
          throw new TypeError(`attribute ${key} must be a string, got ${typeof value}`);
        if (this.#namespaces && key.startsWith('xmlns') && (key.length === 5 || key[5] === ':')) {
          ns = this.#declare(ns, key, value, name);
        } else if (!prefixed && key.includes(':')) {
          prefixed = true;
        }
        attrs += this.#attributeText(name, key, value);
      }
    }
    // Prefixes need resolving only when some name has one.
    if (this.#namespaces && prefixed) {
      this.#checkPrefixes(name, attributes === undefined ? [] : attributeEntries(attributes), ns);
    }
    this.#beforeChild();
    this.#started = true;
    this.#out += `<${name}${attrs}`;
    this.#tagOpen = true;
    this.#frames.push({ name, ns, hasText: false, hasChildren: false });
    return this.#maybeHandOff();
  }

  /**
   * Writes character data into the open element, escaped. Call it as often as needed: consecutive calls
   * make one text. `text('')` makes the element `<a></a>` rather than `<a/>`.
   *
   * @example
   * writer.startElement('题名').text('关于 <档案> 的通知').endElement();
   */
  text(value: string): this {
    if (typeof value !== 'string') throw new TypeError(`text must be a string, got ${typeof value}`);
    const escaped = escapeTextOrInvalid(value);
    if (typeof escaped === 'number') {
      this.#usable();
      throw invalidCharacterError({ zh: '文本', en: 'Text' }, value, escaped, { elementPath: this.path });
    }
    this.#beforeText();
    this.#out += escaped;
    return this.#maybeHandOff();
  }

  /**
   * Writes text that needs no escaping, unchanged and unchecked beyond a fast character-class test: only
   * Base64 characters (`A–Z a–z 0–9 + / =`), spaces, tabs and line feeds. For streaming a large Base64
   * payload someone else encoded; a `TypeError` for any other character.
   *
   * @example
   * for await (const b64 of base64Lines) writer.rawTextChunk(b64);
   */
  rawTextChunk(chunk: string): this {
    if (typeof chunk !== 'string' || !RAW_TEXT.test(chunk)) {
      throw new TypeError('rawTextChunk accepts only Base64 characters, spaces, tabs and line feeds');
    }
    this.#beforeText();
    this.#out += chunk;
    return this.#maybeHandOff();
  }

  /**
   * Writes bytes as Base64 text into the open element, continuing across calls (1–2 bytes are carried to
   * the next call, so chunk boundaries never insert padding). The final group is padded when the element
   * ends or anything else is written.
   *
   * @example
   * for await (const chunk of chunks(file)) { writer.base64Chunk(chunk); await writer.flush(); }
   */
  base64Chunk(bytes: Uint8Array): this {
    if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes must be a Uint8Array');
    this.#beforeText(true);
    let data = bytes;
    if (this.#carry !== undefined) {
      data = new Uint8Array(this.#carry.length + bytes.length);
      data.set(this.#carry, 0);
      data.set(bytes, this.#carry.length);
      this.#carry = undefined;
    }
    const whole = data.length - (data.length % 3);
    if (whole < data.length) this.#carry = data.slice(whole);
    if (whole > 0) this.#out += toBase64(whole === data.length ? data : data.subarray(0, whole));
    return this.#maybeHandOff();
  }

  /**
   * Closes the innermost open element (`<a/>` if nothing was written into it). With `name`, checks it is
   * the element being closed.
   *
   * @example
   * writer.startElement('版本').text('2009').endElement('版本');
   */
  endElement(name?: string): this {
    this.#usable();
    const frame = this.#frames[this.#frames.length - 1];
    if (frame === undefined) this.#misuse('没有打开的元素可以结束', 'No element is open to end');
    if (name !== undefined && name !== frame.name) {
      this.#misuse(
        `要结束的是 <${frame.name}>，不是 <${name}>`,
        `The open element is <${frame.name}>, not <${name}>`,
      );
    }
    this.#flushCarry();
    if (this.#tagOpen) {
      this.#out += '/>';
      this.#tagOpen = false;
    } else {
      if (this.#pretty && frame.hasChildren && !frame.hasText)
        this.#out += this.#lineStart(this.#frames.length - 1);
      this.#out += `</${frame.name}>`;
    }
    this.#frames.pop();
    if (this.#frames.length === 0) {
      this.#rootDone = true;
      if (this.#pretty) this.#out += this.#newline;
    }
    return this.#maybeHandOff();
  }

  /**
   * Writes a whole element: start tag, optional text, end tag.
   *
   * @example
   * writer.element('计算机文件名', 'a.pdf').element('页数', '3', { 单位: '页' });
   */
  element(name: string, text?: string, attributes?: XmlAttributes): this {
    this.startElement(name, attributes);
    if (text !== undefined) this.text(text);
    return this.endElement();
  }

  /**
   * Hands everything written so far to the sink and waits for the sink to take it. Rejects with the
   * sink's error if a write failed.
   */
  async flush(): Promise<void> {
    this.#handOff();
    await this.#settle();
  }

  /** Whether {@link close} or {@link end} has run. */
  get ended(): boolean {
    return this.#ended;
  }

  /**
   * Closes every open element and hands the output to the sink without waiting: enough for a synchronous
   * sink. The writer cannot be used afterwards (closing again does nothing). `XML_WRITER_MISUSE` if no
   * root element was written.
   *
   * @example
   * writer.element('a', 'x').close();
   */
  close(): this {
    if (this.#ended) return this;
    this.#usable();
    if (!this.#rootDone && this.#frames.length === 0) {
      this.#misuse('文档没有根元素', 'No root element was written');
    }
    while (this.#frames.length > 0) this.endElement();
    this.#ended = true;
    this.#handOff();
    return this;
  }

  /**
   * {@link close}, then waits until the sink has taken everything. Rejects with the sink's error if a write
   * failed.
   *
   * @example
   * await writer.end();
   */
  async end(): Promise<void> {
    this.close();
    await this.#settle();
  }

  async #settle(): Promise<void> {
    while (this.#pending !== undefined) {
      const pending = this.#pending;
      await pending;
      if (this.#pending === pending) this.#pending = undefined;
    }
    if (this.#sinkError !== undefined) throw this.#sinkError.error;
  }

  #usable(): void {
    if (this.#sinkError !== undefined) throw this.#sinkError.error;
    if (this.#ended)
      this.#misuse('文档已经结束，不能再写入', 'The document has ended; nothing more can be written');
  }

  #misuse(zh: string, en: string): never {
    throw new XmlError('XML_WRITER_MISUSE', zh, en, { elementPath: this.path });
  }

  #childPath(name: string): string {
    return this.#frames.length === 0 ? `/${name}` : `${this.path}/${name}`;
  }

  #checkName(name: string, kind: 'element' | 'attribute', element?: string): void {
    if (this.#validNames.has(name)) return;
    if (typeof name !== 'string') throw new TypeError(`${kind} name must be a string, got ${typeof name}`);
    const valid = this.#namespaces ? isQName(name) : isXmlName(name);
    if (valid) {
      // Documents reuse a few names many times; remember them (boundedly) instead of re-matching.
      if (this.#validNames.size < 4096) this.#validNames.add(name);
      return;
    }
    const what = kind === 'element' ? '元素名' : '属性名';
    throw new XmlError(
      'XML_INVALID_NAME',
      `${what} "${name}" 不是合法的 XML 名称${this.#namespaces ? '（命名空间规范下最多一个冒号）' : ''}`,
      `"${name}" is not a valid XML ${kind} name`,
      { elementPath: element === undefined ? this.path : this.#childPath(element) },
    );
  }

  #attributeText(element: string, key: string, value: string): string {
    const escaped = escapeAttributeOrInvalid(value);
    if (typeof escaped === 'number') {
      throw invalidCharacterError({ zh: `属性 ${key} 的值`, en: `Attribute ${key}` }, value, escaped, {
        elementPath: this.#childPath(element),
      });
    }
    return ` ${key}="${escaped}"`;
  }

  #declare(
    ns: Record<string, string> | undefined,
    key: string,
    value: string,
    element: string,
  ): Record<string, string> {
    const uri = this.#checkDeclaration(key, value, element);
    const declared = ns ?? (Object.create(null) as Record<string, string>);
    declared[key === 'xmlns' ? '' : key.slice(6)] = uri;
    return declared;
  }

  /** Checks one `xmlns` / `xmlns:p` declaration (as saxes will) and returns the URI it binds. */
  #checkDeclaration(key: string, value: string, element: string): string {
    const prefix = key === 'xmlns' ? '' : key.slice(6);
    const uri = value.trim();
    const fail = (zh: string, en: string): never => {
      throw new XmlError('XML_INVALID_NAME', zh, en, { elementPath: this.#childPath(element) });
    };
    if (prefix === 'xmlns') fail('不能声明 xmlns 前缀', 'The xmlns prefix cannot be declared');
    if (prefix === 'xml' && uri !== XML_NS)
      fail(`xml 前缀只能绑定到 ${XML_NS}`, `The xml prefix must be bound to ${XML_NS}`);
    if (prefix !== 'xml' && uri === XML_NS)
      fail(`${XML_NS} 只能绑定到 xml 前缀`, `${XML_NS} may only be bound to xml`);
    if (uri === XMLNS_NS) fail(`不能绑定 ${XMLNS_NS}`, `${XMLNS_NS} cannot be bound`);
    if (prefix !== '' && uri === '') {
      fail(`XML 1.0 中不能取消前缀 ${prefix} 的声明`, `XML 1.0 cannot undeclare the prefix ${prefix}`);
    }
    return uri;
  }

  /** Checks every prefix used by the element and its attributes is declared, and no two attributes clash. */
  #checkPrefixes(
    name: string,
    entries: readonly (readonly [string, string])[],
    ns: Record<string, string> | undefined,
  ): void {
    const resolve = (prefix: string): string | undefined => {
      if (prefix === 'xml') return XML_NS;
      if (ns !== undefined && Object.hasOwn(ns, prefix)) return ns[prefix];
      for (let i = this.#frames.length - 1; i >= 0; i--) {
        const declared = this.#frames[i]!.ns;
        if (declared !== undefined && Object.hasOwn(declared, prefix)) return declared[prefix];
      }
      return undefined;
    };
    const unbound = (prefix: string, what: string): never => {
      throw new XmlError(
        'XML_INVALID_NAME',
        `${what}使用了未声明的命名空间前缀 ${prefix}`,
        `${what === '元素' ? 'The element' : 'An attribute'} uses the undeclared namespace prefix ${prefix}`,
        { elementPath: this.#childPath(name) },
      );
    };
    const colon = name.indexOf(':');
    if (colon > 0) {
      const prefix = name.slice(0, colon);
      if (prefix === 'xmlns') unbound(prefix, '元素');
      if (resolve(prefix) === undefined) unbound(prefix, '元素');
    }
    let seen: Set<string> | undefined;
    for (const [key] of entries) {
      const c = key.indexOf(':');
      if (c < 0 || key.startsWith('xmlns:')) continue;
      const uri = resolve(key.slice(0, c));
      if (uri === undefined) unbound(key.slice(0, c), '属性');
      seen ??= new Set(entries.filter(([k]) => !k.includes(':')).map(([k]) => `{}${k}`));
      const expanded = `{${uri}}${key.slice(c + 1)}`;
      if (seen.has(expanded)) {
        throw new XmlError(
          'XML_INVALID_NAME',
          `属性 ${key} 与另一属性是同一个命名空间名称`,
          `Attribute ${key} duplicates another`,
          {
            elementPath: this.#childPath(name),
          },
        );
      }
      seen.add(expanded);
    }
  }

  /** Before a child element: finish the parent's start tag and indent if the parent holds no text. */
  #beforeChild(): void {
    this.#flushCarry();
    const parent = this.#frames[this.#frames.length - 1];
    if (parent !== undefined) {
      if (this.#tagOpen) {
        this.#out += '>';
        this.#tagOpen = false;
      }
      parent.hasChildren = true;
      if (this.#pretty && !parent.hasText) this.#out += this.#lineStart(this.#frames.length);
    }
  }

  #beforeText(base64 = false): void {
    this.#usable();
    const frame = this.#frames[this.#frames.length - 1];
    if (frame === undefined) {
      this.#misuse(
        this.#rootDone ? '根元素已结束，不能再写文本' : '根元素之外不能写文本',
        this.#rootDone
          ? 'The root element has ended; no more text'
          : 'Text cannot be written outside the root element',
      );
    }
    if (!base64) this.#flushCarry();
    if (this.#tagOpen) {
      this.#out += '>';
      this.#tagOpen = false;
    }
    frame.hasText = true;
  }

  #flushCarry(): void {
    if (this.#carry === undefined) return;
    this.#out += toBase64(this.#carry);
    this.#carry = undefined;
  }

  #lineStart(depth: number): string {
    let indent = this.#indents[depth];
    if (indent === undefined) {
      indent = this.#newline + this.#indent.repeat(depth);
      this.#indents[depth] = indent;
    }
    return indent;
  }

  #maybeHandOff(): this {
    if (this.#out.length >= this.#bufferSize) this.#handOff();
    return this;
  }

  #handOff(): void {
    if (this.#out.length === 0) return;
    const text = this.#out;
    this.#out = '';
    const sink = this.#sink;
    const write = (): void | PromiseLike<void> => {
      if ('writeText' in sink && typeof sink.writeText === 'function') return sink.writeText(text);
      this.#encoder ??= new TextEncoder();
      return (sink as XmlByteSink).write(this.#encoder.encode(text));
    };
    // Writes reach the sink one after another; while one is pending the next waits behind it.
    if (this.#pending !== undefined) {
      this.#pending = this.#pending
        .then(() => (this.#sinkError === undefined ? write() : undefined))
        .then(undefined, (e) => this.#record(e));
      return;
    }
    let result: void | PromiseLike<void>;
    try {
      result = write();
    } catch (e) {
      // A synchronous sink failed: the output is lost, so the writer stops here.
      this.#record(e);
      throw e;
    }
    if (isThenable(result)) this.#pending = Promise.resolve(result).then(undefined, (e) => this.#record(e));
  }

  #record(error: unknown): void {
    this.#sinkError ??= { error };
  }
}

function attributeEntries(attributes: XmlAttributes): (readonly [string, string])[] {
  if (attributes instanceof Map) return [...attributes];
  if (attributes === null || typeof attributes !== 'object')
    throw new TypeError('attributes must be an object or a Map');
  return Object.entries(attributes as Readonly<Record<string, string>>);
}

function isQName(name: string): boolean {
  const colon = name.indexOf(':');
  if (colon < 0) return isXmlNcName(name);
  return isXmlNcName(name.slice(0, colon)) && isXmlNcName(name.slice(colon + 1));
}
