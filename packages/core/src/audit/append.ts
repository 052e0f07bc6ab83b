import { fromHex, toHex } from '../bytes/encoding.js';
import { DanganError } from '../errors/dangan-error.js';
import { DEFAULT_USER_ID, getPublicKey, sign } from '../sm2/index.js';
import { AUDIT_EVENT_VERSION, type AuditEvent, type AuditEventInput, GENESIS_HASH } from './audit-event.js';
import { canonicalJson } from './canonical-json.js';
import { auditEventHash } from './hash-event.js';

/** Options of {@link appendAuditEvent}. */
export interface AppendAuditEventOptions {
  /** Clock for `at` when the input has none (injectable for reproducible tests). Default: the system clock. */
  readonly now?: () => Date;
  /**
   * Sign this event as a checkpoint with SM2: the signature covers the event hash, which covers the
   * whole chain before it. Sign periodically (every N events, at day end) so that rewriting history
   * would need the private key.
   */
  readonly checkpoint?: {
    readonly privateKey: Uint8Array;
    /** SM2 user id (default `1234567812345678`). */
    readonly userId?: string;
  };
}

/**
 * Appends an event to a hash chain (审计日志): returns the new event, linked to `previous` (the chain's
 * last event, or `undefined` for the first). Pure: the host persists what it returns.
 *
 * @example
 * const e0 = appendAuditEvent(undefined, { type: '归档', subject: 'Z109-WS·2024-Y-0001' });
 * const e1 = appendAuditEvent(e0, { type: '移交', actor: 'archivist-7' });
 */
export function appendAuditEvent(
  previous: AuditEvent | undefined,
  input: AuditEventInput,
  options: AppendAuditEventOptions = {},
): AuditEvent {
  if (typeof input?.type !== 'string' || input.type.length === 0) {
    throw new TypeError('input.type must be a non-empty string');
  }
  if (previous !== undefined && (!Number.isSafeInteger(previous.seq) || typeof previous.hash !== 'string')) {
    throw new TypeError('previous must be an AuditEvent (with seq and hash)');
  }
  const at = input.at ?? (options.now ?? (() => new Date()))().toISOString();
  if (Number.isNaN(Date.parse(at))) {
    throw new DanganError('AUDIT_EVENT_INVALID', `审计事件时间不是有效的 ISO 8601 时间：${at}`, {
      messageEn: `Audit event time is not a valid ISO 8601 time: ${at}`,
    });
  }
  // Refuse what cannot be canonicalised now, not when the chain is verified years later.
  if (input.data !== undefined) canonicalJson(input.data);
  const unsigned = {
    v: AUDIT_EVENT_VERSION,
    seq: previous === undefined ? 0 : previous.seq + 1,
    type: input.type,
    at,
    ...(input.actor === undefined ? {} : { actor: input.actor }),
    ...(input.subject === undefined ? {} : { subject: input.subject }),
    ...(input.data === undefined ? {} : { data: input.data }),
    prevHash: previous === undefined ? GENESIS_HASH : previous.hash,
  } satisfies Omit<AuditEvent, 'hash'>;
  const { checkpoint } = options;
  if (checkpoint === undefined) return { ...unsigned, hash: auditEventHash(unsigned) };
  const userId = checkpoint.userId ?? DEFAULT_USER_ID;
  const publicKey = toHex(getPublicKey(checkpoint.privateKey));
  const signable = {
    ...unsigned,
    signature: { algorithm: 'SM2-SM3' as const, userId, publicKey, value: '' },
  };
  const hash = auditEventHash(signable);
  const value = toHex(sign(fromHex(hash), checkpoint.privateKey, { userId }));
  return { ...unsigned, hash, signature: { ...signable.signature, value } };
}
