import { toHex, utf8 } from '../bytes/encoding.js';
import { sm3 } from '../hash/sm3.js';
import type { AuditEvent } from './audit-event.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The SM3 hash (hex) an event must carry: over the canonical JSON of all its fields except `hash` and the
 * signature's `value` (the signature signs this hash, so it cannot be inside it).
 *
 * @example
 * const e0 = appendAuditEvent(undefined, { type: '归档', subject: 'Z109-WS·2024-Y-0001' });
 * auditEventHash(e0) === e0.hash; // true while the event is unchanged
 */
export function auditEventHash(event: Omit<AuditEvent, 'hash'> & { readonly hash?: string }): string {
  const { hash: _hash, signature, ...rest } = event;
  const hashed =
    signature === undefined
      ? rest
      : {
          ...rest,
          signature: {
            algorithm: signature.algorithm,
            userId: signature.userId,
            publicKey: signature.publicKey,
          },
        };
  return toHex(sm3(utf8(canonicalJson(hashed))));
}
