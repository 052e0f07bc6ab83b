/**
 * CRC-32 (ISO-HDLC, the one ZIP, PNG and gzip use), incremental. Node's native `zlib.crc32` (Node ≥ 20.15,
 * ≈ 3.5 GB/s) is used when the runtime has it, else a slicing-by-8 table in TypeScript; both give identical
 * output. `node:zlib` is reached through `process.getBuiltinModule` on first use, never imported.
 */

/** An incremental CRC-32. */
export interface Crc32 {
  /** Feeds more bytes; returns the same object. */
  update(bytes: Uint8Array): Crc32;
  /** The CRC-32 of everything fed so far, as an unsigned 32-bit number. Feeding may continue afterwards. */
  digest(): number;
}

/** Options of {@link createCrc32}. */
export interface Crc32Options {
  /** Use the native `zlib.crc32` when present (default `true`); `false` forces the TypeScript table. */
  readonly native?: boolean;
}

type NativeCrc32 = (data: Uint8Array, value?: number) => number;

let nativeFn: NativeCrc32 | null | undefined;

function nativeCrc32(): NativeCrc32 | undefined {
  if (nativeFn === undefined) nativeFn = lookUpNative();
  return nativeFn ?? undefined;
}

function lookUpNative(): NativeCrc32 | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.getBuiltinModule !== 'function') return null;
  try {
    const zlib = proc.getBuiltinModule('node:zlib') as { crc32?: unknown } | undefined;
    return typeof zlib?.crc32 === 'function' ? (zlib.crc32 as NativeCrc32) : null;
  } catch {
    return null;
  }
}

let tables: Uint32Array | undefined;

/** Eight 256-entry tables for slicing-by-8, built on first use. */
function crcTables(): Uint32Array {
  if (tables !== undefined) return tables;
  const t = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c >>> 0;
    }
  }
  tables = t;
  return t;
}

/** Continues a CRC-32 (`value` is a finished CRC, 0 for none) over `bytes` with the TypeScript tables. */
function pureCrc32(bytes: Uint8Array, value: number): number {
  const t = crcTables();
  let c = ~value >>> 0;
  let i = 0;
  const n = bytes.length;
  const end8 = n - (n % 8);
  while (i < end8) {
    const a = (c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24))) >>> 0;
    c =
      t[1792 + (a & 0xff)]! ^
      t[1536 + ((a >>> 8) & 0xff)]! ^
      t[1280 + ((a >>> 16) & 0xff)]! ^
      t[1024 + (a >>> 24)]! ^
      t[768 + bytes[i + 4]!]! ^
      t[512 + bytes[i + 5]!]! ^
      t[256 + bytes[i + 6]!]! ^
      t[bytes[i + 7]!]!;
    i += 8;
  }
  while (i < n) c = t[(c ^ bytes[i++]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * A new incremental CRC-32.
 *
 * @example
 * createCrc32().update(utf8('1234')).update(utf8('56789')).digest(); // 0xcbf43926
 */
export function createCrc32(options: Crc32Options = {}): Crc32 {
  const native = options.native === false ? undefined : nativeCrc32();
  let value = 0;
  const crc: Crc32 = {
    update(bytes) {
      if (bytes.length > 0)
        value = native !== undefined ? native(bytes, value) >>> 0 : pureCrc32(bytes, value);
      return crc;
    },
    digest: () => value,
  };
  return crc;
}

/**
 * CRC-32 of some bytes in one call.
 *
 * @example
 * crc32(utf8('123456789')); // 0xcbf43926
 */
export function crc32(bytes: Uint8Array, options: Crc32Options = {}): number {
  return createCrc32(options).update(bytes).digest();
}
