/**
 * @dangan/metadata — metadata schemes as data (DA/T 46, 54, 63, 一网通办), validation keyed by element
 * number, XML mapping, JSON Schema export, attribute capture and the filing rules.
 *
 * This first release carries the catalogue of standards the rules follow; the schemes and filing rules
 * arrive with their own issues.
 *
 * @module
 */
export { STANDARDS, type StandardReference } from './standards.js';
