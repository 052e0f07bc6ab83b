/**
 * Byte-level XML scanning (XML 字节扫描): exact byte offsets of elements in a streamed UTF-8 document, for
 * the parts of DA/T 48 that depend on bytes — signatures over `被签名对象` and `电子签名`, and copying an
 * earlier layer byte for byte into a 修改型 EEP. Text passes through without being buffered.
 *
 * @module
 */
export { XmlNamespaceScope, type XmlResolvedName } from './namespaces.js';
export { XmlByteScanner, type XmlByteScannerOptions } from './scanner.js';
export { type ParsedStartTag, parseStartTag } from './tag.js';
export { decodeXmlAttributeValue, decodeXmlReferences, decodeXmlText, utf8Text } from './text.js';
export type {
  XmlByteAttribute,
  XmlByteToken,
  XmlCdataToken,
  XmlCommentToken,
  XmlEndTagToken,
  XmlProcessingInstructionToken,
  XmlStartTagToken,
  XmlTextToken,
} from './tokens.js';
