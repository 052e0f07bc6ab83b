/**
 * 材料类别: the three classes of 政务服务 material to archive, as 国办发〔2023〕26号 names them
 * (依据性材料 basis, 程序性材料 procedure, 结果性材料 result).
 */
export type MaterialClass = '依据性材料' | '程序性材料' | '结果性材料';

/**
 * What a retention rule or an ordering can name: a material class, or 电子证照 (an electronic licence produced
 * or called by the case; GB/T 36905), which the `办件.电子证照` block records apart from `办件.材料`.
 */
export type MaterialKind = MaterialClass | '电子证照';

/** The three material classes in the national order (依据性 → 程序性 → 结果性). */
export const MATERIAL_CLASSES: readonly MaterialClass[] = ['依据性材料', '程序性材料', '结果性材料'];

/** Every {@link MaterialKind}: the three classes, then 电子证照. */
export const MATERIAL_KINDS: readonly MaterialKind[] = ['依据性材料', '程序性材料', '结果性材料', '电子证照'];

/**
 * Other names met for a material class, mapped to the national term. 《上海市政务服务“一网通办”电子文件归档和电子档案
 * 管理办法》 第十一条 writes “证据性材料” where 国办发〔2023〕26号 writes 依据性材料; the national term is used in
 * results, and a finding notes the alias (`FILING_MATERIAL_CLASS_ALIAS`). Medium confidence that the two mean the
 * same thing — pass your own table as `materialClassAliases` to change it.
 */
export const MATERIAL_CLASS_ALIASES: Readonly<Record<string, MaterialClass>> = {
  证据性材料: '依据性材料',
  证据性: '依据性材料',
};

/** A material class read from text: the national term, and the alias it was written as, if any. */
export interface ParsedMaterialClass {
  readonly materialClass: MaterialClass;
  /** The text as written when it was an alias (e.g. `证据性材料`). */
  readonly alias: string | undefined;
}

/**
 * Reads a 材料类别 value: the national terms with or without the trailing 材料 (`依据性`, `依据性材料`), after
 * NFKC normalisation and trimming, and the aliases in `aliases` (default {@link MATERIAL_CLASS_ALIASES}).
 * Returns `undefined` for anything else (the caller reports it).
 *
 * @example
 * parseMaterialClass('结果性');     // { materialClass: '结果性材料', alias: undefined }
 * parseMaterialClass('证据性材料'); // { materialClass: '依据性材料', alias: '证据性材料' }
 * parseMaterialClass('其他');       // undefined
 */
export function parseMaterialClass(
  text: string,
  aliases: Readonly<Record<string, MaterialClass>> = MATERIAL_CLASS_ALIASES,
): ParsedMaterialClass | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.normalize('NFKC').trim();
  for (const c of MATERIAL_CLASSES) {
    if (t === c || `${t}材料` === c) return { materialClass: c, alias: undefined };
  }
  const aliased = Object.hasOwn(aliases, t) ? aliases[t] : undefined;
  if (aliased !== undefined && MATERIAL_CLASSES.includes(aliased))
    return { materialClass: aliased, alias: t };
  return undefined;
}
