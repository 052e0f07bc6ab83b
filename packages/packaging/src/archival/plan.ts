import {
  type ByteSource,
  DanganError,
  type Finding,
  fileExtension,
  isByteSource,
  type SafeResult,
  utf8,
} from '@dangan/core';
import {
  type CatalogueInput,
  catalogueToXml,
  dat22ArchivalCode,
  type MetadataScheme,
  recordsToXml,
  safeBuildCatalogue,
  safeComponentFileNames,
  safeValidateRecord,
  schemeById,
  schemes,
  type UnknownRecord,
} from '@dangan/metadata';
import { entryPathKey, MAX_ENTRY_PATH_LENGTH, safeCheckEntryPath } from '../sinks/entry-path.js';
import { archivalFinding, findingsError } from './codes.js';
import type { ArchivalLayoutProfile } from './profile.js';
import {
  durationOf,
  electronicAttributes,
  isVolume,
  materialNameOf,
  numberOf,
  objectAt,
  pagesOf,
  recordTemplateValues,
  textOf,
} from './record-values.js';
import { parseNameTemplate, renderNameTemplate, safeNamePiece } from './template.js';
import type {
  ArchivalFileInput,
  ArchivalPackageInput,
  BuildArchivalPackageOptions,
  EepBuilder,
} from './types.js';

/** A content file placed in the package. */
export interface PlannedFile {
  readonly path: string;
  readonly source: ByteSource;
  readonly attributeIndex: number;
  /** 计算机文件大小 (M49) as recorded, to check while streaming. */
  readonly declaredSize: number | undefined;
  /** 计算机文件名 (M48) when it differs from the name in the package. */
  readonly originalName: string | undefined;
}

/** A 件 placed in the package. */
export interface PlannedItem {
  readonly index: number;
  readonly record: UnknownRecord;
  readonly input: readonly ArchivalFileInput[];
  readonly archivalCode: string;
  readonly recordId: string | undefined;
  readonly folder: string;
  readonly files: readonly PlannedFile[];
  readonly eep:
    | { readonly path: string; readonly source: ByteSource; readonly build?: undefined }
    | { readonly path: string; readonly build: EepBuilder; readonly source?: undefined }
    | undefined;
  readonly pages: number | undefined;
  readonly durationSeconds: number;
  readonly volume: boolean;
}

/** Everything decided before a byte is written. */
export interface ArchivalPlan {
  readonly profile: ArchivalLayoutProfile;
  readonly scheme: MetadataScheme;
  readonly packageName: string;
  readonly archivedAt: string;
  readonly items: readonly PlannedItem[];
  readonly metadata: Uint8Array;
  readonly catalogue: Uint8Array;
  /** Warnings and notes. */
  readonly findings: readonly Finding[];
}

/** 归档时间 as ISO 8601 local time with the given offset: `2026-03-20T10:00:00+08:00`. */
export function isoWithOffset(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function schemeFor(profile: ArchivalLayoutProfile, given: MetadataScheme | undefined): MetadataScheme {
  if (given !== undefined) {
    if (given === null || typeof given !== 'object' || !Array.isArray(given.elements)) {
      throw new TypeError('options.scheme must be a MetadataScheme');
    }
    return given;
  }
  const builtIn = schemeById(profile.scheme);
  if (builtIn === undefined) {
    throw findingsError('ARCHIVAL_PROFILE_INVALID', '信息包布局无效', 'Invalid package layout profile', [
      archivalFinding(
        'ARCHIVAL_PROFILE_INVALID',
        `布局所指的元数据方案“${profile.scheme}”不是内置方案（${Object.keys(schemes).join('、')}），请通过 options.scheme 传入`,
        `The layout's scheme "${profile.scheme}" is not built in; pass options.scheme`,
        '/scheme',
      ),
    ]);
  }
  return builtIn;
}

/** Checks the arguments' types (programmer errors → TypeError/RangeError). */
function checkArguments(input: ArchivalPackageInput, options: BuildArchivalPackageOptions): void {
  if (!isObject(input)) throw new TypeError('input must be an object');
  if (!Array.isArray(input.items)) throw new TypeError('input.items must be an array');
  if (!(input.now instanceof Date) || Number.isNaN(input.now.getTime())) {
    throw new TypeError('input.now must be a valid Date (归档时间; the clock is never read)');
  }
  input.items.forEach((item, i) => {
    if (!isObject(item)) throw new TypeError(`input.items[${i}] must be an object`);
    if (!Array.isArray(item.files)) throw new TypeError(`input.items[${i}].files must be an array`);
    item.files.forEach((f, j) => {
      if (!isObject(f) || !isByteSource(f.source)) {
        throw new TypeError(`input.items[${i}].files[${j}].source must be a ByteSource`);
      }
      if (f.role !== undefined && typeof f.role !== 'string') {
        throw new TypeError(`input.items[${i}].files[${j}].role must be a string`);
      }
    });
    if (item.eep !== undefined && !isByteSource(item.eep)) {
      throw new TypeError(`input.items[${i}].eep must be a ByteSource`);
    }
    if (item.buildEep !== undefined && typeof item.buildEep !== 'function') {
      throw new TypeError(`input.items[${i}].buildEep must be a function`);
    }
  });
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  if (options.buildEep !== undefined && typeof options.buildEep !== 'function') {
    throw new TypeError('options.buildEep must be a function');
  }
  if (options.archivalCode !== undefined && typeof options.archivalCode !== 'function') {
    throw new TypeError('options.archivalCode must be a function');
  }
  const offset = options.utcOffsetMinutes ?? 480;
  if (!Number.isInteger(offset) || offset < -840 || offset > 840) {
    throw new RangeError('options.utcOffsetMinutes must be an integer from -840 to 840');
  }
}

/**
 * Validates the input against the profile and decides every path and name, before anything is written.
 * Throws `DanganError('ARCHIVAL_INPUT_INVALID')` with every problem found.
 */
export function planArchivalPackage(
  input: ArchivalPackageInput,
  profile: ArchivalLayoutProfile,
  options: BuildArchivalPackageOptions,
): ArchivalPlan {
  checkArguments(input, options);
  const scheme = schemeFor(profile, options.scheme);
  const errors: Finding[] = [];
  const notes: Finding[] = [];
  const add = (f: Finding) => (f.severity === 'error' ? errors : notes).push(f);
  const archivedAt = isoWithOffset(input.now, options.utcOffsetMinutes ?? 480);

  // Registration header
  const header = input.registration as unknown;
  if (!isObject(header)) {
    add(
      archivalFinding(
        'ARCHIVAL_REGISTRATION_INVALID',
        '缺少归档登记表表头（registration）',
        'registration header missing',
        '/registration',
      ),
    );
  } else {
    for (const field of ['单位名称', '归档电子文件门类'] as const) {
      if (textOf(header[field]) === undefined || typeof header[field] !== 'string') {
        add(
          archivalFinding(
            'ARCHIVAL_REGISTRATION_INVALID',
            `归档登记表的${field}缺失`,
            `registration ${field} missing`,
            `/registration/${field}`,
          ),
        );
      }
    }
    if (header.归档方式 !== '在线' && header.归档方式 !== '离线') {
      add(
        archivalFinding(
          'ARCHIVAL_REGISTRATION_INVALID',
          `归档方式应为“在线”或“离线”，实为“${String(header.归档方式)}”`,
          '归档方式 must be 在线 or 离线',
          '/registration/归档方式',
        ),
      );
    }
    if (header.说明 !== undefined && typeof header.说明 !== 'string') {
      add(
        archivalFinding(
          'ARCHIVAL_REGISTRATION_INVALID',
          '说明应为字符串',
          '说明 must be a string',
          '/registration/说明',
        ),
      );
    }
  }

  const items = input.items;
  if (items.length === 0 || (profile.unit === '件' && items.length !== 1)) {
    add(
      archivalFinding(
        'ARCHIVAL_ITEM_COUNT',
        profile.unit === '件'
          ? `按件组织的布局每个信息包恰好一件，实为 ${items.length} 件`
          : '信息包至少要有一件',
        profile.unit === '件'
          ? `a per-件 layout takes exactly one item, got ${items.length}`
          : 'a package needs at least one item',
        '/items',
      ),
    );
  }

  // Records
  items.forEach((item, i) => {
    const validation = safeValidateRecord(item.record, scheme, {
      ...(options.validation ?? {}),
      now: input.now,
    });
    for (const f of validation.findings) add({ ...f, path: `/件/${i}${f.path}` });
  });

  // 档号
  const codes: (string | undefined)[] = items.map((item, i) => {
    let code: string | undefined;
    try {
      code =
        options.archivalCode !== undefined
          ? textOf(options.archivalCode(item.record))
          : dat22ArchivalCode(item.record);
    } catch (e) {
      if (!(e instanceof DanganError)) throw e;
      for (const f of e.findings) add({ ...f, path: `/件/${i}${f.path ?? ''}` });
      return undefined;
    }
    if (code === undefined) {
      add(
        archivalFinding(
          'ARCHIVAL_ARCHIVAL_CODE_MISSING',
          `第 ${i + 1} 件无法得到档号（文件实体.档号 的全宗号、年度、保管期限、件号不全或无效，或 archivalCode 未返回）`,
          `Item ${i + 1} has no archival code`,
          `/件/${i}/文件实体/档号`,
          { element: 'M8' },
        ),
      );
    }
    return code;
  });
  const codeSeen = new Map<string, number>();
  const repeated = new Set<number>();
  codes.forEach((code, i) => {
    if (code === undefined) return;
    const first = codeSeen.get(code);
    if (first !== undefined) {
      add(
        archivalFinding(
          'ARCHIVAL_ARCHIVAL_CODE_DUPLICATE',
          `第 ${first + 1} 件与第 ${i + 1} 件的档号都是“${code}”`,
          `Items ${first + 1} and ${i + 1} share the archival code "${code}"`,
          `/件/${i}/文件实体/档号`,
          { element: 'M8' },
        ),
      );
      repeated.add(i);
    } else codeSeen.set(code, i);
  });

  // One 办件 per package
  if (profile.unit === '办件') {
    const caseIds = new Set(
      items.map((item) => textOf(objectAt(item.record, '办件')?.办件编号)).filter((x) => x !== undefined),
    );
    if (caseIds.size > 1) {
      add(
        archivalFinding(
          'ARCHIVAL_CASE_MISMATCH',
          `各件的办件编号不同（${[...caseIds].join('、')}），一个信息包只能有一个办件`,
          'the items belong to different cases',
          '/items',
        ),
      );
    }
  }

  // Names and paths
  const taken = new Map<string, string>();
  const claim = (path: string, where: string): boolean => {
    const checked = safeCheckEntryPath(path);
    if (!checked.ok) {
      add(
        archivalFinding(
          'ARCHIVAL_NAME_INVALID',
          `路径“${path}”不可用：${checked.error.message}`,
          `unusable path "${path}"`,
          where,
        ),
      );
      return false;
    }
    const key = entryPathKey(path);
    const earlier = taken.get(key);
    if (earlier !== undefined) {
      add(
        archivalFinding(
          'ARCHIVAL_NAME_DUPLICATE',
          `路径“${path}”与“${earlier}”相同（或仅大小写不同）`,
          `path "${path}" collides with "${earlier}"`,
          where,
        ),
      );
      return false;
    }
    taken.set(key, path);
    return true;
  };
  const fixed: [string, string][] = [
    [profile.metadata.path, '/profile/metadata'],
    [profile.catalogue.path, '/profile/catalogue'],
    [profile.registrationForm.path, '/profile/registrationForm'],
    [profile.manifest.path, '/profile/manifest'],
  ];
  if (profile.readme !== undefined) fixed.push([profile.readme.path, '/profile/readme']);
  for (const [path, where] of fixed) claim(path, where);

  const itemTemplate =
    profile.content.itemFolder === undefined ? undefined : parseNameTemplate(profile.content.itemFolder);
  const eepTemplate = profile.eep === undefined ? undefined : parseNameTemplate(profile.eep.fileName);
  const packageTemplate = parseNameTemplate(profile.packageName);
  const valuesOf = (i: number) =>
    Object.assign(recordTemplateValues(items[i]!.record), { 档号: codes[i], 序号: i + 1 });
  const render = (
    parsed: ReturnType<typeof parseNameTemplate> | undefined,
    i: number,
    what: string,
    where: string,
  ) => {
    if (parsed === undefined || !parsed.ok) return undefined;
    const r = renderNameTemplate(parsed.parts, valuesOf(i));
    if ('name' in r) return r.name;
    if ('missing' in r) {
      add(
        archivalFinding(
          'ARCHIVAL_TEMPLATE_VALUE_MISSING',
          `第 ${i + 1} 件缺少${what}模板所需的“${r.missing}”`,
          `item ${i + 1} lacks "${r.missing}" for the ${what} template`,
          where,
        ),
      );
    } else {
      add(
        archivalFinding(
          'ARCHIVAL_NAME_INVALID',
          `${what}“${r.invalid}”不是可用的文件名`,
          `"${r.invalid}" is not a usable name`,
          where,
        ),
      );
    }
    return undefined;
  };
  const packageName =
    items.length > 0 && codes[0] !== undefined
      ? render(packageTemplate, 0, '信息包名称', '/件/0')
      : undefined;

  const planned: PlannedItem[] = [];
  const folders = new Map<string, number>();
  items.forEach((item, i) => {
    const code = codes[i];
    const attrs = electronicAttributes(item.record);
    const byAttribute = new Map<number, number>();
    item.files.forEach((file, j) => {
      const a = file.attributeIndex;
      if (!Number.isSafeInteger(a) || a < 0 || a >= attrs.length) {
        add(
          archivalFinding(
            'ARCHIVAL_ATTRIBUTE_INDEX_INVALID',
            `第 ${i + 1} 件的第 ${j + 1} 个文件指向电子属性 ${String(a)}，记录只有 ${attrs.length} 组电子属性`,
            `file ${j + 1} of item ${i + 1} points to 电子属性 ${String(a)} of ${attrs.length}`,
            `/件/${i}/files/${j}`,
            { element: 'M46' },
          ),
        );
      } else if (byAttribute.has(a)) {
        add(
          archivalFinding(
            'ARCHIVAL_ATTRIBUTE_INDEX_INVALID',
            `第 ${i + 1} 件的第 ${byAttribute.get(a)! + 1} 与第 ${j + 1} 个文件指向同一组电子属性（${a}）`,
            `files ${byAttribute.get(a)! + 1} and ${j + 1} of item ${i + 1} point to the same 电子属性 ${a}`,
            `/件/${i}/files/${j}`,
            { element: 'M46' },
          ),
        );
      } else byAttribute.set(a, j);
      if (
        file.durationSeconds !== undefined &&
        (typeof file.durationSeconds !== 'number' ||
          !Number.isFinite(file.durationSeconds) ||
          file.durationSeconds < 0)
      ) {
        add(
          archivalFinding(
            'ARCHIVAL_INPUT_INVALID',
            `第 ${i + 1} 件第 ${j + 1} 个文件的时长无效`,
            'invalid durationSeconds',
            `/件/${i}/files/${j}/durationSeconds`,
          ),
        );
      }
    });
    attrs.forEach((_, a) => {
      if (!byAttribute.has(a)) {
        add(
          archivalFinding(
            'ARCHIVAL_ATTRIBUTE_FILE_MISSING',
            `第 ${i + 1} 件电子属性第 ${a + 1} 组（${textOf(objectAt(attrs[a])?.计算机文件名) ?? '无文件名'}）没有提供文件内容`,
            `item ${i + 1}: 电子属性 ${a + 1} has no content file`,
            `/件/${i}/文件实体/电子属性/${a}`,
            { element: 'M46', item: 'GD-2-7' },
          ),
        );
      }
    });
    // A repeated 档号 is reported once, not again as colliding names.
    if (code === undefined || repeated.has(i)) return;

    const folderName = itemTemplate === undefined ? undefined : render(itemTemplate, i, '件目录', `/件/${i}`);
    if (itemTemplate !== undefined && folderName === undefined) return;
    const folder =
      folderName === undefined ? profile.content.folder : `${profile.content.folder}/${folderName}`;
    if (folderName !== undefined) {
      const earlier = folders.get(entryPathKey(folder));
      if (earlier !== undefined) {
        add(
          archivalFinding(
            'ARCHIVAL_NAME_DUPLICATE',
            `第 ${earlier + 1} 件与第 ${i + 1} 件的目录都是“${folder}”（或仅大小写不同）`,
            `items ${earlier + 1} and ${i + 1} share the folder "${folder}"`,
            `/件/${i}`,
          ),
        );
        return;
      }
      folders.set(entryPathKey(folder), i);
    }

    const originalNames = item.files.map((f) => textOf(objectAt(attrs[f.attributeIndex])?.计算机文件名));
    let names: (string | undefined)[];
    const rule = profile.content.fileName;
    if (rule.kind === 'component') {
      const result: SafeResult<string[]> = safeComponentFileNames(
        item.files.map((f, j) => ({
          archivalCode: code,
          order: j + 1,
          role: f.role ?? materialNameOf(item.record, originalNames[j]),
          extension: originalNames[j] === undefined ? '' : (fileExtension(originalNames[j]!) ?? ''),
        })),
        {
          ...(rule.pattern === undefined ? {} : { pattern: rule.pattern }),
          ...(rule.separator === undefined ? {} : { separator: rule.separator }),
          ...(rule.orderWidth === undefined ? {} : { orderWidth: rule.orderWidth }),
          directory: folder,
          maxPathLength: MAX_ENTRY_PATH_LENGTH,
        },
      );
      if (!result.ok) {
        for (const f of result.findings) {
          add(
            archivalFinding(
              'ARCHIVAL_NAME_INVALID',
              `第 ${i + 1} 件的文件名无法生成：${f.message}`,
              `item ${i + 1}: ${f.messageEn ?? f.message}`,
              `/件/${i}`,
            ),
          );
        }
        return;
      }
      names = result.value;
    } else {
      names = originalNames.map((n, j) => {
        const name = n === undefined ? '' : safeNamePiece(n);
        if (name === '') {
          add(
            archivalFinding(
              'ARCHIVAL_NAME_INVALID',
              `第 ${i + 1} 件第 ${j + 1} 个文件没有可用的计算机文件名`,
              `item ${i + 1} file ${j + 1} has no usable 计算机文件名`,
              `/件/${i}/files/${j}`,
              { element: 'M48' },
            ),
          );
          return undefined;
        }
        return name;
      });
    }

    const files: PlannedFile[] = [];
    item.files.forEach((file, j) => {
      const name = names[j];
      if (name === undefined) return;
      const path = `${folder}/${name}`;
      if (!claim(path, `/件/${i}/files/${j}`)) return;
      const attribute = objectAt(attrs[file.attributeIndex]);
      const declared = numberOf(attribute?.计算机文件大小);
      files.push({
        path,
        source: file.source,
        attributeIndex: file.attributeIndex,
        declaredSize: declared !== undefined && Number.isSafeInteger(declared) ? declared : undefined,
        originalName:
          originalNames[j] !== undefined && originalNames[j] !== name ? originalNames[j] : undefined,
      });
    });

    let eep: PlannedItem['eep'];
    if (item.eep !== undefined && item.buildEep !== undefined) {
      add(
        archivalFinding(
          'ARCHIVAL_INPUT_INVALID',
          `第 ${i + 1} 件同时给了 eep 与 buildEep，只能给一个`,
          `item ${i + 1} has both eep and buildEep`,
          `/件/${i}/eep`,
        ),
      );
    }
    const build = item.eep === undefined ? (item.buildEep ?? options.buildEep) : undefined;
    if (item.eep !== undefined || build !== undefined) {
      if (profile.eep === undefined) {
        add(
          archivalFinding(
            'ARCHIVAL_EEP_NOT_ALLOWED',
            `第 ${i + 1} 件要写封装包，但布局“${profile.id}”没有封装包目录`,
            `item ${i + 1} has an EEP but layout "${profile.id}" has no EEP folder`,
            `/件/${i}/eep`,
          ),
        );
      } else {
        const name = render(eepTemplate, i, '封装包文件名', `/件/${i}/eep`);
        const path = name === undefined ? undefined : `${profile.eep.folder}/${name}`;
        if (path !== undefined && claim(path, `/件/${i}/eep`)) {
          eep = item.eep !== undefined ? { path, source: item.eep } : { path, build: build! };
        }
      }
    }

    let duration = 0;
    let fileDurations = false;
    for (const f of item.files) {
      if (
        typeof f.durationSeconds === 'number' &&
        Number.isFinite(f.durationSeconds) &&
        f.durationSeconds >= 0
      ) {
        duration += f.durationSeconds;
        fileDurations = true;
      }
    }
    if (!fileDurations) duration = durationOf(item.record) ?? 0;
    planned.push({
      index: i,
      record: item.record,
      input: item.files,
      archivalCode: code,
      recordId: textOf(objectAt(item.record, '文件实体')?.电子文件号),
      folder,
      files,
      eep,
      pages: pagesOf(item.record),
      durationSeconds: duration,
      volume: isVolume(item.record),
    });
  });

  // Catalogue and metadata document: made now, so a problem stops the build before anything is written.
  let catalogue: Uint8Array | undefined;
  let metadata: Uint8Array | undefined;
  if (errors.length === 0) {
    const folderOf = new Map<unknown, string>(planned.map((p) => [p.record, p.folder]));
    const codeOf = new Map<unknown, string>(planned.map((p) => [p.record, p.archivalCode]));
    const built = safeBuildCatalogue(
      planned.map((p) => p.record as CatalogueInput),
      {
        archivalCode: (r) => codeOf.get(r),
        electronicName: (row, inputRecord) => folderOf.get(inputRecord) ?? row.档号,
      },
    );
    if (!built.ok) {
      for (const f of built.findings) {
        add({
          ...f,
          code: f.severity === 'error' ? 'ARCHIVAL_CATALOGUE_INVALID' : f.code,
          path: `/件${f.path ?? ''}`,
        });
      }
    } else {
      for (const f of built.value.findings) add({ ...f, path: `/件${f.path ?? ''}` });
      try {
        catalogue = catalogueToXml(built.value.rows, { encoding: profile.catalogue.encoding });
      } catch (e) {
        if (!(e instanceof DanganError)) throw e;
        for (const f of e.findings) add({ ...f, code: 'ARCHIVAL_CATALOGUE_INVALID' });
      }
    }
    try {
      metadata = utf8(
        recordsToXml(
          planned.map((p) => p.record),
          scheme,
        ),
      );
    } catch (e) {
      if (!(e instanceof DanganError)) throw e;
      for (const f of e.findings)
        add({ ...f, code: f.severity === 'error' ? 'ARCHIVAL_METADATA_UNWRITABLE' : f.code });
    }
  }

  if (errors.length > 0 || packageName === undefined || catalogue === undefined || metadata === undefined) {
    throw findingsError(
      'ARCHIVAL_INPUT_INVALID',
      '归档信息包的输入有误，未写入任何内容',
      'The package input is invalid; nothing was written',
      [...errors, ...notes],
    );
  }
  const pagesUnknown = planned.filter((p) => p.pages === undefined).length;
  if (pagesUnknown > 0) {
    notes.push(
      archivalFinding(
        'ARCHIVAL_PAGES_UNKNOWN',
        `${pagesUnknown} 件未著录页数，归档登记表“张”只计已知页数`,
        `${pagesUnknown} item(s) have no page count; 张 counts known pages only`,
        '/件',
        { element: 'M43' },
      ),
    );
  }
  return { profile, scheme, packageName, archivedAt, items: planned, metadata, catalogue, findings: notes };
}
