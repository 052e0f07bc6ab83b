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
