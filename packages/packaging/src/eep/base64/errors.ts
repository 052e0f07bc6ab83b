import { DanganError } from '@dangan/core';

/** The {@link DanganError} codes of the streaming Base64 codec (Base64 编解码). Codes are only ever added. */
export const BASE64_ERROR_CODES = ['EEP_BASE64_INVALID'] as const;

/** A code of {@link BASE64_ERROR_CODES}. */
export type Base64ErrorCode = (typeof BASE64_ERROR_CODES)[number];

/** `EEP_BASE64_INVALID` with the (0-based) position of the offending character in the whole stream. */
export function base64Error(zh: string, en: string, position: number): DanganError {
  return new DanganError('EEP_BASE64_INVALID', `Base64 数据无效：${zh}（第 ${position + 1} 个字符）`, {
    messageEn: `Invalid Base64 data: ${en} (character ${position + 1})`,
  });
}
