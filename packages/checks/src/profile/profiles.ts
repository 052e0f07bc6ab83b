import { dat70Profile } from './dat70.js';
import { shanghaiYwtbProfile } from './shanghai-ywtb.js';

/**
 * The shipped check profiles (检测方案): `dat70` (the default) and `shanghai-ywtb` (provisional). A host's own
 * profile `extends` one of them; pass it (or a registry of several) to `resolveProfile`.
 *
 * @example
 * Object.keys(profiles); // ['dat70', 'shanghai-ywtb']
 * profiles['shanghai-ywtb'].extends; // 'dat70'
 */
export const profiles = {
  dat70: dat70Profile,
  'shanghai-ywtb': shanghaiYwtbProfile,
} as const;

/** The id of a shipped profile. */
export type ShippedProfileId = keyof typeof profiles;

/**
 * The profile used when none is named.
 *
 * @example
 * resolveProfile(DEFAULT_PROFILE_ID).id; // 'dat70'
 */
export const DEFAULT_PROFILE_ID: ShippedProfileId = 'dat70';
