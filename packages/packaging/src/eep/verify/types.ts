import type { DigestAlgorithm, Finding } from '@dangan/core';

/** The outcome of one check (检查结论): it holds, it fails, or it cannot be decided with what is at hand. */
export type EepCheckStatus = 'valid' | 'invalid' | 'cannot-verify';

/** Why a signature check is not `valid` (a stable code; the message explains). */
export type EepSignatureProblem =
  /** 签名结果 is missing or not Base64. */
  | 'no-value'
  /** No 证书 holds a readable SM2 certificate. */
  | 'no-certificate'
  /** 签名算法标识 is not SM2 with SM3. */
  | 'algorithm-unsupported'
  /** The signature does not verify under dangan's signing rule: the bytes or the signature were changed. */
  | 'signature-mismatch'
  /** A 签名规则 other than dangan's: the signature does not verify over the raw bytes, which may mean nothing. */
  | 'rule-unknown'
  /** The signed bytes could not be located (not UTF-8, or the element's offsets are unknown). */
  | 'bytes-unknown'
  /** A second read was needed and the source is a one-shot stream. */
  | 'source-not-rereadable'
  /** The source gave different bytes on the second read. */
  | 'source-changed'
  /** The 锁定签名 names no 电子签名 of the package's own 电子签名块. */
  | 'lock-target-missing'
  /** Neither 签名时间 nor `options.time` says when the signature was made. */
  | 'no-time'
  /** 签名时间 is not a date and time. */
  | 'time-invalid'
  /** The signing certificate was not yet valid at 签名时间. */
  | 'not-yet-valid'
  /** The signing certificate had expired at 签名时间. */
  | 'expired'
  /** No trust anchors were given, so the certificate chain cannot be judged. */
  | 'no-trust-anchors'
  /** The certificate chain leads to no trust anchor. */
  | 'untrusted'
  /** A certificate of the chain is not issued by the next one (bad signature), or is not a CA, or is out of date. */
  | 'chain-invalid';

/** One check of a signature. */
export interface EepCheck {
  readonly status: EepCheckStatus;
  readonly problem?: EepSignatureProblem;
  readonly message?: string;
  readonly messageEn?: string;
}

/** The certificate a signature was verified with. */
export interface EepCertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The certificate, DER. */
  readonly der: Uint8Array;
}

/** The verification of one 电子签名 or of the 锁定签名 (签名验证结果). */
export interface EepSignatureCheck {
  readonly kind: 'signature' | 'lock';
  /** 签名标识符 (for the lock: 被锁定签名标识符). */
  readonly id: string | undefined;
  /** The layer whose 被签名对象 it signs (R of 修改R); for the lock, the current layer. */
  readonly modification: number;
  /** Element path. */
  readonly path: string;
  /** Overall: `invalid` if any check is, `valid` if all are, else `cannot-verify`. */
  readonly status: EepCheckStatus;
  /** The problem that decided a status other than `valid`. */
  readonly problem?: EepSignatureProblem;
  readonly message?: string;
  readonly messageEn?: string;
  /** The SM2 signature over the exact signed bytes. */
  readonly signature: EepCheck;
  /** The signing certificate's validity period at 签名时间. */
  readonly validity: EepCheck;
  /** The certificate chain up to a trust anchor. */
  readonly chain: EepCheck;
  readonly rule: string | undefined;
  readonly time: string | undefined;
  readonly signer: string | undefined;
  readonly algorithm: string | undefined;
  /** The SM2 user id used (from 签名规则, else the default). */
  readonly userId: string;
  /** The certificate whose key verified the signature (else the first readable one). */
  readonly certificate: EepCertificateSummary | undefined;
}

/** One embedded file, decoded and digested (文件核验结果). */
export interface EepFileCheck {
  /** `@编码ID`. */
  readonly encodingId: string | undefined;
  /** `@编码数据ID`. */
  readonly dataId: string | undefined;
  /** `@引用编码数据ID`: the file's data is that 编码数据's. */
  readonly referencedDataId: string | undefined;
  /** `计算机文件名`. */
  readonly fileName: string | undefined;
  /** The layer (R of 修改R). */
  readonly modification: number;
  /** Element path of the 编码. */
  readonly path: string;
  /** `计算机文件大小` as written. */
  readonly declaredSize: string | undefined;
  /** Decoded bytes (of the referenced data for a reference); `undefined` when it could not be decoded. */
  readonly decodedSize: number | undefined;
  /** Whether 计算机文件大小 equals `decodedSize`; `undefined` when either is missing or not a number. */
  readonly sizeMatches: boolean | undefined;
  /** Digests of the decoded bytes (lowercase hex): SM3 always, others on request. */
  readonly digests: Readonly<Partial<Record<DigestAlgorithm, string>>>;
  /** `invalid` when the data cannot be decoded, the reference does not resolve, or the size differs. */
  readonly status: 'valid' | 'invalid';
}

/** What {@link verifyEep} returns (封装包验证结果). */
export interface EepVerification {
  /** No finding is an error: structure, rules, signatures and files hold (a `cannot-verify` is a warning). */
  readonly valid: boolean;
  /** Signed, `valid`, and every signature and the lock `valid` — chains to trust anchors included. */
  readonly trusted: boolean;
  /** Whether the package has any 电子签名. */
  readonly signed: boolean;
  /** 封装包类型 of the current layer. */
  readonly packageType: string | undefined;
  /** Number of modification layers (0 for a 原始型 package). */
  readonly modifications: number;
  /** The structure alone. */
  readonly structure: { readonly valid: boolean; readonly schemaValid: boolean };
  /** Every 电子签名 of every layer (original first), then the 锁定签名. */
  readonly signatures: readonly EepSignatureCheck[];
  /** The 锁定签名's check (also the last of `signatures`). */
  readonly lock: EepSignatureCheck | undefined;
  /** Every 编码 of every layer, in document order within each layer (original first). */
  readonly files: readonly EepFileCheck[];
  /** Every finding, with element paths, in Chinese and English. */
  readonly findings: readonly Finding[];
  /** How many times the source was read (2 when signed bytes had to be hashed once the key was known). */
  readonly reads: number;
}
