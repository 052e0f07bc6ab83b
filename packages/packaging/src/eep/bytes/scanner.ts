import { XmlError } from '@dangan/core';
import { parseStartTag } from './tag.js';
import { utf8Text } from './text.js';
import type { XmlByteAttribute, XmlByteToken, XmlCdataToken } from './tokens.js';

/** Options of {@link XmlByteScanner}. */
export interface XmlByteScannerOptions {
  /**
   * Largest markup token (a tag, comment or processing instruction) in bytes, default 1 MiB: a longer one
   * throws `XML_LIMIT_EXCEEDED` instead of being buffered. Text and CDATA are never buffered.
   */
  readonly maxTokenBytes?: number;
  /** Deepest element nesting, default 1024 (`XML_LIMIT_EXCEEDED` beyond). */
  readonly maxDepth?: number;
}

const LT = 0x3c;
const GT = 0x3e;
const EMPTY = /* @__PURE__ */ new Uint8Array(0);
const CDATA_OPEN = [0x3c, 0x21, 0x5b, 0x43, 0x44, 0x41, 0x54, 0x41, 0x5b]; // <![CDATA[
const DOCTYPE_OPEN = [0x3c, 0x21, 0x44, 0x4f, 0x43, 0x54, 0x59, 0x50, 0x45]; // <!DOCTYPE
const COMMENT_OPEN = [0x3c, 0x21, 0x2d, 0x2d]; // <!--

/**
 * A byte-level XML tokenizer (XML 字节扫描器) for locating elements by their exact byte offsets in a
 * streamed UTF-8 document — what signing and re-packaging an EEP need, since DA/T 48 signatures cover the
 * exact bytes of `被签名对象`. Feed chunks with {@link push}; each call returns the tokens completed in
 * it: text pieces, start and end tags (names and decoded attributes), CDATA pieces, comments and processing
 * instructions. Every input byte belongs to exactly one token, in order, and `start` is its offset in the
 * whole stream, so a consumer can copy, hash or drop exact byte ranges as they pass.
 *
 * It handles markup split across chunks (`>` inside quoted attribute values, comments, CDATA, processing
 * instructions), never buffers text or CDATA (a gigabyte of Base64 passes through one `indexOf` per chunk),
 * and checks what it must to keep offsets trustworthy: tags nest and match, one root, only whitespace
 * outside it, UTF-8 only (`XML_INVALID_ENCODING` for a UTF-16 BOM or another declared encoding), no
 * DOCTYPE (`XML_DOCTYPE_FORBIDDEN`), limits (`XML_LIMIT_EXCEEDED`); `XML_MALFORMED` for broken markup.
 * It is not a validating parser: text content is not checked (use `readXml` from `@dangan/core` for that).
 *
 * @example
 * const scanner = new XmlByteScanner();
 * for await (const chunk of chunks(eep)) {
 *   for (const t of scanner.push(chunk)) if (t.kind === 'start' && t.name === '被签名对象') console.log(t.start);
 * }
 * scanner.end();
 */
export class XmlByteScanner {
  readonly #maxTokenBytes: number;
  readonly #maxDepth: number;
  readonly #stack: string[] = [];
  #offset = 0;
  #leftover: Uint8Array = EMPTY;
  #inCdata = false;
  #cdataFirst = false;
  #rootSeen = false;
  #encoding: string | undefined;
  #ended = false;

  constructor(options: XmlByteScannerOptions = {}) {
    const maxTokenBytes = options.maxTokenBytes ?? 1 << 20;
    const maxDepth = options.maxDepth ?? 1024;
    if (!Number.isSafeInteger(maxTokenBytes) || maxTokenBytes < 64)
      throw new RangeError(`maxTokenBytes must be an integer ≥ 64, got ${String(maxTokenBytes)}`);
    if (!Number.isSafeInteger(maxDepth) || maxDepth < 1)
      throw new RangeError(`maxDepth must be a positive integer, got ${String(maxDepth)}`);
    this.#maxTokenBytes = maxTokenBytes;
    this.#maxDepth = maxDepth;
  }

  /** Bytes pushed so far. */
  get offset(): number {
    return this.#offset;
  }

  /** Elements open now. */
  get depth(): number {
    return this.#stack.length;
  }

  /** Path of the open elements (`/电子文件封装包/被签名对象`, `/` when none). */
  get path(): string {
    return `/${this.#stack.join('/')}`;
  }

  /** The encoding the XML declaration named, if it had one (always a spelling of UTF-8). */
  get encoding(): string | undefined {
    return this.#encoding;
  }

  /**
   * Scans the next chunk; returns the tokens it completed (their `bytes` are views valid until the next
   * call). A markup token cut by the chunk's end is kept and returned by a later call.
   *
   * @example
   * const tokens = scanner.push(utf8('<a x="1">hi</a>')); // start, text, end
   */
  push(chunk: Uint8Array): XmlByteToken[] {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('chunk must be a Uint8Array');
    if (this.#ended) throw new TypeError('the scanner has ended');
    const tokens: XmlByteToken[] = [];
    if (chunk.length === 0) return tokens;
    let data = chunk;
    const leftover = this.#leftover;
    const base = this.#offset - leftover.length;
    if (leftover.length > 0) {
      data = new Uint8Array(leftover.length + chunk.length);
      data.set(leftover, 0);
      data.set(chunk, leftover.length);
    }
    this.#offset += chunk.length;
    this.#leftover = EMPTY;
    this.#scan(data, base, tokens, false);
    return tokens;
  }

  /**
   * Ends the document: throws when it stopped inside markup, CDATA or an open element, or had no root.
   * Returns nothing more (every byte was already in a token).
   *
   * @example
   * scanner.end();
   */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    if (this.#leftover.length > 0) {
      const rest = this.#leftover;
      const base = this.#offset - rest.length;
      this.#leftover = EMPTY;
      // What is left is incomplete markup — or a document too short to have told whether it has a BOM.
      this.#scan(rest, base, [], true);
      if (this.#leftover.length > 0)
        this.#fail('文档在标记中间结束', 'The document ends inside markup', base);
    }
    if (this.#inCdata) this.#fail('CDATA 段未结束', 'A CDATA section is not closed', this.#offset);
    if (this.#stack.length > 0) {
      const open = this.#stack[this.#stack.length - 1]!;
      this.#fail(`元素 <${open}> 未结束`, `Element <${open}> is not closed`, this.#offset);
    }
    if (!this.#rootSeen) this.#fail('文档没有根元素', 'The document has no root element', this.#offset);
  }

  #scan(data: Uint8Array, base: number, tokens: XmlByteToken[], final: boolean): void {
    const n = data.length;
    let i = 0;
    if (base === 0) {
      const bom = this.#checkStart(data, final);
      if (bom < 0) {
        this.#keep(data, 0, base);
        return;
      }
      if (bom > 0) {
        tokens.push({ kind: 'text', start: 0, bytes: data.subarray(0, bom), depth: 0 });
        i = bom;
      }
    }
    while (i < n) {
      if (this.#inCdata) {
        i = this.#cdata(data, i, base, tokens);
        if (i < 0) return;
        continue;
      }
      const lt = data.indexOf(LT, i);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > i) {
        const bytes = data.subarray(i, textEnd);
        if (this.#stack.length === 0) this.#checkOutsideText(bytes, base + i);
        tokens.push({ kind: 'text', start: base + i, bytes, depth: this.#stack.length });
      }
      if (lt < 0) return;
      const end = this.#markupEnd(data, lt, base);
      if (end < 0) {
        this.#keep(data, lt, base + lt);
        return;
      }
      if (end === 0) {
        // <![CDATA[ opener: the section is emitted in pieces from here.
        if (this.#stack.length === 0)
          this.#fail('根元素之外不能有 CDATA', 'CDATA cannot appear outside the root element', base + lt);
        this.#inCdata = true;
        this.#cdataFirst = true;
        i = lt;
        continue;
      }
      this.#markup(data, lt, end, base, tokens);
      i = end;
    }
  }

  /** Length of a UTF-8 BOM at the start (0 or 3); -1 when too few bytes to tell yet. */
  #checkStart(data: Uint8Array, final: boolean): number {
    if (data.length < 3 && !final && (data[0] === 0xef || data[0] === 0xfe || data[0] === 0xff)) return -1;
    if ((data[0] === 0xfe && data[1] === 0xff) || (data[0] === 0xff && data[1] === 0xfe)) {
      throw new XmlError(
        'XML_INVALID_ENCODING',
        '文档是 UTF-16 编码；只接受 UTF-8',
        'The document is UTF-16; only UTF-8 is accepted',
        { byteOffset: 0 },
      );
    }
    return data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  }

  /** Keeps data[from..] for the next push (a token cut by the chunk's end), within the token limit. */
  #keep(data: Uint8Array, from: number, start: number): void {
    if (data.length - from > this.#maxTokenBytes) this.#tooLong(start);
    this.#leftover = data.slice(from);
  }

  #tooLong(start: number): never {
    throw new XmlError(
      'XML_LIMIT_EXCEEDED',
      `标记超过 ${this.#maxTokenBytes} 字节的上限`,
      `A markup token exceeds the ${this.#maxTokenBytes}-byte limit`,
      { byteOffset: start, elementPath: this.path },
    );
  }

  /** Emits CDATA pieces from i; returns where scanning continues, or -1 when the rest was kept. */
  #cdata(data: Uint8Array, i: number, base: number, tokens: XmlByteToken[]): number {
    const n = data.length;
    const first = this.#cdataFirst;
    const contentStart = first ? i + CDATA_OPEN.length : i;
    let close = -1;
    for (let at = contentStart + 2; at < n; ) {
      const gt = data.indexOf(GT, at);
      if (gt < 0) break;
      if (data[gt - 1] === 0x5d && data[gt - 2] === 0x5d && gt - 2 >= contentStart) {
        close = gt + 1;
        break;
      }
      at = gt + 1;
    }
    const push = (end: number, last: boolean) => {
      const bytes = data.subarray(i, end);
      const token: XmlCdataToken = {
        kind: 'cdata',
        start: base + i,
        bytes,
        depth: this.#stack.length,
        content: data.subarray(contentStart, last ? end - 3 : end),
        first,
        last,
      };
      tokens.push(token);
    };
    if (close >= 0) {
      push(close, true);
      this.#inCdata = false;
      return close;
    }
    // Keep the last two bytes: they may be the "]]" of a "]]>" the next chunk completes.
    const cut = Math.max(n - 2, contentStart);
    if (cut > i && cut > contentStart) {
      push(cut, false);
      this.#cdataFirst = false;
      this.#keep(data, cut, base + cut);
    } else {
      this.#keep(data, i, base + i);
    }
    return -1;
  }

  /**
   * Index after the markup token starting at `lt`; -1 when the data ends first; 0 for a CDATA opener.
   */
  #markupEnd(data: Uint8Array, lt: number, base: number): number {
    const n = data.length;
    if (lt + 1 >= n) return -1;
    const c = data[lt + 1]!;
    if (c === 0x2f) {
      const gt = data.indexOf(GT, lt + 2);
      return gt < 0 ? -1 : gt + 1;
    }
    if (c === 0x3f) return findClose(data, lt + 2, 0x3f, 1);
    if (c === 0x21) {
      if (startsWith(data, lt, COMMENT_OPEN)) return findClose(data, lt + 4, 0x2d, 2);
      const cdata = prefixState(data, lt, CDATA_OPEN);
      const doctype = prefixState(data, lt, DOCTYPE_OPEN);
      if (cdata === 1) return 0;
      if (doctype === 1) {
        throw new XmlError(
          'XML_DOCTYPE_FORBIDDEN',
          '不允许文档类型声明（DOCTYPE）',
          'A document type declaration (DOCTYPE) is not allowed',
          { byteOffset: base + lt },
        );
      }
      if (cdata === 0 || doctype === 0 || prefixState(data, lt, COMMENT_OPEN) === 0) return -1;
      this.#fail('无法识别的标记“<!”', "Unrecognised markup '<!'", base + lt);
    }
    // A start tag: the first '>' outside quotes.
    let quote = 0;
    for (let j = lt + 1; j < n; j++) {
      const b = data[j]!;
      if (quote !== 0) {
        if (b === quote) quote = 0;
        else if (b === LT) this.#fail('属性值中不能有“<”', "An attribute value cannot contain '<'", base + j);
      } else if (b === 0x22 || b === 0x27) quote = b;
      else if (b === GT) return j + 1;
      else if (b === LT) this.#fail('标签未结束就出现了“<”', "'<' inside a tag", base + j);
    }
    return -1;
  }

  #markup(data: Uint8Array, lt: number, end: number, base: number, tokens: XmlByteToken[]): void {
    const bytes = data.subarray(lt, end);
    const start = base + lt;
    if (bytes.length > this.#maxTokenBytes) this.#tooLong(start);
    const second = data[lt + 1];
    const depth = this.#stack.length;
    if (second === 0x2f) {
      const name = utf8Text(bytes.subarray(2, bytes.length - 1), start).trimEnd();
      const open = this.#stack[depth - 1];
      if (open === undefined) this.#fail(`多余的结束标签 </${name}>`, `Unexpected end tag </${name}>`, start);
      if (open !== name)
        this.#fail(
          `结束标签 </${name}> 与开始标签 <${open}> 不匹配`,
          `End tag </${name}> does not match <${open}>`,
          start,
        );
      this.#stack.pop();
      tokens.push({ kind: 'end', start, bytes, depth: depth - 1, name, implicit: false });
      return;
    }
    if (second === 0x3f) {
      const text = utf8Text(bytes, start);
      const target = /^<\?([^\s?]+)/.exec(text)?.[1] ?? '';
      if (target.toLowerCase() === 'xml') this.#declaration(text, target, start);
      tokens.push({ kind: 'pi', start, bytes, depth, target });
      return;
    }
    if (second === 0x21) {
      tokens.push({ kind: 'comment', start, bytes, depth });
      return;
    }
    if (depth === 0 && this.#rootSeen)
      this.#fail('根元素之后还有元素', 'An element follows the root element', start);
    if (depth >= this.#maxDepth) {
      throw new XmlError(
        'XML_LIMIT_EXCEEDED',
        `元素嵌套超过 ${this.#maxDepth} 层`,
        `Elements nest deeper than ${this.#maxDepth}`,
        { byteOffset: start, elementPath: this.path },
      );
    }
    const tag = parseStartTag(utf8Text(bytes, start), start, this.path);
    this.#rootSeen = true;
    const attributes: readonly XmlByteAttribute[] = tag.attributes;
    tokens.push({
      kind: 'start',
      start,
      bytes,
      depth,
      name: tag.name,
      attributes,
      selfClosing: tag.selfClosing,
    });
    if (tag.selfClosing) {
      tokens.push({ kind: 'end', start: base + end, bytes: EMPTY, depth, name: tag.name, implicit: true });
    } else {
      this.#stack.push(tag.name);
    }
  }

  #declaration(text: string, target: string, start: number): void {
    if (target !== 'xml' || (start !== 0 && start !== 3) || this.#rootSeen) {
      this.#fail('XML 声明只能在文档开头', 'The XML declaration must come first', start);
    }
    const encoding = /\sencoding\s*=\s*(["'])([^"']*)\1/.exec(text)?.[2];
    if (encoding === undefined) return;
    if (!/^utf-?8$/i.test(encoding)) {
      throw new XmlError(
        'XML_INVALID_ENCODING',
        `文档声明的编码为 ${encoding}；只接受 UTF-8`,
        `The document declares encoding ${encoding}; only UTF-8 is accepted`,
        { byteOffset: start },
      );
    }
    this.#encoding = encoding;
  }

  #checkOutsideText(bytes: Uint8Array, start: number): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) {
        this.#fail('根元素之外只能有空白', 'Only whitespace may appear outside the root element', start + i);
      }
    }
  }

  #fail(zh: string, en: string, byteOffset: number): never {
    throw new XmlError('XML_MALFORMED', zh, en, { byteOffset, elementPath: this.path });
  }
}

/** Index after the first `>` preceded by `count` copies of `mark` at or after `from`; -1 if none yet. */
function findClose(data: Uint8Array, from: number, mark: number, count: 1 | 2): number {
  for (let at = from + count; at < data.length; ) {
    const gt = data.indexOf(GT, at);
    if (gt < 0) return -1;
    if (data[gt - 1] === mark && (count === 1 || data[gt - 2] === mark)) return gt + 1;
    at = gt + 1;
  }
  return -1;
}

function startsWith(data: Uint8Array, at: number, prefix: readonly number[]): boolean {
  if (data.length - at < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if (data[at + k] !== prefix[k]) return false;
  return true;
}

/** 1: the prefix is there; 0: the data ends before it could be told; -1: it is not. */
function prefixState(data: Uint8Array, at: number, prefix: readonly number[]): 1 | 0 | -1 {
  const available = Math.min(prefix.length, data.length - at);
  for (let k = 0; k < available; k++) if (data[at + k] !== prefix[k]) return -1;
  return available === prefix.length ? 1 : 0;
}
