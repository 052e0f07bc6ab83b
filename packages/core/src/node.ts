/**
 * @dangan/core/node — the Node-only helpers of @dangan/core (file system access). Everything else is in the
 * runtime-neutral `@dangan/core` entry.
 *
 * @module
 */
export { type FromFileOptions, fromFile } from './node/from-file.js';
