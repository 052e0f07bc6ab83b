import { DanganError, type Finding, parseXmlToTree, readAll, type XmlElement } from '@dangan/core';
import { type MetadataScheme, recordsFromXml, schemeById, type UnknownRecord } from '@dangan/metadata';
import { safeReadManifest } from '../manifest/read-manifest.js';
import type { ArchivalManifest, ManifestEntry, ManifestEntryKind } from '../manifest/types.js';
import { childrenNamed, localName } from '../manifest/xml-tree.js';
import { entryPathKey } from '../sinks/entry-path.js';
import type { PackageEntryInfo, PackageSource } from '../sinks/types.js';
import { archivalFinding } from './codes.js';
import { ARCHIVAL_LAYOUTS, type ArchivalLayoutProfile, type ArchivalTextEncoding } from './profile.js';
import { safeReadRegistrationForm } from './read-registration-form.js';
import { parseReadmeText } from './readme.js';
import type { ArchivalRegistrationForm } from './registration-form.js';

/** Options of {@link readArchivalPackage}. */
export interface ReadArchivalPackageOptions {
  /** The layout the package was written by. Default: detected from the manifest among {@link profiles}. */
  readonly profile?: ArchivalLayoutProfile;
  /** Layouts to detect among (default: those of `ARCHIVAL_LAYOUTS`); the host's own go here. */
  readonly profiles?: readonly ArchivalLayoutProfile[];
  /** Scheme of the metadata document (default: the built-in scheme the manifest names). */
  readonly scheme?: MetadataScheme;
  /** Most bytes of the manifest (default 64 MiB). */
  readonly maxManifestBytes?: number;
  /** Most bytes of the catalogue, registration form and readme each (default 16 MiB). */
  readonly maxPartBytes?: number;
}

/** A file of the package as the manifest lists it, and whether the package has it. */
export interface ArchivalFileReading extends ManifestEntry {
  /** The package holds an entry at this path. */
  readonly present: boolean;
}

/** A 件 of a package read back. */
export interface ArchivalItemReading {
  readonly index: number;
  readonly archivalCode: string;
  readonly recordId?: string;
  readonly folder: string;
  /** Its record from the metadata document (by position), when it could be read. */
  readonly record?: UnknownRecord;
  /** Its content files, in manifest order. */
  readonly files: readonly ArchivalFileReading[];
  readonly eep?: ArchivalFileReading;
}

/** A part of the package (catalogue, readme …): where it is and whether it is there. */
export interface ArchivalPartReading {
  readonly path: string;
  readonly present: boolean;
}

/** What {@link readArchivalPackage} found. */
export interface ArchivalPackageReading {
  /** The layout used (given, or detected from the manifest); `undefined` when unknown. */
  readonly profile: ArchivalLayoutProfile | undefined;
  readonly manifestPath: string | undefined;
  /** The parsed manifest; `undefined` when missing or unreadable (see findings). */
  readonly manifest: ArchivalManifest | undefined;
  /** The records of the metadata document, in order. */
  readonly records: readonly UnknownRecord[];
  readonly metadata: ArchivalPartReading | undefined;
  readonly registrationForm: ArchivalRegistrationForm | undefined;
  readonly registrationFormPart: ArchivalPartReading | undefined;
  /** The catalogue (目录文件); `entries` is the number of `<文件>`/`<案卷>` rows when it parses. */
  readonly catalogue: (ArchivalPartReading & { readonly entries?: number }) | undefined;
  /** The 说明文件 and its `键：值` fields. */
  readonly readme: (ArchivalPartReading & { readonly fields: Readonly<Record<string, string>> }) | undefined;
  /** The 件 with their files (from the manifest). */
  readonly items: readonly ArchivalItemReading[];
  /** Every entry the package holds. */
  readonly entries: readonly PackageEntryInfo[];
  /** Problems: missing, extra or resized files, missing or unparsable parts, an unknown layout … */
  readonly findings: readonly Finding[];
}

/**
 * Opens a 归档信息包 written by `buildArchivalPackage` (or by any layout profile) and returns its parts,
 * **without re-hashing anything** (the checks compare digests): the manifest (found at the manifest path of
 * the given profile, else of each candidate profile, and naming the layout that wrote it), the records of the
 * metadata document, the registration form, the catalogue and readme, the 件 with their content files and
 * EEPs, and findings:
 *
 * - `ARCHIVAL_MANIFEST_MISSING` / `ARCHIVAL_PART_UNREADABLE` — no manifest, or a part that does not parse;
 * - `ARCHIVAL_FILE_MISSING` — a file the manifest lists is absent; `ARCHIVAL_FILE_EXTRA` — an entry it does not
 *   list; `ARCHIVAL_FILE_SIZE_MISMATCH` — a listed size differs from the entry's size where the source knows it;
 * - `ARCHIVAL_PART_MISSING` — no metadata document, catalogue, registration form or (when the layout has one)
 *   readme; `ARCHIVAL_MANIFEST_SUMMARY_MISMATCH`, `ARCHIVAL_RECORD_COUNT_MISMATCH`;
 * - `ARCHIVAL_PROFILE_UNKNOWN` / `ARCHIVAL_PROFILE_MISMATCH` (warnings) — parts are then found by their kind in
 *   the manifest.
 *
 * It rejects only when the source itself fails (closed, unreadable).
 *
 * @example
 * const reading = await readArchivalPackage(folderSource('/data/归档/310115202603160001'));
 * reading.items[0]?.files.map((f) => [f.path, f.digests.sm3]);
 * reading.findings; // [] for an intact package
 */
export async function readArchivalPackage(
  source: PackageSource,
  options: ReadArchivalPackageOptions = {},
): Promise<ArchivalPackageReading> {
  if (source === null || typeof source !== 'object' || typeof source.list !== 'function') {
    throw new TypeError('source must be a PackageSource');
  }
  const findings: Finding[] = [];
  const entries = await source.list();
  const byKey = new Map<string, PackageEntryInfo>(entries.map((e) => [entryPathKey(e.path), e]));
  const has = (path: string) => byKey.has(entryPathKey(path));
  const actual = (path: string) => byKey.get(entryPathKey(path))?.path ?? path;

  // The manifest: at the given profile's path, else at the first candidate's path that exists.
  const candidates = options.profiles ?? Object.values(ARCHIVAL_LAYOUTS);
  let manifestPath: string | undefined;
  if (options.profile !== undefined) manifestPath = options.profile.manifest.path;
  else manifestPath = candidates.map((p) => p.manifest.path).find((path) => has(path));
  let manifest: ArchivalManifest | undefined;
  if (manifestPath === undefined || !has(manifestPath)) {
    findings.push(
      archivalFinding(
        'ARCHIVAL_MANIFEST_MISSING',
        `信息包中没有清单${manifestPath === undefined ? '' : `“${manifestPath}”`}`,
        `The package has no manifest${manifestPath === undefined ? '' : ` "${manifestPath}"`}`,
        manifestPath,
        { item: 'GD-1-13' },
      ),
    );
  } else {
    manifestPath = actual(manifestPath);
    const parsed = await safeReadManifest(source.read(manifestPath), {
      name: manifestPath,
      ...(options.maxManifestBytes === undefined ? {} : { maxBytes: options.maxManifestBytes }),
    });
    if (parsed.ok) manifest = parsed.value;
    else findings.push(unreadable(manifestPath, '清单', parsed.error), ...parsed.findings);
  }

  // The layout.
  let profile = options.profile;
  if (manifest !== undefined) {
    const named =
      candidates.find((p) => p.id === manifest!.layout.id) ??
      (options.profile?.id === manifest.layout.id ? options.profile : undefined);
    if (profile === undefined) {
      profile = named;
      if (named === undefined) {
        findings.push(
          archivalFinding(
            'ARCHIVAL_PROFILE_UNKNOWN',
            `清单所记布局“${manifest.layout.id}”未知，按清单中各文件的类型读取`,
            `Layout "${manifest.layout.id}" is unknown; parts are found by their kind`,
            manifestPath,
          ),
        );
      }
    } else if (profile.id !== manifest.layout.id) {
      findings.push(
        archivalFinding(
          'ARCHIVAL_PROFILE_MISMATCH',
          `清单所记布局为“${manifest.layout.id}”，指定的布局为“${profile.id}”`,
          `The manifest names layout "${manifest.layout.id}", not "${profile.id}"`,
          manifestPath,
        ),
      );
    }
  }

  // Manifest against the package: missing, extra and resized files; the summary.
  const listed = new Set<string>();
  const present = (e: ManifestEntry): ArchivalFileReading => Object.assign({}, e, { present: has(e.path) });
  if (manifest !== undefined) {
    for (const e of manifest.entries) {
      listed.add(entryPathKey(e.path));
      const info = byKey.get(entryPathKey(e.path));
      if (info === undefined) {
        findings.push(
          archivalFinding(
            'ARCHIVAL_FILE_MISSING',
            `清单列出的“${e.path}”不在信息包中`,
            `"${e.path}" is listed but absent`,
            e.path,
            {
              item: e.kind === '内容' ? 'GD-2-11' : 'GD-1-13',
            },
          ),
        );
      } else if (info.size !== undefined && info.size !== e.size) {
        findings.push(
          archivalFinding(
            'ARCHIVAL_FILE_SIZE_MISMATCH',
            `“${e.path}”实有 ${info.size} 字节，清单记为 ${e.size}`,
            `"${e.path}" has ${info.size} bytes; the manifest says ${e.size}`,
            e.path,
            { item: 'GD-2-2' },
          ),
        );
      }
    }
    listed.add(entryPathKey(manifestPath!));
    for (const info of entries) {
      if (!listed.has(entryPathKey(info.path))) {
        findings.push(
          archivalFinding(
            'ARCHIVAL_FILE_EXTRA',
            `信息包中的“${info.path}”未列入清单`,
            `"${info.path}" is not in the manifest`,
            info.path,
            {
              item: 'GD-4-3',
            },
          ),
        );
      }
    }
    findings.push(...summaryFindings(manifest, manifestPath!));
  }

  // Parts: by kind in the manifest, else at the layout's paths.
  const partPath = (kind: ManifestEntryKind, fromProfile: string | undefined): string | undefined =>
    manifest?.entries.find((e) => e.kind === kind)?.path ?? fromProfile;
  // A listed file that is missing was reported already.
  const listedMissing = (path: string) =>
    manifest?.entries.some((e) => entryPathKey(e.path) === entryPathKey(path)) ?? false;
  const part = (
    path: string | undefined,
    what: string,
    required: boolean,
  ): ArchivalPartReading | undefined => {
    if (path === undefined) {
      if (required) {
        findings.push(
          archivalFinding(
            'ARCHIVAL_PART_MISSING',
            `信息包缺少${what}`,
            `The package has no ${what}`,
            undefined,
            { item: 'GD-1-12' },
          ),
        );
      }
      return undefined;
    }
    const here = has(path);
    if (!here && required && !listedMissing(path)) {
      findings.push(
        archivalFinding(
          'ARCHIVAL_PART_MISSING',
          `信息包缺少${what}“${path}”`,
          `The package has no ${what} "${path}"`,
          path,
          { item: 'GD-1-12' },
        ),
      );
    }
    return { path: here ? actual(path) : path, present: here };
  };

  const metadata = part(partPath('元数据', profile?.metadata.path), '元数据文档', true);
  const registrationFormPart = part(partPath('登记表', profile?.registrationForm.path), '归档登记表', true);
  const cataloguePart = part(partPath('目录', profile?.catalogue.path), '归档文件目录', true);
  const readmePart = part(
    partPath('说明', profile?.readme?.path),
    '说明文件',
    profile === undefined
      ? manifest?.entries.some((e) => e.kind === '说明') === true
      : profile.readme !== undefined,
  );
  const maxPart = options.maxPartBytes ?? 16 * 1024 * 1024;

  // Records.
  const records: UnknownRecord[] = [];
  if (metadata?.present) {
    const schemeId = manifest?.scheme ?? profile?.scheme;
    const scheme = options.scheme ?? schemeById(schemeId);
    if (scheme === undefined) {
      findings.push(
        archivalFinding(
          'ARCHIVAL_PART_UNREADABLE',
          `元数据方案“${schemeId ?? '未知'}”不是内置方案，请通过 options.scheme 传入；元数据未读取`,
          `Metadata scheme "${schemeId ?? 'unknown'}" is not built in; pass options.scheme`,
          metadata.path,
          { severity: 'warning' },
        ),
      );
    } else {
      try {
        for await (const record of recordsFromXml(source.read(metadata.path), scheme, {
          name: metadata.path,
          onFinding: (f) => findings.push(f),
        })) {
          records.push(record);
        }
      } catch (e) {
        if (!(e instanceof DanganError)) throw e;
        findings.push(unreadable(metadata.path, '元数据文档', e), ...e.findings);
      }
      if (manifest !== undefined && records.length !== manifest.items.length) {
        findings.push(
          archivalFinding(
            'ARCHIVAL_RECORD_COUNT_MISMATCH',
            `元数据文档有 ${records.length} 条记录，清单列出 ${manifest.items.length} 件`,
            `The metadata document has ${records.length} records; the manifest lists ${manifest.items.length} items`,
            metadata.path,
            { item: 'GD-2-10' },
          ),
        );
      }
    }
  }

  // Registration form.
  let registrationForm: ArchivalRegistrationForm | undefined;
  if (registrationFormPart?.present) {
    const r = await safeReadRegistrationForm(source.read(registrationFormPart.path), {
      name: registrationFormPart.path,
      maxBytes: maxPart,
    });
    if (r.ok) registrationForm = r.value;
    else findings.push(unreadable(registrationFormPart.path, '归档登记表', r.error), ...r.findings);
  }

  // Catalogue.
  let catalogue: ArchivalPackageReading['catalogue'] = cataloguePart;
  if (cataloguePart?.present) {
    try {
      const root: XmlElement = await parseXmlToTree(source.read(cataloguePart.path), {
        name: cataloguePart.path,
        maxBytes: maxPart,
      });
      const level = localName(root) === '案卷目录' ? '案卷' : '文件';
      catalogue = Object.assign({}, cataloguePart, { entries: childrenNamed(root, level, root.uri).length });
    } catch (e) {
      if (!(e instanceof DanganError)) throw e;
      findings.push(unreadable(cataloguePart.path, '归档文件目录', e), ...e.findings);
    }
  }

  // Readme.
  let readme: ArchivalPackageReading['readme'];
  if (readmePart !== undefined) {
    let fields: Record<string, string> = {};
    if (readmePart.present) {
      try {
        const bytes = await readAll(source.read(readmePart.path), { maxBytes: maxPart });
        fields = parseReadmeText(decodeText(bytes, profile?.readme?.encoding));
      } catch (e) {
        if (!(e instanceof DanganError)) throw e;
        findings.push(unreadable(readmePart.path, '说明文件', e));
      }
    }
    readme = Object.assign({}, readmePart, { fields });
  }

  // Items.
  const items: ArchivalItemReading[] = (manifest?.items ?? []).map((item, index) => {
    const files = manifest!.entries.filter((e) => e.kind === '内容' && e.itemIndex === index).map(present);
    const eepEntry = manifest!.entries.find((e) => e.kind === '封装包' && e.itemIndex === index);
    const record = records[index];
    return Object.assign(
      { index, archivalCode: item.archivalCode, folder: item.folder, files },
      item.recordId === undefined ? {} : { recordId: item.recordId },
      record === undefined ? {} : { record },
      eepEntry === undefined ? {} : { eep: present(eepEntry) },
    );
  });

  return {
    profile,
    manifestPath,
    manifest,
    records,
    metadata,
    registrationForm,
    registrationFormPart,
    catalogue,
    readme,
    items,
    entries,
    findings,
  };
}

function unreadable(path: string, what: string, error: DanganError): Finding {
  return archivalFinding(
    'ARCHIVAL_PART_UNREADABLE',
    `${what}“${path}”无法解析：${error.message}`,
    `The ${what} "${path}" cannot be parsed: ${error.messageEn ?? error.message}`,
    path,
    { item: 'GD-3-1' },
  );
}

function summaryFindings(manifest: ArchivalManifest, path: string): Finding[] {
  const s = manifest.summary;
  const content = manifest.entries.filter((e) => e.kind === '内容');
  const pairs: [string, number, number][] = [
    ['件数', s.itemCount, manifest.items.length],
    ['文件数', s.fileCount, manifest.entries.length],
    ['字节数', s.totalBytes, manifest.entries.reduce((sum, e) => sum + e.size, 0)],
    ['内容文件数', s.contentFileCount, content.length],
    ['内容字节数', s.contentBytes, content.reduce((sum, e) => sum + e.size, 0)],
  ];
  return pairs
    .filter(([, declared, counted]) => declared !== counted)
    .map(([name, declared, counted]) =>
      archivalFinding(
        'ARCHIVAL_MANIFEST_SUMMARY_MISMATCH',
        `清单汇总的${name}为 ${declared}，所列文件合计 ${counted}`,
        `The manifest summary says ${name} ${declared}; its entries add up to ${counted}`,
        path,
        { item: 'GD-2-11' },
      ),
    );
}

/** Text of a readme: the layout's encoding, else UTF-8 when it decodes cleanly, else GB18030. */
function decodeText(bytes: Uint8Array, encoding: ArchivalTextEncoding | undefined): string {
  if (encoding === 'gb18030') return new TextDecoder('gb18030').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
