/**
 * The shape of a metadata scheme (元数据方案) as data: one row per element, as the standards print them.
 * Code interprets these tables; an institution's own scheme is another table (see `extendScheme`).
 */

/**
 * The entity an element describes: DA/T 46 §5 has 文件实体, 机构人员实体, 业务实体, 实体关系; DA/T 54 and DA/T 63
 * add the 授权实体 (mandate) entity.
 */
export type ElementEntity = '文件实体' | '机构人员实体' | '业务实体' | '实体关系' | '授权实体';

/** How sure the fact is (`../shared/standards/README.md`): H / M / L / U. */
export type Confidence = 'high' | 'medium' | 'low' | 'unknown';

/**
 * Data type of an element (数据类型). `container` is 容器型; the rest are simple (简单型):
 * `date` is `YYYY-MM-DD`, `dateTime` ISO 8601 extended (GB/T 7408), `gYear` four digits, `integer` ≥ 0 as a
 * JSON number, `positiveInteger` ≥ 1, `decimal` any finite number, `enum` a string from the value domain,
 * `base64` RFC 4648 text, `uri` an absolute URI, `string` any text.
 */
export type ElementType =
  | 'string'
  | 'date'
  | 'dateTime'
  | 'gYear'
  | 'integer'
  | 'positiveInteger'
  | 'decimal'
  | 'enum'
  | 'base64'
  | 'uri'
  | 'container';

/**
 * A condition on a record, as data. Element references are element ids (`M1`) resolved in the same
 * container instance when they are siblings, otherwise from the record root.
 */
export type Condition =
  | { readonly element: string; readonly in: readonly string[] }
  | { readonly element: string; readonly notIn: readonly string[] }
  | { readonly present: string }
  | { readonly absent: string }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] };

/**
 * 约束性: 必选 (mandatory), 可选 (optional), or 条件选 (mandatory when `when` holds). A 条件选 whose condition
 * is not expressible from the record (e.g. "once transferred to an archives") has no `when` and is
 * validated as optional; its `condition` text says when it applies.
 */
export type Obligation =
  | { readonly kind: '必选' }
  | { readonly kind: '可选' }
  | { readonly kind: '条件选'; readonly condition: string; readonly when?: Condition };

/** 值域: what values a simple element may take. */
export interface ValueDomain {
  /** Allowed values (编码修饰体系 / 值域). */
  readonly enum?: readonly string[];
  /** The list ends in `[其他]`: local values are allowed, listed ones are only suggestions. */
  readonly open?: boolean;
  /** Older values still met in legacy data (e.g. 长期, 短期): accepted with a warning. */
  readonly legacy?: readonly string[];
  /** A regular expression (without flags) the whole value must match. */
  readonly pattern?: string;
  /** Longest allowed value, in characters (code points). */
  readonly maxLength?: number;
  /** Smallest allowed number. */
  readonly min?: number;
  /** Largest allowed number. */
  readonly max?: number;
}

/** The two confidences the standards notes give each row: number & name, and obligation & repeatability. */
export interface ElementConfidence {
  readonly numberAndName: Confidence;
  readonly obligation: Confidence;
}

/**
 * One row of a scheme: one metadata element (元数据元素).
 *
 * `key` is the element's name in records and XML (the standard's Chinese name, as DA/T 48 writes it); `id` is
 * its stable reference: the standard's number (`M22`) where it has one, otherwise a provisional id that says
 * so (`YW-…`, `P-…`, `DAT48:…`).
 */
export interface MetadataElement {
  readonly id: string;
  /** The standard's element number (编号), when the standard numbers it. */
  readonly number?: string;
  readonly key: string;
  /** 中文名称 (usually equal to `key`). */
  readonly name: string;
  /** 英文名称. */
  readonly nameEn: string;
  readonly entity: ElementEntity;
  /** Id of the containing element; none for the entity roots. */
  readonly parent?: string;
  readonly obligation: Obligation;
  /** 可重复性: repeatable elements hold arrays in records. */
  readonly repeatable: boolean;
  readonly type: ElementType;
  readonly domain?: ValueDomain;
  /** 缺省值: the value meant when the element is absent. */
  readonly default?: string;
  /** 定义, briefly. */
  readonly definition?: string;
  readonly confidence: ElementConfidence;
  /** Notes: disagreements between sources, EEP differences, why a value is provisional. */
  readonly note?: string;
}

/** Consistency rules across elements, as data (GD-1-5 plausibility). */
export type ConsistencyRule =
  | {
      /** The year element equals the year of the date element. */
      readonly kind: 'yearMatchesDate';
      readonly year: string;
      readonly date: string;
    }
  | {
      /** The later element is not before the earlier one (e.g. 办结时间 ≥ 受理时间). */
      readonly kind: 'notBefore';
      readonly earlier: string;
      readonly later: string;
    };

/** A metadata scheme: identity, version and its element table. */
export interface MetadataScheme<Elements extends readonly MetadataElement[] = readonly MetadataElement[]> {
  /** Short id: `dat46`, `dat54`, `dat63`, `ywtb`, or the host's own. */
  readonly id: string;
  /** The standard (or profile) with its year, e.g. `DA/T 46-2009`. */
  readonly standard: string;
  readonly title: string;
  /** Version of this table (not of the standard): bump when rows change. */
  readonly version: string;
  /** How sure the table as a whole is; rows carry their own confidence. */
  readonly confidence: Confidence;
  readonly description?: string;
  readonly elements: Elements;
  readonly rules?: readonly ConsistencyRule[];
}
