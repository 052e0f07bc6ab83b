/**
 * Streaming Base64 (Base64 流式编解码) for DA/T 48 `编码数据`: an encoder that carries partial groups across
 * chunks and a decoder that skips XML whitespace and reports the position of bad characters. Both are
 * fast (table-driven, or Node's native codec when present, with identical output) and hold no more than
 * the chunk they are given.
 *
 * @module
 */
export { Base64Decoder, type Base64DecoderOptions } from './decoder.js';
export { Base64Encoder, type Base64EncoderOptions, base64EncodedLength } from './encoder.js';
export { BASE64_ERROR_CODES, type Base64ErrorCode } from './errors.js';
