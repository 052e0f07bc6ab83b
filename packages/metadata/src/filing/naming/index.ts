/**
 * Component file naming: names of the files inside a package, derived from the 档号, order and role, safe
 * on Windows, Linux, macOS and in ZIP.
 *
 * @module
 */
export { NAMING_FINDING_CODES, type NamingFindingCode } from './codes.js';
export {
  type ComponentFileNameInput,
  type ComponentFileNameOptions,
  type ComponentFileNamePart,
  componentFileName,
  componentFileNames,
  safeComponentFileName,
  safeComponentFileNames,
} from './component-file-name.js';
export {
  isPortableFileName,
  isWindowsReservedName,
  type PortableFileNameOptions,
  sanitizeFileNamePart,
  truncateUtf8,
  utf8Length,
  WINDOWS_RESERVED_NAMES,
} from './portable-name.js';
