import { DanganError } from '@dangan/core';

/**
 * The {@link DanganError} codes of building and signing EEPs (封装包构建与签名), with what each means. Codes are
 * only ever added, never renamed.
 */
export const EEP_BUILD_ERROR_CODES = {
  EEP_RECORD_INVALID:
    '记录不能封装：缺少文件实体、业务实体、机构人员实体、电子属性或其计算机文件名/计算机文件大小 (record cannot be packaged)',
  EEP_FILES_MISMATCH: '给出的文件与记录的电子属性不对应 (files do not match the record’s 电子属性)',
  EEP_FILE_SIZE_MISMATCH: '文件实际大小与计算机文件大小不符 (file size differs from 计算机文件大小)',
  EEP_FILE_READ_FAILED: '读取文件失败，输出不完整，必须丢弃 (reading a file failed; discard the output)',
  EEP_SIGNER_INVALID:
    '签名人的私钥或证书无效或不匹配 (a signer’s key or certificate is invalid or mismatched)',
  EEP_SOURCE_INVALID: '输入的封装包无效或不是 DA/T 48 封装包 (the input EEP is invalid or not a DA/T 48 EEP)',
  EEP_REFERENCE_INVALID:
    '引用的编码数据在原封装包中不存在 (a referenced 编码数据 is not in the earlier layer)',
  EEP_ID_COLLISION: '新修改层的标识符与原封装包中的标识符重复 (a new ID collides with an earlier one)',
  EEP_SIGNATURE_NOT_FOUND: '要锁定的电子签名不存在 (the signature to lock does not exist)',
} as const;

/** A code of {@link EEP_BUILD_ERROR_CODES}. */
export type EepBuildErrorCode = keyof typeof EEP_BUILD_ERROR_CODES;

/**
 * Makes an EEP build/sign {@link DanganError} with its Chinese and English message.
 *
 * @example
 * throw eepError('EEP_FILE_SIZE_MISMATCH', '文件大小不符', 'File size differs', { path: '文件实体/电子属性[0]' });
 */
export function eepError(
  code: EepBuildErrorCode,
  message: string,
  messageEn: string,
  options: { readonly path?: string; readonly cause?: unknown } = {},
): DanganError {
  return new DanganError(code, message, { ...options, messageEn });
}
