import type { FilingCodeInfo } from '../finding-code-info.js';

/**
 * The codes the 办件 functions (`caseFromYwtbRecord`, `groupCaseIntoItems`, `splitJointCase`) report or throw.
 * Codes are only ever added, never renamed.
 *
 * @example
 * CASE_FINDING_CODES.FILING_MATERIAL_CLASS_ALIAS.severity; // 'info'
 */
export const CASE_FINDING_CODES = {
  FILING_CASE_INVALID: {
    severity: 'error',
    zh: '办件输入不合格（缺少办件编号或事项编码、材料不是数组等）',
    en: 'the case input is malformed (no case number or item code, materials not an array…)',
  },
  FILING_MATERIAL_CLASS_ALIAS: {
    severity: 'info',
    zh: '材料类别使用了别名（如“证据性材料”），按国家用语（依据性材料）处理',
    en: 'the material class is an alias (e.g. 证据性材料) and is read as the national term',
  },
  FILING_MATERIAL_CLASS_UNKNOWN: {
    severity: 'warning',
    zh: '无法识别的材料类别（应为依据性材料、程序性材料或结果性材料）',
    en: 'unrecognised material class (expected 依据性材料, 程序性材料 or 结果性材料)',
  },
  FILING_JOINT_INVALID: {
    severity: 'error',
    zh: '联合办理的部门列表不合格（为空、重名或有多个主办部门）',
    en: 'the joint-handling agency list is malformed (empty, duplicate names or several leads)',
  },
  FILING_JOINT_UNASSIGNED: {
    severity: 'warning',
    zh: '联合办理办件中有材料未指明所属部门，归入主办部门',
    en: 'a component of a joint case names no agency and goes to the lead agency',
  },
  FILING_JOINT_UNKNOWN_AGENCY: {
    severity: 'warning',
    zh: '材料所属部门不在联合办理部门列表中，归入主办部门',
    en: 'a component names an agency that is not in the list and goes to the lead agency',
  },
  FILING_JOINT_SHARED_COMPONENT: {
    severity: 'info',
    zh: '同一材料由多个联合办理部门各自归档',
    en: 'a component is filed by several joint-handling agencies',
  },
  FILING_JOINT_EMPTY_PART: {
    severity: 'warning',
    zh: '联合办理部门没有可归档的材料',
    en: 'a joint-handling agency has no component to file',
  },
} as const satisfies Record<string, FilingCodeInfo>;

/** A code of {@link CASE_FINDING_CODES}. */
export type CaseFindingCode = keyof typeof CASE_FINDING_CODES;
