import type { DigestAlgorithm, Finding } from '@dangan/core';
import type { MetadataScheme } from '@dangan/metadata';
import type { PackageEntryInfo } from '@dangan/packaging';
import {
  type PackageInventory,
  parseCarrierListing,
  parseDigestSheet,
  TRANSFER_LAYOUT,
  type TransferLayout,
} from '@dangan/packaging';
import type {
  CheckRecordFact,
  EntryRole,
  LayoutDocumentFact,
  ManifestFact,
  MetadataDocumentFact,
  PackageView,
  RegistrationFact,
} from '../facts.js';
import type { CarrierPosition } from '../rule.js';
import { findingTaker } from './finding-taker.js';
import { EEP_ROOT, METADATA_ROOTS, readRecords } from './metadata-document.js';
import { recordedLocationOf, recordFileLinks, recordIdOf } from './record-values.js';

/**
 * Whether the entries look like a 移交信息包 carrier: 说明文件 and a 目录文件 at the root.
 *
 * @example
 * isTransferCarrier(await source.list()); // true for 说明文件.TXT + 文件目录.XML at the root
 */
export function isTransferCarrier(
  listing: readonly PackageEntryInfo[],
  layout: TransferLayout = TRANSFER_LAYOUT,
): boolean {
  const root = new Set(listing.filter((e) => !e.path.includes('/')).map((e) => e.path.toUpperCase()));
  return (
    root.has(layout.readme.toUpperCase()) &&
    (root.has(layout.fileCatalogue.toUpperCase()) || root.has(layout.volumeCatalogue.toUpperCase()))
  );
}

/**
 * The documents of a carrier read first: root files and `其他/` documents (kept whole), and the XML under the
 * records folder (kept only when it is a metadata document or an EEP).
 *
 * @example
 * transferStructuralPaths(await source.list(), 64 << 20).get('说明文件.TXT'); // 'always'
 */
export function transferStructuralPaths(
  listing: readonly PackageEntryInfo[],
  max: number,
  layout: TransferLayout = TRANSFER_LAYOUT,
): Map<string, 'always' | 'if-document'> {
  const out = new Map<string, 'always' | 'if-document'>();
  for (const e of listing) {
    if (e.size !== undefined && e.size > max) continue;
    const first = e.path.split('/')[0]!.toUpperCase();
    const documentLike = /\.(xml|txt)$/i.test(e.path);
    if (!e.path.includes('/') || (first === layout.other.toUpperCase() && documentLike))
      out.set(e.path, 'always');
    else if (first === layout.records.toUpperCase() && /\.xml$/i.test(e.path)) out.set(e.path, 'if-document');
  }
  return out;
}

const LAYOUT_CODES = /* @__PURE__ */ new Set([
  'TRANSFER_LAYOUT_MISSING',
  'TRANSFER_LAYOUT_NAME_CASE',
  'TRANSFER_CATALOGUE_ITEM_MISSING',
  'TRANSFER_CATALOGUE_ITEM_AMBIGUOUS',
  'TRANSFER_OTHER_DOCUMENT_REFUSED',
]);

/**
 * The {@link PackageView} of a 移交信息包 carrier (移交信息包视图, 《电子档案移交与接收办法》 附件2), from the 清点 of
 * `inventoryPackage` (run without re-hashing: the engine's single read gives the digests) and the carrier's
 * own documents: 说明文件 and 目录文件 with their problems, the 登记表's counts for this carrier and the
 * 数字摘要 sheet's carrier digest as the registered totals, the 载体文件清单 as the manifest (each file's digest
 * with the sheet's algorithm), the records of the metadata documents in each item folder with their files,
 * and the roles (files outside the layout are extra).
 *
 * @example
 * const view = await transferView(await inventoryPackage(cached, { verifyDigests: false }), listing, cache);
 */
export async function transferView(
  inventory: PackageInventory,
  listing: readonly PackageEntryInfo[],
  cache: ReadonlyMap<string, Uint8Array>,
  scheme?: MetadataScheme,
  layout: TransferLayout = TRANSFER_LAYOUT,
): Promise<PackageView & { readonly digestAlgorithm: DigestAlgorithm; readonly carrier?: CarrierPosition }> {
  const all = inventory.findings;
  const { take, rest } = findingTaker(
    all,
    (f) => f.code === 'TRANSFER_EXTRA_FILE' || f.code === 'TRANSFER_COUNT_MISMATCH',
  );
  const byUpper = new Map(listing.map((e) => [e.path.toUpperCase(), e.path]));
  const actual = (name: string) => byUpper.get(name.toUpperCase());
  const roles = new Map<string, EntryRole>();

  // 说明文件 and 目录文件.
  const readmePath = actual(layout.readme);
  const readme: LayoutDocumentFact = {
    path: readmePath ?? layout.readme,
    present: readmePath !== undefined,
    findings: take((f) => f.code.startsWith('TRANSFER_README_')),
  };
  if (readmePath !== undefined) roles.set(readmePath, 'readme');
  const cataloguePath =
    inventory.catalogue?.path ?? actual(layout.fileCatalogue) ?? actual(layout.volumeCatalogue);
  const catalogue: LayoutDocumentFact = {
    path: cataloguePath ?? layout.fileCatalogue,
    present: cataloguePath !== undefined,
    findings: take(
      (f) => f.code === 'TRANSFER_CATALOGUE_MALFORMED' || f.code === 'TRANSFER_CATALOGUE_ENTRY_INVALID',
    ),
    ...(inventory.catalogue === undefined ? {} : { rows: inventory.catalogue.rows.length }),
  };
  if (cataloguePath !== undefined) roles.set(cataloguePath, 'catalogue');

  // 其他/: the handover documents and the supporting documents (交接信息, schemes, rules) the layout allows.
  const extra = new Set(inventory.extraFiles);
  for (const e of listing) {
    const first = e.path.split('/')[0]!.toUpperCase();
    if (first === layout.other.toUpperCase() && e.path.includes('/') && !extra.has(e.path))
      roles.set(e.path, 'handover');
  }
  const formPath = actual(`${layout.other}/${layout.registrationForm}`);
  if (formPath !== undefined) roles.set(formPath, 'registration');

  // The 数字摘要 sheet: algorithm and this carrier's digest.
  const sheetPath =
    actual(`${layout.other}/${layout.digestSheetXml}`) ?? actual(`${layout.other}/${layout.digestSheetTxt}`);
  const sheetBytes = sheetPath === undefined ? undefined : cache.get(sheetPath);
  const sheet =
    sheetBytes === undefined || sheetPath === undefined
      ? undefined
      : await parseDigestSheet(sheetBytes, sheetPath);
  const algorithm: DigestAlgorithm = sheet?.algorithm ?? 'sm3';
  const number = inventory.carrierNumber;
  const row =
    sheet?.sheet.载体.find((r) => r.载体编号 === number) ??
    (sheet?.sheet.载体.length === 1 ? sheet.sheet.载体[0] : undefined);

  // The 登记表 for this carrier, and where it stands in the set.
  const carrier = inventory.registered?.carrier;
  const position = carrierPosition(
    number,
    inventory.registered?.form.载体.map((c) => c.载体编号) ?? [],
    sheet?.sheet.载体.map((r) => r.载体编号) ?? [],
  );
  const registration: RegistrationFact = {
    source: 'package',
    path: formPath ?? `${layout.other}/${layout.registrationForm}`,
    ...(carrier === undefined ? {} : { items: carrier.件数, files: carrier.文件数, bytes: carrier.字节数 }),
    ...(row === undefined ? {} : { digest: { algorithm, value: row.数字摘要 } }),
    findings: take(
      (f) =>
        f.code.startsWith('TRANSFER_REGISTRATION_') ||
        f.code.startsWith('TRANSFER_DIGEST_SHEET_') ||
        f.code === 'TRANSFER_DIGEST_MISMATCH',
    ),
  };

  // The 载体文件清单 as the manifest.
  const listingPath = actual(`${layout.other}/${layout.listing}`);
  let manifest: ManifestFact | undefined;
  if (listingPath !== undefined) {
    const bytes = cache.get(listingPath);
    const parsed = bytes === undefined ? undefined : parseCarrierListing(bytes);
    const findings: Finding[] = take((f) => f.code === 'TRANSFER_LISTING_MALFORMED');
    for (const line of parsed?.malformed ?? []) {
      findings.push({
        code: 'TRANSFER_LISTING_MALFORMED',
        severity: 'error',
        message: `载体文件清单第 ${line} 行格式不对`,
        messageEn: `Line ${line} of the carrier listing is malformed`,
        path: listingPath,
      });
    }
    manifest = {
      path: listingPath,
      entries: (parsed?.lines ?? []).map((l) => ({
        path: l.path,
        size: l.size,
        digests: [{ algorithm, value: l.digest }],
      })),
      findings,
    };
  }

  // Items: their files, and the records of the metadata documents in them.
  const records: CheckRecordFact[] = [];
  const metadataDocuments: MetadataDocumentFact[] = [];
  for (const item of inventory.items) {
    const inItem = listing.filter((e) => e.path === item.path || e.path.startsWith(`${item.path}/`));
    for (const e of inItem) {
      const bytes = cache.get(e.path);
      const head = bytes === undefined ? '' : new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
      if (EEP_ROOT.test(head)) roles.set(e.path, 'eep');
      else if (bytes !== undefined && METADATA_ROOTS.test(head)) {
        roles.set(e.path, 'metadata');
        const read = await readRecords(bytes, e.path, head, scheme);
        metadataDocuments.push(read.document);
        const byName = new Map(
          inItem.map((f) => [f.path.slice(f.path.lastIndexOf('/') + 1).normalize('NFC'), f.path]),
        );
        read.records.forEach((record, index) => {
          const id = recordIdOf(record);
          const location = recordedLocationOf(record);
          records.push(
            Object.assign(
              {
                path: `${e.path}#${index + 1}`,
                record,
                scheme: read.scheme,
                files: recordFileLinks(
                  record,
                  (_a, name) => (name === undefined ? undefined : byName.get(name.normalize('NFC'))),
                  'name',
                ),
              },
              id === undefined ? {} : { id },
              location === undefined ? {} : { recordedLocation: location },
            ),
          );
        });
      } else if (/\.xml$/i.test(e.path)) roles.set(e.path, 'metadata');
      else roles.set(e.path, 'content');
    }
  }

  return {
    kind: 'transfer',
    layout: {
      id: 'transfer-附件2',
      name: '移交信息包载体结构（《电子档案移交与接收办法》附件2）',
      findings: take((f) => LAYOUT_CODES.has(f.code)),
    },
    ...(manifest === undefined ? {} : { manifest }),
    registration,
    readme,
    catalogue,
    records,
    metadataDocuments,
    roles,
    findings: rest(),
    digestAlgorithm: algorithm,
    ...(position === undefined ? {} : { carrier: position }),
  };
}

/**
 * Where a carrier stands in its set, from the carrier numbers the 登记表 and the 数字摘要 sheet list (the longer
 * list counts: a sheet or form that lost rows is reported by the 清点): `undefined` when this carrier's number
 * is unknown or the set has a single carrier (an online transfer, a lone disc).
 *
 * @example
 * carrierPosition('002', ['001', '002'], ['001', '002']); // { number: '002', index: 2, total: 2 }
 */
export function carrierPosition(
  number: string | undefined,
  registered: readonly string[],
  sheet: readonly string[],
): CarrierPosition | undefined {
  if (number === undefined || number === '') return undefined;
  const list = registered.length >= sheet.length ? registered : sheet;
  const total = new Set(list).size;
  if (total <= 1) return undefined;
  const at = list.indexOf(number);
  const index = at >= 0 ? at + 1 : sheet.indexOf(number) + 1;
  return index > 0 ? { number, index, total } : { number, total };
}
