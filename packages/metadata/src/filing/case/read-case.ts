import { DanganError, type SafeResult, safely } from '@dangan/core';
import type { CaseLicence, CaseMaterial, CaseRole, FilingCase } from './filing-case.js';

/** What the filing functions accept for a 办件: the plain {@link FilingCase}, or a ywtb record with a `办件` block. */
export type CaseInput = FilingCase | { readonly 办件: unknown; readonly [key: string]: unknown };

function isObject(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws `FILING_CASE_INVALID` with a Chinese and an English message and the record path. */
export function caseInvalid(zh: string, en: string, path?: string): never {
  throw new DanganError('FILING_CASE_INVALID', `办件输入不合格：${zh}`, {
    messageEn: `Malformed case input: ${en}`,
    ...(path === undefined ? {} : { path }),
  });
}

function optionalString(
  obj: { readonly [key: string]: unknown },
  key: string,
  path: string,
): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') caseInvalid(`${key} 应为字符串`, `${key} must be a string`, `${path}/${key}`);
  return v;
}

function requiredString(obj: { readonly [key: string]: unknown }, key: string, path: string): string {
  const v = optionalString(obj, key, path);
  if (v === undefined || v.trim() === '')
    caseInvalid(`缺少${key}`, `${key} is missing or blank`, `${path}/${key}`);
  return v.trim();
}

function optionalRole(
  obj: { readonly [key: string]: unknown },
  key: string,
  path: string,
): CaseRole | undefined {
  const v = optionalString(obj, key, path);
  if (v === undefined) return undefined;
  if (v !== '来文' && v !== '复文')
    caseInvalid(`${key} 应为 来文 或 复文`, `${key} must be 来文 or 复文`, `${path}/${key}`);
  return v;
}

function list(obj: { readonly [key: string]: unknown }, key: string, path: string): readonly unknown[] {
  const v = obj[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) caseInvalid(`${key} 应为数组`, `${key} must be an array`, `${path}/${key}`);
  return v;
}

function stringList(
  obj: { readonly [key: string]: unknown },
  key: string,
  path: string,
): string[] | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  const items = typeof v === 'string' ? [v] : list(obj, key, path);
  return items.map((s, i) => {
    if (typeof s !== 'string')
      caseInvalid(`${key}[${i}] 应为字符串`, `${key}[${i}] must be a string`, `${path}/${key}/${i}`);
    return s;
  });
}

function entries<T>(
  obj: { readonly [key: string]: unknown },
  key: string,
  path: string,
  read: (o: { readonly [key: string]: unknown }, p: string) => T,
): T[] {
  return list(obj, key, path).map((item, i) => {
    const p = `${path}/${key}/${i}`;
    if (!isObject(item)) caseInvalid(`${key}[${i}] 应为对象`, `${key}[${i}] must be an object`, p);
    return read(item, p);
  });
}

/** `T` with the keys whose value may be `undefined` made optional instead (for exactOptionalPropertyTypes). */
type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

function compact<T extends object>(o: T): Compact<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as Compact<T>;
}

/** Reads the plain form, checking each field's type (the host's data may come from JSON). */
function readPlain(input: { readonly [key: string]: unknown }): FilingCase {
  const p = '';
  const material = (m: { readonly [key: string]: unknown }, mp: string): CaseMaterial =>
    compact({
      name: optionalString(m, 'name', mp),
      materialClass: optionalString(m, 'materialClass', mp),
      fileName: optionalString(m, 'fileName', mp),
      role: optionalRole(m, 'role', mp),
      agency: optionalString(m, 'agency', mp),
      ref: optionalString(m, 'ref', mp),
    });
  const licence = (l: { readonly [key: string]: unknown }, lp: string): CaseLicence =>
    compact({
      name: optionalString(l, 'name', lp),
      number: optionalString(l, 'number', lp),
      typeCode: optionalString(l, 'typeCode', lp),
      issuer: optionalString(l, 'issuer', lp),
      retrieval: optionalString(l, 'retrieval', lp),
      materialClass: optionalString(l, 'materialClass', lp),
      role: optionalRole(l, 'role', lp),
      agency: optionalString(l, 'agency', lp),
      ref: optionalString(l, 'ref', lp),
    });
  return compact({
    caseNumber: requiredString(input, 'caseNumber', p),
    itemCode: requiredString(input, 'itemCode', p),
    itemName: optionalString(input, 'itemName', p),
    itemType: optionalString(input, 'itemType', p),
    caseTitle: optionalString(input, 'caseTitle', p),
    acceptingAgency: optionalString(input, 'acceptingAgency', p),
    jointAgencies: stringList(input, 'jointAgencies', p),
    acceptedAt: optionalString(input, 'acceptedAt', p),
    completedAt: optionalString(input, 'completedAt', p),
    archivedAt: optionalString(input, 'archivedAt', p),
    electronicFileNumber: optionalString(input, 'electronicFileNumber', p),
    declaredRetention: optionalString(input, 'declaredRetention', p),
    year: optionalString(input, 'year', p),
    materials: entries(input, 'materials', p, material),
    licences: entries(input, 'licences', p, licence),
  });
}

/**
 * Reads a 一网通办 record (the `schemes.ywtb` shape) into a {@link FilingCase}: the `办件` block (事项编码,
 * 办件编号, 事项名称, 事项类型, 办件名称, 受理部门, 联合办理部门, 受理时间, 办结时间, 归档时间, 材料[], 电子证照[]) and, from
 * `文件实体`, the 电子文件号 and the 档号's 保管期限 and 年度. Each component keeps its record path as `ref`
 * (`/办件/材料/0`). The record need not be valid against the scheme; only the fields read here are checked.
 * Throws `DanganError('FILING_CASE_INVALID')` without a `办件` object, 事项编码 or 办件编号, or when a field has
 * the wrong type.
 *
 * @example
 * const c = caseFromYwtbRecord(record);
 * c.itemCode;              // '310115000000-JYXK-0001'
 * c.materials?.[0]?.ref;   // '/办件/材料/0'
 * c.declaredRetention;     // '定期30年'
 */
export function caseFromYwtbRecord(record: { readonly [key: string]: unknown }): FilingCase {
  if (!isObject(record)) caseInvalid('记录应为对象', 'the record must be an object');
  const block = record.办件;
  if (!isObject(block)) caseInvalid('记录中没有 办件 块', 'the record has no 办件 block', '/办件');
  const p = '/办件';
  const file = isObject(record.文件实体) ? record.文件实体 : {};
  const code = isObject(file.档号) ? file.档号 : {};
  const fp = '/文件实体';
  const year = code.年度;
  return compact({
    caseNumber: requiredString(block, '办件编号', p),
    itemCode: requiredString(block, '事项编码', p),
    itemName: optionalString(block, '事项名称', p),
    itemType: optionalString(block, '事项类型', p),
    caseTitle: optionalString(block, '办件名称', p),
    acceptingAgency: optionalString(block, '受理部门', p),
    jointAgencies: stringList(block, '联合办理部门', p),
    acceptedAt: optionalString(block, '受理时间', p),
    completedAt: optionalString(block, '办结时间', p),
    archivedAt: optionalString(block, '归档时间', p),
    electronicFileNumber: optionalString(file, '电子文件号', fp),
    declaredRetention: optionalString(code, '保管期限', `${fp}/档号`),
    year: typeof year === 'number' ? String(year) : optionalString(code, '年度', `${fp}/档号`),
    materials: entries(block, '材料', p, (m, mp) =>
      compact({
        name: optionalString(m, '材料名称', mp),
        materialClass: optionalString(m, '材料类别', mp),
        fileName: optionalString(m, '计算机文件名', mp),
        ref: mp,
      }),
    ),
    licences: entries(block, '电子证照', p, (l, lp) =>
      compact({
        name: optionalString(l, '证照名称', lp),
        number: optionalString(l, '证照编号', lp),
        typeCode: optionalString(l, '证照类型代码', lp),
        issuer: optionalString(l, '颁发机构', lp),
        retrieval: optionalString(l, '调用方式', lp),
        ref: lp,
      }),
    ),
  });
}

/**
 * Reads any {@link CaseInput}: a record with a `办件` block through {@link caseFromYwtbRecord}, otherwise the
 * plain form (its fields type-checked). Throws `FILING_CASE_INVALID`.
 *
 * @example
 * readFilingCase({ caseNumber: 'C1', itemCode: 'A-1', materials: [{ name: '申请书', materialClass: '依据性' }] });
 * // { caseNumber: 'C1', itemCode: 'A-1', materials: [{ name: '申请书', materialClass: '依据性' }], licences: [] }
 */
export function readFilingCase(input: CaseInput): FilingCase {
  if (!isObject(input)) caseInvalid('应为对象', 'the case must be an object');
  if ('办件' in input) return caseFromYwtbRecord(input);
  return readPlain(input);
}

/**
 * {@link caseFromYwtbRecord} without throwing: `{ ok: true, value }` or `{ ok: false, findings, error }`.
 *
 * @example
 * const r = safeCaseFromYwtbRecord(record);
 * if (!r.ok) console.log(r.findings[0]?.path); // '/办件/事项编码'
 */
export function safeCaseFromYwtbRecord(record: { readonly [key: string]: unknown }): SafeResult<FilingCase> {
  return safely(() => caseFromYwtbRecord(record));
}
