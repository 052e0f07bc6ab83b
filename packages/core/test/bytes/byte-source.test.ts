import { chunks, DanganError, readAll, readPrefix } from '@dangan/core';
import { describe, expect, it } from 'vitest';

describe('chunks', () => {
  it('splits in-memory bytes to the chunk size', async () => {
    const out: number[] = [];
    for await (const c of chunks(new Uint8Array(10), { chunkSize: 4 })) out.push(c.length);
    expect(out).toEqual([4, 4, 2]);
  });
  it('readAll refuses more than maxBytes', async () => {
    await expect(readAll(new Uint8Array(11), { maxBytes: 10 })).rejects.toBeInstanceOf(DanganError);
    expect(await readPrefix(new Uint8Array([1, 2, 3]), 2)).toEqual(new Uint8Array([1, 2]));
  });
});

describe('chunks over iterables', () => {
  it('turns a failing producer into BYTES_READ_FAILED and closes it on early exit', async () => {
    async function* failing() {
      yield new Uint8Array([1]);
      throw new Error('EIO: disk error');
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const c of chunks(failing())) seen.push(c.length);
      })(),
    ).rejects.toMatchObject({ code: 'BYTES_READ_FAILED', message: expect.stringContaining('EIO') });
    expect(seen).toEqual([1]);
    let closed = false;
    async function* endless() {
      try {
        while (true) yield new Uint8Array(8);
      } finally {
        closed = true;
      }
    }
    for await (const _ of chunks(endless())) break;
    expect(closed).toBe(true);
  });

  it('reads sync iterables too', async () => {
    const parts: number[] = [];
    for await (const c of chunks([new Uint8Array(3), new Uint8Array(0), new Uint8Array(2)]))
      parts.push(c.length);
    expect(parts).toEqual([3, 2]);
  });
});

describe('chunks over a source function', () => {
  it('reports a throwing source function as BYTES_READ_FAILED', async () => {
    const source = () => {
      throw new Error('object store: 404');
    };
    await expect(readAll(source, { maxBytes: 10 })).rejects.toMatchObject({
      code: 'BYTES_READ_FAILED',
      message: expect.stringContaining('404'),
    });
  });
});
