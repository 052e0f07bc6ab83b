/**
 * One stream of chunks handed to several readers (分流): the engine reads an entry once and every
 * consumer that wants the bytes as a stream of its own (the virus scanner, the EEP verifier) gets a
 * channel. The producer waits for the slowest channel (at most {@link TEE_QUEUE_CHUNKS} chunks queued per
 * channel), so memory stays bounded whatever the consumers do; a consumer that stops early is detached
 * and no longer holds the producer back.
 */

/** Chunks a channel may hold before the producer waits for it. */
export const TEE_QUEUE_CHUNKS = 2;

/** A consumer's end of a {@link Tee}: an async iterable that may be read once. */
export type TeeChannel = AsyncIterable<Uint8Array>;

/** The producer's end: push chunks, then end or fail. */
export interface Tee {
  /** A new channel; must be created before the first push. */
  channel(): TeeChannel;
  /** Queues `chunk` on every attached channel, waiting while any of them is full. */
  push(chunk: Uint8Array): Promise<void>;
  /** No more chunks: consumers see the end of their stream. */
  end(): void;
  /** The read failed: consumers' next read rejects with `error`. */
  fail(error: unknown): void;
  /** Channels still attached (not returned early). */
  readonly attached: number;
}

interface ChannelState {
  readonly queue: Uint8Array[];
  detached: boolean;
  wakeConsumer: (() => void) | undefined;
  wakeProducer: (() => void) | undefined;
}

/**
 * Creates a {@link Tee}.
 *
 * @example
 * const tee = createTee();
 * const scanned = scanner.scan(tee.channel());
 * for await (const chunk of chunks(source)) await tee.push(chunk);
 * tee.end();
 * await scanned;
 */
export function createTee(): Tee {
  const channels: ChannelState[] = [];
  let ended = false;
  let failure: { error: unknown } | undefined;
  let started = false;

  const wakeAll = (): void => {
    for (const c of channels) {
      const w = c.wakeConsumer;
      c.wakeConsumer = undefined;
      w?.();
    }
  };

  const makeChannel = (state: ChannelState): TeeChannel => ({
    [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
      const detach = (): void => {
        state.detached = true;
        state.queue.length = 0;
        const w = state.wakeProducer;
        state.wakeProducer = undefined;
        w?.();
      };
      return {
        async next(): Promise<IteratorResult<Uint8Array>> {
          while (true) {
            if (state.detached) return { done: true, value: undefined };
            const chunk = state.queue.shift();
            if (chunk !== undefined) {
              const w = state.wakeProducer;
              state.wakeProducer = undefined;
              w?.();
              return { done: false, value: chunk };
            }
            if (failure !== undefined) {
              detach();
              throw failure.error;
            }
            if (ended) {
              detach();
              return { done: true, value: undefined };
            }
            await new Promise<void>((resolve) => {
              state.wakeConsumer = resolve;
            });
          }
        },
        async return(): Promise<IteratorResult<Uint8Array>> {
          detach();
          return { done: true, value: undefined };
        },
      };
    },
  });

  return {
    channel() {
      if (started) throw new Error('tee: channels must be created before the first push');
      const state: ChannelState = {
        queue: [],
        detached: false,
        wakeConsumer: undefined,
        wakeProducer: undefined,
      };
      channels.push(state);
      return makeChannel(state);
    },
    async push(chunk) {
      started = true;
      for (const c of channels) {
        if (c.detached) continue;
        while (!c.detached && c.queue.length >= TEE_QUEUE_CHUNKS) {
          await new Promise<void>((resolve) => {
            c.wakeProducer = resolve;
          });
        }
        if (c.detached) continue;
        c.queue.push(chunk);
        const w = c.wakeConsumer;
        c.wakeConsumer = undefined;
        w?.();
      }
    },
    end() {
      started = true;
      ended = true;
      wakeAll();
    },
    fail(error) {
      started = true;
      failure ??= { error };
      wakeAll();
    },
    get attached() {
      return channels.filter((c) => !c.detached).length;
    },
  };
}

/**
 * Runs a consumer on a channel and detaches the channel when the consumer settles, even if it never
 * started reading (a consumer that fails before its first read must not block the producer).
 *
 * @example
 * const verdict = consume(tee, (channel) => scanner.scan(channel));
 */
export function consume<T>(tee: Tee, run: (channel: TeeChannel) => Promise<T>): Promise<T> {
  const channel = tee.channel();
  const iterator = channel[Symbol.asyncIterator]();
  const once: TeeChannel = {
    [Symbol.asyncIterator]: () => iterator,
  };
  const done = (async () => run(once))();
  return done.finally(() => {
    void iterator.return?.();
  });
}
