import type { Finding } from '@dangan/core';
import type { PackageEntryInfo } from '../sinks/types.js';
import { transferFinding } from '../transfer/codes.js';

/** An item located under `电子档案/`: its path and the entries inside it. */
export interface LocatedItem {
  readonly name: string;
  /** Folder path (or file path for a one-file item). */
  readonly path: string;
  readonly entries: PackageEntryInfo[];
}

/**
 * Matches the catalogue's 电子档案名称 to what is under the records folder: a folder with that name at any depth
 * (the arrangement levels above it may vary, 附件2 allows dropping them), or a file with that name or that name
 * plus an extension (an item that is one file, e.g. an EEP). Files under the records folder that belong to no
 * located item are returned as `unplaced` (extra files). A name found nowhere, or in several places, is a
 * finding.
 *
 * @example
 * const { items, unplaced } = locateItems(entries, ['Z109-WS·2024-Y-0001'], '电子档案');
 */
export function locateItems(
  entries: readonly PackageEntryInfo[],
  names: readonly string[],
  recordsFolder: string,
): { items: LocatedItem[]; unplaced: PackageEntryInfo[]; findings: Finding[] } {
  const prefix = `${recordsFolder}/`;
  const wanted = new Set(names);
  // Candidate folders and files per name.
  const folders = new Map<string, Set<string>>();
  const files = new Map<string, string[]>();
  const under = entries.filter((e) => e.path.startsWith(prefix));
  for (const e of under) {
    const segments = e.path.split('/');
    for (let i = 1; i < segments.length - 1; i++) {
      const seg = segments[i]!;
      if (!wanted.has(seg)) continue;
      const folder = segments.slice(0, i + 1).join('/');
      const set = folders.get(seg) ?? new Set<string>();
      set.add(folder);
      folders.set(seg, set);
    }
    const last = segments[segments.length - 1]!;
    const stem = last.includes('.') ? last.slice(0, last.lastIndexOf('.')) : last;
    for (const key of new Set([last, stem])) {
      if (!wanted.has(key)) continue;
      const list = files.get(key) ?? [];
      list.push(e.path);
      files.set(key, list);
    }
  }
  const findings: Finding[] = [];
  const items: LocatedItem[] = [];
  const owner = new Map<string, LocatedItem>();
  for (const name of names) {
    // The outermost folder with the name (a nested folder of the same name belongs to it).
    const found = [...(folders.get(name) ?? [])].filter(
      (f, _, all) => !all.some((g) => g !== f && f.startsWith(`${g}/`)),
    );
    const asFiles = found.length === 0 ? (files.get(name) ?? []) : [];
    const candidates = found.length > 0 ? found : asFiles;
    if (candidates.length === 0) {
      findings.push(
        transferFinding(
          'TRANSFER_CATALOGUE_ITEM_MISSING',
          `目录中的电子档案“${name}”在“${recordsFolder}”中找不到`,
          `The catalogued record "${name}" is not in ${recordsFolder}/`,
          { path: `${recordsFolder}/…/${name}`, element: '电子档案名称' },
        ),
      );
      continue;
    }
    if (candidates.length > 1) {
      findings.push(
        transferFinding(
          'TRANSFER_CATALOGUE_ITEM_AMBIGUOUS',
          `电子档案名称“${name}”对应 ${candidates.length} 处：${candidates.join('、')}；按第一处清点`,
          `The record name "${name}" matches ${candidates.length} places; the first is counted`,
          { path: candidates[0]!, element: '电子档案名称' },
        ),
      );
    }
    const path = candidates.sort()[0]!;
    const item: LocatedItem = { name, path, entries: [] };
    items.push(item);
    owner.set(path, item);
  }
  const unplaced: PackageEntryInfo[] = [];
  for (const e of under) {
    let item = owner.get(e.path);
    if (item === undefined) {
      const segments = e.path.split('/');
      for (let i = segments.length - 1; i > 1 && item === undefined; i--) {
        item = owner.get(segments.slice(0, i).join('/'));
      }
    }
    if (item === undefined) unplaced.push(e);
    else item.entries.push(e);
  }
  return { items, unplaced, findings };
}
