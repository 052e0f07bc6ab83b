import type { DigestAlgorithm, FormatId } from '@dangan/core';
import type { CheckStageId } from '../catalogue/types.js';

/** A profile's setting for one item (检测项配置). */
export interface ItemSetting {
  /** Default `true` for every catalogue item of the stage. */
  readonly enabled?: boolean;
  /** Overrides the catalogue's `defaultSeverity`: a `warning` item's failures make it `warning`, not `fail`. */
  readonly severity?: 'error' | 'warning';
  /** Item-specific parameters (documented with the rule that reads them). */
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * Parameters the rules read (检测参数). Every field is optional in a custom profile; missing ones come from
 * the base profile.
 */
export interface CheckParameters {
  /** Archival formats allowed for content, by stage (GD/YJ/BC 3-2), as core format ids. */
  readonly allowedFormats?: Readonly<Partial<Record<CheckStageId, readonly FormatId[]>>>;
  /** Digest algorithms accepted in manifests and metadata (1-1). */
  readonly digestAlgorithms?: readonly DigestAlgorithm[];
  /** Allowed software environments (3-3): names or patterns matched against 文档创建程序 / 信息系统描述. */
  readonly allowedEnvironments?: readonly string[];
}

/**
 * A check profile (检测方案): which items run, how severe their failures are, and the parameters the rules
 * read. `dat70` and `shanghai-ywtb` ship; a host derives its own with `extends`.
 */
export interface CheckProfile {
  readonly id: string;
  readonly name: string;
  /** Id of the profile this one adjusts. */
  readonly extends?: string;
  readonly description?: string;
  readonly items?: Readonly<Record<string, ItemSetting>>;
  readonly parameters?: CheckParameters;
}
