import { basename, dirname } from 'node:path';
import { DanganError, type Finding } from '@dangan/core';
import { fromFile } from '@dangan/core/node';
import { captureAttributes, type MetadataScheme, schemeById, type UnknownRecord } from '@dangan/metadata';
import {
  ARCHIVAL_LAYOUTS,
  type ArchivalFileInput,
  type ArchivalItemInput,
  type ArchivalLayoutProfile,
  type ArchivalRegistrationHeader,
} from '@dangan/packaging';
import { fileSize, loadJson, resolveInside } from './files.js';
import { type CliIo, type GlobalOptions, t } from './io.js';
import { SCHEME_IDS } from './schemes.js';

/** One content file of a 件 in a case file: a path, or a path with its role and duration. */
export type CaseFileEntry =
  | string
  | { readonly path: string; readonly role?: string; readonly durationSeconds?: number };

/** One 件 in a case file: its metadata record (inline, or the path of a JSON file) and its files. */
export interface CaseItem {
  readonly record: Record<string, unknown> | string;
  readonly files: readonly CaseFileEntry[];
}

/**
 * The JSON that `dangan pack` reads (办件描述文件): a 办件's metadata and the paths of its files, relative to
 * the JSON file's folder. Documented with a full example in docs/cli.md.
 */
export interface CaseDescription {
  /** Metadata scheme of the records: `ywtb` (default for the `dangan-ywtb` layout), `dat46`, `dat54`, `dat63`. */
  readonly scheme?: string;
  /** `dangan-ywtb` (default, per 办件), `dangan-item` (per 件), or a whole layout profile object. */
  readonly layout?: string | ArchivalLayoutProfile;
  /** 归档时间 (ISO 8601); default: now. */
  readonly archivedAt?: string;
  /** The header of the 电子文件归档登记表. */
  readonly registration: ArchivalRegistrationHeader;
  /** `false`: no EEP per 件; an object: EEP options (`creator` = 封装包创建单位, default 单位名称). */
  readonly eep?: false | { readonly creator?: string };
  readonly items: readonly CaseItem[];
}

/** A case file read and resolved: everything `buildArchivalPackage` needs, files opened lazily. */
export interface ResolvedCase {
  readonly items: readonly ArchivalItemInput[];
  readonly registration: ArchivalRegistrationHeader;
  readonly archivedAt: Date;
  readonly profile: ArchivalLayoutProfile;
  readonly scheme: MetadataScheme | undefined;
  /** 封装包创建单位 of the EEPs, or `undefined` when no EEPs are made. */
  readonly eepCreator: string | undefined;
  /** Sum of the content files' sizes. */
  readonly contentBytes: number;
  /** Notes from reading the files (capture warnings). */
  readonly findings: readonly Finding[];
  /** 电子属性 were read from the files for these items (indices), because their records had none. */
  readonly captured: readonly number[];
}

/**
 * Reads a case file (see {@link CaseDescription}), checks its shape (`CLI_CASE_INVALID` listing every problem
 * with its JSON path), resolves every file path inside the case file's folder (`CLI_PATH_OUTSIDE` for one
 * that leaves it) and, for a record without `文件实体.电子属性`, reads them from the files
 * (`captureAttributes`: 格式信息, 计算机文件名, 计算机文件大小, 文档创建程序). `onBytes` counts the content
 * bytes as they are read later (for a progress bar).
 *
 * @example
 * const c = await readCase('办件.json', () => new Date(), (n) => bar.update((done += n), total), global, io);
 * await buildArchivalPackage({ items: c.items, registration: c.registration, now: c.archivedAt }, sink);
 */
export async function readCase(
  path: string,
  now: () => Date,
  onBytes: (n: number) => void,
  global: GlobalOptions,
  io: CliIo,
): Promise<ResolvedCase> {
  const json = await loadJson(path, global, io);
  const c = checkShape(json, path, global);
  const base = dirname(path);
  const profile =
    c.layout === undefined
      ? ARCHIVAL_LAYOUTS['dangan-ywtb']
      : typeof c.layout === 'string'
        ? ARCHIVAL_LAYOUTS[c.layout as keyof typeof ARCHIVAL_LAYOUTS]
        : c.layout;
  const archivedAt = c.archivedAt === undefined ? now() : new Date(c.archivedAt);
  const findings: Finding[] = [];
  const captured: number[] = [];
  const items: ArchivalItemInput[] = [];
  let contentBytes = 0;
  for (const [index, item] of c.items.entries()) {
    const record = structuredClone(
      typeof item.record === 'string'
        ? await loadJson(await resolveInside(base, item.record, global), global, io)
        : item.record,
    ) as UnknownRecord;
    const files: ArchivalFileInput[] = [];
    const paths: string[] = [];
    for (const [i, entry] of item.files.entries()) {
      const spec = typeof entry === 'string' ? { path: entry } : entry;
      const full = await resolveInside(base, spec.path, global);
      paths.push(full);
      contentBytes += await fileSize(full);
      files.push(
        Object.assign(
          { source: counted(fromFile(full), onBytes), attributeIndex: i },
          spec.role === undefined ? {} : { role: spec.role },
          spec.durationSeconds === undefined ? {} : { durationSeconds: spec.durationSeconds },
        ),
      );
    }
    const entity = (record as Record<string, unknown>).文件实体;
    if (isObject(entity) && entity.电子属性 === undefined) {
      const attributes: unknown[] = [];
      for (const full of paths) {
        const got = await captureAttributes(fromFile(full), basename(full).normalize('NFC'));
        attributes.push(got.电子属性);
        findings.push(...got.findings);
      }
      entity.电子属性 = attributes;
      captured.push(index);
    }
    items.push({ record, files });
  }
  const eepCreator =
    c.eep === false || profile.eep === undefined ? undefined : (c.eep?.creator ?? c.registration.单位名称);
  return {
    items,
    registration: c.registration,
    archivedAt,
    profile,
    scheme: c.scheme === undefined ? undefined : schemeById(c.scheme),
    eepCreator,
    contentBytes,
    findings,
    captured,
  };
}

/** A re-readable source that reports the bytes it yields. */
function counted(
  source: () => AsyncIterable<Uint8Array>,
  onBytes: (n: number) => void,
): () => AsyncIterable<Uint8Array> {
  return () =>
    (async function* () {
      for await (const chunk of source()) {
        onBytes(chunk.length);
        yield chunk;
      }
    })();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the case file's shape, listing every problem with its JSON path. */
function checkShape(json: unknown, path: string, global: GlobalOptions): CaseDescription {
  const problems: Finding[] = [];
  const bad = (where: string, zh: string, en: string) =>
    problems.push({ code: 'CLI_CASE_INVALID', severity: 'error', message: zh, messageEn: en, path: where });
  if (!isObject(json)) {
    bad('$', '办件描述文件应为 JSON 对象', 'The case file must be a JSON object');
  } else {
    if (
      json.scheme !== undefined &&
      (typeof json.scheme !== 'string' || schemeById(json.scheme) === undefined)
    )
      bad(
        'scheme',
        `scheme 应为 ${SCHEME_IDS.join('、')} 之一`,
        `scheme must be one of ${SCHEME_IDS.join(', ')}`,
      );
    const layout = json.layout;
    if (
      layout !== undefined &&
      !isObject(layout) &&
      !(typeof layout === 'string' && Object.hasOwn(ARCHIVAL_LAYOUTS, layout))
    ) {
      const ids = Object.keys(ARCHIVAL_LAYOUTS).join(', ');
      bad('layout', `layout 应为 ${ids} 之一或布局对象`, `layout must be one of ${ids} or a layout object`);
    }
    if (
      json.archivedAt !== undefined &&
      (typeof json.archivedAt !== 'string' || Number.isNaN(Date.parse(json.archivedAt)))
    )
      bad('archivedAt', 'archivedAt 应为 ISO 8601 时间', 'archivedAt must be an ISO 8601 time');
    const r = json.registration;
    if (!isObject(r)) {
      bad(
        'registration',
        '缺少 registration（归档登记表表头）',
        'registration (the registration form header) is missing',
      );
    } else {
      for (const key of ['单位名称', '归档电子文件门类', '归档方式'])
        if (typeof r[key] !== 'string' || (r[key] as string).trim() === '')
          bad(`registration.${key}`, `缺少 registration.${key}`, `registration.${key} is missing`);
      if (r.说明 !== undefined && typeof r.说明 !== 'string')
        bad('registration.说明', 'registration.说明 应为文字', 'registration.说明 must be a string');
    }
    const eep = json.eep;
    if (
      eep !== undefined &&
      eep !== false &&
      !(isObject(eep) && (eep.creator === undefined || typeof eep.creator === 'string'))
    )
      bad('eep', 'eep 应为 false 或 { "creator": "…" }', 'eep must be false or { "creator": "…" }');
    if (!Array.isArray(json.items) || json.items.length === 0) {
      bad('items', 'items 应为非空数组（每件一项）', 'items must be a non-empty array (one per 件)');
    } else {
      json.items.forEach((item: unknown, i: number) => {
        const at = `items[${i}]`;
        if (!isObject(item)) {
          bad(at, `${at} 应为对象`, `${at} must be an object`);
          return;
        }
        if (!isObject(item.record) && typeof item.record !== 'string')
          bad(
            `${at}.record`,
            `${at}.record 应为元数据对象或 JSON 文件路径`,
            `${at}.record must be a record object or a JSON file path`,
          );
        if (!Array.isArray(item.files) || item.files.length === 0) {
          bad(`${at}.files`, `${at}.files 应为非空数组`, `${at}.files must be a non-empty array`);
          return;
        }
        item.files.forEach((f: unknown, j: number) => {
          const where = `${at}.files[${j}]`;
          const ok =
            typeof f === 'string' ||
            (isObject(f) &&
              typeof f.path === 'string' &&
              (f.role === undefined || typeof f.role === 'string') &&
              (f.durationSeconds === undefined ||
                (typeof f.durationSeconds === 'number' && f.durationSeconds >= 0)));
          if (!ok)
            bad(
              where,
              `${where} 应为路径或 { "path", "role"?, "durationSeconds"? }`,
              `${where} must be a path or { "path", "role"?, "durationSeconds"? }`,
            );
        });
      });
    }
  }
  if (problems.length > 0) {
    throw new DanganError(
      'CLI_CASE_INVALID',
      t(
        global,
        `办件描述文件 ${path} 有 ${problems.length} 处错误`,
        `The case file ${path} has ${problems.length} problem(s)`,
      ),
      { messageEn: `The case file ${path} has ${problems.length} problem(s)`, findings: problems, path },
    );
  }
  return json as unknown as CaseDescription;
}
