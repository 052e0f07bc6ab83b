import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunks } from '../../src/bytes/byte-source.js';
import { readAll } from '../../src/bytes/read-all.js';
import { DanganError } from '../../src/errors/dangan-error.js';
import { digest, digests } from '../../src/hash/index.js';
import { fromFile } from '../../src/node/from-file.js';

let dir: string;
let file: string;
let empty: string;
const size = 3 * (1 << 20) + 12_345; // three full default chunks and a short tail
const content = new Uint8Array(size);

beforeAll(() => {
  for (let i = 0; i < size; i++) content[i] = (i * 7 + (i >>> 11)) & 0xff;
  dir = mkdtempSync(join(tmpdir(), 'dangan-from-file-'));
  file = join(dir, '件 1.bin');
  empty = join(dir, 'empty.bin');
  writeFileSync(file, content);
  writeFileSync(empty, new Uint8Array(0));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Byte-wise toEqual on megabytes is very slow in vitest; Buffer.compare is exact and instant.
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

describe('fromFile', () => {
  it('reads the whole file in 1 MiB chunks by default', async () => {
    const sizes: number[] = [];
    for await (const c of chunks(fromFile(file), { chunkSize: 1 << 22 })) sizes.push(c.length);
    expect(sizes).toEqual([1 << 20, 1 << 20, 1 << 20, 12_345]);
    expect(sameBytes(await readAll(fromFile(file), { maxBytes: size }), content)).toBe(true);
  });

  it('honours a chunkSize and yields chunks that are safe to keep', async () => {
    const kept: Uint8Array[] = [];
    for await (const c of fromFile(file, { chunkSize: 100_000 })()) kept.push(c);
    expect(kept.length).toBe(Math.ceil(size / 100_000));
    expect(new Set(kept.map((c) => c.buffer)).size).toBe(kept.length);
    const joined = new Uint8Array(size);
    let at = 0;
    for (const c of kept) {
      joined.set(c, at);
      at += c.length;
    }
    expect(sameBytes(joined, content)).toBe(true);
  });

  it('is re-readable: the same source digests the same twice, and digests() equals node:crypto', async () => {
    const source = fromFile(file);
    const expected = createHash('sm3').update(content).digest('hex');
    expect(await digest(source, 'sm3')).toBe(expected);
    expect(await digest(source, 'sm3')).toBe(expected);
    expect(await digests(source, ['sm3', 'sha256'])).toEqual({
      sm3: expected,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
  });

  it('reads an empty file as no chunks', async () => {
    const seen: Uint8Array[] = [];
    for await (const c of fromFile(empty)()) seen.push(c);
    expect(seen).toEqual([]);
    expect(await digest(fromFile(empty), 'sm3')).toBe(createHash('sm3').digest('hex'));
  });

  it('can be left early without leaking the read', async () => {
    for await (const c of fromFile(file)()) {
      expect(c.length).toBe(1 << 20);
      break;
    }
    // Still readable afterwards (the handle of the first read was closed, not left in a broken state).
    expect(await digest(fromFile(file), 'md5')).toBe(createHash('md5').update(content).digest('hex'));
  });

  it('fails a missing file with BYTES_READ_FAILED naming the path, only when read', async () => {
    const missing = join(dir, '不存在.pdf');
    const source = fromFile(missing);
    const error = await digest(source, 'sm3').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DanganError);
    const e = error as DanganError;
    expect(e.code).toBe('BYTES_READ_FAILED');
    expect(e.message).toContain(missing);
    expect(e.message).toContain('文件不存在');
    expect(e.messageEn).toContain(missing);
    expect(e.findings[0]?.path).toBe(missing);
  });

  it('fails a directory with BYTES_READ_FAILED', async () => {
    await expect(digest(fromFile(dir), 'sm3')).rejects.toMatchObject({ code: 'BYTES_READ_FAILED' });
  });

  it('treats a bad path or chunkSize as a programmer error', () => {
    expect(() => fromFile('')).toThrow(TypeError);
    expect(() => fromFile(42 as unknown as string)).toThrow(TypeError);
    expect(() => fromFile(file, { chunkSize: 0 })).toThrow(RangeError);
    expect(() => fromFile(file, { chunkSize: 1.5 })).toThrow(RangeError);
  });

  it('stops on abort between chunks', async () => {
    const controller = new AbortController();
    const reading = (async () => {
      for await (const _ of chunks(fromFile(file, { chunkSize: 65_536 }), { signal: controller.signal })) {
        controller.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('fromFile buffers', () => {
  it('sizes the last buffer to what is left, so a small file does not cost a whole chunk', async () => {
    const small = join(dir, 'small.bin');
    writeFileSync(small, content.subarray(0, 10_240));
    const pieces: Uint8Array[] = [];
    for await (const chunk of fromFile(small)()) pieces.push(chunk);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.buffer.byteLength).toBe(10_240);
    const big: number[] = [];
    for await (const chunk of fromFile(file)()) big.push(chunk.buffer.byteLength);
    expect(big).toEqual([1 << 20, 1 << 20, 1 << 20, 12_345]);
  });
});
