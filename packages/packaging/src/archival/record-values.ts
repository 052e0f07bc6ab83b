/** Small readers of the fields a package needs from a DA/T 46 / 一网通办 record (no validation here). */

type Obj = Readonly<Record<string, unknown>>;

/** The plain object at `keys`, or `undefined`. */
export function objectAt(value: unknown, ...keys: string[]): Obj | undefined {
  let v: unknown = value;
  for (const k of keys) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Obj)[k];
  }
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** A trimmed non-empty string (a finite number in decimal), or `undefined`. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : t;
}

/** A non-negative number from a number or a decimal string, or `undefined`. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*$/u.test(value)) return Number(value);
  return undefined;
}

/** The 电子属性 (M46) entries of a record (`[]` when absent). */
export function electronicAttributes(record: unknown): readonly unknown[] {
  const list = objectAt(record, '文件实体')?.电子属性;
  return Array.isArray(list) ? list : [];
}

/** 页数 (M43) of a record, when recorded as a non-negative integer. */
export function pagesOf(record: unknown): number | undefined {
  const n = numberOf(objectAt(record, '文件实体', '形式特征')?.页数);
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

/** Whether the record is a volume (聚合层次 案卷). */
export function isVolume(record: unknown): boolean {
  return objectAt(record, '文件实体')?.聚合层次 === '案卷';
}

/** Duration in seconds recorded for the record: 时长秒 (dangan extension), else 时间长度 `hh:mm:ss` (DA/T 63). */
export function durationOf(record: unknown): number | undefined {
  const entity = objectAt(record, '文件实体');
  const seconds = numberOf(entity?.时长秒);
  if (seconds !== undefined) return seconds;
  const text = textOf(entity?.时间长度);
  const m = text === undefined ? null : /^(\d{1,9}):([0-5]\d):([0-5]\d)$/u.exec(text);
  return m === null ? undefined : Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

/** The values a name template can use, from a record (档号 and 序号 are added by the caller). */
export function recordTemplateValues(record: unknown): Record<string, string | number | undefined> {
  const entity = objectAt(record, '文件实体');
  const code = objectAt(entity, '档号');
  const caseBlock = objectAt(record, '办件');
  return {
    电子文件号: textOf(entity?.电子文件号),
    办件编号: textOf(caseBlock?.办件编号),
    事项编码: textOf(caseBlock?.事项编码),
    全宗号: textOf(code?.全宗号),
    年度: textOf(code?.年度),
    件号: textOf(code?.馆编件号) ?? textOf(code?.室编件号),
  };
}

/** The 一网通办 材料名称 whose 计算机文件名 is `fileName`, if any. */
export function materialNameOf(record: unknown, fileName: string | undefined): string | undefined {
  if (fileName === undefined) return undefined;
  const materials = objectAt(record, '办件')?.材料;
  if (!Array.isArray(materials)) return undefined;
  for (const m of materials) {
    const o = objectAt(m);
    if (o !== undefined && textOf(o.计算机文件名) === fileName) return textOf(o.材料名称);
  }
  return undefined;
}
