import { hasBytes, u32be } from '../binary.js';
import type { Probe } from './probe.js';

/** FLV: `FLV` version 1 with a 9-byte (or longer) header; the flags say whether audio and video follow. */
export const probeFlv: Probe = async ({ head }) => {
  if (!hasBytes(head, 'FLV') || head[3] !== 1 || head.length < 9 || u32be(head, 5) < 9) return undefined;
  const flags = head[4]!;
  return {
    id: 'flv',
    version: '1',
    pronom: 'x-fmt/382',
    details: { hasAudio: (flags & 0x04) !== 0, hasVideo: (flags & 0x01) !== 0 },
  };
};
