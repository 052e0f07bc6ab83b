import { fromHex, toHex } from '../bytes/encoding.js';
import type { Finding } from '../errors/finding.js';
import { verify as sm2Verify } from '../sm2/index.js';
import { type AuditEvent, GENESIS_HASH } from './audit-event.js';
import { auditEventHash } from './hash-event.js';

/** What went wrong at one place of a chain. */
export type AuditProblemKind =
  | 'invalid'
  | 'edited'
  | 'deleted'
  | 'inserted'
  | 'reordered'
  | 'truncated'
  | 'head-mismatch'
  | 'broken-link'
  | 'bad-signature'
  | 'untrusted-signer';

/** One problem found by {@link verifyAuditChain}, pinned to an index of the array given. */
export interface AuditProblem {
  readonly kind: AuditProblemKind;
  /** Index in the array passed to {@link verifyAuditChain}. */
  readonly index: number;
  /** The event's own `seq`, when it has one. */
  readonly seq?: number;
  readonly message: string;
  readonly messageEn: string;
}

/** Options of {@link verifyAuditChain}. */
export interface VerifyAuditChainOptions {
  /**
   * Public keys (65-byte uncompressed SM2 points) whose checkpoint signatures are trusted. Without this,
   * checkpoints are verified against the key they carry, which proves integrity but not who signed.
   */
  readonly trustedPublicKeys?: readonly Uint8Array[];
  /**
   * The last event the host knows must be there (kept elsewhere: a signed report, another system).
   * Detects deletion at the end of the chain, which no chain can detect by itself.
   */
  readonly expectedHead?: { readonly seq: number; readonly hash: string };
  /** Verify a segment: the event just before `events[0]` (default: none, `events[0]` is the genesis event). */
  readonly anchor?: { readonly seq: number; readonly hash: string };
}

/** The verdict of {@link verifyAuditChain}. */
export interface AuditChainVerification {
  readonly ok: boolean;
  readonly length: number;
  /** The last event's seq and hash (to keep as the next `expectedHead`). */
  readonly head?: { readonly seq: number; readonly hash: string };
  /** Checkpoint signatures that verified. */
  readonly verifiedCheckpoints: number;
  readonly problems: readonly AuditProblem[];
  /** The problems as findings (`AUDIT_EVENT_EDITED` …), for reports. */
  readonly findings: readonly Finding[];
}

const FINDING_CODES: Record<AuditProblemKind, string> = {
  invalid: 'AUDIT_EVENT_INVALID',
  edited: 'AUDIT_EVENT_EDITED',
  deleted: 'AUDIT_EVENT_DELETED',
  inserted: 'AUDIT_EVENT_INSERTED',
  reordered: 'AUDIT_EVENTS_REORDERED',
  truncated: 'AUDIT_CHAIN_TRUNCATED',
  'head-mismatch': 'AUDIT_HEAD_MISMATCH',
  'broken-link': 'AUDIT_CHAIN_BROKEN',
  'bad-signature': 'AUDIT_SIGNATURE_INVALID',
  'untrusted-signer': 'AUDIT_SIGNER_UNTRUSTED',
};

/**
 * Verifies a hash-chained audit log (审计链校验) and pinpoints each edited, deleted, inserted or reordered
 * event, each bad checkpoint signature, and (with `expectedHead`) a truncated end. Never throws on bad
 * data: events read back from storage are untrusted input.
 *
 * @example
 * const result = verifyAuditChain(eventsFromDb, { trustedPublicKeys: [auditorKey] });
 * if (!result.ok) for (const p of result.problems) console.log(p.index, p.kind, p.message);
 */
export function verifyAuditChain(
  events: readonly unknown[],
  options: VerifyAuditChainOptions = {},
): AuditChainVerification {
  const problems: AuditProblem[] = [];
  const seen = new Set<string>();
  const report = (kind: AuditProblemKind, index: number, seq: number | undefined, zh: string, en: string) => {
    const key = `${kind}@${index}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ kind, index, ...(seq === undefined ? {} : { seq }), message: zh, messageEn: en });
  };
  const trusted = options.trustedPublicKeys?.map((k) => toHex(k));
  const valid = events.map(isAuditEventShape);
  const byHash = new Map<string, number>();
  events.forEach((e, i) => {
    if (valid[i]) byHash.set((e as AuditEvent).hash, i);
  });
  let verifiedCheckpoints = 0;

  for (let i = 0; i < events.length; i++) {
    if (!valid[i]) {
      report('invalid', i, undefined, `第 ${i} 条审计事件结构无效`, `Audit event ${i} is malformed`);
      continue;
    }
    const e = events[i] as AuditEvent;
    const hashOk = safeHash(e) === e.hash;
    if (!hashOk) {
      report(
        'edited',
        i,
        e.seq,
        `审计事件 seq=${e.seq} 的内容已被修改（哈希不符）`,
        `Audit event seq=${e.seq} was edited (hash mismatch)`,
      );
    } else if (e.signature !== undefined) {
      const signer = e.signature.publicKey.toLowerCase();
      if (!checkpointSignatureOk(e)) {
        report(
          'bad-signature',
          i,
          e.seq,
          `审计检查点 seq=${e.seq} 的 SM2 签名无效`,
          `Checkpoint seq=${e.seq} has an invalid SM2 signature`,
        );
      } else if (trusted !== undefined && !trusted.includes(signer)) {
        report(
          'untrusted-signer',
          i,
          e.seq,
          `审计检查点 seq=${e.seq} 的签名者不在受信任公钥之列`,
          `Checkpoint seq=${e.seq} was signed by an untrusted key`,
        );
      } else {
        verifiedCheckpoints++;
      }
    }
    checkLink(events, valid, byHash, i, options, report);
  }

  const last =
    events.length > 0 && valid[events.length - 1] ? (events[events.length - 1] as AuditEvent) : undefined;
  const { expectedHead } = options;
  if (expectedHead !== undefined && (last?.seq !== expectedHead.seq || last.hash !== expectedHead.hash)) {
    const lastSeq = last?.seq ?? options.anchor?.seq ?? -1;
    if (expectedHead.seq > lastSeq) {
      report(
        'truncated',
        events.length,
        undefined,
        `审计链在 seq=${lastSeq} 之后缺失事件（应至 seq=${expectedHead.seq}）`,
        `Audit chain is missing events after seq=${lastSeq} (expected up to seq=${expectedHead.seq})`,
      );
    } else {
      report(
        'head-mismatch',
        Math.max(events.length - 1, 0),
        last?.seq,
        `审计链末端与预期不符（预期 seq=${expectedHead.seq}）`,
        `Audit chain head differs from the expected one (seq=${expectedHead.seq})`,
      );
    }
  }
  problems.sort((a, b) => a.index - b.index);
  return {
    ok: problems.length === 0,
    length: events.length,
    ...(last === undefined ? {} : { head: { seq: last.seq, hash: last.hash } }),
    verifiedCheckpoints,
    problems,
    findings: problems.map((p) => ({
      code: FINDING_CODES[p.kind],
      severity: 'error' as const,
      message: p.message,
      messageEn: p.messageEn,
      path: `events[${p.index}]`,
    })),
  };
}

type Report = (
  kind: AuditProblemKind,
  index: number,
  seq: number | undefined,
  zh: string,
  en: string,
) => void;

function checkLink(
  events: readonly unknown[],
  valid: readonly boolean[],
  byHash: ReadonlyMap<string, number>,
  i: number,
  options: VerifyAuditChainOptions,
  report: Report,
): void {
  const e = events[i] as AuditEvent;
  const prev = i > 0 && valid[i - 1] ? (events[i - 1] as AuditEvent) : undefined;
  if (i > 0 && prev === undefined) return; // already reported as invalid
  const expectedPrevHash = prev?.hash ?? options.anchor?.hash ?? GENESIS_HASH;
  const expectedSeq = prev === undefined ? (options.anchor?.seq ?? -1) + 1 : prev.seq + 1;
  if (e.prevHash === expectedPrevHash && e.seq === expectedSeq) return;

  const linkedTo = byHash.get(e.prevHash);
  const next = i + 1 < events.length && valid[i + 1] ? (events[i + 1] as AuditEvent) : undefined;
  if (linkedTo !== undefined && linkedTo === i - 2) {
    const inserted = events[i - 1] as AuditEvent;
    report(
      'inserted',
      i - 1,
      inserted.seq,
      `审计事件 seq=${inserted.seq} 是插入的（前后事件原本相连）`,
      `Audit event seq=${inserted.seq} was inserted (its neighbours were linked to each other)`,
    );
  } else if (linkedTo !== undefined && linkedTo !== i - 1) {
    const target = events[linkedTo] as AuditEvent;
    report(
      'reordered',
      i,
      e.seq,
      `审计事件顺序被打乱：seq=${e.seq} 应紧随 seq=${target.seq}`,
      `Audit events were reordered: seq=${e.seq} should follow seq=${target.seq}`,
    );
  } else if (next !== undefined && next.prevHash === expectedPrevHash) {
    report(
      'inserted',
      i,
      e.seq,
      `审计事件 seq=${e.seq} 是插入的（前后事件原本相连）`,
      `Audit event seq=${e.seq} was inserted (its neighbours were linked to each other)`,
    );
  } else if (e.seq > expectedSeq && linkedTo === undefined) {
    const range = e.seq - 1 === expectedSeq ? `seq=${expectedSeq}` : `seq=${expectedSeq}…${e.seq - 1}`;
    report(
      'deleted',
      i,
      e.seq,
      `审计链在 seq=${e.seq} 之前缺失事件 ${range}`,
      `Audit chain is missing ${range} before seq=${e.seq}`,
    );
  } else if (prev !== undefined && e.seq === expectedSeq && linkedTo === undefined) {
    // The links disagree although each hash matches its content: one side was rewritten and rehashed.
    report(
      'edited',
      i - 1,
      prev.seq,
      `审计事件 seq=${prev.seq} 被改写并重算了哈希（与 seq=${e.seq} 的链接断开）`,
      `Audit event seq=${prev.seq} was rewritten and rehashed (its link to seq=${e.seq} is broken)`,
    );
  } else {
    report(
      'broken-link',
      i,
      e.seq,
      `审计事件 seq=${e.seq} 与前一事件的链接断开`,
      `Audit event seq=${e.seq} is not linked to the event before it`,
    );
  }
}

function safeHash(e: AuditEvent): string | undefined {
  try {
    return auditEventHash(e);
  } catch {
    return undefined;
  }
}

function checkpointSignatureOk(e: AuditEvent): boolean {
  const s = e.signature;
  if (s === undefined || s.algorithm !== 'SM2-SM3') return false;
  try {
    return sm2Verify(fromHex(s.value), fromHex(e.hash), fromHex(s.publicKey), { userId: s.userId });
  } catch {
    return false;
  }
}

const HEX64 = /^[0-9a-f]{64}$/;

function isAuditEventShape(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const e = value as Record<string, unknown>;
  const optionalString = (k: string) => e[k] === undefined || typeof e[k] === 'string';
  const sig = e.signature as Record<string, unknown> | undefined;
  return (
    e.v === 1 &&
    Number.isSafeInteger(e.seq) &&
    (e.seq as number) >= 0 &&
    typeof e.type === 'string' &&
    typeof e.at === 'string' &&
    typeof e.prevHash === 'string' &&
    HEX64.test(e.prevHash) &&
    typeof e.hash === 'string' &&
    HEX64.test(e.hash) &&
    optionalString('actor') &&
    optionalString('subject') &&
    (sig === undefined ||
      (typeof sig === 'object' &&
        sig !== null &&
        typeof sig.userId === 'string' &&
        typeof sig.publicKey === 'string' &&
        /^[0-9a-fA-F]+$/.test(sig.publicKey) &&
        typeof sig.value === 'string' &&
        /^[0-9a-fA-F]+$/.test(sig.value) &&
        sig.value.length % 2 === 0 &&
        sig.publicKey.length % 2 === 0))
  );
}
