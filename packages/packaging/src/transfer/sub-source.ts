import { entryNotFound, sourceClosed } from '../sinks/memory.js';
import type { PackageEntryInfo, PackageSource } from '../sinks/types.js';

/**
 * A view of the entries of `source` under the folder `prefix` (子包视图), with the prefix removed: one 件's
 * folder of a 归档信息包 as the files of a transfer item. `filter` (on the shortened path) leaves entries out.
 * Closing the view does not close `source`.
 *
 * @example
 * const item = { name: 'Z109-WS·2024-Y-0001', records: [record], entries: packageSubSource(archival, 'Z109-WS·2024-Y-0001/') };
 */
export function packageSubSource(
  source: PackageSource,
  prefix: string,
  filter?: (path: string) => boolean,
): PackageSource {
  if (typeof prefix !== 'string') throw new TypeError('prefix must be a string');
  const base = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  let closed = false;
  let listed: Promise<readonly PackageEntryInfo[]> | undefined;
  const list = (): Promise<readonly PackageEntryInfo[]> => {
    listed ??= source.list().then((entries) => {
      const out: PackageEntryInfo[] = [];
      for (const e of entries) {
        if (!e.path.startsWith(base) || e.path.length === base.length) continue;
        const path = e.path.slice(base.length);
        if (filter !== undefined && !filter(path)) continue;
        out.push(e.size === undefined ? { path } : { path, size: e.size });
      }
      return out;
    });
    return listed;
  };
  const assertOpen = () => {
    if (closed) throw sourceClosed();
  };
  return {
    async list() {
      assertOpen();
      return list();
    },
    read(path) {
      assertOpen();
      if (filter !== undefined && !filter(path)) throw entryNotFound(path);
      return source.read(base + path);
    },
    async has(path) {
      assertOpen();
      if (filter !== undefined && !filter(path)) return false;
      return source.has(base + path);
    },
    async close() {
      closed = true;
    },
  };
}
