import type { Finding } from '@dangan/core';
import type { MetadataScheme, UnknownRecord } from '@dangan/metadata';
import type { CheckItemDefinition, CheckStageId } from '../catalogue/types.js';
import type { CheckParameters } from '../profile/types.js';
import type { CheckStatus } from '../report/types.js';

/** One metadata record found in the package (the 件 it describes), with where it was read from. */
export interface RecordFact {
  /** Entry path of the metadata document, and the record's position in it, e.g. `元数据.xml#2`. */
  readonly path: string;
  readonly record: UnknownRecord;
  readonly scheme: MetadataScheme;
}

/**
 * Where a package stands in the set of carriers (载体) of one offline 移交, as its own handover documents say
 * (the 移交与接收登记表 and the 数字摘要 sheet list every carrier of the set; 说明文件 names this one).
 */
export interface CarrierPosition {
  /** 载体编号 of this carrier. */
  readonly number: string;
  /** Its place in the set (from 1), when the 登记表 or the sheet lists it. */
  readonly index?: number;
  /** Carriers in the set. */
  readonly total: number;
}

/**
 * What the engine learned about a package in its single pass, for the rules to judge. The engine owns
 * this shape (`engine/facts.ts` extends it); rules read it and never touch bytes themselves.
 */
export interface PackageFacts {
  readonly records: readonly RecordFact[];
  /**
   * The metadata documents the records were read from, with the problems met reading them (not
   * well-formed, unknown root, bad encoding). Set by the engine; absent only in hand-made facts.
   */
  readonly metadataDocuments?: readonly {
    readonly path: string;
    readonly records: number;
    readonly findings: readonly Finding[];
  }[];
  /**
   * The package is one carrier of a 移交 on several carriers: rules judging a whole sequence (件号 continuity)
   * then judge this carrier's part of it. Absent for a lone carrier, an online transfer and other packages.
   */
  readonly carrier?: CarrierPosition;
}

/** What a rule is given (检测上下文). */
export interface RuleContext<F extends PackageFacts = PackageFacts> {
  readonly stage: CheckStageId;
  readonly facts: F;
  /** The profile's parameters (merged with its bases). */
  readonly parameters: CheckParameters;
  /** The profile's `params` for this item. */
  readonly itemParams: Readonly<Record<string, unknown>>;
  /**
   * "Now" from the engine's injected clock, for rules that judge dates (future dates, GD-1-5). Rules never
   * read a clock themselves; without it, the metadata rules fall back to `checkRecord`'s default (the time of
   * the call).
   */
  readonly now?: Date;
  readonly signal?: AbortSignal;
}

/** A rule's verdict on one item (before severity and attestations are applied by the engine). */
export interface ItemOutcome {
  readonly status: Exclude<CheckStatus, 'manual'>;
  /** Findings; the engine sets `item` on each. */
  readonly findings: readonly Finding[];
  /** Required for `not-applicable` and `error`. */
  readonly reason?: string;
  readonly reasonEn?: string;
}

/**
 * The code of one rule (检测规则): evaluates every catalogue item whose `rule` is this rule's key.
 */
export type RuleEvaluator<F extends PackageFacts = PackageFacts> = (
  context: RuleContext<F>,
  item: CheckItemDefinition,
) => ItemOutcome | Promise<ItemOutcome>;
