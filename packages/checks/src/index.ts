/**
 * @dangan/checks — the DA/T 70-2018 four-property checks (四性检测) for 归档, 移交与接收 and 长期保存:
 * the catalogue as data, the engine, reports and scanner adapters.
 *
 * This first release carries the stages and the four properties as data; the catalogue and engine arrive
 * with their issue.
 *
 * @module
 */

export * from './catalogue/index.js';
export * from './engine/index.js';
export * from './profile/index.js';
export * from './report/index.js';
export {
  detectMojibake,
  type MetadataRuleKey,
  MOJIBAKE_KIND_TEXT,
  type MojibakeHit,
  type MojibakeKind,
  metadataRules,
} from './rules/metadata/index.js';
export {
  type ClamdVersion,
  parseClamdReply,
  parseClamdVersion,
  type ScanErrorCode,
  type ScanOptions,
  type ScanResult,
  type VirusScanner,
} from './scanner/index.js';
export { CHECK_STAGES, type CheckStage, FOUR_PROPERTIES, type FourProperty } from './stages.js';
