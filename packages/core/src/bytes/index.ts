export {
  type ByteSource,
  type ByteSourceValue,
  type ChunkOptions,
  chunks,
  DEFAULT_CHUNK_SIZE,
  isByteSource,
  knownSize,
  throwIfAborted,
} from './byte-source.js';
export { fromBase64, fromHex, toBase64, toHex, utf8 } from './encoding.js';
export { encodeGb18030, type Gb18030EncodeOptions } from './gb18030.js';
export { concatBytes, type ReadAllOptions, readAll, readPrefix } from './read-all.js';
