import type { RandomBytes } from './scalar.js';
import type { SignatureFormat } from './signature-encoding.js';

/** Options of {@link sign}. */
export interface SignOptions {
  /**
   * The signer's distinguishing identifier ID_A (用户身份标识), hashed into Z_A. Text is UTF-8 encoded.
   * Default {@link DEFAULT_USER_ID} `'1234567812345678'`; a verifier must use the same value.
   */
  readonly userId?: string | Uint8Array | undefined;
  /** Output encoding: `der` (default, GM/T 0009 `SEQUENCE { r, s }`) or `raw` (64 bytes `r‖s`). */
  readonly format?: SignatureFormat | undefined;
  /** The message digest: only `sm3` (SM2 signatures are defined with SM3). */
  readonly hash?: 'sm3' | undefined;
  /**
   * Source of the random bytes the nonce k is drawn from (32 bytes per draw, rejected unless in [1, n−1]).
   * **For test vectors only**: a fixed k makes signatures reproducible and reusing one leaks the private
   * key. Default: WebCrypto `getRandomValues`.
   */
  readonly random?: ((length: number) => Uint8Array) | undefined;
}

/** Options of {@link verify}. */
export interface VerifyOptions {
  /** The signer's ID_A; default {@link DEFAULT_USER_ID}. Must match what the signer used. */
  readonly userId?: string | Uint8Array | undefined;
  /** Accept only this encoding. Default: strict DER, or 64 bytes `r‖s` when the bytes are not DER. */
  readonly format?: SignatureFormat | undefined;
  /** The message digest: only `sm3`. */
  readonly hash?: 'sm3' | undefined;
}

/** Options of {@link signDigest}. */
export type SignDigestOptions = Pick<SignOptions, 'format' | 'random'>;

/** Options of {@link verifyDigest}. */
export type VerifyDigestOptions = Pick<VerifyOptions, 'format'>;

/** Options of {@link createMessageHasher}. */
export type MessageHasherOptions = Pick<SignOptions, 'userId'>;

/** Options of {@link generateKeyPair}. */
export interface KeyPairOptions {
  /** Source of random bytes for the private key. Default: WebCrypto `getRandomValues`. For tests only. */
  readonly random?: RandomBytes | undefined;
}

const FORMATS = /* @__PURE__ */ new Set(['der', 'raw']);

/** Checks options given at the API boundary; throws `TypeError`/`RangeError` naming the bad member. */
export function checkOptions(options: object | undefined): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  const o = options as { format?: unknown; hash?: unknown; random?: unknown };
  if (o.format !== undefined && !FORMATS.has(o.format as string)) {
    throw new RangeError(`options.format must be 'der' or 'raw', got ${String(o.format)}`);
  }
  if (o.hash !== undefined && o.hash !== 'sm3') {
    throw new RangeError(`options.hash must be 'sm3' (SM2 signatures use SM3), got ${String(o.hash)}`);
  }
  if (o.random !== undefined && typeof o.random !== 'function') {
    throw new TypeError('options.random must be a function (length) => Uint8Array');
  }
}
