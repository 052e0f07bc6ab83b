import type { XmlWriter } from '@dangan/core';
import type { MetadataScheme } from '../scheme/model.js';
import type { UnknownRecord } from '../scheme/record-type.js';
import { type ChildBinding, schemeBinding } from './binding.js';
import { assertWritable, writeChildren, writeItem } from './write-record.js';

/**
 * Writes the record's 实体关系 items as DA/T 48 `<文件实体关系>` elements (实体标识符 → 文件标识符,
 * 被关联实体标识符 → 被关联文件标识符), for packaging to place in 文件实体块 right after 文件实体. Writes
 * nothing when the record has none.
 *
 * @example
 * await writeRecordXml(w, record, scheme, { layout: 'eep', writeFileData });
 * writeEepFileEntityRelations(w, record, scheme);
 * w.endElement('文件实体块');
 */
export function writeEepFileEntityRelations(
  writer: XmlWriter,
  record: UnknownRecord,
  scheme: MetadataScheme,
): void {
  writeEntity(writer, record, scheme, '实体关系', undefined);
}

/**
 * Writes DA/T 48's `<业务实体块>` with one `<业务实体>` per item of the record's 业务实体 (schema order). DA/T 48
 * requires at least one; with none the block is written empty, which the schema rejects, so callers check
 * (or validate the record) first.
 *
 * @example
 * writeEepBusinessBlock(w, record, schemes.dat46); // <业务实体块><业务实体>…</业务实体></业务实体块>
 */
export function writeEepBusinessBlock(
  writer: XmlWriter,
  record: UnknownRecord,
  scheme: MetadataScheme,
): void {
  writeEntity(writer, record, scheme, '业务实体', '业务实体块');
}

/**
 * Writes DA/T 48's `<机构人员实体块>` with one `<机构人员实体>` per item of the record's 机构人员实体. DA/T 48
 * requires at least one (see {@link writeEepBusinessBlock}).
 *
 * @example
 * writeEepAgentBlock(w, record, schemes.dat46);
 */
export function writeEepAgentBlock(writer: XmlWriter, record: UnknownRecord, scheme: MetadataScheme): void {
  writeEntity(writer, record, scheme, '机构人员实体', '机构人员实体块');
}

function writeEntity(
  writer: XmlWriter,
  record: UnknownRecord,
  scheme: MetadataScheme,
  key: string,
  block: string | undefined,
): void {
  const value = record?.[key];
  assertWritable(scheme, '', value === undefined ? {} : { [key]: value }, '');
  const eep = schemeBinding(scheme, 'eep');
  const child = eep.container('').byKey.get(key);
  // The block is written here (not by the binding) so that it is there even with no items, or for a scheme
  // whose entity is not repeatable.
  if (block !== undefined) writer.startElement(block);
  if (child !== undefined && value !== undefined) {
    const items = child.repeatable ? (value as readonly unknown[]) : [value];
    for (const item of items) writeItem(writer, eep, child, item);
  }
  if (block !== undefined) writer.endElement();
}

/**
 * Writes the metadata of the `index`-th computer file for its DA/T 48 `<编码>`: `<电子属性>` from
 * 文件实体.电子属性[index] (schema order: 格式信息, 计算机文件名, 计算机文件大小, 文档创建程序; 信息系统描述 goes
 * to 文件实体), then `<数字化属性>` when the record has one (DA/T 46 has one per 件, DA/T 48 one per 编码, so it
 * is repeated in each). Packaging calls it inside each 编码, before 编码描述. A `RangeError` when there is
 * no such item.
 *
 * @example
 * w.startElement('编码', { 编码ID: 'E1' });
 * writeEepElectronicAttributes(w, record, scheme, 0);
 * w.element('编码描述', EEP_ENCODING_DESCRIPTION).element('反编码关键字', 'pdf');
 */
export function writeEepElectronicAttributes(
  writer: XmlWriter,
  record: UnknownRecord,
  scheme: MetadataScheme,
  index: number,
): void {
  const file = record?.文件实体;
  assertWritable(scheme, '', file === undefined ? {} : { 文件实体: file }, '');
  const eep = schemeBinding(scheme, 'eep');
  const top = eep.container('').byKey.get('文件实体');
  const all = top === undefined ? undefined : schemeBinding(scheme, 'metadata').container(top.element.id);
  const attributes = all?.byKey.get('电子属性');
  const items = itemsOf(attributes, file);
  const item = items[index];
  if (attributes === undefined || !Number.isInteger(index) || item === undefined) {
    throw new RangeError(
      `index ${String(index)} is out of range: the record has ${items.length} 电子属性 item(s)`,
    );
  }
  writer.startElement('电子属性');
  writeChildren(writer, eep, eep.container(attributes.element.id), item as UnknownRecord);
  writer.endElement();
  const digitization = all?.byKey.get('数字化属性');
  const scans = itemsOf(digitization, file);
  // DA/T 46 has one 数字化属性 per 件 (written in every 编码); a scheme that repeats it has one per file.
  const scan = digitization?.repeatable ? scans[index] : scans[0];
  if (digitization === undefined || scan === undefined) return;
  writer.startElement('数字化属性');
  writeChildren(writer, eep, eep.container(digitization.element.id), scan as UnknownRecord);
  writer.endElement();
}

function itemsOf(child: ChildBinding | undefined, file: unknown): readonly unknown[] {
  if (child === undefined || file === null || typeof file !== 'object') return [];
  const value = (file as UnknownRecord)[child.key];
  if (value === undefined) return [];
  return child.repeatable ? (value as readonly unknown[]) : [value];
}
