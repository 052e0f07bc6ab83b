import type { Finding } from '@dangan/core';
import type { CaseLicence, CaseMaterial, CaseRole, FilingCase } from './filing-case.js';
import {
  MATERIAL_CLASS_ALIASES,
  type MaterialClass,
  type MaterialKind,
  parseMaterialClass,
} from './material-class.js';
import { type CaseInput, readFilingCase } from './read-case.js';

/** How components are read from a case. */
export interface ComponentOptions {
  /**
   * The class a 电子证照 counts as when it has no `materialClass` of its own and a schedule has no 电子证照 rule:
   * default `结果性材料` (the ywtb profile's note: 电子证照属结果性材料). A licence called by data sharing as
   * evidence of the application may be `依据性材料` instead.
   */
  readonly licenceClass?: MaterialClass;
  /** Other names of material classes (default {@link MATERIAL_CLASS_ALIASES}). */
  readonly materialClassAliases?: Readonly<Record<string, MaterialClass>>;
}

interface ComponentBase {
  /** JSON pointer of the component in the source record (`/办件/材料/0`, `/办件/电子证照/0`). */
  readonly ref: string;
  /** Its position in `materials` / `licences`. */
  readonly index: number;
  /** 材料名称 / 证照名称. */
  readonly name: string | undefined;
  /** What schedule rules and orderings see: `电子证照` for a licence, the class of a material, `undefined` if unknown. */
  readonly kind: MaterialKind | undefined;
  /** The material class (for a licence: its own, else `licenceClass`); `undefined` when unknown. */
  readonly materialClass: MaterialClass | undefined;
  /** The 材料类别 text as written. */
  readonly classText: string | undefined;
  /** The alias the class was written as (`证据性材料`), if any. */
  readonly classAlias: string | undefined;
  /** 计算机文件名. */
  readonly fileName: string | undefined;
  readonly role: CaseRole | undefined;
  readonly agency: string | undefined;
}

/** One component of a 办件 as the filing functions see it: a 材料 or an 电子证照, with its class read. */
export type CaseComponent =
  | (ComponentBase & { readonly source: '材料'; readonly material: CaseMaterial })
  | (ComponentBase & { readonly source: '电子证照'; readonly licence: CaseLicence });

/**
 * The components of a 办件 in input order — its 材料 first, then its 电子证照 (filed with the case, GB/T 36905;
 * 上海 办法 第十五条) — each with its class read by `parseMaterialClass`.
 *
 * @example
 * caseComponents(record).map((c) => [c.ref, c.kind]);
 * // [['/办件/材料/0', '依据性材料'], ['/办件/材料/1', '结果性材料'], ['/办件/电子证照/0', '电子证照']]
 */
export function caseComponents(input: CaseInput, options: ComponentOptions = {}): CaseComponent[] {
  return componentsOf(readFilingCase(input), options);
}

/** {@link caseComponents} of an already-read case. */
export function componentsOf(c: FilingCase, options: ComponentOptions = {}): CaseComponent[] {
  const aliases = options.materialClassAliases ?? MATERIAL_CLASS_ALIASES;
  const licenceClass = options.licenceClass ?? '结果性材料';
  const out: CaseComponent[] = [];
  (c.materials ?? []).forEach((material, index) => {
    const parsed =
      material.materialClass === undefined ? undefined : parseMaterialClass(material.materialClass, aliases);
    out.push({
      source: '材料',
      material,
      ref: material.ref ?? `/办件/材料/${index}`,
      index,
      name: material.name,
      kind: parsed?.materialClass,
      materialClass: parsed?.materialClass,
      classText: material.materialClass,
      classAlias: parsed?.alias,
      fileName: material.fileName,
      role: material.role,
      agency: material.agency,
    });
  });
  (c.licences ?? []).forEach((licence, index) => {
    const parsed =
      licence.materialClass === undefined ? undefined : parseMaterialClass(licence.materialClass, aliases);
    out.push({
      source: '电子证照',
      licence,
      ref: licence.ref ?? `/办件/电子证照/${index}`,
      index,
      name: licence.name,
      kind: '电子证照',
      materialClass: licence.materialClass === undefined ? licenceClass : parsed?.materialClass,
      classText: licence.materialClass,
      classAlias: parsed?.alias,
      fileName: undefined,
      role: licence.role,
      agency: licence.agency,
    });
  });
  return out;
}

/** A short Chinese label of a component for messages: `材料“设立登记申请书”`. */
export function componentLabel(c: CaseComponent): string {
  const what = c.source === '材料' ? '材料' : '电子证照';
  return c.name === undefined ? `${what}（${c.ref}）` : `${what}“${c.name}”`;
}

/** A short English label of a component for messages. */
export function componentLabelEn(c: CaseComponent): string {
  const what = c.source === '材料' ? 'material' : 'licence';
  return c.name === undefined ? `${what} at ${c.ref}` : `${what} "${c.name}"`;
}

/**
 * The notes on how components' classes were read: `FILING_MATERIAL_CLASS_ALIAS` (info) for an alias such as
 * 证据性材料, `FILING_MATERIAL_CLASS_UNKNOWN` (warning) for a class that could not be read.
 *
 * @example
 * materialClassFindings(caseComponents(c)); // [{ code: 'FILING_MATERIAL_CLASS_ALIAS', severity: 'info', … }]
 */
export function materialClassFindings(components: readonly CaseComponent[]): Finding[] {
  const out: Finding[] = [];
  for (const c of components) {
    const path = `${c.ref}/${c.source === '材料' ? '材料类别' : 'materialClass'}`;
    if (c.classAlias !== undefined && c.materialClass !== undefined) {
      out.push({
        code: 'FILING_MATERIAL_CLASS_ALIAS',
        severity: 'info',
        message: `${componentLabel(c)}的材料类别“${c.classAlias}”不是国家用语（国办发〔2023〕26号），按“${c.materialClass}”处理`,
        messageEn: `${componentLabelEn(c)}: material class "${c.classAlias}" is read as "${c.materialClass}"`,
        path,
      });
    } else if (c.classText !== undefined && c.materialClass === undefined) {
      out.push({
        code: 'FILING_MATERIAL_CLASS_UNKNOWN',
        severity: 'warning',
        message: `${componentLabel(c)}的材料类别“${c.classText}”无法识别（应为依据性材料、程序性材料或结果性材料）`,
        messageEn: `${componentLabelEn(c)}: unrecognised material class "${c.classText}"`,
        path,
      });
    }
  }
  return out;
}
