import { ARCHIVAL_DIGEST_ALGORITHMS, type Finding, type SafeResult, safely } from '@dangan/core';
import { safeCheckEntryPath } from '../sinks/entry-path.js';
import { archivalFinding, findingsError } from './codes.js';
import type { ArchivalLayoutProfile } from './profile.js';
import { ITEM_DISTINGUISHING_FIELDS, parseNameTemplate } from './template.js';

const PARTS = ['archivalCode', 'order', 'role', 'title'];

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Lower-case NFC key, as sinks compare paths. */
function key(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/**
 * Checks a 归档信息包 layout profile (布局校验) and returns it unchanged, or throws
 * `DanganError('ARCHIVAL_PROFILE_INVALID')` with one finding per problem: a missing or mistyped field; a name
 * template with an unknown placeholder, unbalanced braces or unsafe literal text; a `办件` layout whose 件
 * folders would not tell the 件 apart; an unsafe path (`../x`, `C:/x`, control characters …; see
 * `checkEntryPath`); two parts on the same path (ignoring case), or a part inside a content or EEP folder;
 * digest algorithms that are empty, repeated or not archival (MD5 and SHA-1 are verify-only).
 *
 * @example
 * validateArchivalLayoutProfile({ ...ARCHIVAL_LAYOUTS['dangan-ywtb'], id: 'mine', metadata: { path: '../元数据.xml' } });
 * // throws ARCHIVAL_PROFILE_INVALID: 元数据文档路径“../元数据.xml”不安全 …
 */
export function validateArchivalLayoutProfile(profile: ArchivalLayoutProfile): ArchivalLayoutProfile {
  const findings = archivalLayoutProfileProblems(profile);
  if (findings.length > 0) {
    throw findingsError(
      'ARCHIVAL_PROFILE_INVALID',
      '信息包布局无效',
      'Invalid package layout profile',
      findings,
    );
  }
  return profile;
}

/**
 * {@link validateArchivalLayoutProfile} as a `SafeResult`.
 *
 * @example
 * const r = safeValidateArchivalLayoutProfile(hostProfile);
 * if (!r.ok) console.log(r.findings.map((f) => f.message));
 */
export function safeValidateArchivalLayoutProfile(
  profile: ArchivalLayoutProfile,
): SafeResult<ArchivalLayoutProfile> {
  return safely(() => validateArchivalLayoutProfile(profile));
}

/** Every problem of a profile, as findings (empty when it is valid). */
function archivalLayoutProfileProblems(profile: unknown): Finding[] {
  const findings: Finding[] = [];
  const problem = (field: string, zh: string, en: string) =>
    findings.push(
      archivalFinding(
        'ARCHIVAL_PROFILE_INVALID',
        `布局 ${field}：${zh}`,
        `Profile ${field}: ${en}`,
        `/${field}`,
      ),
    );
  if (!isObject(profile)) {
    problem('', '不是对象', 'not an object');
    return findings;
  }
  const p = profile as Record<string, unknown>;
  for (const field of ['id', 'version', 'name', 'basis', 'scheme']) {
    if (typeof p[field] !== 'string' || (p[field] as string).trim() === '')
      problem(field, '应为非空字符串', 'must be a non-empty string');
  }
  if (typeof p.id === 'string' && !/^[\p{L}\p{N}._-]{1,64}$/u.test(p.id)) {
    problem(
      'id',
      '只能含字母、数字、点、下划线和连字符（至多 64 个）',
      'letters, digits, . _ - only (at most 64)',
    );
  }
  if (typeof p.provisional !== 'boolean') problem('provisional', '应为布尔值', 'must be a boolean');
  if (p.unit !== '办件' && p.unit !== '件') problem('unit', "应为 '办件' 或 '件'", "must be '办件' or '件'");

  const template = (field: string, value: unknown): ReturnType<typeof parseNameTemplate> | undefined => {
    const parsed = parseNameTemplate(value);
    if (!parsed.ok) {
      problem(
        field,
        `命名模板“${String(value)}”无效：${parsed.problem[0]}`,
        `bad name template: ${parsed.problem[1]}`,
      );
      return undefined;
    }
    return parsed;
  };
  template('packageName', p.packageName);

  // Paths: [field, path, is a folder]
  const paths: [string, string, boolean][] = [];
  const path = (field: string, value: unknown, folder: boolean): void => {
    if (typeof value !== 'string') {
      problem(field, '应为字符串路径', 'must be a path string');
      return;
    }
    const checked = safeCheckEntryPath(value);
    if (!checked.ok) {
      problem(field, `路径“${value}”不安全：${checked.error.message}`, `unsafe path "${value}"`);
      return;
    }
    paths.push([field, value, folder]);
  };
  const part = (name: string, withEncoding: boolean, optional: boolean): void => {
    const value = p[name];
    if (value === undefined && optional) return;
    if (!isObject(value)) {
      problem(name, '应为对象', 'must be an object');
      return;
    }
    path(`${name}/path`, value.path, false);
    if (withEncoding && value.encoding !== 'utf-8' && value.encoding !== 'gb18030') {
      problem(`${name}/encoding`, "应为 'utf-8' 或 'gb18030'", "must be 'utf-8' or 'gb18030'");
    }
  };
  part('metadata', false, false);
  part('catalogue', true, false);
  part('registrationForm', false, false);
  part('readme', true, true);
  part('manifest', false, false);

  const manifest = p.manifest;
  if (isObject(manifest)) {
    const algorithms = manifest.algorithms;
    if (!Array.isArray(algorithms) || algorithms.length === 0) {
      problem('manifest/algorithms', '应为非空数组', 'must be a non-empty array');
    } else {
      const seen = new Set<unknown>();
      for (const a of algorithms) {
        if (!(ARCHIVAL_DIGEST_ALGORITHMS as readonly unknown[]).includes(a)) {
          problem(
            'manifest/algorithms',
            `“${String(a)}”不是归档用摘要算法（可用 ${ARCHIVAL_DIGEST_ALGORITHMS.join('、')}）`,
            `"${String(a)}" is not an archival digest algorithm`,
          );
        } else if (seen.has(a)) {
          problem('manifest/algorithms', `算法“${String(a)}”重复`, `algorithm "${String(a)}" repeated`);
        }
        seen.add(a);
      }
    }
  }

  const content = p.content;
  if (!isObject(content)) {
    problem('content', '应为对象', 'must be an object');
  } else {
    path('content/folder', content.folder, true);
    if (content.itemFolder === undefined) {
      if (p.unit === '办件') {
        problem(
          'content/itemFolder',
          '按办件组织时必须为每件设子目录',
          "a '办件' layout needs a folder per 件",
        );
      }
    } else {
      const parsed = template('content/itemFolder', content.itemFolder);
      if (parsed?.ok && p.unit === '办件' && !ITEM_DISTINGUISHING_FIELDS.some((f) => parsed.fields.has(f))) {
        problem(
          'content/itemFolder',
          `件的子目录模板须含 ${ITEM_DISTINGUISHING_FIELDS.map((f) => `{${f}}`).join('、')} 之一，否则各件同名`,
          'the 件 folder template must name the 件, or the folders collide',
        );
      }
    }
    const rule = content.fileName;
    if (!isObject(rule) || (rule.kind !== 'component' && rule.kind !== 'original')) {
      problem(
        'content/fileName',
        "应为 { kind: 'component' | 'original' }",
        "must be { kind: 'component' | 'original' }",
      );
    } else if (rule.kind === 'component') {
      const pattern = rule.pattern;
      if (
        pattern !== undefined &&
        (!Array.isArray(pattern) ||
          pattern.some((x) => !PARTS.includes(x as string)) ||
          new Set(pattern).size !== pattern.length ||
          !pattern.includes('archivalCode') ||
          !pattern.includes('order'))
      ) {
        problem(
          'content/fileName/pattern',
          '应为不重复的 archivalCode、order、role、title，且含 archivalCode 和 order',
          'must list distinct archivalCode | order | role | title, including archivalCode and order',
        );
      }
      if (
        rule.separator !== undefined &&
        (typeof rule.separator !== 'string' ||
          rule.separator.length > 8 ||
          parseNameTemplate(`{序号}${rule.separator}`).ok !== true)
      ) {
        problem(
          'content/fileName/separator',
          '应为不含文件名禁用字符的短字符串',
          'must be a short file-name-safe string',
        );
      }
      if (
        rule.orderWidth !== undefined &&
        (!Number.isInteger(rule.orderWidth) ||
          (rule.orderWidth as number) < 1 ||
          (rule.orderWidth as number) > 9)
      ) {
        problem('content/fileName/orderWidth', '应为 1–9 的整数', 'must be an integer from 1 to 9');
      }
    }
  }

  const eep = p.eep;
  if (eep !== undefined) {
    if (!isObject(eep)) problem('eep', '应为对象', 'must be an object');
    else {
      path('eep/folder', eep.folder, true);
      const parsed = template('eep/fileName', eep.fileName);
      if (parsed?.ok && p.unit === '办件' && !ITEM_DISTINGUISHING_FIELDS.some((f) => parsed.fields.has(f))) {
        problem(
          'eep/fileName',
          '封装包文件名模板须能区分各件',
          'the EEP file name template must name the 件',
        );
      }
    }
  }

  // Collisions: equal paths, a part inside a folder, or one path used both as a file and a folder.
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const [fa, a, folderA] = paths[i]!;
      const [fb, b, folderB] = paths[j]!;
      const ka = key(a);
      const kb = key(b);
      const clash =
        ka === kb ||
        (folderA && kb.startsWith(`${ka}/`)) ||
        (folderB && ka.startsWith(`${kb}/`)) ||
        (!folderA && kb.startsWith(`${ka}/`)) ||
        (!folderB && ka.startsWith(`${kb}/`));
      if (clash) {
        problem(
          fb,
          `路径“${b}”与 ${fa} 的“${a}”冲突（相同、仅大小写不同或互相包含）`,
          `path "${b}" collides with ${fa} "${a}"`,
        );
      }
    }
  }
  return findings;
}
