/**
 * How the entity roots of a record (the scheme's top-level rows, DA/T 46 §5) are named in XML, following
 * DA/T 48: repeatable 机构人员实体 and 业务实体 are wrapped in 机构人员实体块 / 业务实体块, and 实体关系 is
 * written as DA/T 48's 文件实体关系 with its identifiers renamed. Keyed by the top-level row's `key`; rows of
 * other keys are written under their own name. Applies to both layouts.
 */
export interface EntityXmlName {
  /** Element wrapping the repeated items (only for repeatable rows). */
  readonly block?: string;
  /** Element name of one item, when it differs from the key. */
  readonly element?: string;
  /** Child element names that differ from the record keys (record key → XML name). */
  readonly children?: Readonly<Record<string, string>>;
}

/** The DA/T 48 names of DA/T 46's entities (see {@link EntityXmlName}). */
export const ENTITY_XML_NAMES: Readonly<Record<string, EntityXmlName>> = {
  机构人员实体: { block: '机构人员实体块' },
  业务实体: { block: '业务实体块' },
  实体关系: {
    element: '文件实体关系',
    children: { 实体标识符: '文件标识符', 被关联实体标识符: '被关联文件标识符' },
  },
};
