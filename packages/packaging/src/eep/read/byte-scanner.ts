/**
 * Byte offsets of an XML document's tags (标签字节定位), found by a scan of the raw bytes that runs beside
 * the XML parser. The signing rule signs the exact bytes of `<被签名对象 …>…</被签名对象>` (and of the
 * locked `<电子签名>`), and the parser sees characters, not bytes; this scanner knows where each start and
 * end tag begins and ends, which CDATA sections an element holds, and can hand the bytes of chosen elements
 * to a consumer as they stream by.
 *
 * It tokenises just enough of XML to never be fooled: start tags (with `>` inside quoted attribute values),
 * end tags, empty-element tags, comments, CDATA sections and processing instructions. Its tags come out in
 * document order, so the n-th start tag is the n-th element the parser reports; the reader checks that
 * names agree and refuses to go on if they ever do not. It works on UTF-8 (and ASCII) documents only; a
 * document declaring another encoding, or a UTF-16 byte order mark, or a DOCTYPE (which the reader refuses
 * anyway) turns it off (`dead`), and no byte ranges are then known.
 */

/** A start or end tag, with its byte offsets. */
export interface TagRecord {
  readonly kind: 'start' | 'end';
  /** Qualified name as written. */
  readonly name: string;
  /** Offset of the tag's `<`. */
  readonly start: number;
  /** Offset just after the tag's `>` (-1 until it is seen). */
  end: number;
  /** An empty-element tag (`<a/>`). */
  selfClosing: boolean;
  /** Start tags: a CDATA section appeared directly in the element. */
  cdata: boolean;
  /** Start tags: the offset just after the element's end tag (-1 until seen). */
  elementEnd: number;
}

/** Receives the bytes of one chosen element, from its `<` to the `>` of its end tag. */
export interface CaptureSink {
  update(bytes: Uint8Array): void;
  /** The element is complete: `[start, end)` are its byte offsets. */
  end(start: number, end: number): void;
}

/** Options of {@link TagOffsetScanner}. */
export interface TagOffsetScannerOptions {
  /**
   * Called when a start tag's name is read: return a sink to receive the element's bytes, or `undefined`.
   * `local` is the name without its prefix; `depth` is 1 for the root.
   */
  readonly capture?: (local: string, depth: number) => CaptureSink | undefined;
}

const TEXT = 0;
const LT = 1;
const START_NAME = 2;
const IN_TAG = 3;
const ATTR_DQ = 4;
const ATTR_SQ = 5;
const SLASH = 6;
const END_NAME = 7;
const END_TAIL = 8;
const BANG = 9;
const COMMENT = 10;
const CDATA = 11;
const PI = 12;
const DEAD = 13;

/** Longest tag name kept (bytes); the XML reader refuses names far shorter (1,024 characters). */
const MAX_NAME_BYTES = 16 * 1024;
/** Bytes of a leading XML declaration looked at for its encoding. */
const MAX_DECLARATION_BYTES = 1024;

interface ActiveCapture {
  readonly sink: CaptureSink;
  readonly record: TagRecord;
  fedUntil: number;
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;
}

const DECLARED_ENCODING = /encoding\s*=\s*["']([^"']*)["']/;

/** See the module note. */
export class TagOffsetScanner {
  readonly #capture: TagOffsetScannerOptions['capture'];
  readonly #decoder = new TextDecoder('utf-8');
  #state = TEXT;
  #base = 0;
  #tagStart = 0;
  #name = new Uint8Array(64);
  #nameLength = 0;
  #bang = '';
  #dashes = 0;
  #prev1 = 0;
  #prev2 = 0;
  #pending: Uint8Array[] = [];
  #declaration: number[] | undefined;
  readonly #stack: TagRecord[] = [];
  #queue: TagRecord[] = [];
  #head = 0;
  readonly #active: ActiveCapture[] = [];
  /** Why the scanner stopped, when it did. */
  deadReason: 'encoding' | 'doctype' | 'name' | undefined;
  /** The encoding a leading XML declaration names, if any. */
  declaredEncoding: string | undefined;

  constructor(options: TagOffsetScannerOptions = {}) {
    this.#capture = options.capture;
  }

  /** Whether the scanner stopped (non-UTF-8 document, DOCTYPE …): no offsets after that are known. */
  get dead(): boolean {
    return this.#state === DEAD;
  }

  /** The next tag record in document order. */
  shift(): TagRecord | undefined {
    if (this.#head >= this.#queue.length) return undefined;
    const record = this.#queue[this.#head++]!;
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    return record;
  }

  /** Scans the next chunk of the document. */
  push(chunk: Uint8Array): void {
    if (this.#base === 0 && chunk.length >= 2 && this.#state === TEXT) {
      const a = chunk[0]!;
      const b = chunk[1]!;
      if ((a === 0xfe && b === 0xff) || (a === 0xff && b === 0xfe) || a === 0 || b === 0) {
        this.#die('encoding');
      }
    }
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      switch (this.#state) {
        case TEXT: {
          const p = chunk.indexOf(0x3c, i);
          if (p < 0) {
            i = n;
            break;
          }
          this.#tagStart = this.#base + p;
          this.#pending = [];
          this.#state = LT;
          i = p + 1;
          break;
        }
        case LT: {
          const b = chunk[i]!;
          if (b === 0x2f) {
            this.#state = END_NAME;
            this.#nameLength = 0;
            i++;
          } else if (b === 0x21) {
            this.#state = BANG;
            this.#bang = '';
            i++;
          } else if (b === 0x3f) {
            this.#state = PI;
            // The XML declaration (at offset 0, or 3 after a UTF-8 BOM) is kept to read its encoding.
            this.#declaration = this.#tagStart <= 3 && this.#stack.length === 0 ? [] : undefined;
            this.#prev1 = 0;
            i++;
          } else {
            this.#state = START_NAME;
            this.#nameLength = 0;
          }
          break;
        }
        case START_NAME: {
          while (i < n) {
            const b = chunk[i]!;
            if (isSpace(b) || b === 0x2f || b === 0x3e) {
              this.#openStart(chunk, i);
              this.#state = IN_TAG;
              break;
            }
            if (!this.#nameByte(b)) break;
            i++;
          }
          break;
        }
        case IN_TAG: {
          while (i < n) {
            const b = chunk[i]!;
            i++;
            if (b === 0x22) {
              this.#state = ATTR_DQ;
              break;
            }
            if (b === 0x27) {
              this.#state = ATTR_SQ;
              break;
            }
            if (b === 0x3e) {
              this.#closeStart(chunk, i - 1, false);
              this.#state = TEXT;
              break;
            }
            if (b === 0x2f) {
              this.#state = SLASH;
              break;
            }
          }
          break;
        }
        case ATTR_DQ:
        case ATTR_SQ: {
          const p = chunk.indexOf(this.#state === ATTR_DQ ? 0x22 : 0x27, i);
          if (p < 0) i = n;
          else {
            i = p + 1;
            this.#state = IN_TAG;
          }
          break;
        }
        case SLASH: {
          if (chunk[i] === 0x3e) {
            this.#closeStart(chunk, i, true);
            this.#state = TEXT;
            i++;
          } else {
            // Not well-formed (`/` inside a start tag); the parser reports it.
            this.#state = IN_TAG;
          }
          break;
        }
        case END_NAME: {
          while (i < n) {
            const b = chunk[i]!;
            if (isSpace(b) || b === 0x3e) {
              this.#state = END_TAIL;
              break;
            }
            if (!this.#nameByte(b)) break;
            i++;
          }
          break;
        }
        case END_TAIL: {
          const p = chunk.indexOf(0x3e, i);
          if (p < 0) i = n;
          else {
            this.#closeEnd(chunk, p);
            this.#state = TEXT;
            i = p + 1;
          }
          break;
        }
        case BANG: {
          this.#bang += String.fromCharCode(chunk[i]!);
          i++;
          if (this.#bang === '--') {
            this.#state = COMMENT;
            this.#dashes = 0;
          } else if (this.#bang === '[CDATA[') {
            this.#state = CDATA;
            this.#prev1 = 0;
            this.#prev2 = 0;
            const top = this.#stack[this.#stack.length - 1];
            if (top !== undefined) top.cdata = true;
          } else if (!'--'.startsWith(this.#bang) && !'[CDATA['.startsWith(this.#bang)) {
            this.#die('doctype');
          }
          break;
        }
        case COMMENT: {
          while (i < n) {
            const b = chunk[i]!;
            i++;
            if (b === 0x2d) this.#dashes++;
            else if (b === 0x3e && this.#dashes >= 2) {
              this.#state = TEXT;
              break;
            } else this.#dashes = 0;
          }
          break;
        }
        case CDATA: {
          const p = chunk.indexOf(0x3e, i);
          if (p < 0) {
            this.#remember(chunk, n);
            i = n;
            break;
          }
          const b1 = p >= 1 ? chunk[p - 1]! : this.#prev1;
          const b2 = p >= 2 ? chunk[p - 2]! : p === 1 ? this.#prev1 : this.#prev2;
          // `]]` must lie inside the section: the section's first bytes cannot close it with bytes before it.
          if (b1 === 0x5d && b2 === 0x5d) this.#state = TEXT;
          this.#remember(chunk, p + 1);
          i = p + 1;
          break;
        }
        case PI: {
          const p = chunk.indexOf(0x3e, i);
          const upto = p < 0 ? n : p;
          if (this.#declaration !== undefined) {
            for (let k = i; k < upto && this.#declaration.length < MAX_DECLARATION_BYTES; k++) {
              this.#declaration.push(chunk[k]!);
            }
          }
          if (p < 0) {
            if (n > 0) this.#prev1 = chunk[n - 1]!;
            i = n;
            break;
          }
          const before = p >= 1 ? chunk[p - 1]! : this.#prev1;
          if (before === 0x3f) {
            this.#state = TEXT;
            this.#endDeclaration();
          } else if (this.#declaration !== undefined && this.#declaration.length < MAX_DECLARATION_BYTES) {
            this.#declaration.push(0x3e);
          }
          this.#prev1 = 0x3e;
          i = p + 1;
          break;
        }
        default:
          i = n;
      }
    }
    if (this.#state === LT || this.#state === START_NAME) {
      this.#pending.push(chunk.slice(Math.max(this.#tagStart - this.#base, 0)));
    }
    for (const capture of this.#active) {
      const from = capture.fedUntil - this.#base;
      if (from < n) capture.sink.update(chunk.subarray(Math.max(from, 0)));
      capture.fedUntil = this.#base + n;
    }
    this.#base += n;
  }

  #die(reason: 'encoding' | 'doctype' | 'name'): void {
    this.#state = DEAD;
    this.deadReason = reason;
    this.#active.length = 0;
  }

  #remember(chunk: Uint8Array, upto: number): void {
    if (upto >= 2) {
      this.#prev1 = chunk[upto - 1]!;
      this.#prev2 = chunk[upto - 2]!;
    } else if (upto === 1) {
      this.#prev2 = this.#prev1;
      this.#prev1 = chunk[0]!;
    }
  }

  #endDeclaration(): void {
    const bytes = this.#declaration;
    this.#declaration = undefined;
    if (bytes === undefined) return;
    const text = String.fromCharCode(...bytes);
    if (!text.startsWith('xml')) return;
    const m = DECLARED_ENCODING.exec(text);
    if (m === null) return;
    this.declaredEncoding = m[1]!;
    const label = m[1]!.trim().toLowerCase();
    if (label !== 'utf-8' && label !== 'utf8') this.#die('encoding');
  }

  #nameByte(b: number): boolean {
    if (this.#nameLength === this.#name.length) {
      if (this.#nameLength >= MAX_NAME_BYTES) {
        this.#die('name');
        return false;
      }
      const grown = new Uint8Array(this.#name.length * 2);
      grown.set(this.#name);
      this.#name = grown;
    }
    this.#name[this.#nameLength++] = b;
    return true;
  }

  #takeName(): string {
    return this.#decoder.decode(this.#name.subarray(0, this.#nameLength));
  }

  /** A start tag's name is complete (`i` is the byte after it, in `chunk`). */
  #openStart(chunk: Uint8Array, i: number): void {
    const name = this.#takeName();
    const record: TagRecord = {
      kind: 'start',
      name,
      start: this.#tagStart,
      end: -1,
      selfClosing: false,
      cdata: false,
      elementEnd: -1,
    };
    this.#queue.push(record);
    this.#stack.push(record);
    const capture = this.#capture;
    if (capture === undefined) return;
    const colon = name.indexOf(':');
    const sink = capture(colon < 0 ? name : name.slice(colon + 1), this.#stack.length);
    if (sink === undefined) return;
    for (const part of this.#pending) sink.update(part);
    sink.update(chunk.subarray(Math.max(this.#tagStart - this.#base, 0), i));
    this.#active.push({ sink, record, fedUntil: this.#base + i });
  }

  /** A start tag ends at `chunk[i]` (its `>`). */
  #closeStart(chunk: Uint8Array, i: number, selfClosing: boolean): void {
    const top = this.#stack[this.#stack.length - 1];
    if (top === undefined) return;
    const end = this.#base + i + 1;
    top.end = end;
    if (!selfClosing) return;
    top.selfClosing = true;
    this.#stack.pop();
    top.elementEnd = end;
    this.#queue.push({
      kind: 'end',
      name: top.name,
      start: this.#tagStart,
      end,
      selfClosing: true,
      cdata: false,
      elementEnd: end,
    });
    this.#finishCapture(top, chunk, i + 1);
  }

  /** An end tag ends at `chunk[p]` (its `>`). */
  #closeEnd(chunk: Uint8Array, p: number): void {
    const name = this.#takeName();
    const end = this.#base + p + 1;
    const top = this.#stack.pop();
    this.#queue.push({
      kind: 'end',
      name,
      start: this.#tagStart,
      end,
      selfClosing: false,
      cdata: false,
      elementEnd: end,
    });
    if (top === undefined) return;
    top.elementEnd = end;
    this.#finishCapture(top, chunk, p + 1);
  }

  #finishCapture(record: TagRecord, chunk: Uint8Array, upto: number): void {
    const at = this.#active.findIndex((c) => c.record === record);
    if (at < 0) return;
    const capture = this.#active[at]!;
    this.#active.splice(at, 1);
    const from = capture.fedUntil - this.#base;
    if (from < upto) capture.sink.update(chunk.subarray(Math.max(from, 0), upto));
    capture.sink.end(record.start, this.#base + upto);
  }
}
