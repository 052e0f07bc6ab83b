import type { Finding, XmlWriter } from '@dangan/core';
import type { MetadataScheme } from '../scheme/model.js';
import type { UnknownRecord } from '../scheme/record-type.js';
import {
  type ChildBinding,
  type ContainerBinding,
  type SchemeBinding,
  schemeBinding,
  type XmlLayout,
} from './binding.js';
import { DAT48_CHILDREN } from './dat48-elements.js';
import { ENTITY_XML_NAMES } from './entity-names.js';
import { findingsError, xmlFinding } from './findings.js';
import { DAT48_NAMESPACE, METADATA_EXT_NAMESPACE, METADATA_EXT_PREFIX, METADATA_ROOT } from './namespaces.js';
import { checkWritable } from './record-check.js';
import { formatXmlNumber } from './values.js';

/** Writes the content of DA/T 48's 文件数据 (its 文档 elements) for a record. */
export type WriteFileData = (writer: XmlWriter, record: UnknownRecord) => void | PromiseLike<void>;

/** Options of {@link writeRecordXml}. */
export interface WriteRecordXmlOptions {
  /**
   * `'metadata'` (default): dangan's metadata document, `<dg:电子文件元数据>` holding every element of the
   * record in scheme order. `'eep'`: DA/T 48's `<文件实体>`, exactly as the EEP schema orders it.
   */
  readonly layout?: XmlLayout;
  /**
   * Declare the namespaces on the element written (`xmlns`, and `xmlns:dg` in the metadata layout).
   * Default: only when it is the document's root (`writer.depth === 0`); nested, the enclosing element is
   * expected to have declared them.
   */
  readonly declareNamespaces?: boolean;
  /**
   * EEP layout: writes the 文档 elements inside `<文件数据>` (packaging writes 文档 / 文档数据 / 编码 with each
   * 电子属性 and the Base64 编码数据 here; see `writeEepElectronicAttributes`). Without it 文件数据 is left
   * out, which DA/T 48 does not allow: use that only for previews.
   */
  readonly writeFileData?: WriteFileData;
  /** Receives the notes of what the EEP layout left out (`METADATA_XML_NOT_IN_EEP`). */
  readonly onFinding?: (finding: Finding) => void;
}

/** Record keys the EEP layout writes somewhere other than in 文件实体's own elements. */
const EEP_ELSEWHERE: Readonly<Record<string, true>> = {
  '文件实体.电子属性': true, // in each 编码 (writeEepElectronicAttributes)
  '文件实体.数字化属性': true, // in each 编码
  '文件实体.电子签名': true, // 电子签名块, written by packaging
  '文件实体.档号.文档序号': true, // 文件数据/文档/文档序号
};
/** The metadata-layout binding with writability checked for `value` under `container` (throws if not). */
export function assertWritable(
  scheme: MetadataScheme,
  containerId: string,
  value: unknown,
  path: string,
): SchemeBinding {
  const binding = schemeBinding(scheme, 'metadata');
  const findings: Finding[] = [];
  checkWritable(binding, binding.container(containerId), value, path, findings);
  if (findings.length > 0) throw findingsError('METADATA_XML_UNWRITABLE', findings);
  return binding;
}

/** Writes the children of a container in the binding's order. */
export function writeChildren(
  w: XmlWriter,
  binding: SchemeBinding,
  container: ContainerBinding,
  obj: UnknownRecord,
): void {
  const children = container.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const value = obj[child.key];
    if (value !== undefined) writeSlot(w, binding, child, value);
  }
}

/** Writes the value of one child slot: one item, or each item of a repeatable one (in its block, if any). */
export function writeSlot(w: XmlWriter, binding: SchemeBinding, child: ChildBinding, value: unknown): void {
  if (!child.repeatable) {
    writeItem(w, binding, child, value);
  } else if (child.block !== undefined) {
    if ((value as readonly unknown[]).length === 0) return;
    w.startElement(child.block.qname);
    for (const item of value as readonly unknown[]) writeItem(w, binding, child, item);
    w.endElement();
  } else {
    for (const item of value as readonly unknown[]) writeItem(w, binding, child, item);
  }
}

/** Writes one value of a child: a container with its children, or a simple element with its text. */
export function writeItem(w: XmlWriter, binding: SchemeBinding, child: ChildBinding, value: unknown): void {
  if (child.container) {
    w.startElement(child.xml.qname);
    writeChildren(w, binding, binding.container(child.element.id), value as UnknownRecord);
    w.endElement();
  } else {
    w.element(child.xml.qname, typeof value === 'number' ? formatXmlNumber(value) : (value as string));
  }
}

/** Writes `<dg:电子文件元数据>` for a record already checked. */
export function writeMetadataRecord(
  w: XmlWriter,
  record: UnknownRecord,
  scheme: MetadataScheme,
  declare: boolean,
  schemeAttributes: boolean,
): void {
  const binding = schemeBinding(scheme, 'metadata');
  const attributes: Record<string, string> = {};
  if (declare) {
    attributes.xmlns = DAT48_NAMESPACE;
    attributes[`xmlns:${METADATA_EXT_PREFIX}`] = METADATA_EXT_NAMESPACE;
  }
  if (schemeAttributes) {
    attributes.方案 = scheme.id;
    attributes.方案版本 = scheme.version;
    attributes.标准 = scheme.standard;
  }
  w.startElement(`${METADATA_EXT_PREFIX}:${METADATA_ROOT}`, attributes);
  writeChildren(w, binding, binding.container(''), record);
  w.endElement();
}

/**
 * Writes DA/T 48's `<文件实体>` for a record already checked; returns a promise only when `writeFileData`
 * does (the closing tags follow it).
 */
export function writeEepFileEntity(
  w: XmlWriter,
  record: UnknownRecord,
  scheme: MetadataScheme,
  declare: boolean,
  writeFileData: WriteFileData | undefined,
  onFinding: ((finding: Finding) => void) | undefined,
): void | PromiseLike<void> {
  const metadata = schemeBinding(scheme, 'metadata');
  const eep = schemeBinding(scheme, 'eep');
  const top = eep.container('').byKey.get('文件实体');
  const file = top === undefined ? undefined : (record[top.key] as UnknownRecord | undefined);
  if (top === undefined || file === undefined || Array.isArray(file)) {
    throw findingsError('METADATA_XML_UNWRITABLE', [
      xmlFinding(
        'METADATA_XML_UNWRITABLE',
        'error',
        '记录没有（单个）文件实体，不能写为 DA/T 48 文件实体',
        'The record has no (single) 文件实体 to write as a DA/T 48 文件实体',
        '文件实体',
        top?.element.id,
      ),
    ]);
  }
  if (onFinding !== undefined) {
    // Top-level parts no EEP function writes (ywtb's 办件, an institution's own entity).
    for (const child of metadata.container('').children) {
      if (
        record[child.key] === undefined ||
        child.key === top.key ||
        Object.hasOwn(ENTITY_XML_NAMES, child.key)
      )
        continue;
      onFinding(notInEep(child.key, child.element.id));
    }
    reportNotInEep(
      metadata.container(top.element.id),
      eep.container(top.element.id),
      metadata,
      eep,
      file,
      '文件实体',
      onFinding,
    );
  }
  const container = eep.container(top.element.id);
  w.startElement('文件实体', declare ? { xmlns: DAT48_NAMESPACE } : undefined);
  for (const name of DAT48_CHILDREN.文件实体!) {
    if (name === '文件数据') break;
    const child = container.byLocal.get(name);
    const value = child === undefined ? undefined : file[child.key];
    if (child !== undefined && value !== undefined) writeSlot(w, eep, child, value);
    if (name === '信息系统描述') {
      const written = new Set<string>();
      if (child !== undefined && value !== undefined)
        for (const v of child.repeatable ? (value as unknown[]) : [value]) written.add(String(v));
      for (const v of systemDescriptions(metadata, top.element.id, file)) {
        if (written.has(v)) continue;
        written.add(v);
        w.element('信息系统描述', v);
      }
    }
  }
  if (writeFileData === undefined) {
    w.endElement();
    return;
  }
  w.startElement('文件数据');
  const result = writeFileData(w, record);
  const finish = () => {
    w.endElement('文件数据');
    w.endElement('文件实体');
  };
  if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
    return Promise.resolve(result).then(finish);
  }
  finish();
}

/** Distinct 信息系统描述 values of the 电子属性 items (DA/T 46 M51), in order of first appearance. */
function systemDescriptions(metadata: SchemeBinding, fileId: string, file: UnknownRecord): string[] {
  const attributes = metadata.container(fileId).byKey.get('电子属性');
  if (attributes === undefined) return [];
  const system = metadata.container(attributes.element.id).byKey.get('信息系统描述');
  const items = file[attributes.key];
  if (system === undefined || items === undefined) return [];
  const out: string[] = [];
  for (const item of attributes.repeatable ? (items as UnknownRecord[]) : [items as UnknownRecord]) {
    const v = item[system.key];
    if (v === undefined) continue;
    for (const s of system.repeatable ? (v as unknown[]) : [v]) {
      const text = typeof s === 'number' ? formatXmlNumber(s) : String(s);
      if (!out.includes(text)) out.push(text);
    }
  }
  return out;
}

function notInEep(path: string, id: string): Finding {
  return xmlFinding(
    'METADATA_XML_NOT_IN_EEP',
    'info',
    `${path} 在 DA/T 48 封装包中没有对应元素，未写入（保存在元数据文档中）`,
    `${path} has no DA/T 48 element and was not written in the EEP (keep it in the metadata document)`,
    path,
    id,
  );
}

/** Reports the elements of `obj` that the EEP layout does not write (and writes nowhere else). */
function reportNotInEep(
  full: ContainerBinding,
  eepContainer: ContainerBinding,
  metadata: SchemeBinding,
  eep: SchemeBinding,
  obj: UnknownRecord,
  path: string,
  onFinding: (finding: Finding) => void,
): void {
  for (const child of full.children) {
    const value = obj[child.key];
    if (value === undefined) continue;
    const childPath = `${path}.${child.key}`;
    if (Object.hasOwn(EEP_ELSEWHERE, childPath)) continue;
    if (!eepContainer.byKey.has(child.key)) {
      onFinding(notInEep(childPath, child.element.id));
      continue;
    }
    if (!child.container) continue;
    const items = child.repeatable ? (value as UnknownRecord[]) : [value as UnknownRecord];
    for (let i = 0; i < items.length; i++) {
      reportNotInEep(
        metadata.container(child.element.id),
        eep.container(child.element.id),
        metadata,
        eep,
        items[i]!,
        child.repeatable ? `${childPath}[${i}]` : childPath,
        onFinding,
      );
    }
  }
}

/**
 * Streams one record into an {@link XmlWriter}: in the metadata layout the whole `<dg:电子文件元数据>`, in
 * the EEP layout DA/T 48's `<文件实体>` (its 文件数据 from `writeFileData`), for packaging to place inside
 * 文件实体块. The record is checked first, so a record that cannot be written throws
 * `DanganError('METADATA_XML_UNWRITABLE')` before anything reaches the writer. Output is deterministic:
 * elements in scheme (or DA/T 48) order whatever the record's key order, attributes in a fixed order,
 * numbers as plain decimals.
 *
 * @example
 * const w = new XmlWriter(sink);
 * w.declaration().startElement('电子文件封装包', { xmlns: DAT48_NAMESPACE });
 * // … 封装包格式描述, 版本, 被签名对象, 封装内容, 文件实体块 …
 * await writeRecordXml(w, record, schemes.dat46, { layout: 'eep', writeFileData: (w) => writeDocuments(w) });
 */
export async function writeRecordXml(
  writer: XmlWriter,
  record: UnknownRecord,
  scheme: MetadataScheme,
  options: WriteRecordXmlOptions = {},
): Promise<void> {
  await writeRecordXmlSync(writer, record, scheme, options);
}

/** {@link writeRecordXml} without the promise when nothing asynchronous happens. */
export function writeRecordXmlSync(
  writer: XmlWriter,
  record: UnknownRecord,
  scheme: MetadataScheme,
  options: WriteRecordXmlOptions,
): void | PromiseLike<void> {
  const layout = options.layout ?? 'metadata';
  if (layout !== 'metadata' && layout !== 'eep')
    throw new RangeError(`layout must be 'metadata' or 'eep', got ${String(layout)}`);
  assertWritable(scheme, '', record, '');
  const declare = options.declareNamespaces ?? writer.depth === 0;
  if (layout === 'metadata') {
    writeMetadataRecord(writer, record, scheme, declare, true);
    return;
  }
  return writeEepFileEntity(writer, record, scheme, declare, options.writeFileData, options.onFinding);
}
