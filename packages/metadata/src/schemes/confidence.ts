import type { ElementConfidence } from '../scheme/model.js';

// Shorthands for the two-letter confidences of ../shared/standards/metadata-elements.md (number&name · obligation).
export const HH = { numberAndName: 'high', obligation: 'high' } as const satisfies ElementConfidence;
export const HM = { numberAndName: 'high', obligation: 'medium' } as const satisfies ElementConfidence;
export const HL = { numberAndName: 'high', obligation: 'low' } as const satisfies ElementConfidence;
export const MM = { numberAndName: 'medium', obligation: 'medium' } as const satisfies ElementConfidence;
export const ML = { numberAndName: 'medium', obligation: 'low' } as const satisfies ElementConfidence;
export const MU = { numberAndName: 'medium', obligation: 'unknown' } as const satisfies ElementConfidence;
export const LL = { numberAndName: 'low', obligation: 'low' } as const satisfies ElementConfidence;
export const LU = { numberAndName: 'low', obligation: 'unknown' } as const satisfies ElementConfidence;
export const UU = { numberAndName: 'unknown', obligation: 'unknown' } as const satisfies ElementConfidence;

export const REQUIRED = { kind: '必选' } as const;
export const OPTIONAL = { kind: '可选' } as const;
