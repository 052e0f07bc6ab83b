import type { Hash } from '@noble/hashes/utils.js';
import { toHex } from '../bytes/encoding.js';
import { hasNativeHash, type NativeHash, nativeCrypto } from '../runtime/native-crypto.js';
import { type DigestAlgorithm, parseDigestAlgorithm } from './algorithms.js';
import { pureHash } from './pure.js';

/**
 * An incremental digest (摘要计算器): feed bytes with `update`, read the result once with `digest` or
 * `digestHex`. Native and pure hashers behave the same and give byte-identical results.
 */
export interface Hasher {
  /** The algorithm, in its canonical name. */
  readonly algorithm: DigestAlgorithm;
  /** Adds bytes. The hasher does not keep `chunk`, so the caller may reuse its memory afterwards. */
  update(chunk: Uint8Array): this;
  /** The digest of everything added so far. Finishes the hasher: call it (or `digestHex`) once. */
  digest(): Uint8Array;
  /** {@link Hasher.digest} as lowercase hexadecimal. */
  digestHex(): string;
  /** An independent copy of the current state, e.g. to read a digest of a prefix and keep going. */
  clone(): Hasher;
}

/**
 * A new incremental {@link Hasher}. In Node (and Bun, Deno) it uses the native `node:crypto` hash when the
 * runtime has one, chosen at run time; elsewhere, or after `useNativeCrypto(false)`, pure TypeScript.
 *
 * @example
 * const h = createHasher('sm3'); for await (const c of chunks(file)) h.update(c); h.digestHex();
 */
export function createHasher(algorithm: DigestAlgorithm): Hasher {
  const name = parseDigestAlgorithm(algorithm);
  const native = hasNativeHash(name) ? nativeCrypto() : undefined;
  if (native !== undefined) {
    try {
      return new NativeHasher(name, native.createHash(name));
    } catch {
      // Listed but refused (MD5 under an OpenSSL FIPS policy): the pure one gives the same digest.
    }
  }
  return new PureHasher(name, pureHash(name).create());
}

/**
 * A {@link Hasher} on the pure TypeScript implementation whatever the runtime offers (for tests that must
 * exercise it, and hosts that pin behaviour).
 *
 * @example
 * createPureHasher('sm3').update(utf8('abc')).digestHex();
 */
export function createPureHasher(algorithm: DigestAlgorithm): Hasher {
  const name = parseDigestAlgorithm(algorithm);
  return new PureHasher(name, pureHash(name).create());
}

abstract class BaseHasher {
  protected finished = false;
  constructor(readonly algorithm: DigestAlgorithm) {}

  protected check(chunk?: Uint8Array): void {
    if (this.finished)
      throw new TypeError('this hasher is finished: digest() was already called; clone() before it');
    if (chunk !== undefined && !(chunk instanceof Uint8Array)) {
      throw new TypeError(`chunk must be a Uint8Array, got ${typeof chunk}`);
    }
  }

  abstract digest(): Uint8Array;
}

class NativeHasher extends BaseHasher implements Hasher {
  constructor(
    algorithm: DigestAlgorithm,
    private readonly hash: NativeHash,
  ) {
    super(algorithm);
  }

  update(chunk: Uint8Array): this {
    this.check(chunk);
    this.hash.update(chunk);
    return this;
  }

  digest(): Uint8Array {
    this.check();
    this.finished = true;
    // Node returns a Buffer; hand out a plain Uint8Array so results compare equal to the pure path's.
    return new Uint8Array(this.hash.digest());
  }

  digestHex(): string {
    this.check();
    this.finished = true;
    // Node's own hex encoding: no intermediate bytes, measurably cheaper for small messages.
    return (this.hash as unknown as { digest(encoding: 'hex'): string }).digest('hex');
  }

  clone(): Hasher {
    this.check();
    return new NativeHasher(this.algorithm, this.hash.copy());
  }
}

class PureHasher extends BaseHasher implements Hasher {
  constructor(
    algorithm: DigestAlgorithm,
    private readonly hash: Hash<unknown>,
  ) {
    super(algorithm);
  }

  update(chunk: Uint8Array): this {
    this.check(chunk);
    this.hash.update(chunk);
    return this;
  }

  digest(): Uint8Array {
    this.check();
    this.finished = true;
    return this.hash.digest();
  }

  digestHex(): string {
    return toHex(this.digest());
  }

  clone(): Hasher {
    this.check();
    return new PureHasher(this.algorithm, this.hash.clone() as Hash<unknown>);
  }
}
