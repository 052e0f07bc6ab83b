import type { Finding, XmlEncoding } from '@dangan/core';
import type { UnknownRecord } from '@dangan/metadata';
import type { EepByteRange } from '../build/options.js';

export type { EepByteRange };

/** One computer file of the EEP (编码), without its data. */
export interface EepEncodingInfo {
  /** `@编码ID`. */
  readonly id: string | undefined;
  /** `编码数据/@编码数据ID`. */
  readonly dataId: string | undefined;
  /** `编码数据/@引用编码数据ID`: in a 修改型 layer, the unchanged data this 编码 reuses from an earlier layer. */
  readonly referencedDataId: string | undefined;
  /** `电子属性/计算机文件名`. */
  readonly fileName: string | undefined;
  /** `电子属性/计算机文件大小` as written. */
  readonly declaredSize: string | undefined;
  /** `电子属性/格式信息`. */
  readonly formatInfo: string | undefined;
  /** `电子属性/文档创建程序`. */
  readonly creator: string | undefined;
  /** `反编码关键字`: the file's original extension. */
  readonly extensionKey: string | undefined;
  /** Bytes the 编码数据 decodes to (0 for an empty, referencing one); `undefined` when its Base64 is invalid. */
  readonly decodedSize: number | undefined;
  /** The modification layer (R of 修改R; 0 for the original package). */
  readonly modification: number;
  /** Element path of the 编码. */
  readonly path: string;
}

/** One 文档数据 (a 稿本 or version of a 文档, or a 收文处理单). */
export interface EepDocumentDataInfo {
  /** `@文档数据ID`. */
  readonly id: string | undefined;
  readonly encodings: readonly EepEncodingInfo[];
  readonly path: string;
}

/** One 文档 (body, attachment …). */
export interface EepDocumentInfo {
  /** `文档标识符`. */
  readonly id: string | undefined;
  /** `文档序号`. */
  readonly sequence: string | undefined;
  /** `文档主从声明`: 主文档 or 附属文档. */
  readonly role: string | undefined;
  /** `题名`. */
  readonly title: string | undefined;
  readonly data: readonly EepDocumentDataInfo[];
  readonly path: string;
}

/** One 证书块: certificates (DER, decoded from Base64) and an optional 证书引证. */
export interface EepCertificateBlock {
  readonly certificates: readonly Uint8Array[];
  readonly reference: string | undefined;
}

/** What a 电子签名 and the 锁定签名 have in common. */
export interface EepSignatureFields {
  /** `签名规则`. */
  readonly rule: string | undefined;
  /** `签名时间`. */
  readonly time: string | undefined;
  /** `签名人`. */
  readonly signer: string | undefined;
  /** `签名算法标识`. */
  readonly algorithm: string | undefined;
  /** `签名结果`, decoded from Base64 (`undefined` when missing or invalid). */
  readonly value: Uint8Array | undefined;
  readonly certificateBlocks: readonly EepCertificateBlock[];
  /** Element path. */
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

/** One 电子签名 (over the 被签名对象 of its layer). */
export interface EepSignatureInfo extends EepSignatureFields {
  /** `签名标识符`. */
  readonly id: string | undefined;
  /** The layer whose 被签名对象 it signs (R of 修改R). */
  readonly modification: number;
  /** Byte range of this `<电子签名>` element, when known (the 锁定签名 signs these bytes). */
  readonly range: EepByteRange | undefined;
}

/** The 锁定签名 (over the bytes of one 电子签名 of the package's own 电子签名块). */
export interface EepLockSignatureInfo extends EepSignatureFields {
  /** `被锁定签名标识符`. */
  readonly lockedId: string | undefined;
}

/** One layer of the package: the original (R = 0) or a modification (修改层). */
export interface EepLayerInfo {
  /** R of 修改R: 0 for the original package, +1 per modification. */
  readonly modification: number;
  /** `封装包类型`. */
  readonly packageType: string | undefined;
  /** `封装包类型描述`. */
  readonly typeDescription: string | undefined;
  /** `封装包创建时间`. */
  readonly createdAt: string | undefined;
  /** `封装包创建单位`. */
  readonly createdBy: string | undefined;
  /** `被签名对象/@eep版本`. */
  readonly eepVersion: string | undefined;
  /** `修改标识符` (修改型 layers). */
  readonly modificationId: string | undefined;
  /** Which content it holds: `封装内容` (原始型) or `修改封装内容` (修改型). */
  readonly content: '封装内容' | '修改封装内容' | undefined;
  /** The layer's own 文档 (in 封装内容 or 修订内容). */
  readonly documents: readonly EepDocumentInfo[];
  /** The 电子签名 over this layer's 被签名对象. */
  readonly signatures: readonly EepSignatureInfo[];
  /** Byte range of its `<被签名对象>`, when known. */
  readonly range: EepByteRange | undefined;
  /** Element path of its 被签名对象. */
  readonly path: string;
}

/** What {@link readEep} returns (封装包信息). */
export interface EepInfo {
  /** `封装包格式描述`. */
  readonly formatDescription: string | undefined;
  /** `版本`. */
  readonly version: string | undefined;
  /** `封装包类型` of the current (outermost) layer. */
  readonly packageType: string | undefined;
  /** `封装包创建时间` of the current layer. */
  readonly createdAt: string | undefined;
  /** `封装包创建单位` of the current layer. */
  readonly createdBy: string | undefined;
  /** Every layer, the original first and the current one last. */
  readonly layers: readonly EepLayerInfo[];
  /** The current layer's 文档. */
  readonly documents: readonly EepDocumentInfo[];
  /** The current layer's 编码, in document order. */
  readonly encodings: readonly EepEncodingInfo[];
  /** The 电子签名 of the package's own 电子签名块. */
  readonly signatures: readonly EepSignatureInfo[];
  /** The 锁定签名. */
  readonly lock: EepLockSignatureInfo | undefined;
  /**
   * The metadata record of the current layer (文件实体 of 封装内容 or 修订内容, 业务实体, 机构人员实体,
   * 实体关系), mapped by `options.scheme`; `undefined` when it could not be mapped (see the findings).
   */
  readonly record: UnknownRecord | undefined;
  /** Whether no finding is an error: the schema and dangan's rules hold. */
  readonly valid: boolean;
  /** Structure and rule findings, with element paths. */
  readonly findings: readonly Finding[];
  /** The encoding the XML was read with, and its size. */
  readonly document: { readonly encoding: XmlEncoding; readonly bytes: number; readonly elements: number };
}
