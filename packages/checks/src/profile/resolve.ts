import { DanganError, type SafeResult, safely } from '@dangan/core';
import { catalogue } from '../catalogue/catalogue.js';
import { itemKeyTarget } from './item-keys.js';
import { profiles } from './profiles.js';
import type {
  CheckParameters,
  CheckProfile,
  ItemSetting,
  ResolvedItemSetting,
  ResolvedProfile,
} from './types.js';
import { isPlainObject, validateProfile } from './validate.js';

/**
 * Where `resolveProfile` looks profiles up (by id) besides the shipped ones: an object keyed by id, a map, or
 * a list. A registry profile with a shipped id replaces the shipped one.
 */
export type ProfileRegistry =
  | Readonly<Record<string, CheckProfile>>
  | ReadonlyMap<string, CheckProfile>
  | readonly CheckProfile[];

function lookup(id: string, registry: ProfileRegistry | undefined): CheckProfile | undefined {
  if (registry !== undefined) {
    if (Array.isArray(registry)) {
      for (const p of registry as readonly CheckProfile[]) if (isPlainObject(p) && p.id === id) return p;
    } else if (registry instanceof Map) {
      const p = registry.get(id);
      if (p !== undefined) return p;
    } else if (Object.hasOwn(registry, id)) {
      return (registry as Readonly<Record<string, CheckProfile>>)[id];
    }
  }
  return Object.hasOwn(profiles, id) ? (profiles as Readonly<Record<string, CheckProfile>>)[id] : undefined;
}

function notFound(id: string, path: string): DanganError {
  return new DanganError('CHECK_PROFILE_NOT_FOUND', `找不到检测方案“${id}”`, {
    messageEn: `No check profile "${id}" (shipped: ${Object.keys(profiles).join(', ')}; or pass a registry)`,
    findings: [
      {
        code: 'CHECK_PROFILE_NOT_FOUND',
        severity: 'error',
        message: `找不到检测方案“${id}”（内置：${Object.keys(profiles).join('、')}；自定义方案请通过 registry 传入）`,
        messageEn: `no check profile "${id}"`,
        path,
      },
    ],
  });
}

/** Copies own enumerable keys without invoking setters (a JSON `__proto__` key stays a plain key). */
function assignOwn(target: Record<string, unknown>, source: { readonly [key: string]: unknown }): void {
  for (const key of Object.keys(source))
    Object.defineProperty(target, key, {
      value: source[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

/** Shallow-merges `over` into `base`: a plain-object value is merged key by key, anything else replaces. */
function mergeParameters(
  base: Record<string, unknown>,
  over: { readonly [key: string]: unknown },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  assignOwn(out, base);
  for (const key of Object.keys(over)) {
    const a = out[key];
    const b = over[key];
    let value: unknown = b;
    if (isPlainObject(a) && isPlainObject(b)) {
      const merged: Record<string, unknown> = {};
      assignOwn(merged, a);
      assignOwn(merged, b);
      value = merged;
    }
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function invalid(profile: unknown, findings: ReturnType<typeof validateProfile>): DanganError {
  const id = isPlainObject(profile) && typeof profile.id === 'string' ? profile.id : '(无 id)';
  const first = findings.slice(0, 3);
  const more = findings.length > first.length ? '等' : '';
  return new DanganError(
    'CHECK_PROFILE_INVALID',
    `检测方案“${id}”不合格：${first.map((f) => `${f.path || '/'} ${f.message}`).join('；')}${more}`,
    {
      messageEn: `Check profile "${id}" is invalid: ${first.map((f) => `${f.path || '/'} ${f.messageEn}`).join('; ')}${findings.length > first.length ? '; …' : ''}`,
      findings,
    },
  );
}

/** The chain from the base to `profile`, each validated; throws on a missing base, a cycle or a bad profile. */
function chainOf(profile: CheckProfile, registry: ProfileRegistry | undefined): CheckProfile[] {
  const chain: CheckProfile[] = [];
  const seen: string[] = [];
  let current: CheckProfile | undefined = profile;
  while (current !== undefined) {
    const findings = validateProfile(current);
    if (findings.length > 0) throw invalid(current, findings);
    if (seen.includes(current.id)) {
      const cycle = [...seen, current.id].join(' → ');
      throw new DanganError('CHECK_PROFILE_CYCLE', `检测方案的 extends 形成循环：${cycle}`, {
        messageEn: `The extends chain of the check profile is a cycle: ${cycle}`,
        path: '/extends',
      });
    }
    seen.push(current.id);
    chain.unshift(current);
    const base: string | undefined = current.extends;
    if (base === undefined) break;
    const next = lookup(base, registry);
    if (next === undefined) throw notFound(base, '/extends');
    current = next;
  }
  return chain;
}

function applyItems(
  settings: Map<string, ResolvedItemSetting>,
  items: Readonly<Record<string, ItemSetting>>,
): void {
  const targets = Object.entries(items)
    .map(([key, setting]) => ({ target: itemKeyTarget(key)!, setting }))
    .sort((a, b) => a.target.specificity - b.target.specificity);
  for (const { target, setting } of targets) {
    for (const item of target.items) {
      const current = settings.get(item.id)!;
      let params = current.params;
      if (setting.params !== undefined) {
        const merged: Record<string, unknown> = {};
        assignOwn(merged, current.params);
        assignOwn(merged, setting.params);
        params = merged;
      }
      settings.set(item.id, {
        enabled: setting.enabled ?? current.enabled,
        severity: setting.severity ?? current.severity,
        params,
      });
    }
  }
}

/**
 * Resolves a check profile (生效检测方案): follows its `extends` chain through `registry` and the shipped
 * profiles, validates each profile, and merges them base first into a setting for every catalogue item
 * (`enabled`, `severity`, `params`) and one set of parameters. Within a profile an item-id key beats a group
 * key, which beats a rule key; a derived profile beats its base; `params` and object-valued parameters
 * (`allowedFormats`, `metadata`) merge key by key, lists replace.
 *
 * Throws `DanganError`: `CHECK_PROFILE_NOT_FOUND` (unknown id or base), `CHECK_PROFILE_CYCLE`,
 * `CHECK_PROFILE_INVALID` (findings with JSON-pointer paths, see `validateProfile`).
 *
 * @example
 * const p = resolveProfile('shanghai-ywtb');
 * p.chain; // ['dat70', 'shanghai-ywtb']
 * p.items['GD-2-6']?.params; // { groupBy: '办件' }
 * resolveProfile({ id: 'mine', name: '本馆', extends: 'dat70', items: { 'GD-4-6': { enabled: false } } })
 *   .items['GD-4-6']?.enabled; // false
 */
export function resolveProfile(
  profileOrId: string | CheckProfile,
  registry?: ProfileRegistry,
): ResolvedProfile {
  let profile: CheckProfile;
  if (typeof profileOrId === 'string') {
    const found = lookup(profileOrId, registry);
    if (found === undefined) throw notFound(profileOrId, '');
    profile = found;
  } else if (typeof profileOrId === 'object' && profileOrId !== null) {
    profile = profileOrId;
  } else {
    throw new TypeError('profileOrId must be a profile id or a CheckProfile object');
  }
  if (registry !== undefined && (typeof registry !== 'object' || registry === null))
    throw new TypeError('registry must be an object, a Map or an array of profiles');
  const chain = chainOf(profile, registry);
  const settings = new Map<string, ResolvedItemSetting>();
  const empty: Readonly<Record<string, unknown>> = Object.freeze({});
  for (const item of catalogue.items)
    settings.set(item.id, { enabled: true, severity: item.defaultSeverity, params: empty });
  let parameters: Record<string, unknown> = {};
  for (const p of chain) {
    if (p.items !== undefined) applyItems(settings, p.items);
    if (p.parameters !== undefined)
      parameters = mergeParameters(parameters, p.parameters as { readonly [key: string]: unknown });
  }
  const items: Record<string, ResolvedItemSetting> = {};
  for (const [id, s] of settings) items[id] = Object.freeze({ ...s, params: Object.freeze(s.params) });
  const leaf = chain[chain.length - 1]!;
  return Object.freeze({
    id: leaf.id,
    name: leaf.name,
    chain: Object.freeze(chain.map((p) => p.id)),
    ...(leaf.description === undefined ? {} : { description: leaf.description }),
    items: Object.freeze(items),
    parameters: Object.freeze(parameters) as CheckParameters,
  });
}

/**
 * {@link resolveProfile} returning a `SafeResult` instead of throwing.
 *
 * @example
 * const r = safeResolveProfile({ id: 'x', name: 'x', extends: 'nope' });
 * if (!r.ok) r.error.code; // 'CHECK_PROFILE_NOT_FOUND'
 */
export function safeResolveProfile(
  profileOrId: string | CheckProfile,
  registry?: ProfileRegistry,
): SafeResult<ResolvedProfile> {
  return safely(() => resolveProfile(profileOrId, registry));
}
