import { base64Error } from './errors.js';
import { type NativeBufferClass, nativeBuffer } from './native.js';
import { decodeTable, PAD, WHITESPACE } from './tables.js';

/** Options of {@link Base64Decoder}. */
export interface Base64DecoderOptions {
  /**
   * Require the canonical form XML Schema's `base64Binary` and RFC 4648 describe (default `false`): the
   * last group padded with `=` to four characters and its unused bits zero. Lenient decoding accepts a
   * missing final padding and ignores unused bits, as most Base64 decoders (and RFC 2045) do. Invalid
   * characters, misplaced `=` and a dangling single character are errors either way.
   */
  readonly strict?: boolean;
  /**
   * Use Node's native Base64 when the runtime has it (default `true`); the text is still checked
   * character by character first, so errors and results are identical. `false` forces the pure path.
   */
  readonly native?: boolean;
}

const EMPTY = /* @__PURE__ */ new Uint8Array(0);
/** Below this many characters the native path costs more than it saves. */
const NATIVE_MIN = 1024;

/**
 * Decodes the leading whole groups of `text` natively into `out`, when they are plain Base64 characters
 * (with or without XML whitespace between them). Returns the bytes written and either `consumed` (the
 * caller continues at that index of `text`, so error positions stay exact) or `rest` (whitespace was
 * removed; the at most three Base64 characters still to decode). `undefined` when the native path does not
 * apply: the pure path then decodes everything and reports the exact error, if any.
 *
 * Node's decoder silently skips characters outside the alphabet and also takes the URL-safe `-` and `_`,
 * so text is accepted here only when it has no `-` or `_` and every character produced its six bits (the
 * byte count is exactly ¾ of the characters decoded).
 */
function decodeNative(
  native: NativeBufferClass,
  text: Uint8Array,
  out: Uint8Array,
): { written: number; consumed: number; rest: Uint8Array | undefined } | undefined {
  if (text.indexOf(0x2d) >= 0 || text.indexOf(0x5f) >= 0) return undefined;
  const spaced =
    text.indexOf(0x0a) >= 0 || text.indexOf(0x0d) >= 0 || text.indexOf(0x20) >= 0 || text.indexOf(0x09) >= 0;
  if (!spaced) {
    const pad = text.indexOf(0x3d);
    const upto = (pad < 0 ? text.length : pad) & ~3;
    if (upto < NATIVE_MIN) return undefined;
    const written = decodeSlices(native, text.subarray(0, upto), out);
    return written === (upto >>> 2) * 3 ? { written, consumed: upto, rest: undefined } : undefined;
  }
  // Line-wrapped text: drop the whitespace, then decode only if nothing but Base64 characters remain.
  if (text.indexOf(0x3d) >= 0) return undefined;
  const compact = new Uint8Array(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c > 0x20) compact[length++] = c;
    else if (c !== 0x0a && c !== 0x0d && c !== 0x20 && c !== 0x09) return undefined;
  }
  const upto = length & ~3;
  if (upto < NATIVE_MIN) return undefined;
  const written = decodeSlices(native, compact.subarray(0, upto), out);
  if (written !== (upto >>> 2) * 3) return undefined;
  return { written, consumed: 0, rest: compact.subarray(upto, length) };
}

/** Characters decoded per native call (a multiple of 4), so each intermediate string dies young. */
const NATIVE_SLICE = 64 * 1024;

/** Decodes whole groups of Base64 characters natively into `out` from 0, in slices; returns bytes written. */
function decodeSlices(native: NativeBufferClass, text: Uint8Array, out: Uint8Array): number {
  const target = native.from(out.buffer, out.byteOffset, out.length);
  let written = 0;
  for (let at = 0; at < text.length; at += NATIVE_SLICE) {
    const part = text.subarray(at, Math.min(at + NATIVE_SLICE, text.length));
    const latin1 = native.from(part.buffer, part.byteOffset, part.length).toString('latin1');
    const n = target.write(latin1, written, out.length - written, 'base64');
    // Every character must count (¾ byte each): Node skips characters outside its alphabet silently.
    if (n !== (part.length >>> 2) * 3) return -1;
    written += n;
  }
  return written;
}

/**
 * A streaming Base64 decoder (Base64 解码器) for DA/T 48 `编码数据` text: chunks of Base64 (ASCII bytes or
 * strings) in, chunks of the decoded bytes out, with any split across chunks (the partial group of up to
 * three characters is carried). XML whitespace (space, tab, CR, LF) is skipped anywhere, so line-wrapped
 * RFC 2045 text decodes too. Anything else that is not a Base64 character, `=` before the final group, data
 * after the padding, or a single dangling character throws `DanganError('EEP_BASE64_INVALID')` naming the
 * character's position in the whole stream.
 *
 * Each call returns a new array (safe to keep). Memory is bounded by the chunk given.
 *
 * @example
 * const dec = new Base64Decoder();
 * for await (const text of base64Pieces) out.write(dec.push(text));
 * out.write(dec.end());
 */
export class Base64Decoder {
  readonly #strict: boolean;
  readonly #native: boolean;
  /** Sextets of the current group (0–3 pending). */
  #acc = 0;
  #pending = 0;
  /** `=` seen in the final group. */
  #pads = 0;
  /** The final (padded) group is complete: only whitespace may follow. */
  #closed = false;
  #position = 0;
  #outputLength = 0;

  constructor(options: Base64DecoderOptions = {}) {
    this.#strict = options.strict ?? false;
    this.#native = options.native ?? true;
  }

  /** Decoded bytes returned so far (by {@link push} and {@link end}) since construction or the last `end`. */
  get outputLength(): number {
    return this.#outputLength;
  }

  /** Characters (bytes of text) consumed since construction or the last {@link end}. */
  get inputLength(): number {
    return this.#position;
  }

  /**
   * Decodes the next piece of Base64 text: ASCII bytes (as read from an XML file) or a string. Returns the
   * bytes of every group completed so far, possibly empty.
   *
   * @example
   * new Base64Decoder().push('AQID'); // Uint8Array [1, 2, 3]
   */
  push(text: Uint8Array | string): Uint8Array {
    if (typeof text === 'string') return this.push(asciiBytes(text, this.#position, this));
    if (!(text instanceof Uint8Array)) throw new TypeError('text must be a Uint8Array or a string');
    const n = text.length;
    if (n === 0) return EMPTY;
    const out = new Uint8Array(Math.floor(((this.#pending + n) * 3) / 4));
    let o = 0;
    let from = 0;
    let rest = text;
    if (this.#native && n >= NATIVE_MIN && this.#pending === 0 && !this.#closed) {
      const native = nativeBuffer();
      const decoded = native === undefined ? undefined : decodeNative(native, text, out);
      if (decoded !== undefined) {
        o = decoded.written;
        from = decoded.consumed;
        // Only Base64 characters are left in `rest`, so no error (and no position) can come from it.
        if (decoded.rest !== undefined) rest = decoded.rest;
      }
    }
    o = this.#decodePure(rest, from, out, o);
    this.#position += n;
    this.#outputLength += o;
    return o === out.length ? out : out.subarray(0, o);
  }

  /** The table-driven decoder over text[from..]; `from` counts toward error positions. */
  #decodePure(text: Uint8Array, from: number, out: Uint8Array, at: number): number {
    const n = text.length;
    const table = decodeTable();
    let o = at;
    let i = from;
    let acc = this.#acc;
    let pending = this.#pending;
    while (i < n) {
      if (pending === 0 && !this.#closed) {
        // The fast path: four Base64 characters, three bytes. Any other byte drops to the loop below.
        const limit = n - 3;
        while (i < limit) {
          const a = table[text[i]!]!;
          const b = table[text[i + 1]!]!;
          const c = table[text[i + 2]!]!;
          const d = table[text[i + 3]!]!;
          if ((a | b | c | d) < 0) break;
          const v = (a << 18) | (b << 12) | (c << 6) | d;
          out[o] = v >>> 16;
          out[o + 1] = (v >>> 8) & 255;
          out[o + 2] = v & 255;
          o += 3;
          i += 4;
        }
        if (i >= n) break;
      }
      const byte = text[i]!;
      const value = table[byte]!;
      if (value >= 0) {
        if (this.#closed || this.#pads > 0) this.#fail('填充符“=”之后还有数据', 'data after the padding', i);
        acc = (acc << 6) | value;
        if (++pending === 4) {
          out[o] = acc >>> 16;
          out[o + 1] = (acc >>> 8) & 255;
          out[o + 2] = acc & 255;
          o += 3;
          acc = 0;
          pending = 0;
        }
      } else if (value === PAD) {
        if (this.#closed) this.#fail('填充符“=”之后还有数据', 'data after the padding', i);
        if (pending < 2)
          this.#fail('填充符“=”出现在组的开头', '“=” where a group starts or has one character', i);
        this.#pads++;
        if (pending + this.#pads === 4) {
          this.#checkUnusedBits(acc, pending, i);
          o = writeTail(out, o, acc, pending);
          acc = 0;
          pending = 0;
          this.#closed = true;
        }
      } else if (value !== WHITESPACE) {
        this.#fail(
          `字符 ${describe(byte)} 不是 Base64 字符`,
          `${describe(byte)} is not a Base64 character`,
          i,
        );
      }
      i++;
    }
    this.#acc = acc;
    this.#pending = pending;
    return o;
  }

  /**
   * Ends the stream: returns the bytes of an unpadded final group (lenient mode) and resets the decoder for
   * a new stream. Throws when the text stopped mid-group (one dangling character, or a group padded with
   * only one `=` of two) or, in strict mode, without its padding.
   *
   * @example
   * const d = new Base64Decoder(); d.push('YWI'); d.end(); // Uint8Array [0x61, 0x62]
   */
  end(): Uint8Array {
    const pending = this.#pending;
    const acc = this.#acc;
    const position = this.#position;
    const pads = this.#pads;
    this.#acc = 0;
    this.#pending = 0;
    this.#pads = 0;
    this.#closed = false;
    this.#position = 0;
    this.#outputLength = 0;
    if (pending === 0) return EMPTY;
    if (pending === 1)
      throw base64Error('末尾只有一个字符，不成组', 'a single character cannot end the data', position - 1);
    if (pads > 0) throw base64Error('填充不完整', 'incomplete padding', position - 1);
    if (this.#strict)
      throw base64Error('最后一组缺少填充符“=”', 'the last group lacks its “=” padding', position);
    const out = new Uint8Array(pending - 1);
    writeTail(out, 0, acc, pending);
    return out;
  }

  #checkUnusedBits(acc: number, pending: number, at: number): void {
    if (!this.#strict) return;
    const unused = pending === 2 ? acc & 0xf : acc & 0x3;
    if (unused !== 0)
      this.#fail('最后一组的未用位不为零', 'the unused bits of the last group are not zero', at);
  }

  #fail(zh: string, en: string, at: number): never {
    const position = this.#position + at;
    this.#acc = 0;
    this.#pending = 0;
    throw base64Error(zh, en, position);
  }
}

/** Writes the bytes of a final group of 2 or 3 characters (1 or 2 bytes); returns the new offset. */
function writeTail(out: Uint8Array, at: number, acc: number, pending: number): number {
  if (pending === 2) {
    out[at] = (acc >>> 4) & 255;
    return at + 1;
  }
  out[at] = (acc >>> 10) & 255;
  out[at + 1] = (acc >>> 2) & 255;
  return at + 2;
}

function describe(byte: number): string {
  return byte >= 0x21 && byte < 0x7f
    ? `“${String.fromCharCode(byte)}”`
    : `0x${byte.toString(16).padStart(2, '0')}`;
}

/**
 * The string's characters as bytes. A character above U+007F is an error at its position, reported after
 * the text before it has been decoded (so an earlier error is reported first).
 */
function asciiBytes(text: string, position: number, decoder: Base64Decoder): Uint8Array {
  const bad = /[\u0080-\uffff]/.exec(text);
  if (bad !== null) {
    decoder.push(text.slice(0, bad.index));
    const c = String.fromCodePoint(text.codePointAt(bad.index)!);
    throw base64Error(`字符“${c}”不是 Base64 字符`, `“${c}” is not a Base64 character`, position + bad.index);
  }
  const native = text.length > 256 ? nativeBuffer() : undefined;
  if (native !== undefined) return native.from(text, 'latin1');
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
