import { schemes } from '@dangan/metadata';
import { ARCHIVAL_LAYOUTS, DAT48_SCHEMA } from '@dangan/packaging';
import { catalogue } from '../src/catalogue/catalogue.js';
import { allRules } from '../src/engine/rule-registry.js';
import type { CoverageInputs } from './render-coverage.js';

/**
 * The shipped data the coverage page describes.
 *
 * @example
 * renderCoverageDoc(coverageInputs());
 */
export function coverageInputs(): CoverageInputs {
  return {
    schemes: [schemes.dat46, schemes.dat54, schemes.dat63, schemes.ywtb],
    dat48Elements: Object.keys(DAT48_SCHEMA.elements),
    catalogue,
    ruleKeys: new Set(Object.keys(allRules())),
    archivalLayouts: Object.values(ARCHIVAL_LAYOUTS),
  };
}
