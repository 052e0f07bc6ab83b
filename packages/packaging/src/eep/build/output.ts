import type { Hasher } from '@dangan/core';

/** Pieces at least this long are passed on as they are; smaller ones are gathered into one buffer. */
const PASS_THROUGH = 64 * 1024;
/** Size of the buffer small pieces are gathered into. */
const GATHER = 256 * 1024;

/**
 * The byte stream of an EEP being written (输出字节流): counts offsets, feeds the bytes of `被签名对象` to the
 * signers' hashers in order, and hands out chunks of a useful size. Small pieces (tags, text) are copied into
 * a gathering buffer; large ones (Base64 of a file chunk, a long run copied from an earlier EEP) pass through
 * without a copy, so they are views of what the encoder made or the source yielded (sources that reuse
 * their buffers must not be used). Callers take {@link ready} chunks before reading more input.
 *
 * @example
 * const out = new ByteOutput(); out.writeText('<a/>'); for (const chunk of out.all()) sink(chunk);
 */
export class ByteOutput {
  readonly #ready: Uint8Array[] = [];
  readonly #encoder = new TextEncoder();
  #gather: Uint8Array | undefined;
  #used = 0;
  #offset = 0;
  #hashers: readonly Hasher[] = [];
  #hashing = false;
  #armed = false;
  #signedStart = -1;
  #signedEnd = -1;

  /** Bytes written so far. */
  get offset(): number {
    return this.#offset;
  }

  /** The byte range of `被签名对象`, once it has been written. */
  get signedRange(): { start: number; end: number } | undefined {
    return this.#signedEnd < 0 ? undefined : { start: this.#signedStart, end: this.#signedEnd };
  }

  /**
   * Starts hashing at the next `<` written (the start of `<被签名对象`: pretty printing may put whitespace
   * before it), into `hashers`.
   */
  armSigned(hashers: readonly Hasher[]): void {
    this.#hashers = hashers;
    this.#armed = true;
  }

  /** Stops hashing after what was written so far (the end of `</被签名对象>`). */
  endSigned(): void {
    if (!this.#hashing) throw new Error('endSigned without a started signed object');
    this.#hashing = false;
    this.#signedEnd = this.#offset;
  }

  /** Writes text (UTF-8). */
  writeText(text: string): void {
    if (text.length === 0) return;
    const bytes = this.#encoder.encode(text);
    if (this.#armed) {
      const lt = text.indexOf('<');
      if (lt < 0) {
        this.write(bytes);
        return;
      }
      // Everything before the '<' is ASCII whitespace: one byte per character.
      this.write(bytes.subarray(0, lt));
      this.#armed = false;
      this.#hashing = true;
      this.#signedStart = this.#offset;
      this.write(bytes.subarray(lt));
      return;
    }
    this.write(bytes);
  }

  /** Writes bytes. A piece of {@link PASS_THROUGH} bytes or more is handed out as it is: do not change it. */
  write(bytes: Uint8Array): void {
    const n = bytes.length;
    if (n === 0) return;
    if (this.#hashing) for (const h of this.#hashers) h.update(bytes);
    this.#offset += n;
    if (n >= PASS_THROUGH) {
      this.#flushGather();
      this.#ready.push(bytes);
      return;
    }
    if (this.#gather !== undefined && this.#used + n > this.#gather.length) this.#flushGather();
    this.#gather ??= new Uint8Array(GATHER);
    this.#gather.set(bytes, this.#used);
    this.#used += n;
    if (this.#used >= GATHER - 1024) this.#flushGather();
  }

  /** Takes the chunks ready to hand out (full gathering buffers and large pieces). */
  ready(): Uint8Array[] {
    return this.#ready.splice(0);
  }

  /** Takes everything written, the partly filled gathering buffer too. */
  all(): Uint8Array[] {
    this.#flushGather();
    return this.ready();
  }

  #flushGather(): void {
    if (this.#gather === undefined || this.#used === 0) return;
    this.#ready.push(this.#gather.subarray(0, this.#used));
    this.#gather = undefined;
    this.#used = 0;
  }
}
