/**
 * The scanner side of GD-4-2 (病毒检测): the interface a virus scanner implements and clamd's reply reading.
 *
 * @module
 */

export { type ClamdVersion, parseClamdReply, parseClamdVersion } from './clamd-reply.js';
export type { ScanErrorCode, ScanOptions, ScanResult, VirusScanner } from './types.js';
