/**
 * @dangan/checks/node — the Node-only parts of the checks: the ClamAV (clamd) virus scanner for GD-4-2.
 *
 * @module
 */

export {
  type ClamavScanner,
  type ClamavScannerOptions,
  type ClamdCommandOptions,
  clamavScanner,
} from './clamav.js';
