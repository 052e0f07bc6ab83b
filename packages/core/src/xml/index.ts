/**
 * Safe streaming XML: a reader for untrusted documents of any size (no DTD, no entity expansion, bounded
 * depth, names and attributes, chunked text) and an escaping streaming writer.
 *
 * @module
 */
export { findInvalidXmlChar } from './chars.js';
export { type XmlEncoding, xmlEncodingForLabel } from './encoding.js';
export { escapeXmlAttribute, escapeXmlText } from './escape.js';
export { DEFAULT_XML_LIMITS, type ResolvedXmlLimits, type XmlLimits } from './limits.js';
export { isXmlName, isXmlNcName } from './names.js';
export { xmlReadableStream, xmlToString } from './output.js';
export {
  type ReadXmlOptions,
  readXml,
  safeReadXml,
  type XmlDocumentInfo,
  type XmlElementEvent,
  type XmlHandler,
} from './read-xml.js';
export { type ParseXmlToTreeOptions, parseXmlToTree, safeParseXmlToTree, type XmlElement } from './tree.js';
export {
  type XmlAttributes,
  type XmlByteSink,
  type XmlSink,
  type XmlTextSink,
  XmlWriter,
  type XmlWriterOptions,
} from './writer.js';
export { XmlError, type XmlErrorLocation } from './xml-error.js';
