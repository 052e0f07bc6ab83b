import { describe, expect, it } from 'vitest';
import { PushSource } from '../../../src/eep/extract/push-source.js';

describe('PushSource', () => {
  it('holds the writer back past the high-water mark until the reader catches up', async () => {
    const s = new PushSource(10);
    expect(s.push(new Uint8Array(4))).toBeUndefined();
    const held = s.push(new Uint8Array(8));
    expect(held).toBeInstanceOf(Promise);
    let released = false;
    void (held as Promise<void>).then(() => {
      released = true;
    });
    await Promise.resolve();
    expect(released).toBe(false);
    const it = s[Symbol.asyncIterator]();
    expect((await it.next()).value).toHaveLength(4);
    await held;
    expect(released).toBe(true);
    s.close();
    expect((await it.next()).value).toHaveLength(8);
    expect((await it.next()).done).toBe(true);
  });

  it('a failure reaches the reader after what was queued; a reader that leaves stops the writer', async () => {
    const s = new PushSource();
    s.push(Uint8Array.of(1));
    s.fail(new Error('bad data'));
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const c of s) got.push(...c);
      })(),
    ).rejects.toThrow('bad data');
    expect(got).toEqual([1]);
    const t = new PushSource(1);
    const waiting = t.push(new Uint8Array(2)) as Promise<void>;
    t.cancel(new Error('sink failed'));
    await expect(waiting).rejects.toThrow('sink failed');
    expect(() => t.push(Uint8Array.of(1))).toThrow('sink failed');
  });
});
