/**
 * Preservation rules (长期保存): backup restorability.
 *
 * @module
 */
export { backupRestorableRule } from './backup.js';
