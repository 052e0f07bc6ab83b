import { listZipEntries } from '@dangan/core';
import type { NestedContainerFact } from '../facts.js';
import type { KeptBytes } from './pdf.js';

/**
 * Lists the directory of a ZIP-based file (OFD, DOCX/XLSX/PPTX, ZIP) from the kept bytes (嵌套容器探测):
 * the central directory when the file was kept whole, else the local headers in the kept head. Returns
 * which entries are encrypted and which use a compression method other than STORE and DEFLATE — what
 * DA/T 70 3-4 forbids inside a package. `complete: false` when the listing could not reach every entry.
 *
 * @example
 * (await containerProbe({ head, tail, size, complete: true })).nonPublicMethods; // [{ name: 'a.xml', method: 12 }]
 */
export async function containerProbe(kept: KeptBytes): Promise<NestedContainerFact | undefined> {
  try {
    const listing = kept.complete
      ? await listZipEntries(kept.head, { maxInspectBytes: Math.max(1, kept.head.length) })
      : await listZipEntries([kept.head, new Uint8Array(1)], {
          maxInspectBytes: Math.max(1, kept.head.length),
        });
    const files = listing.entries.filter((e) => !e.directory);
    return {
      entries: files.length,
      complete: listing.complete && kept.complete,
      encrypted: files.filter((e) => e.encrypted).map((e) => e.name),
      nonPublicMethods: files
        .filter((e) => e.method !== 0 && e.method !== 8)
        .map((e) => ({ name: e.name, method: e.method })),
    };
  } catch {
    return undefined;
  }
}
