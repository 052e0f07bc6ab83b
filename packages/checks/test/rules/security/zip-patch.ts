import { concatBytes } from '@dangan/core';
import { createZipWriter } from '@dangan/packaging';

/** A STORE-only ZIP of `files` (so a method change keeps the sizes consistent). */
export async function storedZip(files: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const zip = createZipWriter({ write: (c) => void parts.push(c.slice()) }, { method: 'store' });
  for (const [path, bytes] of files) await zip.addEntry(path, bytes);
  await zip.close();
  return concatBytes(parts);
}

/**
 * Patches the local and central headers of entry `name`: sets general-purpose flag bits and/or the
 * compression method, as an encrypting or exotic ZIP tool would write them.
 */
export function patchEntry(
  zip: Uint8Array,
  name: string,
  patch: { readonly flags?: number; readonly method?: number },
): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const nameBytes = Buffer.from(name, 'utf8');
  let patched = 0;
  for (let p = 0; p + 46 < out.length; p++) {
    const sig = view.getUint32(p, true);
    if (sig === 0x04034b50) {
      const n = view.getUint16(p + 26, true);
      if (n === nameBytes.length && Buffer.from(out.subarray(p + 30, p + 30 + n)).equals(nameBytes)) {
        if (patch.flags !== undefined) view.setUint16(p + 6, view.getUint16(p + 6, true) | patch.flags, true);
        if (patch.method !== undefined) view.setUint16(p + 8, patch.method, true);
        patched++;
      }
    } else if (sig === 0x02014b50) {
      const n = view.getUint16(p + 28, true);
      if (n === nameBytes.length && Buffer.from(out.subarray(p + 46, p + 46 + n)).equals(nameBytes)) {
        if (patch.flags !== undefined) view.setUint16(p + 8, view.getUint16(p + 8, true) | patch.flags, true);
        if (patch.method !== undefined) view.setUint16(p + 10, patch.method, true);
        patched++;
      }
    }
  }
  if (patched !== 2) throw new Error(`entry ${name} patched ${patched} times`);
  return out;
}
