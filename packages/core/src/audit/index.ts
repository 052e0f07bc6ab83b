export { type AppendAuditEventOptions, appendAuditEvent } from './append.js';
export {
  AUDIT_EVENT_VERSION,
  type AuditEvent,
  type AuditEventInput,
  type AuditSignature,
  GENESIS_HASH,
} from './audit-event.js';
export { canonicalJson, type JsonValue } from './canonical-json.js';
export { auditEventHash } from './hash-event.js';
export {
  type AuditChainVerification,
  type AuditProblem,
  type AuditProblemKind,
  type VerifyAuditChainOptions,
  verifyAuditChain,
} from './verify.js';
