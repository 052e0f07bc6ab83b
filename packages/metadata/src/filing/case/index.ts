/**
 * 办件 as the filing unit (filing-rules §5, §8): reading a 一网通办 case, its components (材料 and 电子证照) and
 * their material classes, grouping it into 件 (1 办件 = 1 件 by default), ordering components by class, and
 * splitting joint cases (联合办理) by agency with 实体关系 cross references.
 *
 * @module
 */
export { CASE_FINDING_CODES, type CaseFindingCode } from './codes.js';
export { CASE_COMPONENT_ORDERS, type CaseComponentOrder, orderCaseComponents } from './component-order.js';
export {
  type CaseComponent,
  type ComponentOptions,
  caseComponents,
  materialClassFindings,
} from './components.js';
export type { EntityRelation } from './entity-relation.js';
export type { CaseLicence, CaseMaterial, CaseRole, FilingCase } from './filing-case.js';
export {
  type CaseItems,
  type CaseSplit,
  type FilingItem,
  type GroupItemsOptions,
  groupCaseIntoItems,
  type ItemRetentionSource,
  safeGroupCaseIntoItems,
} from './group-items.js';
export {
  type JointAgency,
  type JointCasePart,
  type JointSplit,
  type JointSplitOptions,
  safeSplitJointCase,
  splitJointCase,
} from './joint.js';
export {
  MATERIAL_CLASS_ALIASES,
  MATERIAL_CLASSES,
  MATERIAL_KINDS,
  type MaterialClass,
  type MaterialKind,
  type ParsedMaterialClass,
  parseMaterialClass,
} from './material-class.js';
export { type CaseInput, caseFromYwtbRecord, readFilingCase, safeCaseFromYwtbRecord } from './read-case.js';
