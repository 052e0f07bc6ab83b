import type { MetadataScheme, UnknownRecord } from '@dangan/metadata';
import type { CheckRecordFact, RecordFileLink } from '../facts.js';

type Obj = { readonly [key: string]: unknown };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The object at `keys` under `value`, or `undefined`.
 *
 * @example
 * objectAt(record, '文件实体', '存储位置'); // { 当前位置: … }
 */
export function objectAt(value: unknown, ...keys: string[]): Obj | undefined {
  let v: unknown = value;
  for (const k of keys) {
    if (!isObj(v)) return undefined;
    v = v[k];
  }
  return isObj(v) ? v : undefined;
}

/**
 * A value as text (strings trimmed; numbers as written), or `undefined`.
 *
 * @example
 * textOf(' 正本 '); // '正本'
 */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * A value as a number (numeric strings too), or `undefined`.
 *
 * @example
 * numberOf('482113'); // 482113
 */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/**
 * The 电子属性 (M46) entries of a record (`文件实体.电子属性`, one or many).
 *
 * @example
 * electronicAttributes(record).map((a) => a.计算机文件名);
 */
export function electronicAttributes(record: UnknownRecord): readonly Obj[] {
  const v = objectAt(record, '文件实体')?.电子属性;
  if (Array.isArray(v)) return v.filter(isObj);
  return isObj(v) ? [v] : [];
}

/**
 * 电子文件号 (M7) of a record.
 *
 * @example
 * recordIdOf(record); // 'SH-YWTB-2025-000123-01'
 */
export function recordIdOf(record: UnknownRecord): string | undefined {
  return textOf(objectAt(record, '文件实体')?.电子文件号);
}

/**
 * 存储位置/当前位置 (M66) of a record.
 *
 * @example
 * recordedLocationOf(record); // 'ywtb/2025/03/000123/'
 */
export function recordedLocationOf(record: UnknownRecord): string | undefined {
  return textOf(objectAt(record, '文件实体', '存储位置')?.当前位置);
}

/** 信息系统描述 (M51), which the EEP puts under 文件实体 and DA/T 46 under 电子属性. */
function systemOf(record: UnknownRecord, attribute: Obj): string | undefined {
  const own = textOf(attribute.信息系统描述);
  if (own !== undefined) return own;
  const v = objectAt(record, '文件实体')?.信息系统描述;
  return Array.isArray(v) ? textOf(v[0]) : textOf(v);
}

/**
 * One {@link RecordFileLink} per 电子属性 entry of a record, with its recorded name, size, format,
 * creating application and system, and the entry path `pathOf(index)` gives.
 *
 * @example
 * recordFileLinks(record, (i) => manifestPaths[i], 'manifest');
 */
export function recordFileLinks(
  record: UnknownRecord,
  pathOf: (attribute: number, name: string | undefined) => string | undefined,
  linkedBy: RecordFileLink['linkedBy'],
): RecordFileLink[] {
  return electronicAttributes(record).map((a, attribute) => {
    const name = textOf(a.计算机文件名);
    const size = numberOf(a.计算机文件大小);
    const format = textOf(a.格式信息);
    const creator = textOf(a.文档创建程序);
    const system = systemOf(record, a);
    const path = pathOf(attribute, name);
    const link: { -readonly [K in keyof RecordFileLink]: RecordFileLink[K] } = { attribute };
    if (name !== undefined) link.name = name;
    if (size !== undefined) link.size = size;
    if (format !== undefined) link.format = format;
    if (creator !== undefined) link.creator = creator;
    if (system !== undefined) link.system = system;
    if (path !== undefined) {
      link.path = path;
      if (linkedBy !== undefined) link.linkedBy = linkedBy;
    }
    return link;
  });
}

/**
 * The {@link CheckRecordFact} of a record read from a package (检测用记录): where it was read (`path`,
 * `元数据.xml#2`), the record and its scheme, its files, and the 电子文件号 (M7) and 当前位置 (M66) it states;
 * `placement` adds the 档号 and folder a layout gives it.
 *
 * @example
 * checkRecordFact('元数据.xml#1', record, schemes.ywtb, recordFileLinks(record, (i) => paths[i], 'manifest'));
 */
export function checkRecordFact(
  path: string,
  record: UnknownRecord,
  scheme: MetadataScheme,
  files: readonly RecordFileLink[],
  placement?: { readonly archivalCode: string; readonly folder: string },
): CheckRecordFact {
  const id = recordIdOf(record);
  const location = recordedLocationOf(record);
  return Object.assign(
    { path, record, scheme, files },
    id === undefined ? {} : { id },
    placement === undefined ? {} : { archivalCode: placement.archivalCode, folder: placement.folder },
    location === undefined ? {} : { recordedLocation: location },
  );
}
