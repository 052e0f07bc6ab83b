/**
 * A byte stream fed by pushes and read as an async iterable (推送式字节流): it joins the XML reader, which
 * pushes decoded 编码数据 as it parses, to a package sink, which pulls its entry's bytes. `push` returns a
 * promise while more than `highWater` bytes wait, so reading slows to the sink's pace; memory stays bounded.
 */
export class PushSource implements AsyncIterable<Uint8Array> {
  readonly #highWater: number;
  #queue: Uint8Array[] = [];
  #queued = 0;
  #closed = false;
  #error: { readonly cause: unknown } | undefined;
  #gone: { readonly cause: unknown } | undefined;
  #wakeReader: (() => void) | undefined;
  #wakeWriter: (() => void) | undefined;

  constructor(highWater = 4 << 20) {
    this.#highWater = highWater;
  }

  /** Adds bytes (kept as given: pass a fresh array). Throws once the reader has gone away. */
  push(bytes: Uint8Array): void | Promise<void> {
    if (this.#gone !== undefined) throw this.#gone.cause;
    if (bytes.length === 0) return;
    this.#queue.push(bytes);
    this.#queued += bytes.length;
    this.#wake();
    if (this.#queued < this.#highWater) return;
    return new Promise<void>((resolve) => {
      this.#wakeWriter = resolve;
    }).then(() => {
      if (this.#gone !== undefined) throw this.#gone.cause;
    });
  }

  /** No more bytes: the reader ends after what is queued. */
  close(): void {
    this.#closed = true;
    this.#wake();
  }

  /** Ends the stream with an error: the reader throws `cause` after what is queued. */
  fail(cause: unknown): void {
    this.#error = { cause };
    this.#closed = true;
    this.#wake();
  }

  /** The reader has gone (its write failed): later pushes throw `cause`, a waiting push rejects. */
  cancel(cause: unknown): void {
    this.#gone ??= { cause };
    this.#queue = [];
    this.#queued = 0;
    const writer = this.#wakeWriter;
    this.#wakeWriter = undefined;
    writer?.();
  }

  #wake(): void {
    const reader = this.#wakeReader;
    this.#wakeReader = undefined;
    reader?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    let finished = false;
    try {
      for (;;) {
        const next = this.#queue.shift();
        if (next !== undefined) {
          this.#queued -= next.length;
          if (this.#queued < this.#highWater) {
            const writer = this.#wakeWriter;
            this.#wakeWriter = undefined;
            writer?.();
          }
          yield next;
          continue;
        }
        if (this.#closed) {
          finished = true;
          if (this.#error !== undefined) throw this.#error.cause;
          return;
        }
        await new Promise<void>((resolve) => {
          this.#wakeReader = resolve;
        });
      }
    } finally {
      if (!finished) this.cancel(new Error('the reader stopped early'));
    }
  }
}
