export { asn1Error } from './asn1-error.js';
export { type DerElement, DerReader, decodeDer, integerValue, MAX_DER_DEPTH, walkDer } from './der-reader.js';
export {
  derBitString,
  derElement,
  derExplicit,
  derInteger,
  derNull,
  derOctetString,
  derOid,
  derSequence,
} from './der-writer.js';
export { decodeOid, encodeOid } from './oid.js';
export { decodePem, decodePemBlocks, encodePem, type PemBlock } from './pem.js';
export { decodeString } from './strings.js';
export { contextTag, TAG, tagName } from './tags.js';
export { decodeTime } from './time.js';
