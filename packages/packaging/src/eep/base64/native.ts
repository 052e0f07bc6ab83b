/**
 * Runtime access to Node's `Buffer` (its Base64 codec is native and several times faster than any
 * JavaScript loop) without importing `node:buffer`, so the default entry stays free of Node built-ins. The
 * lookup runs on first use and is memoised; elsewhere (browsers) it is `undefined` and the pure paths run.
 * Results are byte-identical either way.
 */

/** The part of a Node `Buffer` instance used here. */
export interface NativeBufferInstance {
  toString(encoding: 'base64' | 'latin1', start?: number, end?: number): string;
  write(text: string, offset: number, length: number, encoding: 'latin1' | 'base64'): number;
}

/** The part of Node's `Buffer` class used here. */
export interface NativeBufferClass {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): NativeBufferInstance;
  /** A new `Buffer` (a `Uint8Array`) of the text's bytes. */
  from(text: string, encoding: 'latin1' | 'base64'): Uint8Array;
}

let cached: NativeBufferClass | null | undefined;

/**
 * Node's `Buffer` class when the runtime has one, else `undefined`.
 *
 * @example
 * const B = nativeBuffer(); if (B) B.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
 */
export function nativeBuffer(): NativeBufferClass | undefined {
  if (cached === undefined) cached = lookUp();
  return cached ?? undefined;
}

function lookUp(): NativeBufferClass | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.getBuiltinModule !== 'function') return null;
  try {
    const mod = proc.getBuiltinModule('node:buffer') as { Buffer?: NativeBufferClass } | undefined;
    return typeof mod?.Buffer?.from === 'function' ? mod.Buffer : null;
  } catch {
    return null;
  }
}
