import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileRandomAccess } from '../../src/node/index.js';
import { createZipWriter, openZip } from '../../src/zip/index.js';

describe('fileRandomAccess', () => {
  it('opens a ZIP on disk through a file handle', async () => {
    const parts: Uint8Array[] = [];
    const writer = createZipWriter({ write: (b) => void parts.push(b.slice()) });
    await writer.addEntry('目录/说明.txt', new TextEncoder().encode('档案'.repeat(100)));
    await writer.close();
    const path = join(mkdtempSync(join(tmpdir(), 'dangan-fra-')), 'p.zip');
    writeFileSync(path, Buffer.concat(parts));
    const file = await fileRandomAccess(path);
    try {
      const zip = await openZip(file);
      let text = '';
      for await (const c of zip.entries[0]!.open()) text += new TextDecoder().decode(c, { stream: true });
      expect(text).toBe('档案'.repeat(100));
    } finally {
      await file.close();
    }
    await expect(fileRandomAccess(join(tmpdir(), 'no-such-dangan.zip'))).rejects.toMatchObject({
      code: 'BYTES_READ_FAILED',
    });
  });
});
