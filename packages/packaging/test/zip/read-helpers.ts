import { concatBytes } from '@dangan/core';
import type { ZipArchive } from '../../src/zip/index.js';

/** Every file entry's bytes, by name. */
export async function extractAll(zip: ZipArchive): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const entry of zip.entries) {
    if (entry.isDirectory) continue;
    const parts: Uint8Array[] = [];
    for await (const chunk of entry.open()) parts.push(chunk.slice());
    out.set(entry.name, concatBytes(parts));
  }
  return out;
}
