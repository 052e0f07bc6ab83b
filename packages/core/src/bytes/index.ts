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
export { concatBytes, type ReadAllOptions, readAll, readPrefix } from './read-all.js';
