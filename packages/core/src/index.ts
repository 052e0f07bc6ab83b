/**
 * @dangan/core — the ground every dangan package stands on: bytes, digests (SM3, SHA-2), SM2 signatures,
 * format identification, errors and findings, safe streaming XML, and the hash-chained audit log.
 *
 * Pure and runtime-neutral: nothing here imports a Node built-in. In Node ≥ 20.16 native `node:crypto`
 * paths are chosen at run time and give byte-identical results. Node-only helpers (`fromFile`) live in
 * `@dangan/core/node`.
 *
 * @module
 */

export * from './audit/index.js';
export * from './bytes/index.js';
export * from './errors/index.js';
export * from './format/index.js';
export * from './hash/index.js';
export { hasNativeHash, useNativeCrypto } from './runtime/native-crypto.js';
export { hardwareConcurrency } from './runtime/node-builtin.js';
export * as sm2 from './sm2/index.js';
export * from './xml/index.js';
