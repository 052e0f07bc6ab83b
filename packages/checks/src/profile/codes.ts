/** What one profile finding code means (检测方案错误代码). */
export interface ProfileFindingCodeInfo {
  readonly zh: string;
  readonly en: string;
}

/**
 * Every code `validateProfile`, `parseProfile` and `resolveProfile` report or throw, as data. The thrown
 * `DanganError` has code `CHECK_PROFILE_INVALID` (its findings name each problem with a JSON-pointer `path`),
 * `CHECK_PROFILE_NOT_FOUND` or `CHECK_PROFILE_CYCLE`. Codes are only ever added, never renamed.
 *
 * @example
 * PROFILE_FINDING_CODES.CHECK_PROFILE_UNKNOWN_ITEM.zh; // '检测方案中有目录里没有的检测项'
 */
export const PROFILE_FINDING_CODES = {
  CHECK_PROFILE_INVALID: {
    zh: '检测方案不合格（结构或取值错误）',
    en: 'the check profile is malformed (structure or value)',
  },
  CHECK_PROFILE_JSON_INVALID: { zh: '检测方案不是合法的 JSON', en: 'the check profile is not valid JSON' },
  CHECK_PROFILE_UNKNOWN_ITEM: {
    zh: '检测方案中有目录里没有的检测项',
    en: 'the profile names an item, group or rule the catalogue does not have',
  },
  CHECK_PROFILE_BAD_SEVERITY: {
    zh: '严重程度只能是 error 或 warning',
    en: 'severity must be error or warning',
  },
  CHECK_PROFILE_UNKNOWN_FORMAT: { zh: '未知的格式标识', en: 'unknown format id' },
  CHECK_PROFILE_UNKNOWN_DIGEST: { zh: '未知的摘要算法', en: 'unknown digest algorithm' },
  CHECK_PROFILE_NOT_FOUND: { zh: '找不到检测方案', en: 'no such check profile' },
  CHECK_PROFILE_CYCLE: {
    zh: '检测方案的 extends 形成循环',
    en: 'the extends chain of the profile is a cycle',
  },
} as const satisfies Record<string, ProfileFindingCodeInfo>;

/** A code of {@link PROFILE_FINDING_CODES}. */
export type ProfileFindingCode = keyof typeof PROFILE_FINDING_CODES;
