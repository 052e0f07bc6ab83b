/**
 * Runtime access to Node's `node:crypto` without importing it, so the default entry stays free of Node
 * built-ins (and of Node types) and still uses native code where it runs on Node ≥ 20.16.
 *
 * `process.getBuiltinModule` is how the module is reached: it exists in Node ≥ 20.16/22.3, Bun and Deno,
 * and nowhere in browsers. Nothing runs at import time; the lookup happens on first use and is memoised.
 */

/** The part of a Node `Hash` object dangan uses. */
export interface NativeHash {
  update(data: Uint8Array): NativeHash;
  digest(): Uint8Array;
  copy(): NativeHash;
}

/** The part of a Node `ECDH` object dangan uses (SM2 k·G at native speed). */
export interface NativeEcdh {
  setPrivateKey(key: Uint8Array): void;
  getPublicKey(): Uint8Array;
}

/** The part of `node:crypto` dangan uses. Extend here, never import `node:crypto` in the default entry. */
export interface NativeCrypto {
  createHash(algorithm: string): NativeHash;
  createHmac(algorithm: string, key: Uint8Array): NativeHash;
  getHashes(): string[];
  getCurves(): string[];
  createECDH(curve: string): NativeEcdh;
  hash?: (algorithm: string, data: Uint8Array, outputEncoding: 'buffer') => Uint8Array;
}

import { nodeBuiltin } from './node-builtin.js';

let cached: NativeCrypto | null | undefined;
let disabled = false;

/**
 * Node's crypto module when this runtime has one (and native use is not disabled), else `undefined`.
 *
 * @example
 * const native = nativeCrypto();
 * if (native?.getHashes().includes('sm3')) { … }
 */
export function nativeCrypto(): NativeCrypto | undefined {
  if (disabled) return undefined;
  if (cached === undefined) cached = lookUp();
  return cached ?? undefined;
}

/**
 * Turns the native fast paths off (or back on). Results never change, only speed: tests use this to run
 * the pure TypeScript paths in Node, and a host can use it to pin behaviour across runtimes.
 *
 * @example
 * useNativeCrypto(false); // pure TypeScript from here on
 */
export function useNativeCrypto(enabled: boolean): void {
  disabled = !enabled;
}

/**
 * Whether native algorithm `name` (a `getHashes()` name such as `sm3`) is available.
 *
 * @example
 * hasNativeHash('sm3'); // true on Node with OpenSSL 3, false in browsers
 */
export function hasNativeHash(name: string): boolean {
  const native = nativeCrypto();
  if (native === undefined) return false;
  nativeHashes ??= new Set(native.getHashes().map((h) => h.toLowerCase()));
  return nativeHashes.has(name);
}
let nativeHashes: Set<string> | undefined;

function lookUp(): NativeCrypto | null {
  const mod = nodeBuiltin<NativeCrypto>('node:crypto');
  return mod !== undefined && typeof mod.createHash === 'function' ? mod : null;
}
