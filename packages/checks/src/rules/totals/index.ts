/**
 * Totals rules (数据总量): registered 件数 and 字节数 against the package.
 *
 * @module
 */
export { totalsBytesRule, totalsCountRule } from './totals.js';
