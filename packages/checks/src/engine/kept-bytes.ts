import type { KeptBytes } from './probes/pdf.js';

/**
 * Keeps the parts of a stream the probes need while it passes (保留窗口): the first `headLimit` bytes and
 * the last `tailLimit` bytes, both copied (a producer may reuse its buffers). Memory is at most
 * `headLimit + tailLimit` whatever the size of the stream.
 *
 * @example
 * const kept = new KeptCollector(4 << 20, 64 << 10, size);
 * for await (const chunk of chunks(source)) kept.push(chunk);
 * kept.finish().complete; // true when the file fit the head window
 */
export class KeptCollector {
  #headLimit: number;
  readonly #tailLimit: number;
  #head: Uint8Array;
  #headLength = 0;
  readonly #tail: Uint8Array;
  #tailLength = 0;
  #size = 0;

  /** `sizeHint`: the size the source listed, when it did (the head is then allocated once, at its size). */
  constructor(headLimit: number, tailLimit: number, sizeHint?: number) {
    this.#headLimit = headLimit;
    this.#tailLimit = tailLimit;
    const first = sizeHint === undefined ? 64 * 1024 : Math.max(sizeHint, 1);
    this.#head = new Uint8Array(Math.min(headLimit, first));
    this.#tail = new Uint8Array(sizeHint === undefined ? tailLimit : Math.min(tailLimit, sizeHint));
  }

  /** Bytes seen so far. */
  get size(): number {
    return this.#size;
  }

  /** Raises the head limit (before the head is full), e.g. once the first bytes show a ZIP container. */
  widenHead(limit: number): void {
    if (limit > this.#headLimit && this.#headLength === this.#size) this.#headLimit = limit;
  }

  push(chunk: Uint8Array): void {
    const limit = this.#headLimit;
    if (this.#headLength < limit) {
      const take = Math.min(chunk.length, limit - this.#headLength);
      if (this.#headLength + take > this.#head.length) {
        const grown = new Uint8Array(
          Math.min(limit, Math.max(this.#head.length * 2, this.#headLength + take)),
        );
        grown.set(this.#head.subarray(0, this.#headLength));
        this.#head = grown;
      }
      this.#head.set(chunk.subarray(0, take), this.#headLength);
      this.#headLength += take;
    }
    const t = Math.min(this.#tailLimit, this.#tail.length);
    if (t > 0) {
      if (chunk.length >= t) {
        this.#tail.set(chunk.subarray(chunk.length - t));
        this.#tailLength = t;
      } else {
        const keep = Math.min(this.#tailLength, t - chunk.length);
        this.#tail.copyWithin(0, this.#tailLength - keep, this.#tailLength);
        this.#tail.set(chunk, keep);
        this.#tailLength = keep + chunk.length;
      }
    }
    this.#size += chunk.length;
  }

  /** What was kept. */
  finish(): KeptBytes {
    const head = this.#head.subarray(0, this.#headLength);
    return {
      head,
      tail: this.#tail.subarray(0, this.#tailLength),
      size: this.#size,
      complete: this.#headLength === this.#size,
    };
  }
}
