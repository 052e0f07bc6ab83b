/**
 * @dangan/core/node — the Node-only helpers of @dangan/core (file system access). Everything else is in the
 * runtime-neutral `@dangan/core` entry.
 *
 * @module
 */

export { fileBlob } from './node/file-blob.js';
export { type FromFileOptions, fromFile } from './node/from-file.js';
