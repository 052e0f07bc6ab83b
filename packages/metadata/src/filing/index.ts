/**
 * Filing rules (整理规则) as data plus small pure functions: 档号 templates and sequences, classification,
 * the retention schedule (归档范围与保管期限表), 办件 as the filing unit, ordering, component file names, the
 * 归档文件目录 and 归档章, and filing / transfer / appraisal deadlines by jurisdiction.
 *
 * @module
 */
export * from './archival-code/index.js';
export * from './case/index.js';
export * from './catalogue/index.js';
export * from './classification/index.js';
export * from './deadlines/index.js';
export type { FilingCodeInfo } from './finding-code-info.js';
export * from './naming/index.js';
export * from './ordering/index.js';
export * from './retention/index.js';
export {
  parseRetention,
  type Retention,
  type RetentionCode,
  type RetentionPeriod,
  retentionCode,
  retentionPeriod,
} from './retention-period.js';
export * from './sequence/index.js';
