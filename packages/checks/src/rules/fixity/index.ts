/**
 * Fixity rules (固化信息): `fixity` (1-1) and `fixity.audit` (BC periodic audit).
 *
 * @module
 */
export { fixityRule } from './fixity.js';
export { fixityAuditRule } from './fixity-audit.js';
export { type CompareDigestsOptions, compareDigests } from './stated-digests.js';
