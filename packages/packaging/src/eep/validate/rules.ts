import type { Finding } from '@dangan/core';
import type { DatedValue, EepModel, EncodingModel, LayerModel } from '../read/collector.js';
import { eepFinding } from './codes.js';
import { DAT48_SCHEMA } from './dat48-schema.js';
import type { IdOccurrence } from './structure-validator.js';

/** The two 封装包类型描述 sentences by 封装包类型 (the schema's enumeration, in its order). */
function typeDescriptions(): Readonly<Record<string, string>> {
  const [original, modified] = DAT48_SCHEMA.elements.封装包类型描述!.enumeration!;
  return { 原始型: original!, 修改型: modified! };
}

const CONTENT_OF: Readonly<Record<string, string>> = { 原始型: '封装内容', 修改型: '修改封装内容' };

/** What the rules need besides the model. */
export interface RuleContext {
  readonly model: EepModel;
  readonly ids: ReadonlyMap<string, IdOccurrence>;
  readonly onFinding: (finding: Finding) => void;
}

/**
 * dangan's rules beyond the DA/T 48 schema (eep-dat48.md §2, §4): 封装包类型 agrees with its description and
 * its content; 计算机文件大小 is the decoded length; 反编码关键字 is the file's extension; 日期 and 行为时间 are
 * plausible; signature ids follow 修改R-签名S; the 锁定签名 locks one of the package's own signatures;
 * 引用编码数据ID is used only in modification layers, towards earlier layers' data.
 */
export function checkEepRules(ctx: RuleContext): void {
  const { model } = ctx;
  const byDataId = new Map<string, EncodingModel>();
  for (const layer of model.layers) {
    for (const c of encodingsOf(layer))
      if (c.dataId !== undefined && !byDataId.has(c.dataId)) byDataId.set(c.dataId, c);
  }
  for (const layer of model.layers) {
    checkType(ctx, layer);
    for (const c of encodingsOf(layer)) {
      checkReference(ctx, c, byDataId);
      checkSize(ctx, c, byDataId);
      checkExtension(ctx, c);
    }
    for (const date of layer.dates) checkDate(ctx, date, layer);
    for (const s of layer.signatures) checkSignatureId(ctx, s.id, s.idPath ?? s.path, layer.modification);
  }
  checkLock(ctx);
}

/** Every 编码 of a layer, in document order. */
export function encodingsOf(layer: LayerModel): EncodingModel[] {
  const out: EncodingModel[] = [];
  for (const d of layer.documents) for (const data of d.data) out.push(...data.encodings);
  return out;
}

function checkType(ctx: RuleContext, layer: LayerModel): void {
  const type = layer.packageType;
  if (type === undefined || !Object.hasOwn(CONTENT_OF, type)) return;
  const description = typeDescriptions()[type]!;
  if (layer.typeDescription !== undefined && layer.typeDescription !== description) {
    const other = Object.entries(typeDescriptions()).find(([, d]) => d === layer.typeDescription)?.[0];
    if (other !== undefined) {
      ctx.onFinding(
        eepFinding(
          'EEP_RULE_TYPE_DESCRIPTION',
          `封装包类型为“${type}”，封装包类型描述却是${other}的描述；应为“${description}”`,
          `封装包类型 is "${type}" but 封装包类型描述 describes a ${other} package; it must be "${description}"`,
          { path: `${layer.path}/封装包类型描述` },
        ),
      );
    }
  }
  const content = CONTENT_OF[type]!;
  if (layer.content !== undefined && layer.content !== content) {
    ctx.onFinding(
      eepFinding(
        'EEP_RULE_TYPE_CONTENT',
        `封装包类型为“${type}”，应含 <${content}>，实含 <${layer.content}>`,
        `封装包类型 is "${type}", so the package must hold <${content}>, not <${layer.content}>`,
        { path: `${layer.path}/${layer.content}` },
      ),
    );
  }
}

function checkReference(
  ctx: RuleContext,
  c: EncodingModel,
  byDataId: ReadonlyMap<string, EncodingModel>,
): void {
  const ref = c.referencedDataId;
  if (ref === undefined) return;
  const path = c.dataPath ?? c.path;
  if (c.modification === 0) {
    ctx.onFinding(
      eepFinding(
        'EEP_RULE_REFERENCE',
        `原始封装的编码数据不能引用其他编码数据（引用编码数据ID=“${ref}”）：只有修改层可以引用原封装包中未变更的数据`,
        `编码数据 of an original package cannot refer to other data (引用编码数据ID="${ref}"): only a modification layer may reuse unchanged data of 原封装包`,
        { path },
      ),
    );
    return;
  }
  const target = byDataId.get(ref);
  if (target === undefined) {
    if (ctx.ids.has(ref)) {
      const at = ctx.ids.get(ref)!;
      ctx.onFinding(
        eepFinding(
          'EEP_RULE_REFERENCE',
          `引用编码数据ID“${ref}”指向的不是编码数据，而是 <${at.element}>（${at.path}）`,
          `引用编码数据ID "${ref}" names <${at.element}> (${at.path}), not 编码数据`,
          { path },
        ),
      );
    }
    return;
  }
  if (target.modification >= c.modification) {
    ctx.onFinding(
      eepFinding(
        'EEP_RULE_REFERENCE',
        `引用编码数据ID“${ref}”应指向原封装包（更早的层）中的编码数据，而它在修改层 ${target.modification} 中`,
        `引用编码数据ID "${ref}" must name 编码数据 of an earlier layer (原封装包); it is in layer ${target.modification}`,
        { path },
      ),
    );
  }
  if (c.decodedSize !== undefined && c.decodedSize > 0) {
    ctx.onFinding(
      eepFinding(
        'EEP_RULE_REFERENCE',
        `编码数据有引用编码数据ID“${ref}”，本身却不为空（${c.decodedSize} 字节）：引用未变更数据时编码数据应为空`,
        `编码数据 refers to "${ref}" yet holds ${c.decodedSize} bytes itself; it must be empty when it reuses unchanged data`,
        { path },
        { severity: 'warning' },
      ),
    );
  }
}

/** The data an encoding stands for: its own, or the referenced one's (followed through layers). */
export function resolveEncoding(
  c: EncodingModel,
  byDataId: ReadonlyMap<string, EncodingModel>,
): EncodingModel | undefined {
  let at: EncodingModel | undefined = c;
  for (let hops = 0; at !== undefined && at.referencedDataId !== undefined && hops < 64; hops++) {
    const next = byDataId.get(at.referencedDataId);
    if (next === undefined || next === at || next.modification >= at.modification) return undefined;
    at = next;
  }
  return at?.referencedDataId === undefined ? at : undefined;
}

function checkSize(ctx: RuleContext, c: EncodingModel, byDataId: ReadonlyMap<string, EncodingModel>): void {
  const declared = c.declaredSize;
  if (declared === undefined) return;
  const path = c.sizePath ?? c.path;
  const text = declared.trim();
  if (!/^[0-9]+$/.test(text)) {
    ctx.onFinding(
      eepFinding(
        'EEP_RULE_FILE_SIZE',
        `计算机文件大小“${declared}”不是以字节计的整数，无法与编码数据核对`,
        `计算机文件大小 "${declared}" is not a whole number of bytes and cannot be checked against 编码数据`,
        { path },
        { item: 'GD-1-10' },
      ),
    );
    return;
  }
  const source = c.referencedDataId === undefined ? c : resolveEncoding(c, byDataId);
  const actual = source?.decodedSize;
  if (actual === undefined) return;
  if (BigInt(text) !== BigInt(actual)) {
    ctx.onFinding(
      eepFinding(
        'EEP_RULE_FILE_SIZE',
        `计算机文件大小为 ${text} 字节，编码数据解码后为 ${actual} 字节`,
        `计算机文件大小 says ${text} bytes; 编码数据 decodes to ${actual} bytes`,
        { path },
        { item: 'GD-1-10' },
      ),
    );
  }
}

/** The extension of a file name (without the dot), or undefined. */
export function extensionOf(fileName: string): string | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 || dot === base.length - 1 ? undefined : base.slice(dot + 1);
}

/** 反编码关键字 as an extension: trimmed, without a leading dot. */
export function normaliseExtensionKey(key: string): string {
  return key.trim().replace(/^\.+/, '');
}

function checkExtension(ctx: RuleContext, c: EncodingModel): void {
  if (c.fileName === undefined || c.extensionKey === undefined) return;
  const ext = extensionOf(c.fileName.trim());
  const key = normaliseExtensionKey(c.extensionKey);
  if (ext === undefined || key.length === 0) return;
  if (ext.toLowerCase() !== key.toLowerCase()) {
    ctx.onFinding(
      eepFinding(
        'EEP_RULE_EXTENSION',
        `反编码关键字“${c.extensionKey}”与计算机文件名“${c.fileName}”的扩展名“${ext}”不符`,
        `反编码关键字 "${c.extensionKey}" differs from the extension "${ext}" of 计算机文件名 "${c.fileName}"`,
        { path: c.keyPath ?? c.path },
        { item: 'GD-1-10' },
      ),
    );
  }
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const DATE_FORMS = [
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/,
  /^([0-9]{4})([0-9]{2})([0-9]{2})$/,
  /^([0-9]{4})-([0-9]{2})()$/,
  /^([0-9]{4})()()$/,
];

/** A calendar date `YYYY-MM-DD`/`YYYYMMDD`/`YYYY-MM`/`YYYY` as a sortable `YYYYMMDD` number, or undefined. */
function dateKey(value: string): number | undefined {
  const m = DATE_FORMS.map((re) => re.exec(value)).find((x) => x !== null);
  if (m === undefined) return undefined;
  const year = Number(m[1]);
  const month = m[2] === '' ? 1 : Number(m[2]);
  const day = m[3] === '' ? 1 : Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!)) return undefined;
  return year * 10000 + month * 100 + day;
}

const ISO_DATE_TIME =
  /^([0-9]{4}-[0-9]{2}-[0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?$/;

function checkDate(ctx: RuleContext, date: DatedValue, layer: LayerModel): void {
  const value = date.value.trim();
  let key: number | undefined;
  if (date.kind === '日期') key = dateKey(value);
  else {
    const m = ISO_DATE_TIME.exec(value);
    key = m === null ? undefined : dateKey(m[1]!);
    if (m !== null && key !== undefined && m[2] !== undefined) {
      if (Number(m[2]) > 24 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) key = undefined;
    }
  }
  const place = { path: date.path, line: date.line, column: date.column };
  if (key === undefined) {
    ctx.onFinding(
      eepFinding(
        'EEP_RULE_DATE',
        `${date.kind}“${date.value}”不是 ISO 8601 ${date.kind === '日期' ? '日期（YYYY-MM-DD 或 YYYYMMDD）' : '日期或时间'}，或该日不存在`,
        `${date.kind} "${date.value}" is not an ISO 8601 ${date.kind === '日期' ? 'date (YYYY-MM-DD or YYYYMMDD)' : 'date or time'}, or no such day exists`,
        place,
        { item: 'GD-1-5' },
      ),
    );
    return;
  }
  const created =
    layer.createdAt === undefined ? undefined : /^([0-9]{4}-[0-9]{2}-[0-9]{2})T/.exec(layer.createdAt);
  const createdKey = created === null || created === undefined ? undefined : dateKey(created[1]!);
  // 行为时间 of a 计划任务 lies in the future by design: only 日期 is compared with the packaging time.
  if (date.kind === '日期' && createdKey !== undefined && key > createdKey + 1) {
    ctx.onFinding(
      eepFinding(
        'EEP_RULE_DATE',
        `${date.kind}“${date.value}”晚于封装包创建时间“${layer.createdAt}”`,
        `${date.kind} "${date.value}" is later than 封装包创建时间 "${layer.createdAt}"`,
        place,
        { item: 'GD-1-5' },
      ),
    );
  }
}

const SIGNATURE_ID = /^修改([0-9]+)-签名([0-9]+)$/;

function checkSignatureId(
  ctx: RuleContext,
  id: string | undefined,
  path: string,
  modification: number,
): void {
  if (id === undefined) return;
  const m = SIGNATURE_ID.exec(id);
  if (m === null) {
    ctx.onFinding(
      eepFinding(
        'EEP_RULE_SIGNATURE_ID',
        `签名标识符“${id}”不是“修改R-签名S”形式（如“修改${modification}-签名1”）`,
        `签名标识符 "${id}" is not of the form 修改R-签名S (e.g. "修改${modification}-签名1")`,
        { path },
      ),
    );
  } else if (Number(m[1]) !== modification) {
    ctx.onFinding(
      eepFinding(
        'EEP_RULE_SIGNATURE_ID',
        `签名标识符“${id}”的修改次数 R 应为 ${modification}（它签署第 ${modification} 次修改的被签名对象）`,
        `签名标识符 "${id}" should have R = ${modification} (it signs the 被签名对象 of modification ${modification})`,
        { path },
      ),
    );
  }
}

function checkLock(ctx: RuleContext): void {
  const lock = ctx.model.lock;
  const current = ctx.model.layers[ctx.model.layers.length - 1];
  if (lock === undefined || lock.lockedId === undefined || !ctx.ids.has(lock.lockedId)) return;
  if (current?.signatures.some((s) => s.id === lock.lockedId) === true) return;
  const at = ctx.ids.get(lock.lockedId)!;
  ctx.onFinding(
    eepFinding(
      'EEP_RULE_LOCK_TARGET',
      `被锁定签名标识符“${lock.lockedId}”指向 <${at.element}>（${at.path}），不是本封装包电子签名块中的电子签名`,
      `被锁定签名标识符 "${lock.lockedId}" names <${at.element}> (${at.path}), not an 电子签名 of the package's own 电子签名块`,
      { path: lock.idPath ?? lock.path },
    ),
  );
}
