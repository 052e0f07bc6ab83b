/**
 * @dangan/metadata — metadata schemes as data (DA/T 46, 54, 63, 一网通办), validation keyed by element
 * number, XML mapping, JSON Schema export, attribute capture and the filing rules.
 *
 * @module
 */
export * from './capture/index.js';
export * from './filing/index.js';
export * from './json-schema/index.js';
export * from './scheme/index.js';
export { schemeById, schemes } from './schemes/index.js';
export { STANDARDS, type StandardReference } from './standards.js';
export * from './validate/index.js';
export * from './xml/index.js';
