import type { Finding } from '@dangan/core';
import type { PackageSource } from '../sinks/types.js';
import { transferFinding } from '../transfer/codes.js';
import { GroupTotals } from '../transfer/counts.js';
import { recordGroupFacts, recordRetentionText } from '../transfer/item-facts.js';
import { measureSource } from '../transfer/item-files.js';
import { isXmlMetadataFile } from '../transfer/resolve-options.js';
import type { TransferGroup } from '../transfer/types.js';
import { compareCounts } from './compare.js';
import { longestPeriod } from './group-of-row.js';
import type { InventoryItem, InventoryOptions, PackageInventory } from './types.js';

/**
 * 清点 through a package reader (`options.reader`, e.g. the 归档信息包 reader adapted to `PackageContents`): the
 * reader says which entries belong to which item and what the package registers; this counts files, metadata
 * files and bytes per item (the group from each item's records), reports paths the reader names but the package
 * lacks (`TRANSFER_FILE_MISSING`), files that belong to no item and are not the package's own
 * (`TRANSFER_EXTRA_FILE`), and registered vs actual totals (`TRANSFER_COUNT_MISMATCH`).
 *
 * @example
 * const inv = await inventoryWithReader(source, { reader: async (s) => adapt(await readArchivalPackage(s)) });
 */
export async function inventoryWithReader(
  source: PackageSource,
  options: InventoryOptions,
): Promise<PackageInventory> {
  const reader = options.reader!;
  if (typeof reader !== 'function') throw new TypeError('options.reader must be a function');
  const isMetadataFile = options.isMetadataFile ?? isXmlMetadataFile;
  const category = options.category ?? 'WS';
  const contents = await reader(source);
  const valid = contents !== null && typeof contents === 'object' && Array.isArray(contents.items as unknown);
  if (!valid) {
    throw new TypeError('options.reader must return { items: [{ name, records, paths }], … }');
  }
  const findings: Finding[] = [...(contents.findings ?? [])];
  const entries = await source.list();
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const claimed = new Set<string>(contents.structurePaths ?? []);
  const items: InventoryItem[] = [];
  const groups = new GroupTotals();
  for (const it of contents.items) {
    const facts = it.records.map((r) => recordGroupFacts(r, undefined, category, recordRetentionText));
    const group: TransferGroup = {
      门类: facts[0]?.门类 ?? '',
      年度: facts[0]?.年度 ?? '',
      保管期限: longestPeriod(facts.map((f) => f.保管期限 ?? '')),
    };
    let files = 0;
    let metadata = 0;
    let bytes = 0;
    for (const path of it.paths) {
      claimed.add(path);
      const e = byPath.get(path);
      if (e === undefined) {
        findings.push(
          transferFinding(
            'TRANSFER_FILE_MISSING',
            `件“${it.name}”的“${path}”不在包中`,
            `"${path}" of "${it.name}" is absent`,
            {
              path,
            },
          ),
        );
        continue;
      }
      files++;
      if (isMetadataFile(path)) metadata++;
      bytes += e.size ?? (await measureSource(source.read(path), options.signal));
    }
    const item: InventoryItem = {
      name: it.name,
      path: it.paths.length === 1 ? it.paths[0]! : commonFolder(it.paths),
      records: it.records.length,
      files,
      metadata,
      bytes,
      group,
    };
    items.push(item);
    groups.add(group, { 件数: item.records, 文件数: files, 元数据数: metadata, 字节数: bytes });
  }
  const extraFiles = entries.filter((e) => !claimed.has(e.path)).map((e) => e.path);
  for (const path of extraFiles) {
    findings.push(
      transferFinding(
        'TRANSFER_EXTRA_FILE',
        `“${path}”不属于包中的任何一件`,
        `"${path}" belongs to no item`,
        { path },
      ),
    );
  }
  const totals = groups.total();
  if (contents.registered !== undefined)
    findings.push(...compareCounts(contents.registered, totals, '包的登记', undefined));
  let entryBytes = 0;
  for (const e of entries) entryBytes += e.size ?? 0;
  return {
    kind: 'reader',
    carrierNumber: undefined,
    readme: undefined,
    catalogue: undefined,
    items,
    groups: groups.list(),
    totals,
    entries: { count: entries.length, bytes: entryBytes },
    extraFiles,
    registered: undefined,
    ...(contents.registered === undefined ? {} : { readerRegistered: contents.registered }),
    digest: undefined,
    findings,
  };
}

function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  let prefix = paths[0]!.split('/').slice(0, -1);
  for (const p of paths.slice(1)) {
    const segs = p.split('/');
    let i = 0;
    while (i < prefix.length && prefix[i] === segs[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.join('/');
}
