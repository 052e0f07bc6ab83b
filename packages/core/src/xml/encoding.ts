/** A character encoding the XML reader decodes. */
export type XmlEncoding = 'UTF-8' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE';

// Labels Chinese business systems put in `<?xml … encoding="…"?>`. GB2312 and GBK are subsets of GB18030,
// so one GB18030 decoder reads all three (the WHATWG "gbk" decoder is the GB18030 one too). US-ASCII is a
// subset of UTF-8.
const LABELS: Readonly<Record<string, XmlEncoding>> = {
  'utf-8': 'UTF-8',
  utf8: 'UTF-8',
  'us-ascii': 'UTF-8',
  ascii: 'UTF-8',
  gb18030: 'GB18030',
  gbk: 'GB18030',
  gb2312: 'GB18030',
  gb_2312: 'GB18030',
  'gb_2312-80': 'GB18030',
  'x-gbk': 'GB18030',
  cp936: 'GB18030',
  ms936: 'GB18030',
  'windows-936': 'GB18030',
  'euc-cn': 'GB18030',
  csgb2312: 'GB18030',
  chinese: 'GB18030',
  'iso-ir-58': 'GB18030',
  'utf-16': 'UTF-16LE',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

/**
 * The {@link XmlEncoding} an encoding label names, or `undefined` for one the reader does not support.
 *
 * @example
 * xmlEncodingForLabel('GBK'); // 'GB18030'
 */
export function xmlEncodingForLabel(label: string): XmlEncoding | undefined {
  return Object.hasOwn(LABELS, label.toLowerCase()) ? LABELS[label.toLowerCase()] : undefined;
}

/** A decoding problem, located by byte offset; the reader turns it into an `XML_INVALID_ENCODING` error. */
export class EncodingFault {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly byteOffset: number | undefined,
    /** Text that decoded cleanly before the fault and has not been returned yet. */
    readonly validText = '',
  ) {}
}

const MAX_DECLARATION_BYTES = 1024;
const DECODER_NAMES: Readonly<Record<XmlEncoding, string>> = {
  'UTF-8': 'utf-8',
  GB18030: 'gb18030',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
};

/**
 * Turns the bytes of an XML document into text as they arrive: picks the encoding from the byte order mark
 * and the XML declaration (XML 1.0 Appendix F), then decodes strictly, so a malformed byte sequence is a
 * fault with its offset rather than a silent U+FFFD.
 */
export class XmlByteDecoder {
  /** The encoding chosen, once enough bytes were seen. */
  encoding: XmlEncoding | undefined;
  /** Whether the document started with a byte order mark. */
  bom = false;
  /** The encoding label found in the XML declaration by sniffing, if any. */
  declaredEncoding: string | undefined;
  #head: Uint8Array | undefined = new Uint8Array(0);
  #decoder: TextDecoder | undefined;
  /** Bytes handed to the TextDecoder so far. */
  #consumed = 0;
  /** Last (up to 3) bytes handed to a UTF-8 decoder: where an incomplete sequence may be waiting. */
  #tail: Uint8Array = new Uint8Array(0);

  /** Decodes the next chunk; returns '' while the encoding is still being sniffed. Throws {@link EncodingFault}. */
  push(chunk: Uint8Array): string {
    if (this.#head !== undefined) {
      const head = concat(this.#head, chunk);
      if (!this.#decide(head, false)) {
        this.#head = head;
        return '';
      }
      this.#head = undefined;
      return this.#decode(head);
    }
    return this.#decode(chunk);
  }

  /** Decodes what is left at the end of the input. Throws {@link EncodingFault}. */
  finish(): string {
    let text = '';
    if (this.#head !== undefined) {
      const head = this.#head;
      this.#head = undefined;
      this.#decide(head, true);
      text = this.#decode(head);
    }
    try {
      return text + this.#decoder!.decode();
    } catch {
      throw new EncodingFault(
        '文档末尾的多字节字符不完整',
        'The document ends inside a multi-byte character',
        this.#consumed,
        text,
      );
    }
  }

  /**
   * Checks the encoding the parser read from the XML declaration against the one in use: a UTF-16
   * document that says `UTF-8`, or a declaration the sniffer could not see, must not decode silently wrong.
   */
  checkDeclared(label: string | undefined): void {
    if (label === undefined || this.encoding === undefined) return;
    const declared = xmlEncodingForLabel(label);
    if (declared === undefined) throw unsupported(label);
    const utf16 = (e: XmlEncoding) => e === 'UTF-16LE' || e === 'UTF-16BE';
    if (
      declared === this.encoding ||
      (utf16(declared) && utf16(this.encoding) && label.toLowerCase() === 'utf-16')
    ) {
      return;
    }
    throw new EncodingFault(
      `XML 声明的编码 ${label} 与文档实际编码 ${this.encoding} 不一致`,
      `The XML declaration says ${label} but the document is ${this.encoding}`,
      undefined,
    );
  }

  #decide(head: Uint8Array, final: boolean): boolean {
    if (head.length < 4 && !final) return false;
    const [b0, b1, b2, b3] = head;
    if (
      (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) ||
      (b0 === 0 && b1 === 0 && ((b2 === 0xfe && b3 === 0xff) || (b2 === 0 && b3 === 0x3c)))
    ) {
      throw new EncodingFault('不支持 UTF-32 编码的 XML 文档', 'UTF-32 XML documents are not supported', 0);
    }
    if (b0 === 0xff && b1 === 0xfe) return this.#use('UTF-16LE', true);
    if (b0 === 0xfe && b1 === 0xff) return this.#use('UTF-16BE', true);
    if (
      (b0 === 0x3c && b1 === 0 && b2 === 0x3f && b3 === 0) ||
      (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 === 0x3f)
    ) {
      throw new EncodingFault(
        'UTF-16 编码的 XML 文档必须以字节顺序标记（BOM）开头',
        'A UTF-16 XML document must start with a byte order mark',
        0,
      );
    }
    const bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
    const start = bom ? 3 : 0;
    if (!startsWithDeclaration(head, start)) {
      if (head.length < start + 6 && !final) return false;
      return this.#use('UTF-8', bom);
    }
    const end = indexOfDeclarationEnd(head, start);
    if (end < 0 && head.length < MAX_DECLARATION_BYTES && !final) return false;
    // An unterminated declaration is left to the parser, which reports it as malformed.
    const declaration = latin1(
      head.subarray(start, end < 0 ? Math.min(head.length, MAX_DECLARATION_BYTES) : end),
    );
    const label = /\sencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(declaration);
    const name = label?.[1] ?? label?.[2];
    if (name === undefined) return this.#use('UTF-8', bom);
    this.declaredEncoding = name;
    const encoding = xmlEncodingForLabel(name);
    if (encoding === undefined) throw unsupported(name);
    if (encoding === 'UTF-16LE' || encoding === 'UTF-16BE') {
      throw new EncodingFault(
        `文档声明为 ${name}，但没有 UTF-16 的字节顺序标记（BOM）`,
        `The document declares ${name} but has no UTF-16 byte order mark`,
        0,
      );
    }
    if (bom && encoding !== 'UTF-8') {
      throw new EncodingFault(
        `文档以 UTF-8 字节顺序标记开头，却声明编码为 ${name}`,
        `The document starts with a UTF-8 byte order mark but declares ${name}`,
        0,
      );
    }
    return this.#use(encoding, bom);
  }

  #use(encoding: XmlEncoding, bom: boolean): true {
    this.encoding = encoding;
    this.bom = bom;
    this.#decoder = new TextDecoder(DECODER_NAMES[encoding], { fatal: true });
    return true;
  }

  #decode(bytes: Uint8Array): string {
    const offset = this.#consumed;
    let text: string;
    try {
      text = this.#decoder!.decode(bytes, { stream: true });
    } catch {
      throw this.encoding === 'UTF-8' ? this.#utf8Fault(bytes, offset) : this.#chunkFault(offset);
    }
    this.#consumed = offset + bytes.length;
    if (this.encoding === 'UTF-8') this.#tail = lastBytes(this.#tail, bytes, 3);
    return text;
  }

  #chunkFault(offset: number): EncodingFault {
    const enc = this.encoding ?? '';
    return new EncodingFault(
      `字节偏移 ${offset} 起的数据块中有不符合 ${enc} 编码的字节`,
      `Bytes that are not valid ${enc} in the block starting at byte offset ${offset}`,
      offset,
    );
  }

  // Finds the exact bad byte and the text that decoded before it, so the parser can be brought up to it
  // and the error names its line and column.
  #utf8Fault(bytes: Uint8Array, offset: number): EncodingFault {
    const tail = this.#tail;
    const pending = pendingSequenceStart(tail);
    const combined = concat(tail.subarray(pending), bytes);
    const bad = utf8ErrorIndex(combined);
    const at = bad < 0 ? combined.length : bad;
    const byteOffset = offset - (tail.length - pending) + at;
    let validText = '';
    try {
      validText = new TextDecoder('utf-8', { fatal: true, ignoreBOM: byteOffset - at !== 0 }).decode(
        combined.subarray(0, at),
        { stream: true },
      );
    } catch {
      validText = '';
    }
    return new EncodingFault(
      '出现不符合 UTF-8 编码的字节',
      'Invalid UTF-8 byte sequence',
      byteOffset,
      validText,
    );
  }
}

function unsupported(label: string): EncodingFault {
  return new EncodingFault(
    `不支持的文档编码 ${label}（支持 UTF-8、GB18030/GBK/GB2312，以及带字节顺序标记的 UTF-16）`,
    `Unsupported document encoding ${label} (supported: UTF-8, GB18030/GBK/GB2312, UTF-16 with a byte order mark)`,
    0,
  );
}

function startsWithDeclaration(b: Uint8Array, s: number): boolean {
  // `<?xml` followed by whitespace: `<?xml-stylesheet` is a processing instruction, not the declaration.
  return (
    b[s] === 0x3c &&
    b[s + 1] === 0x3f &&
    b[s + 2] === 0x78 &&
    b[s + 3] === 0x6d &&
    b[s + 4] === 0x6c &&
    (b[s + 5] === 0x20 || b[s + 5] === 0x09 || b[s + 5] === 0x0a || b[s + 5] === 0x0d)
  );
}

function indexOfDeclarationEnd(b: Uint8Array, s: number): number {
  const limit = Math.min(b.length, s + MAX_DECLARATION_BYTES);
  for (let i = s + 5; i + 1 < limit; i++) if (b[i] === 0x3f && b[i + 1] === 0x3e) return i;
  return -1;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function lastBytes(previous: Uint8Array, next: Uint8Array, n: number): Uint8Array {
  if (next.length >= n) return next.slice(next.length - n);
  return concat(previous, next).slice(-n);
}

/** Length of the UTF-8 sequence a lead byte starts (0 for a continuation or invalid byte). */
function sequenceLength(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/** Where in `tail` an incomplete sequence starts (tail.length when none is pending). */
function pendingSequenceStart(tail: Uint8Array): number {
  for (let i = tail.length - 1; i >= 0; i--) {
    const b = tail[i]!;
    if ((b & 0xc0) === 0x80) continue;
    return sequenceLength(b) > tail.length - i ? i : tail.length;
  }
  return tail.length;
}

/**
 * Index of the first byte that makes `bytes` invalid UTF-8 (Unicode Table 3-7: no overlongs, surrogates or
 * code points past U+10FFFF), or -1 when it is valid apart from an incomplete sequence at the very end.
 */
export function utf8ErrorIndex(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = sequenceLength(b);
    if (n === 0) return i;
    if (n === 1) {
      i++;
      continue;
    }
    let lo = 0x80;
    let hi = 0xbf;
    if (b === 0xe0) lo = 0xa0;
    else if (b === 0xed) hi = 0x9f;
    else if (b === 0xf0) lo = 0x90;
    else if (b === 0xf4) hi = 0x8f;
    for (let k = 1; k < n; k++) {
      if (i + k >= bytes.length) return -1;
      const c = bytes[i + k]!;
      // The sequence starting at i is the bad one (a decoder would replace it from its lead byte on).
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n;
  }
  return -1;
}
