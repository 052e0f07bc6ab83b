import { DIGEST_ALGORITHMS, type Finding, FORMAT_IDS } from '@dangan/core';
import type { ProfileFindingCode } from './codes.js';
import { itemKeyTarget } from './item-keys.js';

const STAGE_IDS = ['archiving', 'transfer', 'preservation'] as const;
const STAGE_CODE_HINT: Readonly<Record<string, string>> = {
  GD: 'archiving',
  YJ: 'transfer',
  BC: 'preservation',
};
const PROFILE_KEYS = new Set(['id', 'name', 'extends', 'description', 'items', 'parameters']);
const SETTING_KEYS = new Set(['enabled', 'severity', 'params']);

/** A profile finding: a core finding with a JSON-pointer `path` into the profile and an English message. */
export interface ProfileFinding extends Finding {
  readonly code: ProfileFindingCode;
  readonly path: string;
  readonly messageEn: string;
}

/** Escapes one key for a JSON pointer (RFC 6901). */
export function pointerKey(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Whether a value is a plain object (not null, not an array). */
export function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  if (typeof value === 'string') return `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
  return typeof value === 'object' ? '对象' : String(value);
}

/**
 * Checks a check profile's structure and values (检测方案校验) without resolving its `extends`: `id` and `name`
 * are non-empty strings; every `items` key is an item id, group key or rule key of the catalogue; each setting
 * has only `enabled` (boolean), `severity` (`error` | `warning`) and `params` (object); `parameters` has known
 * format ids per stage id, known digest algorithms, string environments and valid metadata options. Returns
 * every problem as a finding with a JSON-pointer `path` (`/items/GD-9-9`, `/parameters/allowedFormats/archiving/2`);
 * `[]` means valid. Unknown `parameters` keys are left alone (rules added later read them).
 *
 * @example
 * validateProfile({ id: 'x', name: 'x', items: { 'GD-9-9': { enabled: false } } });
 * // [{ code: 'CHECK_PROFILE_UNKNOWN_ITEM', path: '/items/GD-9-9', message: '检测方案中没有检测项“GD-9-9”…', … }]
 */
export function validateProfile(profile: unknown): ProfileFinding[] {
  const findings: ProfileFinding[] = [];
  const add = (code: ProfileFindingCode, path: string, zh: string, en: string): void => {
    findings.push({ code, severity: 'error', message: zh, messageEn: en, path });
  };
  if (!isPlainObject(profile)) {
    add(
      'CHECK_PROFILE_INVALID',
      '',
      `检测方案应为对象，实为${describe(profile)}`,
      'a check profile must be an object',
    );
    return findings;
  }
  for (const key of Object.keys(profile))
    if (!PROFILE_KEYS.has(key))
      add(
        'CHECK_PROFILE_INVALID',
        `/${pointerKey(key)}`,
        `检测方案中有未知的字段“${key}”（可用：id、name、extends、description、items、parameters）`,
        `unknown field "${key}" (allowed: id, name, extends, description, items, parameters)`,
      );
  for (const key of ['id', 'name'] as const) {
    const v = profile[key];
    if (typeof v !== 'string' || v.trim() === '')
      add(
        'CHECK_PROFILE_INVALID',
        `/${key}`,
        `${key} 应为非空字符串，实为${describe(v)}`,
        `${key} must be a non-empty string`,
      );
  }
  for (const key of ['extends', 'description'] as const) {
    const v = profile[key];
    if (v !== undefined && (typeof v !== 'string' || (key === 'extends' && v.trim() === '')))
      add(
        'CHECK_PROFILE_INVALID',
        `/${key}`,
        `${key} 应为非空字符串，实为${describe(v)}`,
        `${key} must be a non-empty string`,
      );
  }
  if (profile.items !== undefined) validateItems(profile.items, add);
  if (profile.parameters !== undefined) validateParameters(profile.parameters, add);
  return findings;
}

type Add = (code: ProfileFindingCode, path: string, zh: string, en: string) => void;

/** Whether the field `name` at `path` is a plain object; when it is not, adds the finding that says so. */
function isObjectField(
  value: unknown,
  path: string,
  name: string,
  add: Add,
): value is { readonly [key: string]: unknown } {
  if (isPlainObject(value)) return true;
  add('CHECK_PROFILE_INVALID', path, `${name} 应为对象，实为${describe(value)}`, `${name} must be an object`);
  return false;
}

function validateItems(items: unknown, add: Add): void {
  if (!isObjectField(items, '/items', 'items', add)) return;
  for (const [key, setting] of Object.entries(items)) {
    const path = `/items/${pointerKey(key)}`;
    if (itemKeyTarget(key) === undefined)
      add(
        'CHECK_PROFILE_UNKNOWN_ITEM',
        path,
        `检测方案中没有检测项“${key}”：应为检测项编号（如 GD-1-7）、检测项目键（如 GD:1-2）或规则键（如 metadata.continuity）`,
        `"${key}" is not an item id (GD-1-7), group key (GD:1-2) or rule key (metadata.continuity) of the catalogue`,
      );
    if (!isPlainObject(setting)) {
      add(
        'CHECK_PROFILE_INVALID',
        path,
        `检测项配置应为对象，实为${describe(setting)}`,
        'an item setting must be an object',
      );
      continue;
    }
    for (const k of Object.keys(setting))
      if (!SETTING_KEYS.has(k))
        add(
          'CHECK_PROFILE_INVALID',
          `${path}/${pointerKey(k)}`,
          `检测项配置中有未知的字段“${k}”（可用：enabled、severity、params）`,
          `unknown setting "${k}" (allowed: enabled, severity, params)`,
        );
    if (setting.enabled !== undefined && typeof setting.enabled !== 'boolean')
      add(
        'CHECK_PROFILE_INVALID',
        `${path}/enabled`,
        `enabled 应为 true 或 false，实为${describe(setting.enabled)}`,
        'enabled must be a boolean',
      );
    if (setting.severity !== undefined && setting.severity !== 'error' && setting.severity !== 'warning')
      add(
        'CHECK_PROFILE_BAD_SEVERITY',
        `${path}/severity`,
        `严重程度应为 error 或 warning，实为${describe(setting.severity)}`,
        `severity must be "error" or "warning", got ${JSON.stringify(setting.severity) ?? String(setting.severity)}`,
      );
    if (setting.params !== undefined) isObjectField(setting.params, `${path}/params`, 'params', add);
  }
}

function validateParameters(parameters: unknown, add: Add): void {
  if (!isObjectField(parameters, '/parameters', 'parameters', add)) return;
  const { allowedFormats, digestAlgorithms, allowedEnvironments, metadata } = parameters;
  if (allowedFormats !== undefined) {
    if (!isPlainObject(allowedFormats)) {
      add(
        'CHECK_PROFILE_INVALID',
        '/parameters/allowedFormats',
        `allowedFormats 应为按检测环节（archiving、transfer、preservation）分列的对象，实为${describe(allowedFormats)}`,
        'allowedFormats must be an object keyed by stage id',
      );
    } else {
      for (const [stage, list] of Object.entries(allowedFormats)) {
        const path = `/parameters/allowedFormats/${pointerKey(stage)}`;
        if (!(STAGE_IDS as readonly string[]).includes(stage)) {
          const hint = STAGE_CODE_HINT[stage];
          add(
            'CHECK_PROFILE_INVALID',
            path,
            `未知的检测环节“${stage}”${hint === undefined ? '' : `（请写作 ${hint}）`}：应为 archiving、transfer 或 preservation`,
            `unknown stage "${stage}"${hint === undefined ? '' : ` (write ${hint})`}: use archiving, transfer or preservation`,
          );
        }
        checkList(list, path, FORMAT_IDS, 'CHECK_PROFILE_UNKNOWN_FORMAT', '格式标识', 'format id', add);
      }
    }
  }
  if (digestAlgorithms !== undefined)
    checkList(
      digestAlgorithms,
      '/parameters/digestAlgorithms',
      DIGEST_ALGORITHMS,
      'CHECK_PROFILE_UNKNOWN_DIGEST',
      '摘要算法',
      'digest algorithm',
      add,
    );
  if (allowedEnvironments !== undefined) {
    if (!Array.isArray(allowedEnvironments))
      add(
        'CHECK_PROFILE_INVALID',
        '/parameters/allowedEnvironments',
        `allowedEnvironments 应为字符串数组，实为${describe(allowedEnvironments)}`,
        'allowedEnvironments must be an array of strings',
      );
    else
      allowedEnvironments.forEach((v, i) => {
        if (typeof v !== 'string' || v.trim() === '')
          add(
            'CHECK_PROFILE_INVALID',
            `/parameters/allowedEnvironments/${i}`,
            `软硬件环境应为非空字符串，实为${describe(v)}`,
            'an environment must be a non-empty string',
          );
      });
  }
  if (metadata !== undefined) validateMetadataParameters(metadata, add);
}

function checkList(
  list: unknown,
  path: string,
  known: readonly string[],
  code: ProfileFindingCode,
  zhWhat: string,
  enWhat: string,
  add: Add,
): void {
  if (!Array.isArray(list)) {
    add(
      'CHECK_PROFILE_INVALID',
      path,
      `应为${zhWhat}数组，实为${describe(list)}`,
      `must be an array of ${enWhat}s`,
    );
    return;
  }
  list.forEach((v, i) => {
    if (typeof v !== 'string' || !known.includes(v))
      add(
        code,
        `${path}/${i}`,
        `未知的${zhWhat}${describe(v)}（可用：${known.join('、')}）`,
        `unknown ${enWhat} ${JSON.stringify(v) ?? String(v)} (known: ${known.join(', ')})`,
      );
  });
}

function validateMetadataParameters(metadata: unknown, add: Add): void {
  const path = '/parameters/metadata';
  if (!isObjectField(metadata, path, 'metadata', add)) return;
  const { maxLength, utcOffsetMinutes, unknownElements } = metadata;
  if (maxLength !== undefined && !(Number.isSafeInteger(maxLength) && (maxLength as number) >= 0))
    add(
      'CHECK_PROFILE_INVALID',
      `${path}/maxLength`,
      `maxLength 应为非负整数，实为${describe(maxLength)}`,
      'maxLength must be a non-negative integer',
    );
  if (
    utcOffsetMinutes !== undefined &&
    !(
      typeof utcOffsetMinutes === 'number' &&
      Number.isFinite(utcOffsetMinutes) &&
      Math.abs(utcOffsetMinutes) <= 1440
    )
  )
    add(
      'CHECK_PROFILE_INVALID',
      `${path}/utcOffsetMinutes`,
      `utcOffsetMinutes 应为 −1440 到 1440 之间的分钟数，实为${describe(utcOffsetMinutes)}`,
      'utcOffsetMinutes must be a number of minutes between -1440 and 1440',
    );
  if (
    unknownElements !== undefined &&
    unknownElements !== 'error' &&
    unknownElements !== 'warning' &&
    unknownElements !== 'ignore'
  )
    add(
      'CHECK_PROFILE_INVALID',
      `${path}/unknownElements`,
      `unknownElements 应为 error、warning 或 ignore，实为${describe(unknownElements)}`,
      'unknownElements must be error, warning or ignore',
    );
}
