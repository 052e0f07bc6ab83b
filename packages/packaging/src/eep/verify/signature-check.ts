import { sm2 } from '@dangan/core';
import type { SignatureModel } from '../read/collector.js';
import { EEP_SIGNING_RULE_PREFIX, userIdFromSigningRule } from '../signing-rule.js';
import { isDateTime } from '../validate/simple-types.js';
import { checkChain, type ReadCertificate, readCertificate, summary } from './certificates.js';
import type { EepCheck, EepCheckStatus, EepSignatureCheck, EepSignatureProblem } from './types.js';

/**
 * 签名算法标识 values taken as SM2 with SM3 (compared without case, spaces, `-` and `_`): the GM/T 0006 OID
 * and the names vendors write. Other algorithms (RSA, ECDSA, a bare MD5) are `cannot-verify`.
 */
const SM2_SM3_NAMES = ['1.2.156.10197.1.501', 'sm3withsm2', 'sm2withsm3', 'sm2sm3', 'sm3sm2', 'sm2'];

/** Whether 签名算法标识 names SM2 with SM3. */
export function isSm2Sm3(algorithm: string | undefined): boolean {
  if (algorithm === undefined) return false;
  const name = algorithm
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  return SM2_SM3_NAMES.includes(name);
}

/**
 * 签名时间 as a date. Without a time zone it is read as China Standard Time (UTC+8), where DA/T 48
 * packages are made.
 */
export function signingTime(value: string | undefined): Date | 'invalid' | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (!isDateTime(text)) return 'invalid';
  const zoned = /(?:Z|[+-][0-9]{2}:[0-9]{2})$/.test(text) ? text : `${text}+08:00`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? 'invalid' : date;
}

/** A candidate signing key of a signature: an SM2 certificate it carries. */
export interface SigningKey {
  readonly certificate: ReadCertificate;
  readonly publicKey: Uint8Array;
}

/** What a signature needs before its digest can be computed. */
export interface PreparedSignature {
  readonly model: SignatureModel;
  readonly userId: string;
  /** The certificates it carries, read. */
  readonly certificates: readonly ReadCertificate[];
  /** Its SM2 keys, in order. */
  readonly keys: readonly SigningKey[];
  /** A reason it cannot be checked at all (no value, no certificate, another algorithm). */
  readonly blocked:
    | {
        readonly status: EepCheckStatus;
        readonly problem: EepSignatureProblem;
        readonly zh: string;
        readonly en: string;
      }
    | undefined;
}

/** Reads a signature's certificates and user id, and says whether it can be checked at all. */
export function prepareSignature(model: SignatureModel): PreparedSignature {
  const userId =
    (model.rule === undefined ? undefined : userIdFromSigningRule(model.rule.trim())) ?? sm2.DEFAULT_USER_ID;
  const certificates: ReadCertificate[] = [];
  for (const block of model.certificateBlocks) {
    for (const der of block.certificates) {
      const read = der.length === 0 ? undefined : readCertificate(der);
      if (read !== undefined) certificates.push(read);
    }
  }
  const keys: SigningKey[] = [];
  for (const certificate of certificates) {
    if (certificate.publicKey !== undefined) keys.push({ certificate, publicKey: certificate.publicKey });
  }
  let blocked: PreparedSignature['blocked'];
  if (!isSm2Sm3(model.algorithm)) {
    blocked = {
      status: 'cannot-verify',
      problem: 'algorithm-unsupported',
      zh: `签名算法标识“${model.algorithm ?? ''}”不是 SM2/SM3（1.2.156.10197.1.501），无法验证`,
      en: `签名算法标识 "${model.algorithm ?? ''}" is not SM2 with SM3 (1.2.156.10197.1.501); it cannot be verified`,
    };
  } else if (model.value === undefined || model.value.length === 0) {
    blocked = {
      status: 'invalid',
      problem: 'no-value',
      zh: '签名结果缺失或不是有效的 Base64',
      en: '签名结果 is missing or not valid Base64',
    };
  } else if (keys.length === 0) {
    blocked = {
      status: 'cannot-verify',
      problem: 'no-certificate',
      zh: certificates.length === 0 ? '证书块中没有可读取的证书' : '证书块中没有 SM2 证书',
      en: certificates.length === 0 ? 'no readable certificate in 证书块' : 'no SM2 certificate in 证书块',
    };
  }
  return { model, userId, certificates, keys, blocked };
}

/** Options the final judgement of a signature needs. */
export interface JudgeOptions {
  readonly anchors: readonly ReadCertificate[] | undefined;
  /** Used when 签名时间 is absent. */
  readonly time: Date | undefined;
}

function check(status: EepCheckStatus, problem?: EepSignatureProblem, zh?: string, en?: string): EepCheck {
  return {
    status,
    ...(problem === undefined ? {} : { problem }),
    ...(zh === undefined ? {} : { message: zh }),
    ...(en === undefined ? {} : { messageEn: en }),
  };
}

const NOT_CHECKED = check('cannot-verify');

/**
 * Judges a prepared signature once the digests of its signed bytes are known: `digestFor(key)` gives
 * e = SM3(Z_A ‖ M) for a key, or a reason the bytes are not available.
 */
export function judgeSignature(
  prepared: PreparedSignature,
  digestFor: (
    key: SigningKey,
  ) => Uint8Array | { readonly problem: EepSignatureProblem; readonly zh: string; readonly en: string },
  modification: number,
  options: JudgeOptions,
): EepSignatureCheck {
  const { model, userId } = prepared;
  let signature: EepCheck;
  let signerCertificate: ReadCertificate | undefined =
    prepared.keys[0]?.certificate ?? prepared.certificates[0];
  if (prepared.blocked !== undefined) {
    const b = prepared.blocked;
    signature = check(b.status, b.problem, b.zh, b.en);
  } else {
    signature = check('cannot-verify');
    let verified = false;
    let unavailable: EepCheck | undefined;
    for (const key of prepared.keys) {
      const e = digestFor(key);
      if (!(e instanceof Uint8Array)) {
        unavailable = check('cannot-verify', e.problem, e.zh, e.en);
        break;
      }
      if (sm2.verifyDigest(model.value!, e, key.publicKey)) {
        verified = true;
        signerCertificate = key.certificate;
        break;
      }
    }
    if (verified) signature = check('valid');
    else if (unavailable !== undefined) signature = unavailable;
    else if (model.rule?.trim().startsWith(EEP_SIGNING_RULE_PREFIX) === true) {
      signature = check(
        'invalid',
        'signature-mismatch',
        '签名验证不通过：被签名的字节或签名结果已被改动（或签名人证书不符）',
        'the signature does not verify: the signed bytes or 签名结果 were changed (or the certificate is not the signer’s)',
      );
    } else {
      signature = check(
        'cannot-verify',
        'rule-unknown',
        `签名规则“${model.rule ?? ''}”不是 dangan 的规则；按原始字节和用户标识 ${userId} 验证未通过，无法判断签名是否有效`,
        `签名规则 "${model.rule ?? ''}" is not dangan's; checked over the raw bytes with user id ${userId} it does not verify, which does not settle it`,
      );
    }
  }
  const time = signingTime(model.time) ?? options.time;
  let validity = NOT_CHECKED;
  let chain = NOT_CHECKED;
  if (signerCertificate !== undefined) {
    const info = signerCertificate.info;
    if (time === 'invalid') {
      validity = check(
        'cannot-verify',
        'time-invalid',
        `签名时间“${model.time ?? ''}”不是日期时间`,
        `签名时间 "${model.time ?? ''}" is not a date and time`,
      );
    } else if (time === undefined) {
      validity = check(
        'cannot-verify',
        'no-time',
        '没有签名时间（也未给出 options.time），无法检查证书在签名时是否有效',
        'no 签名时间 (nor options.time): the certificate cannot be checked at signing time',
      );
    } else if (time < info.notBefore) {
      validity = check(
        'invalid',
        'not-yet-valid',
        `签名时间 ${time.toISOString()} 早于签名证书的生效时间 ${info.notBefore.toISOString()}`,
        `signed at ${time.toISOString()}, before the certificate's notBefore ${info.notBefore.toISOString()}`,
      );
    } else if (time > info.notAfter) {
      validity = check(
        'invalid',
        'expired',
        `签名时间 ${time.toISOString()} 晚于签名证书的失效时间 ${info.notAfter.toISOString()}`,
        `signed at ${time.toISOString()}, after the certificate's notAfter ${info.notAfter.toISOString()}`,
      );
    } else {
      validity = check('valid');
    }
    const pool = prepared.certificates.filter((c) => c !== signerCertificate);
    chain = checkChain(signerCertificate, pool, options.anchors, time instanceof Date ? time : undefined);
  }
  const parts = [signature, validity, chain];
  const decisive =
    parts.find((p) => p.status === 'invalid') ?? parts.find((p) => p.status === 'cannot-verify');
  const status: EepCheckStatus = decisive === undefined ? 'valid' : decisive.status;
  return {
    kind: model.kind,
    id: model.kind === 'lock' ? model.lockedId : model.id,
    modification,
    path: model.path,
    status,
    ...(decisive?.problem === undefined ? {} : { problem: decisive.problem }),
    ...(decisive?.message === undefined ? {} : { message: decisive.message }),
    ...(decisive?.messageEn === undefined ? {} : { messageEn: decisive.messageEn }),
    signature,
    validity,
    chain,
    rule: model.rule,
    time: model.time,
    signer: model.signer,
    algorithm: model.algorithm,
    userId,
    certificate: signerCertificate === undefined ? undefined : summary(signerCertificate.info),
  };
}
