/** CRC-32 for ZIP name fields; the implementation lives with the digests. */
export { crc32 } from '../hash/crc32.js';
