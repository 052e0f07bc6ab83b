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
  /** How the metadata rules (1-2, 2-2, 3-1) run `checkRecord`; shared by every metadata item. */
  readonly metadata?: MetadataCheckParameters;
}

/** Options of the metadata validation behind the metadata rules (元数据检测参数). */
export interface MetadataCheckParameters {
  /**
   * Longest value, in characters, of a free-text element whose scheme sets no `maxLength` (GD-1-2). Default:
   * no limit.
   */
  readonly maxLength?: number;
  /** Offset from UTC, in minutes, of dates without a zone and of "today" (default 480, 北京时间). */
  readonly utcOffsetMinutes?: number;
  /** Keys a record has that its scheme does not (GD-2-3): `error` (default), `warning` or `ignore`. */
  readonly unknownElements?: 'error' | 'warning' | 'ignore';
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
  /**
   * Item settings. A key is an item id (`GD-1-7`), a group key (`GD:1-2`, or the anchor
   * `DA/T70-2018:GD:1-2`: every item of the group) or a rule key (`metadata.continuity`: every item, in
   * every stage, that the rule evaluates). Within one profile the more specific key wins (item over group
   * over rule); along `extends`, the derived profile wins. `params` objects are merged key by key.
   */
  readonly items?: Readonly<Record<string, ItemSetting>>;
  readonly parameters?: CheckParameters;
}

/** One item's effective setting in a {@link ResolvedProfile}. */
export interface ResolvedItemSetting {
  readonly enabled: boolean;
  readonly severity: 'error' | 'warning';
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * A profile with its `extends` chain merged (生效的检测方案): a setting for every catalogue item and the
 * merged parameters. What the engine runs with.
 */
export interface ResolvedProfile {
  readonly id: string;
  readonly name: string;
  /** The profile ids merged, base first (`['dat70', 'shanghai-ywtb']`). */
  readonly chain: readonly string[];
  readonly description?: string;
  /** Every catalogue item id → its effective setting. */
  readonly items: Readonly<Record<string, ResolvedItemSetting>>;
  readonly parameters: CheckParameters;
}
