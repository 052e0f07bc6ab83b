import { type DigestAlgorithm, type Finding, type SafeResult, safelyAsync } from '@dangan/core';
import type { PackageEntryInfo, PackageSource } from '../sinks/types.js';
import { transferFinding } from '../transfer/codes.js';
import { GroupTotals } from '../transfer/counts.js';
import { type ParsedDigestSheet, parseDigestSheet } from '../transfer/digest-sheet.js';
import { measureSource } from '../transfer/item-files.js';
import { handoverPaths, TRANSFER_LAYOUT, type TransferLayout } from '../transfer/layout.js';
import { otherDocumentProblem } from '../transfer/other-documents.js';
import { parseTransferReadme, TRANSFER_README_FIELDS } from '../transfer/readme-file.js';
import {
  type ParsedTransferRegistrationForm,
  parseTransferRegistrationForm,
} from '../transfer/registration-form.js';
import { isXmlMetadataFile } from '../transfer/resolve-options.js';
import type { TransferGroup } from '../transfer/types.js';
import { compareCounts, compareGroups } from './compare.js';
import { defaultGroupOf, longestPeriod } from './group-of-row.js';
import { inventoryWithReader } from './inventory-reader.js';
import { missing, named } from './layout-names.js';
import { locateItems } from './locate-items.js';
import { readCatalogue } from './read-catalogue.js';
import { readDocument } from './read-document.js';
import type { InventoryCatalogueRow, InventoryItem, InventoryOptions, PackageInventory } from './types.js';
import { verifyCarrierDigest } from './verify-digest.js';

/**
 * 清点 (inventory) of a received 移交信息包 carrier (or online package), read only through `source` — which
 * is what makes hostile input safe to open: a ZIP must come through the safe ZIP reader, a folder through
 * `folderSource` (no links followed). It reads 说明文件.TXT (UTF-8 or GB18030), the catalogue (文件目录.XML or
 * 案卷目录.XML, any encoding its declaration names), the 登记表 and the 数字摘要 sheet in `其他/`, walks `电子档案/`,
 * and returns, as data: the items found with their files, metadata files and bytes; the breakdown by 门类 / 年度
 * / 保管期限 and totals; and findings, each naming its path, for everything that does not agree —
 *
 * - layout: a missing part, files outside the layout (extra files), `其他/` files in refused formats;
 * - catalogue: malformed XML, entries without 档号 / 电子档案名称, entries whose folder is missing;
 * - 登记表: 件数, 文件数, 元数据数, 字节数 and 实际容量 registered for this carrier (and the totals and breakdown
 *   when the form covers only this carrier) vs actual;
 * - digests (unless `verifyDigests: false`): every file against the carrier listing, and the recomputed carrier
 *   digest and size against the sheet.
 *
 * Bad content never throws: only a failing `source.list()` (or an abort) does. With `options.reader`, a
 * package of another kind (a 归档信息包) is inventoried from what the reader returns instead.
 *
 * @example
 * const inv = await inventoryPackage(folderSource('/mnt/dvd'));
 * inv.totals.件数; inv.findings.filter((f) => f.severity === 'error');
 */
export async function inventoryPackage(
  source: PackageSource,
  options: InventoryOptions = {},
): Promise<PackageInventory> {
  if (source === null || typeof source !== 'object' || typeof source.list !== 'function') {
    throw new TypeError('source must be a PackageSource');
  }
  if (options.reader !== undefined) return inventoryWithReader(source, options);
  const layout: TransferLayout = options.layout ?? TRANSFER_LAYOUT;
  const isMetadataFile = options.isMetadataFile ?? isXmlMetadataFile;
  const groupOf = options.groupOf ?? defaultGroupOf;
  const signal = options.signal;
  const findings: Finding[] = [];
  const entries = await source.list();

  // The parts of the layout.
  const readmePath = named(entries, layout.readme, false, findings);
  const fileCat = named(entries, layout.fileCatalogue, false, findings);
  const volumeCat = named(entries, layout.volumeCatalogue, false, findings);
  const recordsDir = named(entries, layout.records, true, findings);
  const otherDir = named(entries, layout.other, true, findings);
  if (readmePath === undefined) missing(findings, '说明文件', layout.readme);
  if (fileCat === undefined && volumeCat === undefined) missing(findings, '目录文件', layout.fileCatalogue);
  if (recordsDir === undefined) missing(findings, '文件夹', layout.records);
  if (otherDir === undefined) missing(findings, '文件夹', layout.other);

  // 说明文件.TXT
  let readme: PackageInventory['readme'];
  if (readmePath !== undefined) {
    const bytes = await readDocument(source, readmePath, findings, signal === undefined ? {} : { signal });
    const parsed = bytes === undefined ? undefined : parseTransferReadme(bytes);
    if (bytes !== undefined && parsed === undefined) {
      findings.push(
        transferFinding(
          'TRANSFER_README_UNREADABLE',
          '说明文件既不是 UTF-8 也不是 GB18030 文本',
          '说明文件.TXT is neither UTF-8 nor GB18030',
          {
            path: readmePath,
          },
        ),
      );
    }
    if (parsed !== undefined) {
      readme = { fields: parsed.fields, encoding: parsed.encoding };
      for (const f of TRANSFER_README_FIELDS) {
        if (parsed.fields[f] === undefined) {
          findings.push(
            transferFinding(
              'TRANSFER_README_FIELD_MISSING',
              `说明文件缺少“${f}”`,
              `说明文件.TXT lacks ${f}`,
              {
                path: readmePath,
                element: f,
              },
            ),
          );
        }
      }
    }
  }

  // The catalogue.
  const catalogueFile = fileCat ?? volumeCat;
  let catalogue: PackageInventory['catalogue'];
  if (catalogueFile !== undefined) {
    const read = await readCatalogue(source.read(catalogueFile), catalogueFile, {
      maxBytes: options.maxCatalogueBytes ?? 256 * 1024 * 1024,
      ...(signal === undefined ? {} : { signal }),
    });
    findings.push(...read.findings);
    catalogue = {
      path: catalogueFile,
      level: read.level,
      encoding: read.encoding,
      declaredEncoding: read.declaredEncoding,
      rows: read.rows,
    };
  }
  const rows = (catalogue?.rows ?? []).filter((r) => r.档号 !== '' && r.电子档案名称 !== '');
  const rowsByName = new Map<string, InventoryCatalogueRow[]>();
  for (const r of rows) {
    const list = rowsByName.get(r.电子档案名称) ?? [];
    list.push(r);
    rowsByName.set(r.电子档案名称, list);
  }

  // 登记表 and 数字摘要 sheet.
  const other = otherDir ?? layout.other;
  const formPath = `${other}/${layout.registrationForm}`;
  const sheetXml = `${other}/${layout.digestSheetXml}`;
  const sheetTxt = `${other}/${layout.digestSheetTxt}`;
  const listingPath = `${other}/${layout.listing}`;
  const present = new Set(entries.map((e) => e.path));
  let registration: ParsedTransferRegistrationForm | undefined;
  if (present.has(formPath)) {
    const bytes = await readDocument(source, formPath, findings, signal === undefined ? {} : { signal });
    if (bytes !== undefined) registration = await parseTransferRegistrationForm(bytes, formPath);
    findings.push(...(registration?.findings ?? []));
  } else {
    findings.push(
      transferFinding(
        'TRANSFER_REGISTRATION_MISSING',
        `没有移交与接收登记表“${formPath}”`,
        `No registration form ${formPath}`,
        {
          path: formPath,
        },
      ),
    );
  }
  let sheet: ParsedDigestSheet | undefined;
  const sheetPath = present.has(sheetXml) ? sheetXml : present.has(sheetTxt) ? sheetTxt : undefined;
  if (sheetPath !== undefined) {
    const bytes = await readDocument(source, sheetPath, findings, signal === undefined ? {} : { signal });
    if (bytes !== undefined) sheet = await parseDigestSheet(bytes, sheetPath);
    findings.push(...(sheet?.findings ?? []));
  } else {
    findings.push(
      transferFinding(
        'TRANSFER_DIGEST_SHEET_MISSING',
        `没有数字摘要表“${sheetXml}”`,
        `No 数字摘要 sheet ${sheetXml}`,
        {
          path: sheetXml,
        },
      ),
    );
  }

  const form = registration?.form;
  const carrierNumber =
    readme?.fields.载体编号 ||
    (form?.载体.length === 1 ? form.载体[0]!.载体编号 : undefined) ||
    (sheet?.sheet.载体.length === 1 ? sheet.sheet.载体[0]!.载体编号 : undefined);
  const sheetRow =
    sheet?.sheet.载体.find((r) => r.载体编号 === carrierNumber) ??
    (sheet?.sheet.载体.length === 1 ? sheet.sheet.载体[0] : undefined);
  if (sheet !== undefined && sheetRow === undefined) {
    findings.push(
      transferFinding(
        'TRANSFER_DIGEST_MISMATCH',
        `数字摘要表中没有载体“${carrierNumber ?? '（编号未知）'}”的一行`,
        `The sheet has no row for carrier ${carrierNumber ?? '(unknown)'}`,
        { path: sheetPath, element: '载体编号' },
      ),
    );
  }

  // Digests: every file read once; sizes as read.
  let digest: PackageInventory['digest'];
  let sizes: ReadonlyMap<string, number> = new Map();
  if (options.verifyDigests ?? true) {
    let listingBytes: Uint8Array | undefined;
    if (present.has(listingPath)) {
      listingBytes = await readDocument(source, listingPath, findings, {
        maxBytes: 512 * 1024 * 1024,
        ...(signal === undefined ? {} : { signal }),
      });
    } else {
      findings.push(
        transferFinding(
          'TRANSFER_LISTING_MISSING',
          `没有载体文件清单“${listingPath}”`,
          `No listing ${listingPath}`,
          {
            path: listingPath,
          },
        ),
      );
    }
    const algorithm: DigestAlgorithm = sheet?.algorithm ?? options.algorithm ?? 'sm3';
    const check = await verifyCarrierDigest(
      source,
      algorithm,
      listingBytes,
      sheetRow,
      layout,
      sheetPath ?? sheetXml,
      signal,
    );
    findings.push(...check.findings);
    digest = check.digest;
    sizes = check.sizes;
  }
  const sizeOf = async (e: PackageEntryInfo): Promise<number> =>
    sizes.get(e.path) ?? e.size ?? (await measureSource(source.read(e.path), signal));

  // Items under 电子档案/.
  const located =
    recordsDir === undefined
      ? { items: [], unplaced: [], findings: [] }
      : locateItems(entries, [...rowsByName.keys()], recordsDir);
  if (recordsDir !== undefined) findings.push(...located.findings);
  const extraFiles: string[] = located.unplaced.map((e) => e.path);
  const items: InventoryItem[] = [];
  const groups = new GroupTotals();
  let groupsKnown = true;
  for (const it of located.items) {
    const itemRows = rowsByName.get(it.name) ?? [];
    const facts = itemRows.map((r) => groupOf(r));
    const group: TransferGroup = {
      门类: facts[0]?.门类 ?? '',
      年度: facts[0]?.年度 ?? '',
      保管期限: longestPeriod(facts.map((f) => f.保管期限 ?? '')),
    };
    if (group.门类 === '' || group.年度 === '' || group.保管期限 === '') groupsKnown = false;
    let bytes = 0;
    let metadata = 0;
    for (const e of it.entries) {
      bytes += await sizeOf(e);
      const relative =
        e.path === it.path ? e.path.slice(e.path.lastIndexOf('/') + 1) : e.path.slice(it.path.length + 1);
      if (isMetadataFile(relative)) metadata++;
    }
    const item: InventoryItem = {
      name: it.name,
      path: it.path,
      records: itemRows.length,
      files: it.entries.length,
      metadata,
      bytes,
      group,
    };
    items.push(item);
    groups.add(group, {
      件数: item.records,
      文件数: item.files,
      元数据数: item.metadata,
      字节数: item.bytes,
    });
  }

  // Files outside the layout, and 其他/ formats.
  const handover = new Set(handoverPaths({ ...layout, other }));
  const rootFiles = new Set([readmePath, fileCat, volumeCat].filter((p) => p !== undefined));
  for (const e of entries) {
    const first = e.path.split('/')[0]!;
    if (rootFiles.has(e.path) || first === recordsDir) continue;
    if (first === otherDir && e.path.includes('/')) {
      if (handover.has(e.path)) continue;
      const refused = otherDocumentProblem(e.path, options.otherDocumentExtensions);
      if (refused !== undefined) findings.push(refused);
      continue;
    }
    extraFiles.push(e.path);
  }
  for (const path of extraFiles) {
    findings.push(
      transferFinding(
        'TRANSFER_EXTRA_FILE',
        path.startsWith(`${recordsDir}/`)
          ? `“${path}”不属于目录中的任何电子档案`
          : `“${path}”在规定的载体结构（说明文件、目录文件、电子档案、其他）以外`,
        `"${path}" is outside the layout`,
        { path },
      ),
    );
  }

  // Registered vs actual.
  const totals = groups.total();
  let registeredCarrier: NonNullable<PackageInventory['registered']>['carrier'];
  if (form !== undefined) {
    registeredCarrier =
      form.载体.find((c) => c.载体编号 === carrierNumber) ??
      (form.载体.length === 1 ? form.载体[0] : undefined);
    if (registeredCarrier === undefined) {
      findings.push(
        transferFinding(
          'TRANSFER_REGISTRATION_CARRIER_UNKNOWN',
          `登记表中没有载体“${carrierNumber ?? '（编号未知）'}”`,
          `The form does not list carrier ${carrierNumber ?? '(unknown)'}`,
          { path: formPath, element: '载体编号' },
        ),
      );
    } else {
      const where = `载体 ${registeredCarrier.载体编号}`;
      findings.push(...compareCounts(registeredCarrier, totals, where, formPath));
      if (
        digest !== undefined &&
        Number.isFinite(registeredCarrier.实际容量字节数) &&
        registeredCarrier.实际容量字节数 !== digest.actualBytes
      ) {
        findings.push(
          transferFinding(
            'TRANSFER_COUNT_MISMATCH',
            `登记表（${where}）登记实际容量 ${registeredCarrier.实际容量字节数} 字节，实际 ${digest.actualBytes} 字节`,
            `The form (${where}) registers ${registeredCarrier.实际容量字节数} bytes; actual ${digest.actualBytes}`,
            { path: formPath, element: '实际容量字节数' },
          ),
        );
      }
      if (groupsKnown)
        findings.push(...compareGroups(registeredCarrier.分类统计, groups.list(), where, formPath));
    }
    if (form.载体.length <= 1) {
      findings.push(...compareCounts(form.移交电子档案数量, totals, '移交电子档案数量', formPath));
      if (groupsKnown) findings.push(...compareGroups(form.分类统计, groups.list(), '分类统计', formPath));
    }
    if (!groupsKnown) {
      findings.push(
        transferFinding(
          'TRANSFER_GROUP_UNKNOWN',
          '部分电子档案的门类、年度或保管期限无法从档号推得，分类统计未与登记表比较',
          'Some categories, years or retention periods cannot be read; the breakdown was not compared',
          { path: catalogueFile ?? layout.fileCatalogue },
        ),
      );
    }
  }
  let entryBytes = 0;
  for (const e of entries) entryBytes += sizes.get(e.path) ?? e.size ?? 0;
  return {
    kind: 'transfer',
    carrierNumber: carrierNumber || undefined,
    readme,
    catalogue,
    items,
    groups: groups.list(),
    totals,
    entries: { count: entries.length, bytes: entryBytes },
    extraFiles,
    registered: form === undefined ? undefined : { form, carrier: registeredCarrier },
    digest,
    findings,
  };
}

/**
 * {@link inventoryPackage} as a result: fails only when the source cannot be listed (its findings are then the
 * source's); every problem with the content is in the value's `findings`.
 *
 * @example
 * const r = await safeInventoryPackage(source);
 * if (r.ok) r.value.findings;
 */
export function safeInventoryPackage(
  source: PackageSource,
  options: InventoryOptions = {},
): Promise<SafeResult<PackageInventory>> {
  return safelyAsync(() => inventoryPackage(source, options));
}
