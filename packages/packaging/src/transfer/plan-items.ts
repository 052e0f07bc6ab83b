import { DanganError, type Finding, utf8 } from '@dangan/core';
import {
  type CatalogueRow,
  compareArchivalCodes,
  compareRetention,
  type Retention,
  recordToXml,
} from '@dangan/metadata';
import { entryPathKey, safeCheckEntryPath } from '../sinks/entry-path.js';
import { arrangementSegments } from './arrangement.js';
import { compareUtf8 } from './carrier-listing.js';
import { transferCatalogueRows } from './catalogue-file.js';
import { transferError, transferFinding } from './codes.js';
import { recordGroupFacts, recordRetentionText } from './item-facts.js';
import { itemFiles, type PlannedFile } from './item-files.js';
import type { ResolvedTransferOptions } from './resolve-options.js';
import type { SelectedItem } from './selection.js';
import type { TransferGroup, TransferItem, TransferOptions, TransferRecord } from './types.js';

/** One selected item, placed and catalogued, with its files. */
export interface PlannedItem {
  readonly item: TransferItem;
  readonly retention: Retention | undefined;
  readonly group: TransferGroup;
  /** Its folder from the carrier root (`电子档案/2024/WS/<name>`). */
  readonly folder: string;
  readonly files: PlannedFile[];
  /** Its catalogue rows (顺序号 across the transfer). */
  rows: CatalogueRow[];
}

function checkItems(selected: readonly SelectedItem[]): void {
  const problems: Finding[] = [];
  const seen = new Map<string, string>();
  for (const { item } of selected) {
    const name = item?.name;
    if (typeof name !== 'string' || name.includes('/') || !safeCheckEntryPath(name).ok) {
      problems.push(
        transferFinding(
          'TRANSFER_ITEM_NAME_INVALID',
          `件的名称“${String(name)}”不能用作文件夹名（不能为空，不能含 / \\ : * ? " < > | 或控制字符，不能以点或空格结尾）`,
          `Item name "${String(name)}" cannot be a folder name`,
          { path: String(name) },
        ),
      );
      continue;
    }
    const key = entryPathKey(name);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(
        transferFinding(
          'TRANSFER_ITEM_NAME_DUPLICATE',
          `件的名称“${name}”与“${earlier}”重复（不区分大小写）`,
          `Item name "${name}" duplicates "${earlier}" (ignoring case)`,
          { path: name },
        ),
      );
    } else seen.set(key, name);
    if (!Array.isArray(item.records as unknown) || item.records.length === 0) {
      problems.push(
        transferFinding(
          'TRANSFER_INPUT_INVALID',
          `件“${name}”没有元数据记录`,
          `Item "${name}" has no records`,
          {
            path: name,
          },
        ),
      );
    }
  }
  if (problems.length > 0) throw invalid(problems);
}

function invalid(findings: readonly Finding[]): DanganError {
  return transferError(
    'TRANSFER_INPUT_INVALID',
    `移交输入有 ${findings.length} 个问题：${findings[0]!.message}${findings.length > 1 ? ' 等' : ''}`,
    `The transfer input has ${findings.length} problem(s)`,
    { findings },
  );
}

function longestPeriod(periods: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const p of periods) if (best === undefined || compareRetention(p, best) > 0) best = p;
  return best;
}

/**
 * Places and catalogues the selected items: catalogue rows from the records (errors of `buildCatalogue` are
 * rethrown as `TRANSFER_INPUT_INVALID` with paths `<item>/<record n>/…`), each item's group (门类 and 年度 of its
 * first record, the longest 保管期限), its folder under the arrangement levels, its files, and the order
 * (by folder, then first 档号). Returns the catalogue's warnings.
 *
 * @example
 * const { items } = await planItems(selected, options, resolved);
 */
export async function planItems(
  selected: readonly SelectedItem[],
  options: TransferOptions,
  resolved: ResolvedTransferOptions,
): Promise<{ items: PlannedItem[]; findings: Finding[] }> {
  checkItems(selected);
  const retentionOf = options.retentionOf ?? recordRetentionText;
  // Records of each item in input order, to catalogue them all at once (one 档号 check across the transfer).
  const flat: { record: TransferRecord; itemName: string; item: number; index: number }[] = [];
  selected.forEach(({ item }, i) => {
    item.records.forEach((record, index) => {
      flat.push({ record, itemName: item.name, item: i, index });
    });
  });
  let catalogued: ReturnType<typeof transferCatalogueRows>;
  try {
    catalogued = transferCatalogueRows(flat, options);
  } catch (e) {
    if (!(e instanceof DanganError)) throw e;
    throw invalid(
      e.findings.map((f) => {
        const m = f.path === undefined ? null : /^\/(\d+)(.*)$/u.exec(f.path);
        const at = m === null ? undefined : flat[Number(m[1])];
        return at === undefined ? f : { ...f, path: `${at.itemName}/记录${at.index + 1}${m![2]}` };
      }),
    );
  }
  const findings: Finding[] = [...catalogued.findings];
  const rowsOf: { row: CatalogueRow; record: TransferRecord }[][] = selected.map(() => []);
  flat.forEach((f, i) => {
    rowsOf[f.item]!.push({ row: catalogued.rows[i]!, record: f.record });
  });

  const problems: Finding[] = [];
  const planned: PlannedItem[] = [];
  for (const [i, { item, retention }] of selected.entries()) {
    const rows = rowsOf[i]!.sort((a, b) => compareArchivalCodes(a.row.档号, b.row.档号));
    const facts = rows.map(({ row, record }) =>
      recordGroupFacts(record, row.档号, resolved.category, retentionOf),
    );
    const first = facts[0] ?? {};
    const period = longestPeriod(facts.flatMap((f) => (f.保管期限 === undefined ? [] : [f.保管期限])));
    const group: TransferGroup = { 门类: first.门类 ?? '', 年度: first.年度 ?? '', 保管期限: period ?? '' };
    const seg = arrangementSegments(item, group, resolved.levels);
    if (!seg.ok) {
      problems.push(
        transferFinding(
          'TRANSFER_ITEM_GROUP_UNKNOWN',
          `件“${item.name}”的${seg.level}${seg.value === '' ? '无法确定' : `“${seg.value}”不能用作文件夹名`}，无法排列到“${resolved.layout.records}”下`,
          `Item "${item.name}": ${seg.level} ${seg.value === '' ? 'is unknown' : `"${seg.value}" is not a folder name`}`,
          { path: item.name },
        ),
      );
      continue;
    }
    const folder = [resolved.layout.records, ...seg.segments, item.name].join('/');
    const extra =
      options.metadata === undefined
        ? []
        : rows.map(({ row, record }, k) => ({
            path: options.metadata!.fileName?.(record, k) ?? `${row.档号}.xml`,
            bytes: utf8(recordToXml(record, options.metadata!.scheme)),
          }));
    const { files, findings: fileProblems } = await itemFiles(item, folder, resolved.isMetadataFile, extra);
    problems.push(...fileProblems);
    planned.push({ item, retention, group, folder, files, rows: rows.map((r) => r.row) });
  }
  if (problems.length > 0) throw invalid(problems);

  const parent = (p: PlannedItem) => p.folder.slice(0, p.folder.lastIndexOf('/'));
  planned.sort(
    (a, b) => compareUtf8(parent(a), parent(b)) || compareArchivalCodes(a.rows[0]!.档号, b.rows[0]!.档号),
  );
  let number = 1;
  for (const p of planned) p.rows = p.rows.map((row) => Object.assign({}, row, { 序号: number++ }));
  return { items: planned, findings };
}
