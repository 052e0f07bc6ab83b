import { describe, expect, it } from 'vitest';
import { consume, createTee, TEE_QUEUE_CHUNKS } from '../../src/engine/tee.js';

const chunk = (n: number) => new Uint8Array([n]);

describe('tee', () => {
  it('delivers every chunk to every channel, in order', async () => {
    const tee = createTee();
    const read = async (ch: AsyncIterable<Uint8Array>) => {
      const seen: number[] = [];
      for await (const c of ch) seen.push(c[0]!);
      return seen;
    };
    const a = consume(tee, read);
    const b = consume(tee, read);
    for (let i = 0; i < 20; i++) await tee.push(chunk(i));
    tee.end();
    const expected = Array.from({ length: 20 }, (_, i) => i);
    expect(await a).toEqual(expected);
    expect(await b).toEqual(expected);
  });

  it('the producer waits for a slow channel (bounded queue)', async () => {
    const tee = createTee();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slow = consume(tee, async (ch) => {
      await gate;
      let n = 0;
      for await (const _ of ch) n++;
      return n;
    });
    let pushed = 0;
    const producing = (async () => {
      for (let i = 0; i < 10; i++) {
        await tee.push(chunk(i));
        pushed++;
      }
      tee.end();
    })();
    await new Promise((r) => setTimeout(r, 20));
    expect(pushed).toBe(TEE_QUEUE_CHUNKS);
    release();
    await producing;
    expect(await slow).toBe(10);
  });

  it('a consumer that stops early or fails no longer holds the producer back', async () => {
    const tee = createTee();
    const early = consume(tee, async (ch) => {
      for await (const _ of ch) break;
      return 'stopped';
    });
    const broken = consume(tee, async () => {
      throw new Error('boom');
    });
    broken.catch(() => undefined);
    for (let i = 0; i < 50; i++) await tee.push(chunk(i));
    tee.end();
    expect(await early).toBe('stopped');
    await expect(broken).rejects.toThrow('boom');
  });

  it('a failed read reaches the consumers', async () => {
    const tee = createTee();
    const reader = consume(tee, async (ch) => {
      for await (const _ of ch) {
        // drain
      }
    });
    await tee.push(chunk(1));
    tee.fail(new Error('io'));
    await expect(reader).rejects.toThrow('io');
  });
});
