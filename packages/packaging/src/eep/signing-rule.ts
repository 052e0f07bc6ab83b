/**
 * The signing rule of dangan's EEPs (封装包签名规则). DA/T 48-2009 names what is signed (the 被签名对象
 * element) but defines no XML canonicalisation and no value list for 签名规则 / 签名算法标识, so dangan
 * fixes one rule and records it in every signature:
 *
 * - **What is signed:** the exact UTF-8 bytes of the serialised `<被签名对象 …>…</被签名对象>` element as they
 *   stand in the EEP file, from its `<` to the `>` of its end tag. Nothing is canonicalised; a reader verifies
 *   against the bytes it read. (A 修改型 EEP nests earlier 被签名对象 elements byte for byte, so their
 *   signatures stay verifiable.)
 * - **锁定签名:** the exact bytes of the locked `<电子签名 …>…</电子签名>` element, the same way.
 * - **Algorithm:** SM2 with SM3 (GM/T 0003, GM/T 0009): e = SM3(Z_A ‖ M) with the signer's user id
 *   (default `1234567812345678`), the signature DER-encoded (SEQUENCE { r, s }) and Base64-encoded in
 *   `签名结果`; `签名算法标识` holds the OID {@link EEP_SM2_SM3_OID}.
 * - **证书块/证书:** the signer's X.509 certificate, DER, Base64.
 */

/** 签名算法标识 of SM2 with SM3 (GM/T 0006: `1.2.156.10197.1.501`). */
export const EEP_SM2_SM3_OID = '1.2.156.10197.1.501';

/**
 * The 签名规则 text dangan writes, naming the signed bytes and the user id (`{userId}` is replaced by the
 * signer's SM2 user id). Readers accept any 签名规则 that starts with {@link EEP_SIGNING_RULE_PREFIX}.
 */
export const EEP_SIGNING_RULE_TEMPLATE =
  'dangan-eep-1：对被签名对象（锁定签名为被锁定的电子签名）元素序列化后的原始UTF-8字节直接签名，不做规范化；SM2/SM3，用户标识={userId}';

/** The start of every 签名规则 written by {@link EEP_SIGNING_RULE_TEMPLATE}. */
export const EEP_SIGNING_RULE_PREFIX = 'dangan-eep-1：';

/**
 * The 签名规则 text for a signer's user id.
 *
 * @example
 * eepSigningRule('1234567812345678'); // 'dangan-eep-1：…用户标识=1234567812345678'
 */
export function eepSigningRule(userId: string): string {
  return EEP_SIGNING_RULE_TEMPLATE.replace('{userId}', userId);
}

/**
 * The SM2 user id recorded in a dangan 签名规则, or `undefined` when the rule is not dangan's.
 *
 * @example
 * userIdFromSigningRule(eepSigningRule('ALICE')); // 'ALICE'
 */
export function userIdFromSigningRule(rule: string): string | undefined {
  if (!rule.startsWith(EEP_SIGNING_RULE_PREFIX)) return undefined;
  const at = rule.lastIndexOf('用户标识=');
  return at < 0 ? undefined : rule.slice(at + '用户标识='.length);
}

/**
 * A signature id in DA/T 48's `修改R-签名S` form (R: modification count, 0 for the original; S: sequence).
 *
 * @example
 * eepSignatureId(0, 1); // '修改0-签名1'
 */
export function eepSignatureId(modification: number, sequence: number): string {
  if (!Number.isInteger(modification) || modification < 0)
    throw new RangeError(`modification must be a non-negative integer, got ${modification}`);
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
  return `修改${modification}-签名${sequence}`;
}
