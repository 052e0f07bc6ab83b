/**
 * Every {@link DanganError} code of `@dangan/core`, grouped by concept. The union is a contract: codes are
 * only ever added, never renamed, so hosts can switch on them.
 */
export const CORE_ERROR_CODES = [
  // arguments and cancellation
  'INVALID_ARGUMENT',
  'ABORTED',
  // bytes
  'BYTES_TOO_LARGE',
  'BYTES_UNSUPPORTED_SOURCE',
  'BYTES_READ_FAILED',
  // text encodings
  'ENCODING_UNMAPPABLE',
  'ENCODING_UNSUPPORTED',
  // digests
  'DIGEST_UNSUPPORTED_ALGORITHM',
  // ASN.1, keys, certificates, SM2
  'ASN1_INVALID',
  'PEM_INVALID',
  'KEY_INVALID',
  'KEY_NOT_SM2',
  'SIGNATURE_INVALID_ENCODING',
  'CERTIFICATE_INVALID',
  // format identification
  'FORMAT_UNREADABLE',
  'FORMAT_ZIP_INVALID',
  // XML
  'XML_MALFORMED',
  'XML_DOCTYPE_FORBIDDEN',
  'XML_ENTITY_FORBIDDEN',
  'XML_LIMIT_EXCEEDED',
  'XML_INVALID_ENCODING',
  'XML_INVALID_CHARACTER',
  'XML_WRITER_MISUSE',
  'XML_INVALID_NAME',
  // audit chain
  'AUDIT_EVENT_INVALID',
  'AUDIT_CHAIN_BROKEN',
] as const;

/** A code of an error raised by `@dangan/core`. */
export type CoreErrorCode = (typeof CORE_ERROR_CODES)[number];

/**
 * Codes a {@link DanganError} may carry: the core codes, plus any code a higher package declares.
 * Higher packages widen this with their own literal unions (`MetadataErrorCode`…).
 */
export type DanganErrorCode = CoreErrorCode | (string & { readonly __danganCode?: never });
