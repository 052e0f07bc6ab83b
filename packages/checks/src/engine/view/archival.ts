import type { Finding } from '@dangan/core';
import { type MetadataScheme, schemeById } from '@dangan/metadata';
import type { ArchivalPackageReading } from '@dangan/packaging';
import type {
  CheckRecordFact,
  EntryRole,
  LayoutDocumentFact,
  ManifestFact,
  MetadataDocumentFact,
  PackageView,
  RegistrationFact,
} from '../facts.js';
import { findingTaker } from './finding-taker.js';
import { checkRecordFact, recordFileLinks } from './record-values.js';

/**
 * Fields a 归档信息包's 说明文件 must have (GD-1-12). dangan's own set (PROVISIONAL: the 归档信息包 readme is
 * not specified anywhere available); a profile overrides it with the item param `readmeFields`.
 */
export const ARCHIVAL_README_REQUIRED_FIELDS: readonly string[] = [
  '信息包名称',
  '单位名称',
  '归档时间',
  '件数',
  '摘要算法',
  '清单文件',
];

const KIND_ROLES: Readonly<Record<string, EntryRole>> = {
  内容: 'content',
  封装包: 'eep',
  元数据: 'metadata',
  目录: 'catalogue',
  登记表: 'registration',
  说明: 'readme',
};

const startsAt = (f: Finding, path: string | undefined): boolean =>
  path !== undefined && f.path !== undefined && (f.path === path || f.path.startsWith(`${path}:`));

/**
 * The {@link PackageView} of a 归档信息包 from what `readArchivalPackage` read (归档信息包视图): the
 * manifest with its digests, the registration form's totals, the readme and catalogue with their
 * problems, the records with the files each names (linked through the manifest's 件 and 电子属性
 * indexes), the metadata document and the layout findings.
 *
 * @example
 * const view = archivalView(await readArchivalPackage(source), { readmeFields: ['信息包名称'] });
 */
export function archivalView(
  reading: ArchivalPackageReading,
  options: { readonly readmeFields?: readonly string[]; readonly scheme?: MetadataScheme } = {},
): PackageView {
  // Sizes and extra files are judged from the single read (fixity, carrier.extra-files), not from the listing.
  const { take, rest } = findingTaker(
    reading.findings,
    (f) => f.code === 'ARCHIVAL_FILE_SIZE_MISMATCH' || f.code === 'ARCHIVAL_FILE_EXTRA',
  );

  const roles = new Map<string, EntryRole>();
  const manifest = reading.manifest;
  if (reading.manifestPath !== undefined) roles.set(reading.manifestPath, 'manifest');
  for (const e of manifest?.entries ?? []) roles.set(e.path, KIND_ROLES[e.kind] ?? 'other');

  // Manifest.
  let manifestFact: ManifestFact | undefined;
  if (reading.manifestPath !== undefined) {
    const path = reading.manifestPath;
    manifestFact = {
      path,
      entries: (manifest?.entries ?? []).map((e) =>
        Object.assign(
          {
            path: e.path,
            size: e.size,
            kind: e.kind,
            digests: Object.entries(e.digests).map(([algorithm, value]) => ({
              algorithm,
              value: value as string,
            })),
          },
          e.itemIndex === undefined ? {} : { record: e.itemIndex },
          e.attributeIndex === undefined ? {} : { attribute: e.attributeIndex },
          e.originalName === undefined ? {} : { originalName: e.originalName },
        ),
      ),
      ...(manifest === undefined
        ? {}
        : {
            declared: {
              items: manifest.summary.itemCount,
              files: manifest.summary.fileCount,
              bytes: manifest.summary.totalBytes,
              contentFiles: manifest.summary.contentFileCount,
              contentBytes: manifest.summary.contentBytes,
            },
          }),
      findings: take((f) => startsAt(f, path)),
    };
  }

  // Layout: missing manifest, unknown layout, missing listed non-content files.
  const layoutFindings = take(
    (f) =>
      f.code === 'ARCHIVAL_MANIFEST_MISSING' ||
      f.code === 'ARCHIVAL_PROFILE_UNKNOWN' ||
      f.code === 'ARCHIVAL_PROFILE_MISMATCH' ||
      (f.code === 'ARCHIVAL_FILE_MISSING' && f.path !== undefined && roles.get(f.path) !== 'content'),
  );

  // Registration form.
  let registration: RegistrationFact | undefined;
  const regPart = reading.registrationFormPart;
  if (regPart !== undefined) {
    const form = reading.registrationForm;
    registration = {
      source: 'package',
      path: regPart.path,
      ...(form === undefined ? {} : { items: form.件, bytes: form.字节 }),
      findings: [
        ...(regPart.present
          ? []
          : [
              {
                code: 'CHECK_REGISTRATION_MISSING',
                severity: 'error' as const,
                message: `信息包缺少归档登记表“${regPart.path}”`,
                messageEn: `The package has no registration form "${regPart.path}"`,
                path: regPart.path,
              },
            ]),
        ...take(
          (f) => startsAt(f, regPart.path) || (f.code === 'ARCHIVAL_PART_MISSING' && f.path === regPart.path),
        ),
      ],
    };
  }

  // Readme and catalogue.
  let readme: LayoutDocumentFact | undefined;
  if (reading.readme !== undefined) {
    const r = reading.readme;
    const findings = take(
      (f) => startsAt(f, r.path) || (f.code === 'ARCHIVAL_PART_MISSING' && f.path === r.path),
    );
    if (r.present && !findings.some((f) => f.severity === 'error')) {
      for (const field of options.readmeFields ?? ARCHIVAL_README_REQUIRED_FIELDS) {
        if (r.fields[field] === undefined || r.fields[field] === '') {
          findings.push({
            code: 'CHECK_README_FIELD_MISSING',
            severity: 'error',
            message: `说明文件缺少“${field}”`,
            messageEn: `The readme lacks "${field}"`,
            path: r.path,
          });
        }
      }
    }
    readme = { path: r.path, present: r.present, findings };
  }
  let catalogue: LayoutDocumentFact | undefined;
  if (reading.catalogue !== undefined) {
    const c = reading.catalogue;
    const findings = take(
      (f) => startsAt(f, c.path) || (f.code === 'ARCHIVAL_PART_MISSING' && f.path === c.path),
    );
    if (c.entries !== undefined && c.entries !== reading.records.length && reading.records.length > 0) {
      findings.push({
        code: 'CHECK_CATALOGUE_ROWS',
        severity: 'error',
        message: `目录文件有 ${c.entries} 条，元数据有 ${reading.records.length} 件`,
        messageEn: `The catalogue has ${c.entries} rows; the metadata has ${reading.records.length} records`,
        path: c.path,
      });
    }
    catalogue = {
      path: c.path,
      present: c.present,
      findings,
      ...(c.entries === undefined ? {} : { rows: c.entries }),
    };
  }

  // Metadata document and records.
  const metadataDocuments: MetadataDocumentFact[] = [];
  const meta = reading.metadata;
  if (meta !== undefined) {
    metadataDocuments.push({
      path: meta.path,
      records: reading.records.length,
      findings: take(
        (f) =>
          startsAt(f, meta.path) ||
          f.code === 'ARCHIVAL_RECORD_COUNT_MISMATCH' ||
          (f.code === 'ARCHIVAL_PART_MISSING' && f.path === meta.path),
      ),
    });
  }
  const schemeId = manifest?.scheme ?? reading.profile?.scheme;
  const scheme = options.scheme ?? schemeById(schemeId);
  const records: CheckRecordFact[] = [];
  if (scheme !== undefined) {
    reading.records.forEach((record, index) => {
      const item = reading.items[index];
      const files = item?.files ?? [];
      const links = recordFileLinks(
        record,
        (attribute) => files.find((f) => f.attributeIndex === attribute)?.path,
        'manifest',
      );
      records.push(checkRecordFact(`${meta?.path ?? '元数据'}#${index + 1}`, record, scheme, links, item));
    });
  }

  return {
    kind: 'archival',
    layout: {
      id: reading.profile?.id ?? manifest?.layout.id ?? 'unknown',
      name: reading.profile?.name ?? manifest?.layout.name ?? '未知布局',
      findings: layoutFindings,
    },
    ...(manifestFact === undefined ? {} : { manifest: manifestFact }),
    ...(registration === undefined ? {} : { registration }),
    ...(readme === undefined ? {} : { readme }),
    ...(catalogue === undefined ? {} : { catalogue }),
    records,
    metadataDocuments,
    roles,
    // What is left: extra files (the extra-files rule recomputes them), missing content, summary mismatches …
    findings: rest(),
  };
}
