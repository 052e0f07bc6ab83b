import { toHex } from '../bytes/index.js';
import { publicKeyPoint } from './public-key.js';
import { type WindowTable, windowTable } from './public-multiply.js';

/** A validated public key and, once it has been used often enough, its window table. */
export interface PublicKeyEntry {
  /** 65-byte `04‖x‖y`. */
  readonly publicKey: Uint8Array;
  readonly x: bigint;
  readonly y: bigint;
  uses: number;
  table: WindowTable | undefined;
}

// 64 keys × a window-6 table (1,408 affine points, ~150 KiB) ≈ 10 MiB at most. A table costs about as much
// as TABLE_AFTER_USES verifications without one and makes each later one ~3× faster, so a key gets it once it
// has shown it is reused: one-off keys (each certificate of a chain, say) never pay for a table.
const LIMIT = 64;
const TABLE_WINDOW = 6;
const TABLE_AFTER_USES = 8;
const entries = /* @__PURE__ */ new Map<string, PublicKeyEntry>();

/** The cached entry of a public key (validated on first sight; `KEY_INVALID` if it is no SM2 point). */
export function publicKeyEntry(publicKey: Uint8Array): PublicKeyEntry {
  if (!(publicKey instanceof Uint8Array)) throw new TypeError('publicKey must be a Uint8Array');
  const key = toHex(publicKey);
  const hit = entries.get(key);
  if (hit !== undefined) {
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  const point = publicKeyPoint(publicKey);
  const { x, y } = point.toAffine();
  const entry: PublicKeyEntry = { publicKey: point.toBytes(false), x, y, uses: 0, table: undefined };
  if (entries.size >= LIMIT) entries.delete(entries.keys().next().value as string);
  entries.set(key, entry);
  return entry;
}

/** What to multiply the key by: its table once it has earned one, else its coordinates. Counts the use. */
export function multiplicand(entry: PublicKeyEntry): WindowTable | readonly [bigint, bigint] {
  entry.uses++;
  if (entry.table === undefined && entry.uses >= TABLE_AFTER_USES) {
    entry.table = windowTable(entry.x, entry.y, TABLE_WINDOW);
  }
  return entry.table ?? [entry.x, entry.y];
}

/** Drops every cached public key and table. */
export function clearPublicKeyCache(): void {
  entries.clear();
}
