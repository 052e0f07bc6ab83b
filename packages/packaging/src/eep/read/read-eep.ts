import { type ByteSource, type Finding, isByteSource, type SafeResult, safelyAsync } from '@dangan/core';
import { type MetadataScheme, safeRecordFromXml, schemes, type UnknownRecord } from '@dangan/metadata';
import { eepFinding } from '../validate/codes.js';
import { encodingsOf } from '../validate/rules.js';
import type { EepModel, EncodingModel, LayerModel, SignatureModel } from './collector.js';
import { eepError } from './errors.js';
import { type EepReadOptions, runEepPass } from './pass.js';
import type {
  EepDocumentInfo,
  EepEncodingInfo,
  EepInfo,
  EepLayerInfo,
  EepLockSignatureInfo,
  EepSignatureInfo,
} from './types.js';

/** Options of {@link readEep}. */
export interface ReadEepOptions extends EepReadOptions {
  /**
   * The metadata scheme the record is read with (default `schemes.dat46`, DA/T 46 文书类); `null` skips the
   * record.
   */
  readonly scheme?: MetadataScheme | null;
  /** Largest metadata part of the package kept to map the record, in characters (default 32 Mi). */
  readonly maxRecordLength?: number;
}

function encodingInfo(c: EncodingModel): EepEncodingInfo {
  return {
    id: c.id,
    dataId: c.dataId,
    referencedDataId: c.referencedDataId,
    fileName: c.fileName,
    declaredSize: c.declaredSize,
    formatInfo: c.formatInfo,
    creator: c.creator,
    extensionKey: c.extensionKey,
    decodedSize: c.decodedSize,
    modification: c.modification,
    path: c.path,
  };
}

function documentsOf(layer: LayerModel): EepDocumentInfo[] {
  return layer.documents.map((d) => ({
    id: d.id,
    sequence: d.sequence,
    role: d.role,
    title: d.title,
    path: d.path,
    data: d.data.map((data) => ({
      id: data.id,
      path: data.path,
      encodings: data.encodings.map(encodingInfo),
    })),
  }));
}

function fields(s: SignatureModel) {
  return {
    rule: s.rule,
    time: s.time,
    signer: s.signer,
    algorithm: s.algorithm,
    value: s.value,
    certificateBlocks: s.certificateBlocks.map((b) => ({
      certificates: [...b.certificates],
      reference: b.reference,
    })),
    path: s.path,
    line: s.line,
    column: s.column,
  };
}

function signatureInfo(s: SignatureModel, modification: number): EepSignatureInfo {
  return { id: s.id, modification, range: s.range, ...fields(s) };
}

function lockInfo(s: SignatureModel): EepLockSignatureInfo {
  return { lockedId: s.lockedId, ...fields(s) };
}

/** The public view of a collected model. */
export function eepInfoOf(
  model: EepModel,
  record: UnknownRecord | undefined,
  findings: readonly Finding[],
  document: EepInfo['document'],
): EepInfo {
  const layers: EepLayerInfo[] = model.layers.map((layer) => ({
    modification: layer.modification,
    packageType: layer.packageType,
    typeDescription: layer.typeDescription,
    createdAt: layer.createdAt,
    createdBy: layer.createdBy,
    eepVersion: layer.eepVersion,
    modificationId: layer.modificationId,
    content: layer.content,
    documents: documentsOf(layer),
    signatures: layer.signatures.map((s) => signatureInfo(s, layer.modification)),
    range: layer.range,
    path: layer.path,
  }));
  const current = layers[layers.length - 1];
  const currentModel = model.layers[model.layers.length - 1];
  return {
    formatDescription: model.formatDescription,
    version: model.version,
    packageType: current?.packageType,
    createdAt: current?.createdAt,
    createdBy: current?.createdBy,
    layers,
    documents: current?.documents ?? [],
    encodings: currentModel === undefined ? [] : encodingsOf(currentModel).map(encodingInfo),
    signatures: current?.signatures ?? [],
    lock: model.lock === undefined ? undefined : lockInfo(model.lock),
    record,
    valid: !findings.some((f) => f.severity === 'error' && f.code.startsWith('EEP_')),
    findings,
    document,
  };
}

/**
 * Reads an EEP (读取封装包) in one streaming pass, never holding 编码数据: the package type, creation time
 * and unit, its layers (修改型 nesting, original first, with 修改标识符), the documents and their encodings
 * (编码ID, 编码数据ID, 引用编码数据ID, 计算机文件名, declared and decoded size), the signatures of every layer
 * (id, rule, time, signer, algorithm, certificates) and the 锁定签名, the metadata record of the current layer
 * (mapped by metadata's `recordFromXml` with `options.scheme`), and the structure findings of
 * `validateEepStructure`.
 *
 * A package that breaks the schema is still read as far as it goes (`valid: false`, findings with paths);
 * XML that is not well-formed (or refused: DOCTYPE, limits, encoding) throws `DanganError('EEP_UNREADABLE')`
 * with the XML finding.
 *
 * @example
 * const eep = await readEep(fromFile('件.eep'));
 * console.log(eep.packageType, eep.encodings.map((c) => c.fileName), eep.signatures.map((s) => s.id));
 */
export async function readEep(source: ByteSource, options: ReadEepOptions = {}): Promise<EepInfo> {
  if (!isByteSource(source)) throw new TypeError('source must be a ByteSource (Uint8Array, Blob, stream …)');
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const scheme = options.scheme === undefined ? schemes.dat46 : options.scheme;
  const pass = await runEepPass(source, {
    ...options,
    ...(scheme === null ? {} : { skeleton: options.maxRecordLength ?? 32 << 20 }),
  });
  if (pass.xmlError !== undefined) {
    throw eepError(
      'EEP_UNREADABLE',
      '封装包无法读取',
      'The EEP cannot be read',
      pass.findings,
      pass.xmlError,
    );
  }
  const findings = [...pass.findings];
  let record: UnknownRecord | undefined;
  if (scheme !== null && pass.model.layers.length > 0) {
    if (pass.skeleton === undefined) {
      findings.push(
        eepFinding(
          'EEP_RULE_VALUE_TOO_LONG',
          '封装包的元数据部分过大，未转换为元数据记录',
          'the metadata part of the package is too large to be mapped to a record',
          { path: '/电子文件封装包' },
        ),
      );
    } else {
      const mapped = await safeRecordFromXml(pass.skeleton, scheme, {
        onFinding: (f) => findings.push(f),
        ...(options.maxValueLength === undefined ? {} : { maxValueLength: options.maxValueLength }),
      });
      if (mapped.ok) record = mapped.value;
      else findings.push(...mapped.findings.filter((f) => !findings.includes(f)));
    }
  }
  const document = pass.document!;
  return eepInfoOf(pass.model, record, findings, {
    encoding: document.encoding,
    bytes: document.bytes,
    elements: document.elements,
  });
}

/**
 * {@link readEep} returning a {@link SafeResult} (unreadable XML gives `ok: false` with its findings).
 *
 * @example
 * const r = await safeReadEep(bytes);
 * if (r.ok) console.log(r.value.layers.length);
 */
export function safeReadEep(source: ByteSource, options: ReadEepOptions = {}): Promise<SafeResult<EepInfo>> {
  return safelyAsync(() => readEep(source, options));
}
