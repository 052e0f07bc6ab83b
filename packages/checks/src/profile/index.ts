export { PROFILE_FINDING_CODES, type ProfileFindingCode, type ProfileFindingCodeInfo } from './codes.js';
export { dat70Profile, GBT18894_ARCHIVAL_FORMATS } from './dat70.js';
export { type ItemKeyTarget, itemKeyTarget } from './item-keys.js';
export { parseProfile, safeParseProfile } from './parse.js';
export { DEFAULT_PROFILE_ID, profiles, type ShippedProfileId } from './profiles.js';
export { type ProfileRegistry, resolveProfile, safeResolveProfile } from './resolve.js';
export { shanghaiYwtbProfile } from './shanghai-ywtb.js';
export type {
  CheckParameters,
  CheckProfile,
  ItemSetting,
  MetadataCheckParameters,
  ResolvedItemSetting,
  ResolvedProfile,
} from './types.js';
export { type ProfileFinding, validateProfile } from './validate.js';
