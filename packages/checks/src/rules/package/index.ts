/**
 * Package rules (信息包): readme and catalogue, structure, package digest, content count, package metadata,
 * format compliance.
 *
 * @module
 */
export { contentCountRule } from './content-count.js';
export { packageDigestRule } from './digest.js';
export { formatsCompliantRule } from './formats-compliant.js';
export { metadataCompleteRule } from './metadata-complete.js';
export { readmeCatalogueRule } from './readme-catalogue.js';
export { structureRule } from './structure.js';
