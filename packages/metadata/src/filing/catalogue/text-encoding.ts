import { encodeGb18030, type Gb18030EncodeOptions, utf8 } from '@dangan/core';

/** A text encoding the catalogue renderers write: UTF-8, or GB18030 (which also covers GBK and GB2312 text). */
export type CatalogueEncoding = 'utf-8' | 'gb18030';

/** The label an XML declaration uses for an encoding. */
export function encodingLabel(encoding: CatalogueEncoding): 'UTF-8' | 'GB18030' {
  return encoding === 'gb18030' ? 'GB18030' : 'UTF-8';
}

/** Checks an `encoding` option; `RangeError` naming the value otherwise. */
export function checkEncoding(encoding: unknown): CatalogueEncoding {
  if (encoding !== 'utf-8' && encoding !== 'gb18030') {
    throw new RangeError(`encoding must be 'utf-8' or 'gb18030', got ${String(encoding)}`);
  }
  return encoding;
}

/**
 * Text as bytes in `encoding`. UTF-8 cannot fail (lone surrogates become U+FFFD, as `TextEncoder` does);
 * GB18030 uses {@link encodeGb18030} and its `fallback`.
 *
 * @example
 * encodeText('目录', 'gb18030'); // Uint8Array [0xc4, 0xbf, 0xc2, 0xbc]
 */
export function encodeText(
  text: string,
  encoding: CatalogueEncoding,
  options: Gb18030EncodeOptions = {},
): Uint8Array {
  return encoding === 'gb18030' ? encodeGb18030(text, options) : utf8(text);
}
