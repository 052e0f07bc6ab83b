export { SEQUENCE_FINDING_CODES, type SequenceFindingCode } from './codes.js';
export {
  type FindSequenceGapsOptions,
  findSequenceGaps,
  type SequenceClassSummary,
  type SequenceDuplicate,
  type SequenceGap,
  type SequenceGapReport,
  type SequenceInvalidValue,
  type SequenceOutOfOrder,
} from './gaps.js';
export {
  createMemorySequence,
  type MemorySequence,
  type MemorySequenceOptions,
  type SequenceNextOptions,
  type SequenceProvider,
} from './sequence-provider.js';
