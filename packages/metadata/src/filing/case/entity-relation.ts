/**
 * One 实体关系 row (DA/T 46 M85–M88; DA/T 48 文件实体关系), with the record's own keys so it can be pushed into a
 * record's `实体关系` array as it is.
 */
export interface EntityRelation {
  /** M85 实体标识符: the entity the row belongs to (its 电子文件号). */
  readonly 实体标识符: string;
  /** 被关联实体标识符: the related entity (DA/T 48 被关联文件标识符). */
  readonly 被关联实体标识符: string;
  /** M86 关系类型, e.g. `联合办理`, `同一办件`. */
  readonly 关系类型?: string;
  /** M87 关系: the role of the related entity, e.g. `主办`, `协办`, `来文`, `复文`. */
  readonly 关系?: string;
  /** M88 关系描述. */
  readonly 关系描述?: string;
}
