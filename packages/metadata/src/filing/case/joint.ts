import { DanganError, type Finding, type SafeResult, safely } from '@dangan/core';
import {
  type CaseComponent,
  type ComponentOptions,
  componentLabel,
  componentLabelEn,
  componentsOf,
} from './components.js';
import type { EntityRelation } from './entity-relation.js';
import type { CaseLicence, CaseMaterial, FilingCase } from './filing-case.js';
import { type CaseInput, readFilingCase } from './read-case.js';

/** One agency of a joint case (联合办理). */
export interface JointAgency {
  /** 机构名称, as in 受理部门 / 联合办理部门 and in components' `agency`. */
  readonly name: string;
  /** A short code (also matched against components' `agency`); used in the default part identifier. */
  readonly code?: string;
  /** 主办部门. At most one; default: the agency named by the case's 受理部门, else the first. */
  readonly lead?: boolean;
  /** 实体标识符 of its part (default: the base identifier with `-{code}` or `-01`, `-02`… appended). */
  readonly identifier?: string;
  /** Refs of the components it files (`/办件/材料/2`), besides those whose `agency` names it. */
  readonly components?: readonly string[];
}

/** Options of {@link splitJointCase}. */
export interface JointSplitOptions extends ComponentOptions {
  /** Base of the part identifiers (default: the case's 电子文件号, else its 办件编号). */
  readonly baseId?: string;
}

/** One agency's part of a joint case. */
export interface JointCasePart {
  readonly agency: JointAgency;
  /** Whether this is the lead agency (主办). */
  readonly lead: boolean;
  /** 实体标识符 of the part. */
  readonly id: string;
  /**
   * The part as a case of its own, ready for `evaluateRetention` and `groupCaseIntoItems`: the same case data
   * with only this agency's components (keeping their original refs), 受理部门 = the agency, 联合办理部门 = the
   * others and 电子文件号 = `id`. The declared 保管期限 is not carried over.
   */
  readonly case: FilingCase;
  readonly components: readonly CaseComponent[];
  /**
   * 实体关系 rows to the other non-empty parts: 实体标识符 = this part, 被关联实体标识符 = the other part, 关系类型
   * `联合办理`, 关系 = the other agency's role (`主办` / `协办`).
   */
  readonly relations: readonly EntityRelation[];
}

/** What {@link splitJointCase} returns. */
export interface JointSplit {
  readonly parts: readonly JointCasePart[];
  readonly findings: readonly Finding[];
}

function jointInvalid(zh: string, en: string): never {
  throw new DanganError('FILING_JOINT_INVALID', `联合办理部门列表不合格：${zh}`, {
    messageEn: `Malformed joint-handling agency list: ${en}`,
  });
}

function readAgencies(c: FilingCase, given: readonly (string | JointAgency)[] | undefined): JointAgency[] {
  const raw = given ?? [
    ...(c.acceptingAgency === undefined ? [] : [c.acceptingAgency]),
    ...(c.jointAgencies ?? []),
  ];
  if (!Array.isArray(raw)) throw new TypeError('agencies must be an array');
  const list = raw.map((a, i): JointAgency => {
    const agency = typeof a === 'string' ? { name: a } : a;
    if (
      typeof agency !== 'object' ||
      agency === null ||
      typeof agency.name !== 'string' ||
      agency.name.trim() === ''
    )
      jointInvalid(`第 ${i + 1} 个部门没有名称`, `agency ${i + 1} has no name`);
    return agency;
  });
  if (list.length === 0) jointInvalid('没有部门', 'no agency');
  const names = new Set<string>();
  for (const a of list) {
    if (names.has(a.name)) jointInvalid(`部门“${a.name}”重复`, `agency "${a.name}" is listed twice`);
    names.add(a.name);
  }
  if (list.filter((a) => a.lead === true).length > 1) jointInvalid('有多个主办部门', 'several lead agencies');
  return list;
}

function leadIndex(c: FilingCase, agencies: readonly JointAgency[]): number {
  const flagged = agencies.findIndex((a) => a.lead === true);
  if (flagged >= 0) return flagged;
  const accepting = agencies.findIndex((a) => a.name === c.acceptingAgency);
  return Math.max(accepting, 0);
}

/**
 * Splits a joint case (联合办理) by agency, so that each agency files its own part (上海 办法 第十五条: 相关政务服务
 * 机构应当按照各自职责做好归档工作), and links the parts with 实体关系 rows (关系类型 `联合办理`) that each part's
 * record can carry. A component goes to every agency that its `agency` names (by name or code) or whose
 * `components` list its ref; a component no agency claims goes to the lead agency with a warning
 * (`FILING_JOINT_UNASSIGNED`, or `FILING_JOINT_UNKNOWN_AGENCY` when it names an agency not listed). Without
 * `agencies`, the list is the case's 受理部门 (lead) and 联合办理部门. Throws `FILING_CASE_INVALID` or
 * `FILING_JOINT_INVALID` for malformed input.
 *
 * @example
 * const { parts } = splitJointCase(c, [{ name: '区市场监管局', code: 'SJ', lead: true }, { name: '区消防救援支队', code: 'XF' }]);
 * parts[0]?.relations[0];
 * // { 实体标识符: '310115202603160001-SJ', 被关联实体标识符: '310115202603160001-XF', 关系类型: '联合办理', 关系: '协办', … }
 */
export function splitJointCase(
  input: CaseInput,
  agencies?: readonly (string | JointAgency)[],
  options: JointSplitOptions = {},
): JointSplit {
  const c = readFilingCase(input);
  const list = readAgencies(c, agencies);
  const lead = leadIndex(c, list);
  const components = componentsOf(c, options);
  const findings: Finding[] = [];
  const owned: CaseComponent[][] = list.map(() => []);
  for (const x of components) {
    const owners = list.flatMap((a, i) =>
      (x.agency !== undefined && (x.agency === a.name || x.agency === a.code)) ||
      a.components?.includes(x.ref) === true
        ? [i]
        : [],
    );
    if (owners.length === 0) {
      const leadName = list[lead]?.name ?? '';
      findings.push(
        x.agency === undefined
          ? {
              code: 'FILING_JOINT_UNASSIGNED',
              severity: 'warning',
              message: `${componentLabel(x)}未指明所属部门，归入主办部门“${leadName}”`,
              messageEn: `${componentLabelEn(x)} names no agency and goes to the lead agency "${leadName}"`,
              path: x.ref,
            }
          : {
              code: 'FILING_JOINT_UNKNOWN_AGENCY',
              severity: 'warning',
              message: `${componentLabel(x)}所属部门“${x.agency}”不在联合办理部门列表中，归入主办部门“${leadName}”`,
              messageEn: `${componentLabelEn(x)} names agency "${x.agency}", which is not listed; it goes to the lead agency "${leadName}"`,
              path: x.ref,
            },
      );
      owners.push(lead);
    } else if (owners.length > 1) {
      const names = owners.map((i) => list[i]?.name).join('、');
      findings.push({
        code: 'FILING_JOINT_SHARED_COMPONENT',
        severity: 'info',
        message: `${componentLabel(x)}由 ${names} 各自归档`,
        messageEn: `${componentLabelEn(x)} is filed by each of ${names}`,
        path: x.ref,
      });
    }
    for (const i of owners) owned[i]?.push(x);
  }

  const base = options.baseId ?? c.electronicFileNumber ?? c.caseNumber;
  const shells = list.map((agency, i) => {
    const mine = owned[i] ?? [];
    const id = agency.identifier ?? `${base}-${agency.code ?? String(i + 1).padStart(2, '0')}`;
    if (mine.length === 0)
      findings.push({
        code: 'FILING_JOINT_EMPTY_PART',
        severity: 'warning',
        message: `联合办理部门“${agency.name}”没有可归档的材料`,
        messageEn: `joint-handling agency "${agency.name}" has no component to file`,
      });
    const materials: CaseMaterial[] = [];
    const licences: CaseLicence[] = [];
    for (const x of mine) {
      if (x.source === '材料') materials.push({ ...x.material, ref: x.ref });
      else licences.push({ ...x.licence, ref: x.ref });
    }
    const { declaredRetention: _dropped, ...rest } = c;
    const part: FilingCase = {
      ...rest,
      acceptingAgency: agency.name,
      jointAgencies: list.filter((a) => a !== agency).map((a) => a.name),
      electronicFileNumber: id,
      materials,
      licences,
    };
    return { agency, lead: i === lead, id, case: part, components: mine };
  });
  const ids = new Set<string>();
  for (const s of shells) {
    if (ids.has(s.id))
      jointInvalid(`部门的实体标识符“${s.id}”重复`, `part identifier "${s.id}" is used twice`);
    ids.add(s.id);
  }
  const item = c.itemName ?? c.itemCode;
  const parts: JointCasePart[] = shells.map((s) => ({
    ...s,
    relations: shells
      .filter((o) => o !== s && o.components.length > 0 && s.components.length > 0)
      .map((o) => ({
        实体标识符: s.id,
        被关联实体标识符: o.id,
        关系类型: '联合办理',
        关系: o.lead ? '主办' : '协办',
        关系描述: `联合办理事项“${item}”（办件编号 ${c.caseNumber}）中由${o.agency.name}归档的部分`,
      })),
  }));
  return { parts, findings };
}

/**
 * {@link splitJointCase} without throwing.
 *
 * @example
 * const r = safeSplitJointCase(c, ['区市场监管局', '区消防救援支队']);
 * if (r.ok) r.value.parts.length; // 2
 */
export function safeSplitJointCase(
  input: CaseInput,
  agencies?: readonly (string | JointAgency)[],
  options?: JointSplitOptions,
): SafeResult<JointSplit> {
  return safely(() => splitJointCase(input, agencies, options));
}
