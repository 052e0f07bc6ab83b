import { nativeBuffer } from './native.js';
import { BASE64_ALPHABET, isLittleEndian, pairTable } from './tables.js';

/** Options of {@link Base64Encoder}. */
export interface Base64EncoderOptions {
  /**
   * Use Node's native Base64 when the runtime has it (default `true`). The output is byte-identical either
   * way; `false` forces the pure TypeScript path (tests, pinned behaviour).
   */
  readonly native?: boolean;
}

const EMPTY = /* @__PURE__ */ new Uint8Array(0);
/** Below this many bytes the native call costs more than it saves. */
const NATIVE_MIN = 768;
/** Bytes encoded per native call (a multiple of 3): a 64 Ki-character string. */
const NATIVE_SLICE = 3 * 16 * 1024;

/**
 * The length of the Base64 text (padded, no line breaks) of `byteLength` bytes: `4 × ⌈n / 3⌉`.
 *
 * @example
 * base64EncodedLength(4); // 8
 */
export function base64EncodedLength(byteLength: number): number {
  if (!Number.isSafeInteger(byteLength) || byteLength < 0)
    throw new RangeError(`byteLength must be a non-negative integer, got ${String(byteLength)}`);
  return Math.ceil(byteLength / 3) * 4;
}

/**
 * A streaming Base64 encoder (Base64 编码器, RFC 4648 standard alphabet, padded, no line breaks) that turns
 * chunks of bytes into chunks of ASCII Base64 bytes ready to go into an XML document (DA/T 48 `编码数据`).
 * One or two bytes that do not complete a group of three are carried to the next {@link push}, so chunk
 * boundaries never insert padding: the concatenated output equals the Base64 of the concatenated input.
 * {@link end} writes the final, padded group.
 *
 * Each call returns a new array (safe to keep). Fast: a table store of four characters per three bytes, or
 * Node's native codec when available (identical output).
 *
 * @example
 * const enc = new Base64Encoder();
 * for await (const chunk of chunks(file)) out.write(enc.push(chunk));
 * out.write(enc.end());
 */
export class Base64Encoder {
  readonly #native: boolean;
  #carry0 = 0;
  #carry1 = 0;
  #carryLength = 0;
  #inputLength = 0;
  #outputLength = 0;

  constructor(options: Base64EncoderOptions = {}) {
    this.#native = options.native ?? true;
  }

  /** Bytes pushed since construction or the last {@link end} (read it before `end`, which resets it). */
  get inputLength(): number {
    return this.#inputLength;
  }

  /** Base64 bytes returned by {@link push} since construction or the last {@link end}. */
  get outputLength(): number {
    return this.#outputLength;
  }

  /**
   * Encodes `bytes` (continuing the stream); returns the Base64 of every complete group so far, possibly
   * empty. The input is not kept.
   *
   * @example
   * new Base64Encoder().push(new Uint8Array([1, 2, 3, 4])); // 'AQID' as bytes; 0x04 carried
   */
  push(bytes: Uint8Array): Uint8Array {
    if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes must be a Uint8Array');
    const n = bytes.length;
    if (n === 0) return EMPTY;
    this.#inputLength += n;
    let i = 0;
    let head = 0;
    if (this.#carryLength > 0) {
      const need = 3 - this.#carryLength;
      if (n < need) {
        // 1 carried + 1 new = 2: still not a group.
        this.#carry1 = bytes[0]!;
        this.#carryLength = 2;
        return EMPTY;
      }
      head = 4;
      i = need;
    }
    const rest = n - i;
    const whole = rest - (rest % 3);
    const total = head + (whole / 3) * 4;
    if (total === 0) {
      this.#keepCarry(bytes, i, n);
      return EMPTY;
    }
    const out = new Uint8Array(total);
    if (head > 0) {
      const b0 = this.#carry0;
      const b1 = this.#carryLength === 2 ? this.#carry1 : bytes[0]!;
      const b2 = this.#carryLength === 2 ? bytes[0]! : bytes[1]!;
      writeGroup(out, 0, (b0 << 16) | (b1 << 8) | b2);
    }
    if (whole > 0) {
      const native = this.#native && whole >= NATIVE_MIN ? nativeBuffer() : undefined;
      if (native !== undefined) {
        // In slices, so each intermediate string is small enough to die young in V8's new space instead of
        // piling up in large-object space (which kept RSS tens of MiB higher).
        const target = native.from(out.buffer, out.byteOffset, out.length);
        for (let at = 0; at < whole; at += NATIVE_SLICE) {
          const length = Math.min(NATIVE_SLICE, whole - at);
          const text = native.from(bytes.buffer, bytes.byteOffset + i + at, length).toString('base64');
          target.write(text, head + (at / 3) * 4, text.length, 'latin1');
        }
      } else {
        encodeWhole(bytes, i, i + whole, out, head);
      }
    }
    this.#keepCarry(bytes, i + whole, n);
    this.#outputLength += total;
    return out;
  }

  /**
   * The final group, padded with `=` (empty when the input length was a multiple of 3). The encoder is then
   * ready for a new stream.
   *
   * @example
   * const enc = new Base64Encoder(); enc.push(utf8('ab')); enc.end(); // 'YWI=' as bytes
   */
  end(): Uint8Array {
    const length = this.#carryLength;
    this.#carryLength = 0;
    this.#inputLength = 0;
    this.#outputLength = 0;
    if (length === 0) return EMPTY;
    const out = new Uint8Array(4);
    if (length === 1) {
      const v = this.#carry0 << 4;
      out[0] = BASE64_ALPHABET.charCodeAt(v >> 6);
      out[1] = BASE64_ALPHABET.charCodeAt(v & 63);
      out[2] = 61;
      out[3] = 61;
    } else {
      const v = (this.#carry0 << 10) | (this.#carry1 << 2);
      out[0] = BASE64_ALPHABET.charCodeAt(v >> 12);
      out[1] = BASE64_ALPHABET.charCodeAt((v >> 6) & 63);
      out[2] = BASE64_ALPHABET.charCodeAt(v & 63);
      out[3] = 61;
    }
    return out;
  }

  #keepCarry(bytes: Uint8Array, from: number, to: number): void {
    const left = to - from;
    this.#carryLength = left;
    if (left >= 1) this.#carry0 = bytes[from]!;
    if (left === 2) this.#carry1 = bytes[from + 1]!;
  }
}

function writeGroup(out: Uint8Array, at: number, v: number): void {
  out[at] = BASE64_ALPHABET.charCodeAt(v >>> 18);
  out[at + 1] = BASE64_ALPHABET.charCodeAt((v >>> 12) & 63);
  out[at + 2] = BASE64_ALPHABET.charCodeAt((v >>> 6) & 63);
  out[at + 3] = BASE64_ALPHABET.charCodeAt(v & 63);
}

/** Encodes bytes[from, to) (a multiple of 3) into out from `at` (a multiple of 4): one 32-bit store per group. */
function encodeWhole(bytes: Uint8Array, from: number, to: number, out: Uint8Array, at: number): void {
  const pairs = pairTable();
  if (out.byteOffset % 4 === 0) {
    const words = new Uint32Array(out.buffer, out.byteOffset, out.length >>> 2);
    let w = at >>> 2;
    if (isLittleEndian()) {
      for (let i = from; i < to; i += 3) {
        const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
        words[w++] = pairs[v >>> 12]! | (pairs[v & 4095]! << 16);
      }
    } else {
      for (let i = from; i < to; i += 3) {
        const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
        words[w++] = ((pairs[v >>> 12]! << 16) | pairs[v & 4095]!) >>> 0;
      }
    }
    return;
  }
  let o = at;
  for (let i = from; i < to; i += 3) {
    writeGroup(out, o, (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!);
    o += 4;
  }
}
