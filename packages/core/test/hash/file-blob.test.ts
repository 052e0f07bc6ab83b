import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DanganError, digest, identifyFormat, listZipEntries } from '@dangan/core';
import { fileBlob, fromFile } from '@dangan/core/node';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'dangan-blob-'));

describe('fileBlob', () => {
  it('gives the same bytes as fromFile, with random access for tail readers', async () => {
    const path = join(dir, 'data.bin');
    writeFileSync(
      path,
      new Uint8Array(3 << 20).map((_, i) => (i * 7) & 0xff),
    );
    const blob = await fileBlob(path);
    expect(blob.size).toBe(3 << 20);
    expect(await digest(blob, 'sm3')).toBe(await digest(fromFile(path), 'sm3'));
    expect((await identifyFormat(blob)).id).not.toBe('zip');
    await expect(listZipEntries(blob)).rejects.toBeInstanceOf(DanganError);
  });

  it('fails with BYTES_READ_FAILED naming a missing file', async () => {
    const missing = join(dir, '缺失.pdf');
    await expect(fileBlob(missing)).rejects.toMatchObject({
      code: 'BYTES_READ_FAILED',
      message: expect.stringContaining(missing),
    });
  });
});

describe('fileBlob and files of 4 GiB or more', () => {
  it('refuses a file whose size the runtime Blob would misreport, instead of reading it wrongly', async () => {
    const { truncate } = await import('node:fs/promises');
    const path = join(dir, 'sparse-over-4gib.bin');
    writeFileSync(path, new Uint8Array(0));
    await truncate(path, 2 ** 32 + 4096); // sparse: no disk used
    const blob = await fileBlob(path).catch((e: unknown) => e);
    if (blob instanceof Blob)
      expect(blob.size).toBe(2 ** 32 + 4096); // a runtime that gets it right
    else expect(blob).toMatchObject({ code: 'BYTES_TOO_LARGE' });
  });
});
