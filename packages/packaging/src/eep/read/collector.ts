import type { EepByteRange, EepCertificateBlock } from './types.js';

/** Writable twins of the public info types, filled in while the document streams by. */
export interface EncodingModel {
  id: string | undefined;
  dataId: string | undefined;
  referencedDataId: string | undefined;
  fileName: string | undefined;
  declaredSize: string | undefined;
  formatInfo: string | undefined;
  creator: string | undefined;
  extensionKey: string | undefined;
  decodedSize: number | undefined;
  modification: number;
  path: string;
  /** Where 计算机文件大小, 反编码关键字 and 编码数据 are (for findings). */
  sizePath: string | undefined;
  keyPath: string | undefined;
  dataPath: string | undefined;
  line: number;
  column: number;
  /** The layer (an object of {@link LayerModel}) it belongs to. */
  layer: LayerModel;
}

export interface DocumentDataModel {
  id: string | undefined;
  encodings: EncodingModel[];
  path: string;
}

export interface DocumentModel {
  id: string | undefined;
  sequence: string | undefined;
  role: string | undefined;
  title: string | undefined;
  data: DocumentDataModel[];
  path: string;
}

export interface CertificateBlockModel extends EepCertificateBlock {
  certificates: Uint8Array[];
  reference: string | undefined;
}

export interface SignatureModel {
  kind: 'signature' | 'lock';
  id: string | undefined;
  lockedId: string | undefined;
  rule: string | undefined;
  time: string | undefined;
  signer: string | undefined;
  algorithm: string | undefined;
  value: Uint8Array | undefined;
  certificateBlocks: CertificateBlockModel[];
  path: string;
  line: number;
  column: number;
  range: EepByteRange | undefined;
  /** The layer it signs (undefined for the lock). */
  layer: LayerModel | undefined;
  /** Where 签名标识符 / 被锁定签名标识符 is. */
  idPath: string | undefined;
}

/** A value of an element the rules look at (日期, 行为时间). */
export interface DatedValue {
  readonly kind: '日期' | '行为时间';
  readonly value: string;
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

export interface LayerModel {
  /** Order of its 被签名对象 in the document (0 = the outermost, current layer). */
  ordinal: number;
  modification: number;
  packageType: string | undefined;
  typeDescription: string | undefined;
  createdAt: string | undefined;
  createdBy: string | undefined;
  eepVersion: string | undefined;
  modificationId: string | undefined;
  content: '封装内容' | '修改封装内容' | undefined;
  documents: DocumentModel[];
  signatures: SignatureModel[];
  range: EepByteRange | undefined;
  path: string;
  line: number;
  column: number;
  dates: DatedValue[];
}

/** The package as collected (封装包模型): layers outermost first until {@link Collector.finish}. */
export interface EepModel {
  formatDescription: string | undefined;
  version: string | undefined;
  /** Original first, current last (after `finish`). */
  layers: LayerModel[];
  lock: SignatureModel | undefined;
}

/** An element as the collector sees it. */
export interface CollectorElement {
  readonly local: string;
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly attributes: Readonly<Record<string, string>>;
}

/** Simple elements whose text the collector reads (the reader keeps their text for it). */
export const COLLECTED_VALUES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  '封装包格式描述',
  '版本',
  '封装包类型',
  '封装包类型描述',
  '封装包创建时间',
  '封装包创建单位',
  '修改标识符',
  '文档标识符',
  '文档序号',
  '文档主从声明',
  '题名',
  '格式信息',
  '计算机文件名',
  '计算机文件大小',
  '文档创建程序',
  '反编码关键字',
  '签名标识符',
  '被锁定签名标识符',
  '签名规则',
  '签名时间',
  '签名人',
  '签名算法标识',
  '证书引证',
  '日期',
  '行为时间',
]);

/** Most bytes kept of one 签名结果 or 证书. */
const MAX_SIGNATURE_BYTES = 1 << 20;

function idOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const id = value.replace(/[\t\n\r ]+/g, ' ').trim();
  return id;
}

function concat(a: Uint8Array | undefined, b: Uint8Array): Uint8Array {
  if (a === undefined || a.length === 0) return b.slice();
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** What an open element is to the collector. */
export type CollectorSlot =
  | { readonly kind: 'layer'; readonly layer: LayerModel }
  | { readonly kind: 'document'; readonly document: DocumentModel }
  | { readonly kind: 'data'; readonly data: DocumentDataModel }
  | { readonly kind: 'encoding'; readonly encoding: EncodingModel }
  | { readonly kind: 'encoded-data'; readonly encoding: EncodingModel }
  | { readonly kind: 'signature'; readonly signature: SignatureModel }
  | { readonly kind: 'certificate-block'; readonly block: CertificateBlockModel }
  | { readonly kind: 'certificate'; readonly block: CertificateBlockModel; index: number }
  | { readonly kind: 'signature-value'; readonly signature: SignatureModel }
  | { readonly kind: 'other' };

const OTHER: CollectorSlot = { kind: 'other' };

/**
 * Builds the {@link EepModel} from element events (封装包信息采集): layers of 修改型 nesting with their ids,
 * documents and encodings (never their data), signatures, the lock. Elements are recognised by local name
 * and place, whatever their namespace, so that a tolerant reader still sees what a vendor package holds.
 */
export class Collector {
  readonly model: EepModel = {
    formatDescription: undefined,
    version: undefined,
    layers: [],
    lock: undefined,
  };
  readonly #layers: LayerModel[] = [];
  #lastClosed: LayerModel | undefined;
  #certificateBytes = 0;

  /** The innermost open layer. */
  get layer(): LayerModel | undefined {
    return this.#layers[this.#layers.length - 1];
  }

  /** How many layers are open (1 inside the outermost 被签名对象). */
  get depth(): number {
    return this.#layers.length;
  }

  start(
    e: CollectorElement,
    parent: CollectorSlot | undefined,
    parentLocal: string | undefined,
  ): CollectorSlot {
    switch (e.local) {
      case '被签名对象': {
        const layer: LayerModel = {
          ordinal: this.model.layers.length,
          modification: 0,
          packageType: undefined,
          typeDescription: undefined,
          createdAt: undefined,
          createdBy: undefined,
          eepVersion: e.attributes.eep版本,
          modificationId: undefined,
          content: undefined,
          documents: [],
          signatures: [],
          range: undefined,
          path: e.path,
          line: e.line,
          column: e.column,
          dates: [],
        };
        this.model.layers.push(layer);
        this.#layers.push(layer);
        return { kind: 'layer', layer };
      }
      case '封装内容':
      case '修改封装内容':
        if (parent?.kind !== 'layer') return OTHER;
        parent.layer.content = e.local;
        return parent;
      case '文档': {
        const layer = this.layer;
        if (parentLocal !== '文件数据' || layer === undefined) return OTHER;
        const document: DocumentModel = {
          id: undefined,
          sequence: undefined,
          role: undefined,
          title: undefined,
          data: [],
          path: e.path,
        };
        layer.documents.push(document);
        return { kind: 'document', document };
      }
      case '文档数据': {
        if (parent?.kind !== 'document') return OTHER;
        const data: DocumentDataModel = { id: idOf(e.attributes.文档数据ID), encodings: [], path: e.path };
        parent.document.data.push(data);
        return { kind: 'data', data };
      }
      case '编码': {
        const layer = this.layer;
        if (parent?.kind !== 'data' || layer === undefined) return OTHER;
        const encoding: EncodingModel = {
          id: idOf(e.attributes.编码ID),
          dataId: undefined,
          referencedDataId: undefined,
          fileName: undefined,
          declaredSize: undefined,
          formatInfo: undefined,
          creator: undefined,
          extensionKey: undefined,
          decodedSize: undefined,
          modification: 0,
          path: e.path,
          sizePath: undefined,
          keyPath: undefined,
          dataPath: undefined,
          line: e.line,
          column: e.column,
          layer,
        };
        parent.data.encodings.push(encoding);
        return { kind: 'encoding', encoding };
      }
      case '电子属性':
        return parent?.kind === 'encoding' ? parent : OTHER;
      case '编码数据': {
        if (parent?.kind !== 'encoding') return OTHER;
        const encoding = parent.encoding;
        encoding.dataId = idOf(e.attributes.编码数据ID);
        encoding.referencedDataId = idOf(e.attributes.引用编码数据ID);
        encoding.dataPath = e.path;
        return { kind: 'encoded-data', encoding };
      }
      case '电子签名': {
        const owner = this.#lastClosed;
        if (parentLocal !== '电子签名块' || owner === undefined) return OTHER;
        const signature = this.#signature('signature', e, owner);
        owner.signatures.push(signature);
        return { kind: 'signature', signature };
      }
      case '锁定签名': {
        if (this.model.lock !== undefined || this.#layers.length > 0) return OTHER;
        const signature = this.#signature('lock', e, undefined);
        this.model.lock = signature;
        return { kind: 'signature', signature };
      }
      case '证书块': {
        if (parent?.kind !== 'signature') return OTHER;
        const block: CertificateBlockModel = { certificates: [], reference: undefined };
        parent.signature.certificateBlocks.push(block);
        return { kind: 'certificate-block', block };
      }
      case '证书':
        if (parent?.kind !== 'certificate-block') return OTHER;
        return { kind: 'certificate', block: parent.block, index: -1 };
      case '签名结果':
        return parent?.kind === 'signature'
          ? { kind: 'signature-value', signature: parent.signature }
          : OTHER;
      default:
        return parent?.kind === 'layer' ||
          parent?.kind === 'document' ||
          parent?.kind === 'encoding' ||
          parent?.kind === 'signature' ||
          parent?.kind === 'certificate-block'
          ? parent
          : OTHER;
    }
  }

  #signature(kind: 'signature' | 'lock', e: CollectorElement, layer: LayerModel | undefined): SignatureModel {
    return {
      kind,
      id: undefined,
      lockedId: undefined,
      rule: undefined,
      time: undefined,
      signer: undefined,
      algorithm: undefined,
      value: undefined,
      certificateBlocks: [],
      path: e.path,
      line: e.line,
      column: e.column,
      range: undefined,
      layer,
      idPath: undefined,
    };
  }

  /** Decoded Base64 of a 签名结果 or 证书. Returns whether the bytes were kept. */
  bytes(slot: CollectorSlot, bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (slot.kind === 'signature-value') {
      const value = slot.signature.value;
      if ((value?.length ?? 0) + bytes.length <= MAX_SIGNATURE_BYTES)
        slot.signature.value = concat(value, bytes);
    } else if (slot.kind === 'certificate') {
      if (this.#certificateBytes + bytes.length > 16 * MAX_SIGNATURE_BYTES) return;
      this.#certificateBytes += bytes.length;
      const list = slot.block.certificates;
      if (slot.index < 0) {
        slot.index = list.length;
        list.push(bytes.slice());
      } else if (list[slot.index]!.length + bytes.length <= MAX_SIGNATURE_BYTES) {
        list[slot.index] = concat(list[slot.index], bytes);
      }
    }
  }

  /**
   * An element ends. `slot` is its own slot, `parent` its parent's; `value` its text (default applied);
   * `decoded` the bytes its Base64 decoded to (`undefined` when invalid); `range` its bytes.
   */
  end(
    e: CollectorElement,
    slot: CollectorSlot,
    parent: CollectorSlot | undefined,
    parentLocal: string | undefined,
    value: string | undefined,
    decoded: number | undefined,
    range: EepByteRange | undefined,
  ): void {
    if (slot.kind === 'layer' && e.local === '被签名对象') {
      slot.layer.range = range;
      this.#layers.pop();
      this.#lastClosed = slot.layer;
      return;
    }
    if (slot.kind === 'signature' && (e.local === '电子签名' || e.local === '锁定签名')) {
      slot.signature.range = range;
      return;
    }
    if (slot.kind === 'encoded-data') {
      slot.encoding.decodedSize = decoded;
      return;
    }
    if (slot.kind === 'certificate' && slot.index < 0) {
      // An empty 证书 still counts as one (it will not parse).
      slot.block.certificates.push(new Uint8Array(0));
      return;
    }
    if (parentLocal === '电子文件封装包') {
      if (e.local === '封装包格式描述') this.model.formatDescription = value;
      else if (e.local === '版本') this.model.version = value;
      return;
    }
    if (value === undefined) return;
    if (e.local === '日期' || e.local === '行为时间') {
      this.layer?.dates.push({ kind: e.local, value, path: e.path, line: e.line, column: e.column });
      return;
    }
    if (parent === undefined) return;
    switch (parent.kind) {
      case 'layer':
        this.#layerValue(parent.layer, e.local, value, parentLocal);
        break;
      case 'document': {
        const d = parent.document;
        if (parentLocal !== '文档') break;
        if (e.local === '文档标识符') d.id = idOf(value);
        else if (e.local === '文档序号') d.sequence = value;
        else if (e.local === '文档主从声明') d.role = value;
        else if (e.local === '题名') d.title = value;
        break;
      }
      case 'encoding': {
        const c = parent.encoding;
        if (e.local === '计算机文件名') c.fileName = value;
        else if (e.local === '计算机文件大小') {
          c.declaredSize = value;
          c.sizePath = e.path;
        } else if (e.local === '格式信息') c.formatInfo = value;
        else if (e.local === '文档创建程序') c.creator = value;
        else if (e.local === '反编码关键字') {
          c.extensionKey = value;
          c.keyPath = e.path;
        }
        break;
      }
      case 'signature': {
        const s = parent.signature;
        if (e.local === '签名标识符' && s.kind === 'signature') {
          s.id = idOf(value);
          s.idPath = e.path;
        } else if (e.local === '被锁定签名标识符' && s.kind === 'lock') {
          s.lockedId = idOf(value);
          s.idPath = e.path;
        } else if (e.local === '签名规则') s.rule = value;
        else if (e.local === '签名时间') s.time = value;
        else if (e.local === '签名人') s.signer = value;
        else if (e.local === '签名算法标识') s.algorithm = value;
        break;
      }
      case 'certificate-block':
        if (e.local === '证书引证') parent.block.reference = value;
        break;
      default:
        break;
    }
  }

  #layerValue(layer: LayerModel, local: string, value: string, parentLocal: string | undefined): void {
    if (parentLocal === '被签名对象') {
      if (local === '封装包类型') layer.packageType = value;
      else if (local === '封装包类型描述') layer.typeDescription = value;
      else if (local === '封装包创建时间') layer.createdAt = value;
      else if (local === '封装包创建单位') layer.createdBy = value;
    } else if (parentLocal === '修改封装内容' && local === '修改标识符') {
      layer.modificationId = idOf(value);
    }
  }

  /** The document ended: layers are put original-first and numbered (R of 修改R). */
  finish(): EepModel {
    const layers = this.model.layers.reverse();
    layers.forEach((layer, i) => {
      layer.modification = i;
      for (const d of layer.documents)
        for (const data of d.data) for (const c of data.encodings) c.modification = i;
    });
    return this.model;
  }
}
