import { DanganError, type SafeResult, safely } from '@dangan/core';
import type { CheckProfile } from './types.js';
import { validateProfile } from './validate.js';

/**
 * Reads a host's check profile (检测方案文件): JSON text or an already-parsed value, validated by
 * `validateProfile` (item ids, severities, format ids, digest algorithms …). Returns the profile, typed; its
 * `extends` is resolved later by `resolveProfile`. Throws `DanganError('CHECK_PROFILE_INVALID')` whose
 * findings carry a JSON-pointer `path` for each problem (`CHECK_PROFILE_JSON_INVALID` for text that is not
 * JSON).
 *
 * @example
 * const profile = parseProfile(await readFile('profile.json', 'utf8'));
 * const resolved = resolveProfile(profile);
 */
export function parseProfile(json: string | unknown): CheckProfile {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      throw new DanganError('CHECK_PROFILE_INVALID', `检测方案不是合法的 JSON：${detail}`, {
        messageEn: `The check profile is not valid JSON: ${detail}`,
        cause: e,
        findings: [
          {
            code: 'CHECK_PROFILE_JSON_INVALID',
            severity: 'error',
            message: `检测方案不是合法的 JSON：${detail}`,
            messageEn: `the check profile is not valid JSON: ${detail}`,
            path: '',
          },
        ],
      });
    }
  }
  const findings = validateProfile(value);
  if (findings.length > 0) {
    const first = findings.slice(0, 3);
    const more = findings.length > first.length;
    throw new DanganError(
      'CHECK_PROFILE_INVALID',
      `检测方案不合格：${first.map((f) => `${f.path || '/'} ${f.message}`).join('；')}${more ? '等' : ''}`,
      {
        messageEn: `The check profile is invalid: ${first.map((f) => `${f.path || '/'} ${f.messageEn}`).join('; ')}${more ? '; …' : ''}`,
        findings,
      },
    );
  }
  return value as CheckProfile;
}

/**
 * {@link parseProfile} returning a `SafeResult` instead of throwing.
 *
 * @example
 * const r = safeParseProfile('{"id":"x","name":"x","items":{"GD-1-2":{"severity":"fatal"}}}');
 * if (!r.ok) r.findings[0]?.path; // '/items/GD-1-2/severity'
 */
export function safeParseProfile(json: string | unknown): SafeResult<CheckProfile> {
  return safely(() => parseProfile(json));
}
