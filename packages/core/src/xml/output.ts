import { XmlWriter, type XmlWriterOptions } from './writer.js';

/**
 * Writes a small document into a string: runs `build` on a writer, then closes what it left open.
 *
 * @example
 * const xml = xmlToString((w) => w.declaration().element('题名', '通知'));
 */
export function xmlToString(build: (writer: XmlWriter) => void, options: XmlWriterOptions = {}): string {
  if (typeof build !== 'function') throw new TypeError('build must be a function');
  let out = '';
  const writer = new XmlWriter(
    {
      writeText(chunk) {
        out += chunk;
      },
    },
    options,
  );
  build(writer);
  writer.close();
  return out;
}

/**
 * A byte stream (UTF-8) of the document `build` writes, produced as it is read: `build` starts on the
 * first read, and `await writer.flush()` inside it waits while the reader is behind, so a 1 GiB Base64
 * payload streams through bounded memory. Cancelling the stream makes the writer's next call fail, which
 * stops `build`; an error in `build` errors the stream.
 *
 * @example
 * const stream = xmlReadableStream(async (w) => {
 *   w.declaration().startElement('编码数据');
 *   for await (const c of chunks(file)) { w.base64Chunk(c); await w.flush(); }
 * });
 */
export function xmlReadableStream(
  build: (writer: XmlWriter) => void | Promise<void>,
  options: XmlWriterOptions = {},
): ReadableStream<Uint8Array> {
  if (typeof build !== 'function') throw new TypeError('build must be a function');
  let started = false;
  let cancelled: { reason: unknown } | undefined;
  let resume: (() => void) | undefined;
  const wake = () => {
    const r = resume;
    resume = undefined;
    r?.();
  };
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        const writer = new XmlWriter(
          {
            write(chunk) {
              if (cancelled !== undefined) throw cancelled.reason ?? new Error('stream cancelled');
              controller.enqueue(chunk);
              if ((controller.desiredSize ?? 0) <= 0) return new Promise<void>((r) => (resume = r));
            },
          },
          options,
        );
        void (async () => {
          try {
            await build(writer);
            await writer.end();
            if (cancelled === undefined) controller.close();
          } catch (e) {
            if (cancelled === undefined) controller.error(e);
          }
        })();
      }
      wake();
    },
    cancel(reason) {
      cancelled = { reason };
      wake();
    },
  });
}
