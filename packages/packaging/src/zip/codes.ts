/**
 * Finding and error codes of the ZIP engine (压缩包引擎), with what each means. Codes are only ever added,
 * never renamed.
 */
export const ZIP_FINDING_CODES = {
  ZIP_MALFORMED: '压缩包结构损坏或被截断 (structure damaged or truncated)',
  ZIP_LIMIT_EXCEEDED: '超出安全限制：条目数、大小、压缩比、名称长度或目录深度 (a safety limit was exceeded)',
  ZIP_NAME_UNSAFE: '不安全的条目名：路径穿越、绝对路径、盘符、反斜杠或 NUL (unsafe entry name)',
  ZIP_NAME_DUPLICATE: '重复的条目名 (duplicate entry name)',
  ZIP_NAME_CASE_COLLISION: '仅大小写不同的条目名 (names differing only in case)',
  ZIP_NAME_NOT_UTF8: '条目名未标记 UTF-8，按 GB 18030 解码 (name not UTF-8, decoded as GB 18030)',
  ZIP_SYMLINK: '符号链接条目 (symbolic link entry)',
  ZIP_ENTRY_ENCRYPTED: '加密条目：归档包禁止加密 (encrypted entry)',
  ZIP_METHOD_UNSUPPORTED: '非 STORE/DEFLATE 的压缩方法 (unsupported compression method)',
  ZIP_ENTRY_OVERLAP: '条目数据与其他条目或中央目录重叠 (entry data overlaps another entry)',
  ZIP_LOCAL_HEADER_MISMATCH: '本地文件头与中央目录不一致 (local header disagrees with the central directory)',
  ZIP_CRC_MISMATCH: 'CRC-32 校验不符 (CRC-32 mismatch)',
  ZIP_SIZE_MISMATCH: '解压后大小与声明不符 (size differs from the declared size)',
  ZIP_WRITER_FAILED: '写入压缩包失败，输出不完整，必须丢弃 (writing failed; discard the partial output)',
  ZIP_WRITER_MISUSE: '压缩包写入器使用错误 (writer used wrongly)',
} as const;

/** A code of {@link ZIP_FINDING_CODES}. */
export type ZipFindingCode = keyof typeof ZIP_FINDING_CODES;
