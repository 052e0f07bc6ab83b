import { DanganError } from '@dangan/core';

/** A byte stream read once, with the producer's result when it ends. */
export interface StreamWithResult<R> extends AsyncIterable<Uint8Array> {
  readonly result: Promise<R>;
}

/**
 * Wraps a producer (an async generator yielding bytes and returning a result) as an async iterable that can
 * be read once and a `result` promise: fulfilled when the last byte has been read, rejected with the
 * producer's error, or with `ABORTED` when the reader stops early. The promise never counts as an unhandled
 * rejection when nobody awaits it.
 *
 * @example
 * const out = settleOnce(() => produce(), '封装包');
 * for await (const chunk of out) sink(chunk);
 * console.log(await out.result);
 */
export function settleOnce<R>(
  start: () => AsyncGenerator<Uint8Array, R, undefined>,
  what: string,
): StreamWithResult<R> {
  let resolve!: (value: R) => void;
  let reject!: (error: unknown) => void;
  const result = new Promise<R>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  result.catch(() => undefined);
  let started = false;
  async function* read(): AsyncGenerator<Uint8Array, void, undefined> {
    let settled = false;
    try {
      const value = yield* start();
      settled = true;
      resolve(value);
    } catch (e) {
      settled = true;
      reject(e);
      throw e;
    } finally {
      if (!settled) {
        reject(
          new DanganError('ABORTED', `${what}未读完就停止读取，输出不完整`, {
            messageEn: `Reading the ${what} stopped before its end; the output is incomplete`,
          }),
        );
      }
    }
  }
  return {
    result,
    [Symbol.asyncIterator]() {
      if (started) throw new TypeError(`this ${what} stream can be read only once`);
      started = true;
      return read();
    },
  };
}
