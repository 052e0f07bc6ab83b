import type { JsonValue } from './canonical-json.js';

/** The all-zero hash the first event of a chain links to. */
export const GENESIS_HASH = '0000000000000000000000000000000000000000000000000000000000000000';

/** Version of the event hashing rule; recorded in each event so the rule can evolve. */
export const AUDIT_EVENT_VERSION = 1;

/**
 * What the host records (审计事件): what happened, to what, by whom. Everything is plain JSON so the host can
 * store it in any database.
 */
export interface AuditEventInput {
  /** Kind of event, in the host's vocabulary, e.g. `归档`, `移交`, `销毁`, `check.run`. */
  readonly type: string;
  /** Who did it (a user or system id). */
  readonly actor?: string;
  /** What it was done to (a 档号, a package id …). */
  readonly subject?: string;
  /** When; defaults to the `now` option. ISO 8601 text. */
  readonly at?: string;
  /** Anything else worth keeping, as JSON (digests, results, reasons). */
  readonly data?: JsonValue;
}

/** The SM2 signature of a signed checkpoint event (签名检查点). */
export interface AuditSignature {
  /** Always `SM2-SM3`: SM2 over SM3 with Z_A, GM/T 0009. */
  readonly algorithm: 'SM2-SM3';
  /** The SM2 user id used for Z_A. */
  readonly userId: string;
  /** Signer's public key, uncompressed point in lowercase hex (130 hex digits). */
  readonly publicKey: string;
  /** DER signature over the 32 bytes of the event hash, lowercase hex. */
  readonly value: string;
}

/**
 * One link of the chain as stored: the input plus its place (`seq`), the previous event's hash and its own
 * SM3 hash. A checkpoint also carries an SM2 `signature` over its hash.
 */
export interface AuditEvent {
  readonly v: typeof AUDIT_EVENT_VERSION;
  /** Position in the chain, from 0, without gaps. */
  readonly seq: number;
  readonly type: string;
  readonly at: string;
  readonly actor?: string;
  readonly subject?: string;
  readonly data?: JsonValue;
  /** Hash of the previous event ({@link GENESIS_HASH} for the first). */
  readonly prevHash: string;
  /** SM3 (hex) of the canonical JSON of every other field, the signature value excepted. */
  readonly hash: string;
  readonly signature?: AuditSignature;
}
