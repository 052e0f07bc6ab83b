import { type ByteSource, chunks, throwIfAborted } from '../bytes/byte-source.js';
import { toHex } from '../bytes/encoding.js';
import { type SafeResult, safelyAsync } from '../errors/result.js';
import { hasNativeHash, nativeCrypto } from '../runtime/native-crypto.js';
import { type DigestAlgorithm, parseDigestAlgorithm } from './algorithms.js';
import { createHasher, type Hasher } from './hasher.js';
import { pureHash } from './pure.js';

/** Options of {@link digest} and {@link digests}. */
export interface DigestOptions {
  /** Stops reading with `DanganError('ABORTED')` when aborted. */
  readonly signal?: AbortSignal;
  /** Largest piece handed to the hash at once; default 1 MiB (smaller chunks hash measurably slower). */
  readonly chunkSize?: number;
}

/**
 * The digest of a {@link ByteSource} as lowercase hexadecimal, read in chunks with bounded memory.
 *
 * @example
 * await digest(fromFile('/data/件1.pdf'), 'sm3'); // '66c7f0f4…'
 */
export async function digest(
  source: ByteSource,
  algorithm: DigestAlgorithm,
  options: DigestOptions = {},
): Promise<string> {
  const name = parseDigestAlgorithm(algorithm);
  const whole = inMemory(source, options);
  if (whole !== undefined) return digestBytes(whole, name);
  const hasher = createHasher(name);
  for await (const chunk of chunks(source, options)) hasher.update(chunk);
  return hasher.digestHex();
}

/**
 * Several digests of one {@link ByteSource} in a single pass over its bytes (a stream can be read only
 * once, and reading twice costs twice the I/O). Keys are the canonical algorithm names.
 *
 * @example
 * const { sm3, sha256 } = await digests(blob, ['sm3', 'sha256']);
 */
export async function digests<A extends DigestAlgorithm>(
  source: ByteSource,
  algorithms: readonly A[],
  options: DigestOptions = {},
): Promise<Record<A, string>> {
  if (!Array.isArray(algorithms) || algorithms.length === 0) {
    throw new RangeError('algorithms must name at least one digest algorithm');
  }
  const names = [...new Set(algorithms.map((a) => parseDigestAlgorithm(a)))];
  const hashers: Hasher[] = names.map((name) => createHasher(name));
  for await (const chunk of chunks(source, options)) {
    for (const hasher of hashers) hasher.update(chunk);
  }
  const out: Partial<Record<DigestAlgorithm, string>> = {};
  for (const hasher of hashers) out[hasher.algorithm] = hasher.digestHex();
  return out as Record<A, string>;
}

/**
 * The digest of bytes already in memory, synchronously, as lowercase hexadecimal. Uses Node's one-shot
 * `crypto.hash` when present (the cheapest call for small inputs), else the pure implementation.
 *
 * @example
 * digestBytes(utf8('abc'), 'sm3'); // '66c7f0f462eeedd9…'
 */
export function digestBytes(data: Uint8Array, algorithm: DigestAlgorithm): string {
  if (!(data instanceof Uint8Array)) throw new TypeError(`data must be a Uint8Array, got ${typeof data}`);
  const name = parseDigestAlgorithm(algorithm);
  const native = hasNativeHash(name) ? nativeCrypto() : undefined;
  if (native !== undefined) {
    try {
      // `crypto.hash` (Node ≥ 20.12) returns hex directly; older Nodes take the createHash route.
      const oneShot = native.hash as
        | ((algorithm: string, data: Uint8Array, encoding: 'hex') => string)
        | undefined;
      if (oneShot !== undefined) return oneShot(name, data, 'hex');
      return toHex(native.createHash(name).update(data).digest());
    } catch {
      // Listed but refused (MD5 under an OpenSSL FIPS policy): the pure one gives the same digest.
    }
  }
  return toHex(pureHash(name)(data));
}

/**
 * {@link digest} returning a {@link SafeResult}: unreadable sources, aborts and unknown algorithms become
 * findings instead of exceptions.
 *
 * @example
 * const r = await safeDigest(file, 'sm3'); if (r.ok) save(r.value);
 */
export function safeDigest(
  source: ByteSource,
  algorithm: DigestAlgorithm,
  options: DigestOptions = {},
): Promise<SafeResult<string>> {
  return safelyAsync(() => digest(source, algorithm, options));
}

/**
 * {@link digests} returning a {@link SafeResult}.
 *
 * @example
 * const r = await safeDigests(file, ['sm3', 'sha256']);
 */
export function safeDigests<A extends DigestAlgorithm>(
  source: ByteSource,
  algorithms: readonly A[],
  options: DigestOptions = {},
): Promise<SafeResult<Record<A, string>>> {
  return safelyAsync(() => digests(source, algorithms, options));
}

// In-memory bytes that fit one chunk skip the chunk loop: one native call, no generator.
function inMemory(source: ByteSource, options: DigestOptions): Uint8Array | undefined {
  if (!(source instanceof Uint8Array) && !(source instanceof ArrayBuffer)) return undefined;
  const { chunkSize } = options;
  // A bad chunkSize is left for chunks() to reject with its RangeError.
  if (chunkSize !== undefined && !(Number.isSafeInteger(chunkSize) && chunkSize > 0)) return undefined;
  if (source.byteLength > (chunkSize ?? Number.POSITIVE_INFINITY)) return undefined;
  throwIfAborted(options.signal);
  return source instanceof Uint8Array ? source : new Uint8Array(source);
}
