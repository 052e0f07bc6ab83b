import { hasBytes, u16le } from '../binary.js';
import type { Probe } from './probe.js';

/** GIF: `GIF87a` (PRONOM fmt/3) or `GIF89a` (fmt/4), with the logical screen size. */
export const probeGif: Probe = async ({ head }) => {
  const version = hasBytes(head, 'GIF87a') ? '87a' : hasBytes(head, 'GIF89a') ? '89a' : undefined;
  if (version === undefined) return undefined;
  return {
    id: 'gif',
    version,
    pronom: version === '87a' ? 'fmt/3' : 'fmt/4',
    details: head.length >= 10 ? { width: u16le(head, 6), height: u16le(head, 8) } : undefined,
  };
};
