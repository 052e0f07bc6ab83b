import type { ElementConfidence } from '../scheme/model.js';

// More two-letter confidences (number&name · obligation), beside those of ./confidence.ts.

/** Number and name anchored in the standard's text; obligation and repeatability not seen. */
export const HU = { numberAndName: 'high', obligation: 'unknown' } as const satisfies ElementConfidence;
/** Name from a single weak source; obligation fairly sure (our own structure). */
export const LM = { numberAndName: 'low', obligation: 'medium' } as const satisfies ElementConfidence;
